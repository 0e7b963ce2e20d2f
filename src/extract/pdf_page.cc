#include "extract/pdf_page.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <new>
#include <string>

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>

#include "extract/extraction_error.h"
#include "extract/pdf_document.h"

namespace skjerm {
namespace {

// Images smaller than this share of the page (logos, signatures) do not tell the
// resolution of a scan.
constexpr double kScanImageShare = 0.25;
// Image coverage is measured on a grid of this many cells a side.
constexpr int kCoverageGrid = 64;

// The blank test: a rendering at this resolution, at most this many pixels; a pixel at
// most this bright counts as ink. Antialiasing turns even a thin stroke into a grey well
// below paper white at this scale.
constexpr double kBlankTestDpi = 50;
constexpr double kBlankTestMaxPixels = 4e6;
constexpr int kInkLevel = 230;

std::string PageLabel(int number) { return "page " + std::to_string(number); }

// `dpi`, lowered for a page so large that it would make more than kBlankTestMaxPixels.
double LowDpi(double dpi, double width_pt, double height_pt) {
  const double square_inches = (width_pt / 72.0) * (height_pt / 72.0);
  if (square_inches > 0) dpi = std::min(dpi, std::sqrt(kBlankTestMaxPixels / square_inches));
  return std::max(dpi, 1.0);
}

poppler::image Render(const poppler::page& page, int number, double dpi) {
  try {
    poppler::page_renderer renderer;
    renderer.set_image_format(poppler::image::format_gray8);
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_paper_color(0xffffffff);
    poppler::image image = renderer.render_page(&page, dpi, dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_gray8) {
      throw ExtractionError("damaged PDF: " + PageLabel(number) + " cannot be rendered");
    }
    return image;
  } catch (const std::bad_alloc&) {
    throw ExtractionError(PageLabel(number) + ": out of memory while rendering");
  }
}

const char* AnnotTypeName(PopplerAnnotType type) {
  switch (type) {
    case POPPLER_ANNOT_TEXT:
      return "Text";
    case POPPLER_ANNOT_LINK:
      return "Link";
    case POPPLER_ANNOT_FREE_TEXT:
      return "FreeText";
    case POPPLER_ANNOT_LINE:
      return "Line";
    case POPPLER_ANNOT_SQUARE:
      return "Square";
    case POPPLER_ANNOT_CIRCLE:
      return "Circle";
    case POPPLER_ANNOT_POLYGON:
      return "Polygon";
    case POPPLER_ANNOT_POLY_LINE:
      return "PolyLine";
    case POPPLER_ANNOT_HIGHLIGHT:
      return "Highlight";
    case POPPLER_ANNOT_UNDERLINE:
      return "Underline";
    case POPPLER_ANNOT_SQUIGGLY:
      return "Squiggly";
    case POPPLER_ANNOT_STRIKE_OUT:
      return "StrikeOut";
    case POPPLER_ANNOT_STAMP:
      return "Stamp";
    case POPPLER_ANNOT_CARET:
      return "Caret";
    case POPPLER_ANNOT_INK:
      return "Ink";
    case POPPLER_ANNOT_POPUP:
      return "Popup";
    case POPPLER_ANNOT_FILE_ATTACHMENT:
      return "FileAttachment";
    case POPPLER_ANNOT_SOUND:
      return "Sound";
    case POPPLER_ANNOT_MOVIE:
      return "Movie";
    case POPPLER_ANNOT_WIDGET:
      return "Widget";
    case POPPLER_ANNOT_SCREEN:
      return "Screen";
    case POPPLER_ANNOT_PRINTER_MARK:
      return "PrinterMark";
    case POPPLER_ANNOT_TRAP_NET:
      return "TrapNet";
    case POPPLER_ANNOT_WATERMARK:
      return "Watermark";
    case POPPLER_ANNOT_3D:
      return "3D";
    default:
      return "Annotation";
  }
}

// Adds an entry unless it is empty or the same text already came from the same page (a
// popup repeats its parent; a form field has a widget per appearance).
void AddText(MetadataSource source, std::string name, int page, std::string text,
             std::vector<MetadataText>* out) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return;
  for (const MetadataText& m : *out) {
    if (m.page == page && m.source == source && m.text == text) return;
  }
  out->push_back(MetadataText{source, std::move(name), page, std::move(text)});
}

void AddAttachment(PopplerAttachment* attachment, int page, std::vector<MetadataText>* out) {
  if (attachment == nullptr) return;
  const gchar* name = poppler_attachment_get_name(attachment);
  const gchar* description = poppler_attachment_get_description(attachment);
  if (name != nullptr) AddText(MetadataSource::kEmbeddedFile, "name", page, name, out);
  if (description != nullptr) {
    AddText(MetadataSource::kEmbeddedFile, "description", page, description, out);
  }
}

void ReadAnnotation(PopplerAnnot* annot, int number, std::vector<MetadataText>* out) {
  const PopplerAnnotType type = poppler_annot_get_annot_type(annot);
  if (type == POPPLER_ANNOT_WIDGET) return;  // form fields are read as fields
  const std::string name = AnnotTypeName(type);
  AddText(MetadataSource::kAnnotation, name, number, TakeGString(poppler_annot_get_contents(annot)),
          out);
  if (POPPLER_IS_ANNOT_MARKUP(annot)) {
    PopplerAnnotMarkup* markup = POPPLER_ANNOT_MARKUP(annot);
    AddText(MetadataSource::kAnnotation, name + " author", number,
            TakeGString(poppler_annot_markup_get_label(markup)), out);
    AddText(MetadataSource::kAnnotation, name + " subject", number,
            TakeGString(poppler_annot_markup_get_subject(markup)), out);
  }
  if (type == POPPLER_ANNOT_FILE_ATTACHMENT) {
    GObjectPtr<PopplerAttachment> attachment(
        poppler_annot_file_attachment_get_attachment(POPPLER_ANNOT_FILE_ATTACHMENT(annot)));
    AddAttachment(attachment.get(), number, out);
  }
}

std::string ChoiceText(PopplerFormField* field) {
  std::string text;
  const int n = poppler_form_field_choice_get_n_items(field);
  for (int i = 0; i < n; ++i) {
    if (!poppler_form_field_choice_is_item_selected(field, i)) continue;
    if (!text.empty()) text.push_back('\n');
    text += TakeGString(poppler_form_field_choice_get_item(field, i));
  }
  // An editable combo box can hold typed text that is none of its items.
  const std::string typed = TakeGString(poppler_form_field_choice_get_text(field));
  if (!typed.empty() && text.find(typed) == std::string::npos) {
    if (!text.empty()) text.push_back('\n');
    text += typed;
  }
  return text;
}

void ReadFormField(PopplerFormField* field, int number, std::vector<MetadataText>* out) {
  std::string name = TakeGString(poppler_form_field_get_name(field));
  if (name.empty()) name = TakeGString(poppler_form_field_get_partial_name(field));
  switch (poppler_form_field_get_field_type(field)) {
    case POPPLER_FORM_FIELD_TEXT:
      AddText(MetadataSource::kFormField, name, number,
              TakeGString(poppler_form_field_text_get_text(field)), out);
      break;
    case POPPLER_FORM_FIELD_CHOICE:
      AddText(MetadataSource::kFormField, name, number, ChoiceText(field), out);
      break;
    default:  // buttons and signatures hold no text a reader types
      break;
  }
}

}  // namespace

