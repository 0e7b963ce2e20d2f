// Throughput of each detection stage on letter text: TextView, every detector alone (with
// the findings of those before it, as in a scan), the marking finder, and the whole
// judgement. Input: the .txt files of a directory (default: tests/data/bench, letters
// written for this), repeated. Run: build/skjerm_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/rule_set.h"
#include "pipeline/scanner.h"

namespace skjerm {
namespace {

std::vector<std::string> LoadLetters() {
  const char* dir = std::getenv("SKJERM_BENCH_DIR");
  std::vector<std::string> letters;
  for (const auto& e : std::filesystem::directory_iterator(dir ? dir : SKJERM_BENCH_DIR)) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::ostringstream s;
    s << in.rdbuf();
    letters.push_back(s.str());
  }
  return letters;
}

const std::vector<std::string>& Letters() {
  static const std::vector<std::string> letters = LoadLetters();
  return letters;
}

const RuleSet& Rules() {
  static const std::unique_ptr<RuleSet> rules = RuleSet::Load(SKJERM_PATTERNS_DIR, nullptr);
  return *rules;
}

Document AsDocument(const std::string& text) {
  Document d;
  Page p;
  p.number = 1;
  p.text = text;
  d.pages.push_back(std::move(p));
  return d;
}

int64_t TotalBytes() {
  int64_t n = 0;
  for (const auto& l : Letters()) n += static_cast<int64_t>(l.size());
  return n;
}

void BM_TextView(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& l : Letters()) benchmark::DoNotOptimize(TextView(l));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_TextView);

// Detector i alone, given the findings of detectors 0..i-1.
void BM_Detector(benchmark::State& state) {
  const size_t index = static_cast<size_t>(state.range(0));
  const auto& detectors = Rules().detectors();
  if (index >= detectors.size()) {
    state.SkipWithError("the rule set has fewer detectors");
    return;
  }
  state.SetLabel(std::string(detectors[index]->name()));
  std::vector<DocumentText> texts;
  std::vector<std::vector<Finding>> before;
  for (const auto& l : Letters()) {
    texts.push_back(MakeDocumentText(AsDocument(l)));
    std::vector<Finding> f;
    for (size_t i = 0; i < index; ++i) detectors[i]->Detect(texts.back(), &f);
    before.push_back(std::move(f));
  }
  for (auto _ : state) {
    for (size_t k = 0; k < texts.size(); ++k) {
      std::vector<Finding> f = before[k];
      detectors[index]->Detect(texts[k], &f);
      benchmark::DoNotOptimize(f);
    }
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
// One per detector of the rule set (rule_set_load.cc): six.
BENCHMARK(BM_Detector)->DenseRange(0, 5);

void BM_Markings(benchmark::State& state) {
  std::vector<DocumentText> texts;
  for (const auto& l : Letters()) texts.push_back(MakeDocumentText(AsDocument(l)));
  for (auto _ : state) {
    for (const auto& t : texts) benchmark::DoNotOptimize(Rules().markings().Find(t));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Markings);

void BM_Judge(benchmark::State& state) {
  Scanner scanner(Rules());
  std::vector<Document> docs;
  for (const auto& l : Letters()) docs.push_back(AsDocument(l));
  for (auto _ : state) {
    for (const auto& d : docs) benchmark::DoNotOptimize(scanner.Judge(d));
  }
  state.SetBytesProcessed(state.iterations() * TotalBytes());
}
BENCHMARK(BM_Judge);

}  // namespace
}  // namespace skjerm

BENCHMARK_MAIN();
