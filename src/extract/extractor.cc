#include "extract/extractor.h"

#include <chrono>
#include <new>
#include <string>

#include "extract/extraction_error.h"
#include "extract/image_file.h"
#include "extract/ocr_attempts.h"
#include "extract/page_trust.h"
#include "extract/pdf_document.h"
#include "extract/pdf_page.h"
#include "extract/placed_images.h"
#include "extract/poppler_errors.h"
#include "extract/text_file.h"
#include "extract/text_layer.h"

namespace skjerm {
namespace {

// When a PDF page needs OCR although it has a usable text layer. Failing closed: a page
// OCR'd needlessly costs seconds, a page read wrongly from its text layer misses data.
//
// A page mostly covered by images is a scan. Its text layer counts only if it reads like
// the whole page (ocrmypdf output, a scanner's OCR): enough characters, and lines spread
// over the page. A records system's stamp on a scan is neither.
constexpr double kScanImageCoverage = 0.5;
constexpr int kScanMinAlnum = 400;
constexpr double kScanMinLineCoverage = 0.2;
// A single picture this large on a page of running text (a pasted screenshot, a photo of
// a form) may carry text of its own.
constexpr double kPictureShare = 0.25;
// Below this a page is too coarse to OCR: the page is too large for max_page_pixels.
constexpr int kMinUsefulDpi = 50;

enum class OcrNeed {
  kNone,
  kPicture,   // text layer good, but a large picture may hold text: OCR in auto mode
  kRequired,  // no usable text layer, or a scan: without OCR the page is unread
};

struct Judgement {
  OcrNeed need = OcrNeed::kNone;
  std::string why;  // for the error when OCR is disabled: "page N <why> and ..."
};

Judgement JudgeTextLayer(const Page& page, const ImageLayout& images) {
  const TextQuality quality = AssessText(page.text);
  const bool usable = IsUsableTextLayer(quality);
  if (images.coverage >= kScanImageCoverage) {
    const bool sparse =
        !usable || quality.alnum < kScanMinAlnum || LineCoverage(page) < kScanMinLineCoverage;
    if (!sparse) return {};
    if (quality.visible == 0) return {OcrNeed::kRequired, "is a scanned image without text layer"};
    return {OcrNeed::kRequired, "is a scanned image with little text in its text layer"};
  }
  if (quality.visible == 0) return {OcrNeed::kRequired, "has no text layer"};
  if (!usable) return {OcrNeed::kRequired, "has no usable text layer"};
  if (images.largest_share >= kPictureShare) return {OcrNeed::kPicture, "has a large picture"};
  return {};
}

// The judgement of a PDF page's text layer, made the same way by both passes: JudgeTextLayer,
// then, for a layer that reads as usable and that Poppler had nothing to say about,
// DistrustTextLayer (which renders the page, and may make Poppler speak).
Judgement JudgePdfPage(const poppler::page& source, PopplerPage* glib_page, const Page& page,
                       const ImageLayout& images, const PopplerErrorScope& poppler_errors) {
  Judgement judgement = JudgeTextLayer(page, images);
  if (judgement.need != OcrNeed::kRequired && poppler_errors.problems().empty()) {
    std::string doubt = DistrustTextLayer(source, glib_page, page, images);
    if (!doubt.empty()) judgement = {OcrNeed::kRequired, std::move(doubt)};
  }
  return judgement;
}

// The pictures to OCR on a page whose text layer stands: with --ocr auto, the layer judged
// good and Poppler silent so far (the ink survey included). Empty when the page is not read
// that way. The plan and the OCR pass both ask, after JudgePdfPage, so that they agree.
std::vector<PlacedImage> PicturesToRead(PopplerPage* glib_page, const Page& page,
                                        const ImageLayout& images, const Judgement& judgement,
                                        const PopplerErrorScope& poppler_errors,
                                        const ExtractOptions& options) {
  if (options.ocr != OcrMode::kAuto || judgement.need != OcrNeed::kNone || images.largest_id < 0 ||
      !poppler_errors.problems().empty()) {
    return {};
  }
  return FindTextImages(glib_page, page);
}

std::string PageLabel(int number) { return "page " + std::to_string(number); }

std::string TimedOut(const ExtractOptions& options) {
  return "timed out after " + std::to_string(options.timeout.count()) + " s";
}

void CheckDeadline(Deadline deadline, const ExtractOptions& options) {
  if (std::chrono::steady_clock::now() >= deadline) throw ExtractionError(TimedOut(options));
}

Document EmptyDocument(const SourceFile& file) {
  Document doc;
  doc.path = file.path;
  doc.sha256 = file.sha256;
  doc.size = file.bytes->size();
  doc.media_type = file.type;
  return doc;
}

// A page waiting for OCR, or one the blank test found empty. A blank page carries no
// OCR confidence and no dpi: nothing was recognised because there was nothing to see.
Page OcrPlaceholder(int number, double width_pt, double height_pt) {
  Page page;
  page.number = number;
  page.origin = PageOrigin::kOcr;
  page.width_pt = width_pt;
  page.height_pt = height_pt;
  return page;
}

Page TextLayerPage(const poppler::page& source, int number) {
  Page page;
  page.number = number;
  PageSize(source, &page.width_pt, &page.height_pt);
  LayOutTextLayer(ReadTextLayer(source), &page);
  return page;
}

// Appends a page's text layer to its OCR text as a block of its own: text the layer has
// but the image does not show (a hidden layer, a stamp OCR misread) is still read.
void AppendTextLayer(const Page& layer, Page* page) {
  if (layer.text.empty()) return;
  if (!page->text.empty()) page->text.append("\n\n");
  const size_t offset = page->text.size();
  page->text += layer.text;
  for (Word word : layer.words) {
    word.begin += offset;
    word.end += offset;
    page->words.push_back(word);
  }
}

// Reads page `index` into plan->document and, when it needs OCR, lists it in ocr_pages.
void PlanPdfPage(const PdfDocument& pdf, int index, const ExtractOptions& options,
                 ExtractionPlan* plan) {
  const int number = index + 1;
  const auto source = pdf.CppPage(index);
  const auto glib_page = pdf.GlibPage(index);
  Document& doc = plan->document;
  ReadPageMetadata(glib_page.get(), number, &doc.metadata);
  const PopplerErrorScope poppler_errors;  // a page Poppler complains about is not trusted
  Page page = TextLayerPage(*source, number);

  Judgement judgement{OcrNeed::kRequired, "is OCR'd as --ocr always asks"};
  ImageLayout images;
  if (options.ocr != OcrMode::kAlways) {
    images = ReadImageLayout(glib_page.get(), page.width_pt, page.height_pt);
    judgement = JudgePdfPage(*source, glib_page.get(), page, images, poppler_errors);
  }
  const OcrNeed need = judgement.need;
  const bool trusted = poppler_errors.problems().empty();
  if (!PicturesToRead(glib_page.get(), page, images, judgement, poppler_errors, options).empty()) {
    // Its pictures may carry text of their own: they are read in the OCR pass.
    plan->ocr_pages.push_back(index);
    doc.pages.push_back(OcrPlaceholder(number, page.width_pt, page.height_pt));
    return;
  }
  const bool keep =
      need == OcrNeed::kNone || (need == OcrNeed::kPicture && options.ocr == OcrMode::kNever);
  if (keep && trusted) {
    doc.pages.push_back(std::move(page));
    return;
  }
  // Nothing Poppler could not draw is taken for blank: what it lost may be what matters.
  bool blank = poppler_errors.problems().empty() &&
               IsBlankPage(*source, number, page.width_pt, page.height_pt);
  if (const PopplerProblems problems = poppler_errors.problems(); !problems.empty()) {
    if (options.ocr == OcrMode::kNever) ThrowIfContentLost(problems, number);
    judgement = {OcrNeed::kRequired, ProblemsReason(problems)};
    blank = false;
  }
  if (blank) {
    // Nothing visible; an invisible text layer, however short, is kept.
    const bool keep_layer = options.ocr != OcrMode::kAlways && !page.text.empty();
    doc.pages.push_back(keep_layer ? std::move(page)
                                   : OcrPlaceholder(number, page.width_pt, page.height_pt));
    return;
  }
  if (options.ocr == OcrMode::kNever) {
    throw ExtractionError(PageLabel(number) + " " + judgement.why +
                          " and OCR is disabled (--ocr never)");
  }
  plan->ocr_pages.push_back(index);
  doc.pages.push_back(OcrPlaceholder(number, page.width_pt, page.height_pt));
  doc.pages.back().ocr_reason = judgement.why;
}

void PlanPdf(const SourceFile& file, const ExtractOptions& options, ExtractionPlan* plan) {
  const Deadline deadline = std::chrono::steady_clock::now() + options.timeout;
  const auto pdf = PdfDocument::Open(file.bytes);
  if (pdf->page_count() > options.max_pages) {
    throw ExtractionError("too many pages (" + std::to_string(pdf->page_count()) + ", limit " +
                          std::to_string(options.max_pages) + ")");
  }
  ReadDocumentMetadata(pdf->glib(), &plan->document.metadata);
  for (int i = 0; i < pdf->page_count(); ++i) {
    CheckDeadline(deadline, options);
    PlanPdfPage(*pdf, i, options, plan);
  }
}

void PlanImage(const SourceFile& file, const ExtractOptions& options, ExtractionPlan* plan) {
  const std::vector<ImagePage> pages = ReadImagePages(*file.bytes, file.type, options);
  if (options.ocr == OcrMode::kNever) {
    throw ExtractionError(PageLabel(1) + " has no text layer and OCR is disabled (--ocr never)");
  }
  for (size_t i = 0; i < pages.size(); ++i) {
    plan->document.pages.push_back(
        OcrPlaceholder(static_cast<int>(i) + 1, pages[i].width_pt(), pages[i].height_pt()));
    plan->ocr_pages.push_back(static_cast<int>(i));
  }
}

Page RecognizeOrThrow(OcrEngine& engine, const GrayImage& image, int dpi, int number,
                      Deadline deadline, const ExtractOptions& options, InkTest ink) {
  try {
    return ReadPageImage(engine, image, dpi, number, deadline, MirrorAttempt::kTry, ink);
  } catch (const ExtractionError&) {
    if (std::chrono::steady_clock::now() >= deadline) throw ExtractionError(TimedOut(options));
    throw;
  }
}

Page OcrPdfPage(const PdfDocument& pdf, int index, const ExtractOptions& options, OcrEngine& engine,
                PlacedImageReader& pictures, Deadline deadline) {
  const int number = index + 1;
  const auto source = pdf.CppPage(index);
  const auto glib_page = pdf.GlibPage(index);
  const PopplerErrorScope poppler_errors;  // a page Poppler cannot draw wholly is not read
  Page layer = TextLayerPage(*source, number);
  const ImageLayout images = ReadImageLayout(glib_page.get(), layer.width_pt, layer.height_pt);
  // Planned for its pictures (as PlanPdfPage decided): a trusted text layer stands, their
  // words join it. A layer that Poppler complained about or that does not match the page is
  // OCR'd whole below; so is one whose pictures Poppler could not copy out or complained
  // about, which is refused there when Poppler lost part of it.
  if (options.ocr == OcrMode::kAuto) {
    const Judgement judgement =
        JudgePdfPage(*source, glib_page.get(), layer, images, poppler_errors);
    const std::vector<PlacedImage> text_images =
        PicturesToRead(glib_page.get(), layer, images, judgement, poppler_errors, options);
    if (!text_images.empty()) {
      Page read = layer;
      if (pictures.ReadInto(glib_page.get(), text_images, &read) &&
          poppler_errors.problems().empty()) {
        return read;
      }
    }
  }
  const bool merge_layer = options.ocr != OcrMode::kAlways;
  if (IsBlankPage(*source, number, layer.width_pt, layer.height_pt)) {
    ThrowIfContentLost(poppler_errors.problems(), number);
    if (merge_layer && !layer.text.empty()) return layer;
    return OcrPlaceholder(number, layer.width_pt, layer.height_pt);
  }
  const int dpi = OcrResolution(glib_page.get(), images, layer.width_pt, layer.height_pt, options);
  if (dpi < kMinUsefulDpi) {
    throw ExtractionError(PageLabel(number) + " is too large to render for OCR");
  }
  const GrayImage image = RenderForOcr(*source, number, dpi);
  ThrowIfContentLost(poppler_errors.problems(), number);
  // IsBlankPage found ink above: the rendering is not tested for it again.
  Page page = RecognizeOrThrow(engine, image, dpi, number, deadline, options, InkTest::kSkip);
  page.width_pt = layer.width_pt;
  page.height_pt = layer.height_pt;
  if (merge_layer) AppendTextLayer(layer, &page);
  return page;
}

template <typename Body>
auto Guarded(Body body) -> decltype(body()) {
  try {
    return body();
  } catch (const ExtractionError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw ExtractionError("out of memory");
  } catch (const std::exception&) {
    // Library messages may quote the document; the reason stays generic.
    throw ExtractionError("internal error while reading the file");
  }
}

}  // namespace

ExtractionPlan PlanExtraction(const SourceFile& file, const ExtractOptions& options) {
  return Guarded([&] {
    ExtractionPlan plan;
    plan.document = EmptyDocument(file);
    switch (file.type) {
      case MediaType::kPdf:
        PlanPdf(file, options, &plan);
        break;
      case MediaType::kPng:
      case MediaType::kJpeg:
      case MediaType::kTiff:
        PlanImage(file, options, &plan);
        break;
      case MediaType::kText:
        plan.document.pages = TextFilePages(*file.bytes);
        break;
      case MediaType::kUnknown:
        throw ExtractionError("unsupported file type (not PDF, PNG, JPEG, TIFF or UTF-8 text)");
    }
    return plan;
  });
}

std::vector<Page> OcrPages(const SourceFile& file, std::span<const int> pages,
                           const ExtractOptions& options, OcrEngine& engine, Deadline deadline) {
  return Guarded([&] {
    std::vector<Page> out;
    if (pages.empty()) return out;
    std::unique_ptr<PdfDocument> pdf;
    if (file.type == MediaType::kPdf) pdf = PdfDocument::Open(file.bytes);
    PlacedImageReader pictures(engine, options, deadline);
    for (const int index : pages) {
      CheckDeadline(deadline, options);
      if (pdf != nullptr) {
        if (index < 0 || index >= pdf->page_count()) {
          throw ExtractionError("internal error: no page " + std::to_string(index + 1));
        }
        out.push_back(OcrPdfPage(*pdf, index, options, engine, pictures, deadline));
      } else if (file.type == MediaType::kPng || file.type == MediaType::kJpeg ||
                 file.type == MediaType::kTiff) {
        int dpi = 0;
        ImagePage source;
        const GrayImage image =
            LoadImagePageForOcr(*file.bytes, file.type, index, options, &dpi, &source);
        Page page =
            RecognizeOrThrow(engine, image, dpi, index + 1, deadline, options, InkTest::kTest);
        page.width_pt = source.width_pt();
        page.height_pt = source.height_pt();
        out.push_back(std::move(page));
      } else {
        throw ExtractionError("internal error: nothing to OCR in a text file");
      }
    }
    return out;
  });
}

Document ExtractDocument(const SourceFile& file, const ExtractOptions& options,
                         OcrEngine* engine_or_null) {
  const Deadline deadline = std::chrono::steady_clock::now() + options.timeout;
  ExtractionPlan plan = PlanExtraction(file, options);
  if (plan.ocr_pages.empty()) return std::move(plan.document);
  std::unique_ptr<OcrEngine> own_engine;
  if (engine_or_null == nullptr) {
    own_engine = OcrEngine::Create(options.ocr_languages);
    engine_or_null = own_engine.get();
  }
  FillOcrPages(plan.ocr_pages, OcrPages(file, plan.ocr_pages, options, *engine_or_null, deadline),
               &plan.document);
  return std::move(plan.document);
}

void FillOcrPages(std::span<const int> indexes, std::vector<Page> pages, Document* document) {
  if (pages.size() != indexes.size()) {
    throw ExtractionError("internal error: " + std::to_string(indexes.size()) +
                          " pages sent to OCR, " + std::to_string(pages.size()) + " came back");
  }
  for (size_t k = 0; k < indexes.size(); ++k) {
    const int index = indexes[k];
    if (index < 0 || static_cast<size_t>(index) >= document->pages.size()) {
      throw ExtractionError("internal error: OCR of page " + std::to_string(index + 1) +
                            ", which the document does not have");
    }
    Page& placeholder = document->pages[static_cast<size_t>(index)];
    if (pages[k].ocr_reason.empty()) pages[k].ocr_reason = std::move(placeholder.ocr_reason);
    placeholder = std::move(pages[k]);
  }
}

}  // namespace skjerm