void PageSize(const poppler::page& page, double* width_pt, double* height_pt) {
  const poppler::rectf box = page.page_rect(poppler::crop_box);
  const bool sideways = page.orientation() == poppler::page::landscape ||
                        page.orientation() == poppler::page::seascape;
  *width_pt = sideways ? box.height() : box.width();
  *height_pt = sideways ? box.width() : box.height();
}

std::vector<TextLayerWord> ReadTextLayer(const poppler::page& page) {
  std::vector<TextLayerWord> words;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::byte_array utf8 = box.text().to_utf8();
    const poppler::rectf r = box.bbox();
    TextLayerWord word;
    word.text.assign(utf8.begin(), utf8.end());
    word.box = Box{r.left(), r.top(), r.right(), r.bottom()};
    word.rotation = box.rotation();
    word.space_after = box.has_space_after();
    words.push_back(std::move(word));
  }
  return words;
}

ImageLayout ReadImageLayout(PopplerPage* page, double width_pt, double height_pt) {
  ImageLayout layout;
  if (width_pt <= 0 || height_pt <= 0) return layout;
  GList* mapping = poppler_page_get_image_mapping(page);
  std::vector<bool> covered(kCoverageGrid * kCoverageGrid, false);
  double largest_area = 0;
  for (GList* item = mapping; item != nullptr; item = item->next) {
    const auto* image = static_cast<const PopplerImageMapping*>(item->data);
    const double x0 = std::clamp(std::min(image->area.x1, image->area.x2), 0.0, width_pt);
    const double x1 = std::clamp(std::max(image->area.x1, image->area.x2), 0.0, width_pt);
    const double y0 = std::clamp(std::min(image->area.y1, image->area.y2), 0.0, height_pt);
    const double y1 = std::clamp(std::max(image->area.y1, image->area.y2), 0.0, height_pt);
    const double area = (x1 - x0) * (y1 - y0);
    layout.areas.push_back(Box{x0, y0, x1, y1});
    if (area > largest_area) {
      largest_area = area;
      layout.largest_id = image->image_id;
      layout.largest_width_pt = std::abs(image->area.x2 - image->area.x1);
      layout.largest_height_pt = std::abs(image->area.y2 - image->area.y1);
    }
    for (int gy = 0; gy < kCoverageGrid; ++gy) {
      const double cy = (gy + 0.5) * height_pt / kCoverageGrid;
      if (cy < y0 || cy > y1) continue;
      for (int gx = 0; gx < kCoverageGrid; ++gx) {
        const double cx = (gx + 0.5) * width_pt / kCoverageGrid;
        if (cx >= x0 && cx <= x1) covered[gy * kCoverageGrid + gx] = true;
      }
    }
  }
  poppler_page_free_image_mapping(mapping);
  layout.coverage =
      static_cast<double>(std::count(covered.begin(), covered.end(), true)) / covered.size();
  layout.largest_share = largest_area / (width_pt * height_pt);
  return layout;
}

