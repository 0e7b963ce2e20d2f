#include "extract/document_codec.h"

namespace skjerm {
namespace {

constexpr int kEncodingVersion = 2;

}  // namespace

nlohmann::json PageToJson(const Page& page) {
  nlohmann::json words = nlohmann::json::array();
  for (const Word& w : page.words) {
    words.push_back({w.box.x0, w.box.y0, w.box.x1, w.box.y1, w.begin, w.end, w.confidence});
  }
  nlohmann::json j = {{"n", page.number},
                      {"text", page.text},
                      {"words", std::move(words)},
                      {"ocr", page.origin == PageOrigin::kOcr},
                      {"conf", page.ocr_confidence ? nlohmann::json(*page.ocr_confidence)
                                                   : nlohmann::json(nullptr)},
                      {"w", page.width_pt},
                      {"h", page.height_pt},
                      {"dpi", page.ocr_dpi},
                      {"why", page.ocr_reason}};
  // Only on the pages of a long text file.
  if (page.shared_before > 0) j["sb"] = page.shared_before;
  if (page.shared_after > 0) j["sa"] = page.shared_after;
  return j;
}

Page PageFromJson(const nlohmann::json& p) {
  Page page;
  page.number = p.at("n").get<int>();
  page.text = p.at("text").get<std::string>();
  for (const auto& w : p.at("words")) {
    Word word;
    word.box = Box{w.at(0).get<double>(), w.at(1).get<double>(), w.at(2).get<double>(),
                   w.at(3).get<double>()};
    word.begin = w.at(4).get<size_t>();
    word.end = w.at(5).get<size_t>();
    word.confidence = w.at(6).get<float>();
    if (word.begin > word.end || word.end > page.text.size()) {
      throw nlohmann::json::other_error::create(502, "a word outside its page's text", &w);
    }
    if (!IsValidOcrConfidence(word.confidence)) {
      throw nlohmann::json::other_error::create(503, "a word confidence outside 0..100", &w);
    }
    page.words.push_back(word);
  }
  page.origin = p.at("ocr").get<bool>() ? PageOrigin::kOcr : PageOrigin::kTextLayer;
  if (!p.at("conf").is_null()) {
    page.ocr_confidence = p.at("conf").get<float>();
    // The worker clamps what Tesseract says; a value outside the scale means a broken or
    // impostor worker, and a page it vouches for must not count as read.
    if (!IsValidOcrConfidence(*page.ocr_confidence)) {
      throw nlohmann::json::other_error::create(503, "a page confidence outside 0..100", &p);
    }
  }
  page.width_pt = p.at("w").get<double>();
  page.height_pt = p.at("h").get<double>();
  page.ocr_dpi = p.at("dpi").get<int>();
  page.ocr_reason = p.at("why").get<std::string>();
  page.shared_before = p.value("sb", size_t{0});
  page.shared_after = p.value("sa", size_t{0});
  if (page.shared_before + page.shared_after > page.text.size()) {
    throw nlohmann::json::other_error::create(502, "a page shares more than its text", &p);
  }
  return page;
}

nlohmann::json DocumentToJson(const Document& document) {
  nlohmann::json pages = nlohmann::json::array();
  for (const Page& page : document.pages) pages.push_back(PageToJson(page));
  nlohmann::json metadata = nlohmann::json::array();
  for (const MetadataText& m : document.metadata) {
    metadata.push_back({static_cast<int>(m.source), m.name, m.page, m.text});
  }
  return {{"v", kEncodingVersion},     {"sha256", document.sha256},
          {"size", document.size},     {"type", static_cast<int>(document.media_type)},
          {"pages", std::move(pages)}, {"metadata", std::move(metadata)}};
}

Document DocumentFromJson(const nlohmann::json& j) {
  if (j.at("v").get<int>() != kEncodingVersion) {
    throw nlohmann::json::other_error::create(501, "another encoding version", &j);
  }
  Document d;
  d.sha256 = j.at("sha256").get<std::string>();
  d.size = j.at("size").get<uint64_t>();
  d.media_type = static_cast<MediaType>(j.at("type").get<int>());
  for (const auto& p : j.at("pages")) d.pages.push_back(PageFromJson(p));
  for (const auto& m : j.at("metadata")) {
    MetadataText item;
    item.source = static_cast<MetadataSource>(m.at(0).get<int>());
    item.name = m.at(1).get<std::string>();
    item.page = m.at(2).get<int>();
    item.text = m.at(3).get<std::string>();
    d.metadata.push_back(std::move(item));
  }
  return d;
}

std::string EncodeDocument(const Document& document) {
  return DocumentToJson(document).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<Document> DecodeDocument(const std::string& bytes) {
  try {
    return DocumentFromJson(nlohmann::json::parse(bytes));
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace skjerm
