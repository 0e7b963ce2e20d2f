// Helpers shared by the extract_*_test.cc files: fixture paths and scratch files.
#ifndef SKJERM_TESTS_UNIT_EXTRACT_TEST_UTIL_H_
#define SKJERM_TESTS_UNIT_EXTRACT_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extraction_error.h"
#include "temp_folder.h"

namespace skjerm::testing {

// Invented national IDs with valid check digits, as scripts/make-extract-fixtures.py
// wrote them into the fixtures.
inline constexpr char kLetterId[] = "040712 51298";
inline constexpr char kScanId[] = "230111 63475";

inline std::string Fixture(const std::string& name) {
  return std::string(SKJERM_TEST_DATA_DIR) + "/extract/" + name;
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A scratch directory removed when the object goes.
class ScratchDir {
 public:
  std::string Write(const std::string& name, const std::string& contents) const {
    const std::string file = folder_.File(name);
    std::ofstream(file, std::ios::binary) << contents;
    return file;
  }
  std::string path() const { return folder_.path().string(); }

 private:
  TempFolder folder_{"skjerm-extract"};
};

// The reason of the ExtractionError that body throws; fails the test if there is none.
template <typename Body>
std::string ErrorOf(Body body) {
  try {
    body();
  } catch (const ExtractionError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no ExtractionError";
  return "";
}

// A PDF of `pages` A4 pages, each drawn by the content stream `content` (empty pages when
// it is empty), written by hand so that tests need no tools. `page_entries` go into every
// page's dictionary ("/CropBox [...] /Resources << ... >>").
inline std::string MinimalPdf(int pages, const std::string& content = "",
                              const std::string& page_entries = "") {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  object("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < pages; ++i) kids += std::to_string(i + 3) + " 0 R ";
  object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  const std::string contents =
      content.empty() ? "" : " /Contents " + std::to_string(pages + 3) + " 0 R";
  for (int i = 0; i < pages; ++i) {
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]" + contents + " " + page_entries +
           " >>");
  }
  if (!content.empty()) {
    object("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
           "\nendstream");
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", offset);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\n";
  pdf += "startxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

inline std::string WordText(const Page& page, const Word& word) {
  return page.text.substr(word.begin, word.end - word.begin);
}

inline const Word* FindWord(const Page& page, const std::string& text) {
  for (const Word& w : page.words) {
    if (WordText(page, w) == text) return &w;
  }
  return nullptr;
}

}  // namespace skjerm::testing

#endif  // SKJERM_TESTS_UNIT_EXTRACT_TEST_UTIL_H_