int OcrResolution(PopplerPage* page, const ImageLayout& images, double width_pt, double height_pt,
                  const ExtractOptions& options) {
  double dpi = options.default_scan_dpi;
  if (images.largest_id >= 0 && images.largest_share >= kScanImageShare) {
    cairo_surface_t* surface = poppler_page_get_image(page, images.largest_id);
    if (surface != nullptr) {
      if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
        const double pixels = std::max(cairo_image_surface_get_width(surface),
                                       cairo_image_surface_get_height(surface));
        const double inches = std::max(images.largest_width_pt, images.largest_height_pt) / 72.0;
        if (pixels > 0 && inches > 0) dpi = pixels / inches;
      }
      cairo_surface_destroy(surface);
    }
  }
  dpi = std::clamp<double>(dpi, options.min_ocr_dpi, options.max_ocr_dpi);
  const double square_inches = (width_pt / 72.0) * (height_pt / 72.0);
  if (square_inches > 0) {
    dpi = std::min(dpi, std::sqrt(static_cast<double>(options.max_page_pixels) / square_inches));
  }
  return static_cast<int>(std::floor(dpi));
}

bool IsBlankPage(const poppler::page& page, int number, double width_pt, double height_pt) {
  const poppler::image image = Render(page, number, LowDpi(kBlankTestDpi, width_pt, height_pt));
  const char* data = image.const_data();
  for (int y = 0; y < image.height(); ++y) {
    const auto* row = reinterpret_cast<const unsigned char*>(data + y * image.bytes_per_row());
    for (int x = 0; x < image.width(); ++x) {
      if (row[x] <= kInkLevel) return false;
    }
  }
  return true;
}

