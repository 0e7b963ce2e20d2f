// What extract/ reads from one PDF page: its size, text layer, images, the text of its
// annotations and form fields, and renderings for the blank test and for OCR.
// Private to extract/.
#ifndef SKJERM_EXTRACT_PDF_PAGE_H_
#define SKJERM_EXTRACT_PDF_PAGE_H_

#include <poppler.h>

#include <vector>

#include <poppler/cpp/poppler-page.h>

#include "extract/document.h"
#include "extract/extract_options.h"
#include "extract/ocr_engine.h"
#include "extract/text_layer.h"

namespace skjerm {

// Width and height in points as a reader shows the page (after /Rotate).
void PageSize(const poppler::page& page, double* width_pt, double* height_pt);

// The page's words in poppler's reading order, boxes in points (origin top left).
std::vector<TextLayerWord> ReadTextLayer(const poppler::page& page);

// Where images are placed on a page.
struct ImageLayout {
  double coverage = 0;       // fraction of the page that images cover (union)
  double largest_share = 0;  // fraction of the page the largest single image covers
  int largest_id = -1;       // poppler-glib image id of that image; -1 without images
  double largest_width_pt = 0, largest_height_pt = 0;
  std::vector<Box> areas;  // each image's placement, points from the top left, clipped
};

ImageLayout ReadImageLayout(PopplerPage* page, double width_pt, double height_pt);

// The resolution a scanned page was made at, from its largest image's pixels and placed
// size, clamped to [min_ocr_dpi, max_ocr_dpi]; default_scan_dpi without an image. Then
// lowered until the rendered page stays within max_page_pixels.
int OcrResolution(PopplerPage* page, const ImageLayout& images, double width_pt, double height_pt,
                  const ExtractOptions& options);

// True when nothing visible would be found on the page: a low-resolution rendering has no
// pixel noticeably darker than paper. Cheap, so that a thousand blank pages cost little.
// Throws ExtractionError when the page cannot be rendered.
bool IsBlankPage(const poppler::page& page, int number, double width_pt, double height_pt);

// The page in 8-bit gray at kSurveyDpi (less for a page larger than 4e6 pixels at it), for
// the ink survey (page_trust.h), which every text page gets: its cost grows with the pixels,
// and at 30 dpi a line of 9-point text is still a row of marks. Throws ExtractionError.
inline constexpr double kSurveyDpi = 30;
GrayImage RenderSurvey(const poppler::page& page, int number, double width_pt, double height_pt);

// Renders the page in 8-bit gray at dpi (antialiased) for OCR. Throws ExtractionError.
GrayImage RenderForOcr(const poppler::page& page, int number, int dpi);

// Where annotations and form fields are drawn, in points from the top left (their text is
// read as metadata, below, not from the page's content).
std::vector<Box> AnnotationAreas(PopplerPage* page, double height_pt);

// Text of annotations (contents, authors, subjects, attached files' names) and form
// fields (text values, selected choices) on the page, appended to *out.
void ReadPageMetadata(PopplerPage* page, int number, std::vector<MetadataText>* out);

// Info fields and the names and descriptions of embedded files, appended to *out.
void ReadDocumentMetadata(PopplerDocument* document, std::vector<MetadataText>* out);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_PDF_PAGE_H_
