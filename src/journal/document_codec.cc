#include "journal/document_codec.h"

#include <nlohmann/json.hpp>

namespace skjerm {
namespace {

constexpr int kEncodingVersion = 1;

}  // namespace

std::string EncodeDocument(const Document& document) {
  nlohmann::json j;
  j["v"] = kEncodingVersion;
  j["sha256"] = document.sha256;
  j["size"] = document.size;
  j["type"] = static_cast<int>(document.media_type);
  nlohmann::json pages = nlohmann::json::array();
  for (const Page& page : document.pages) {
    nlohmann::json words = nlohmann::json::array();
    for (const Word& w : page.words) {
      words.push_back({w.box.x0, w.box.y0, w.box.x1, w.box.y1, w.begin, w.end, w.confidence});
    }
    pages.push_back({{"n", page.number},
                     {"text", page.text},
                     {"words", std::move(words)},
                     {"ocr", page.origin == PageOrigin::kOcr},
                     {"conf", page.ocr_confidence ? nlohmann::json(*page.ocr_confidence)
                                                  : nlohmann::json(nullptr)},
                     {"w", page.width_pt},
                     {"h", page.height_pt},
                     {"dpi", page.ocr_dpi}});
  }
  j["pages"] = std::move(pages);
  nlohmann::json metadata = nlohmann::json::array();
  for (const MetadataText& m : document.metadata) {
    metadata.push_back({static_cast<int>(m.source), m.name, m.page, m.text});
  }
  j["metadata"] = std::move(metadata);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<Document> DecodeDocument(const std::string& bytes) {
  try {
    nlohmann::json j = nlohmann::json::parse(bytes);
    if (j.at("v").get<int>() != kEncodingVersion) return std::nullopt;
    Document d;
    d.sha256 = j.at("sha256").get<std::string>();
    d.size = j.at("size").get<uint64_t>();
    d.media_type = static_cast<MediaType>(j.at("type").get<int>());
    for (const auto& p : j.at("pages")) {
      Page page;
      page.number = p.at("n").get<int>();
      page.text = p.at("text").get<std::string>();
      for (const auto& w : p.at("words")) {
        Word word;
        word.box =
            Box{w[0].get<double>(), w[1].get<double>(), w[2].get<double>(), w[3].get<double>()};
        word.begin = w[4].get<size_t>();
        word.end = w[5].get<size_t>();
        word.confidence = w[6].get<float>();
        page.words.push_back(word);
      }
      page.origin = p.at("ocr").get<bool>() ? PageOrigin::kOcr : PageOrigin::kTextLayer;
      if (!p.at("conf").is_null()) page.ocr_confidence = p.at("conf").get<float>();
      page.width_pt = p.at("w").get<double>();
      page.height_pt = p.at("h").get<double>();
      page.ocr_dpi = p.at("dpi").get<int>();
      d.pages.push_back(std::move(page));
    }
    for (const auto& m : j.at("metadata")) {
      MetadataText item;
      item.source = static_cast<MetadataSource>(m[0].get<int>());
      item.name = m[1].get<std::string>();
      item.page = m[2].get<int>();
      item.text = m[3].get<std::string>();
      d.metadata.push_back(std::move(item));
    }
    return d;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
}

}  // namespace skjerm