GrayImage RenderSurvey(const poppler::page& page, int number, double width_pt, double height_pt) {
  return RenderForOcr(page, number, static_cast<int>(LowDpi(kSurveyDpi, width_pt, height_pt)));
}

GrayImage RenderForOcr(const poppler::page& page, int number, int dpi) {
  const poppler::image image = Render(page, number, dpi);
  try {
    GrayImage gray;
    gray.width = image.width();
    gray.height = image.height();
    gray.stride = image.width();
    gray.pixels.resize(static_cast<size_t>(gray.stride) * gray.height);
    const char* data = image.const_data();
    for (int y = 0; y < gray.height; ++y) {
      std::copy_n(data + static_cast<size_t>(y) * image.bytes_per_row(), gray.width,
                  gray.pixels.begin() + static_cast<size_t>(y) * gray.stride);
    }
    return gray;
  } catch (const std::bad_alloc&) {
    throw ExtractionError(PageLabel(number) + ": out of memory while rendering");
  }
}

std::vector<Box> AnnotationAreas(PopplerPage* page, double height_pt) {
  std::vector<Box> areas;
  GList* annots = poppler_page_get_annot_mapping(page);
  for (GList* item = annots; item != nullptr; item = item->next) {
    const PopplerRectangle& r = static_cast<PopplerAnnotMapping*>(item->data)->area;
    // poppler-glib gives annotation areas with y up, from the bottom of the page.
    areas.push_back(Box{std::min(r.x1, r.x2), height_pt - std::max(r.y1, r.y2),
                        std::max(r.x1, r.x2), height_pt - std::min(r.y1, r.y2)});
  }
  poppler_page_free_annot_mapping(annots);
  return areas;
}

void ReadPageMetadata(PopplerPage* page, int number, std::vector<MetadataText>* out) {
  GList* annots = poppler_page_get_annot_mapping(page);
  for (GList* item = annots; item != nullptr; item = item->next) {
    ReadAnnotation(static_cast<PopplerAnnotMapping*>(item->data)->annot, number, out);
  }
  poppler_page_free_annot_mapping(annots);

  GList* fields = poppler_page_get_form_field_mapping(page);
  for (GList* item = fields; item != nullptr; item = item->next) {
    ReadFormField(static_cast<PopplerFormFieldMapping*>(item->data)->field, number, out);
  }
  poppler_page_free_form_field_mapping(fields);
}

void ReadDocumentMetadata(PopplerDocument* document, std::vector<MetadataText>* out) {
  const struct {
    const char* name;
    gchar* (*get)(PopplerDocument*);
  } kInfoFields[] = {
      {"Title", poppler_document_get_title},     {"Subject", poppler_document_get_subject},
      {"Author", poppler_document_get_author},   {"Keywords", poppler_document_get_keywords},
      {"Creator", poppler_document_get_creator}, {"Producer", poppler_document_get_producer},
  };
  for (const auto& field : kInfoFields) {
    AddText(MetadataSource::kInfoField, field.name, 0, TakeGString(field.get(document)), out);
  }
  if (!poppler_document_has_attachments(document)) return;
  GList* attachments = poppler_document_get_attachments(document);
  for (GList* item = attachments; item != nullptr; item = item->next) {
    GObjectPtr<PopplerAttachment> attachment(static_cast<PopplerAttachment*>(item->data));
    AddAttachment(attachment.get(), 0, out);
  }
  g_list_free(attachments);
}

}  // namespace skjerm
