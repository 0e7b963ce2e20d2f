#include "extract/placed_images.h"

#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <new>

#include "base/sha256.h"
#include "extract/extraction_error.h"
#include "extract/ocr_attempts.h"

namespace skjerm {
namespace {

// A picture big enough to carry text (see CanCarryText), in points.
constexpr double kMinTextImageWidth = 72;
constexpr double kMinTextImageHeight = 12;
// A picture with this many text-layer words over it has its text in the layer already (an
// OCR layer over a scan, a letter written on a background picture); reading it again would
// only repeat the layer at the cost of a page of OCR.
constexpr int kLayerWordsOverImage = 12;

struct SurfaceDestroyer {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroyer>;

uint8_t Luma(uint32_t r, uint32_t g, uint32_t b) {
  return static_cast<uint8_t>((r * 299 + g * 587 + b * 114) / 1000);
}

// The picture's pixels in gray, transparency shown on white as a viewer shows it. Empty
// for a format no picture is drawn with.
GrayImage GrayFromSurface(cairo_surface_t* surface) {
  GrayImage image;
  cairo_surface_flush(surface);
  const cairo_format_t format = cairo_image_surface_get_format(surface);
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  if (data == nullptr || width <= 0 || height <= 0) return image;
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24 && format != CAIRO_FORMAT_A8) {
    return image;
  }
  image.width = width;
  image.height = height;
  image.stride = width;
  image.pixels.resize(static_cast<size_t>(width) * height);
  for (int y = 0; y < height; ++y) {
    const unsigned char* row = data + static_cast<size_t>(y) * stride;
    uint8_t* out = image.pixels.data() + static_cast<size_t>(y) * width;
    for (int x = 0; x < width; ++x) {
      if (format == CAIRO_FORMAT_A8) {
        out[x] = static_cast<uint8_t>(255 - row[x]);
        continue;
      }
      uint32_t p;
      std::memcpy(&p, row + 4 * static_cast<size_t>(x), 4);
      const uint32_t a = format == CAIRO_FORMAT_ARGB32 ? p >> 24 : 255;
      // ARGB32 is premultiplied: over white, the colour plus what the alpha leaves uncovered.
      out[x] = static_cast<uint8_t>(
          std::min<uint32_t>(255, Luma((p >> 16) & 255, (p >> 8) & 255, p & 255) + (255 - a)));
    }
  }
  return image;
}

// The picture's resolution as placed, brought within what OCR reads well and within the
// pixel limit: the factor to scale its pixels by, and the resulting dpi.
double OcrScale(const GrayImage& image, const Box& area, const ExtractOptions& options, int* dpi) {
  const double inches = std::max(area.x1 - area.x0, area.y1 - area.y0) / 72.0;
  const double native = std::max(image.width, image.height) / inches;
  double target = std::clamp<double>(native, options.min_ocr_dpi, options.max_ocr_dpi);
  const double pixels =
      static_cast<double>(image.width) * image.height * (target / native) * (target / native);
  if (pixels > static_cast<double>(options.max_page_pixels)) {
    target *= std::sqrt(static_cast<double>(options.max_page_pixels) / pixels);
  }
  *dpi = std::max(1, static_cast<int>(std::lround(target)));
  return target / native;
}

std::string ImageKey(const GrayImage& image, int dpi) {
  std::string bytes = std::to_string(image.width) + "x" + std::to_string(image.height) + "@" +
                      std::to_string(dpi) + "\n";
  bytes.append(reinterpret_cast<const char*>(image.pixels.data()), image.pixels.size());
  return Sha256Hex(bytes);
}

int LayerWordsInside(const Page& layer, const Box& area) {
  int n = 0;
  for (const Word& w : layer.words) {
    const double cx = (w.box.x0 + w.box.x1) / 2, cy = (w.box.y0 + w.box.y1) / 2;
    n += cx >= area.x0 && cx <= area.x1 && cy >= area.y0 && cy <= area.y1;
  }
  return n;
}

// A box of a picture's reading (points from its top left corner, the picture being
// width_pt x height_pt) placed onto `area` of the page.
Box OntoPage(const Box& box, double width_pt, double height_pt, const Box& area) {
  const double sx = (area.x1 - area.x0) / width_pt, sy = (area.y1 - area.y0) / height_pt;
  return Box{area.x0 + box.x0 * sx, area.y0 + box.y0 * sy, area.x0 + box.x1 * sx,
             area.y0 + box.y1 * sy};
}

}  // namespace

bool CanCarryText(const Box& area) {
  return area.x1 - area.x0 >= kMinTextImageWidth && area.y1 - area.y0 >= kMinTextImageHeight;
}

std::vector<PlacedImage> FindTextImages(PopplerPage* page, const Page& layer) {
  std::vector<PlacedImage> out;
  if (layer.width_pt <= 0 || layer.height_pt <= 0) return out;
  GList* mapping = poppler_page_get_image_mapping(page);
  for (GList* item = mapping; item != nullptr; item = item->next) {
    const auto* image = static_cast<const PopplerImageMapping*>(item->data);
    PlacedImage placed;
    placed.id = image->image_id;
    placed.area.x0 = std::clamp(std::min(image->area.x1, image->area.x2), 0.0, layer.width_pt);
    placed.area.x1 = std::clamp(std::max(image->area.x1, image->area.x2), 0.0, layer.width_pt);
    placed.area.y0 = std::clamp(std::min(image->area.y1, image->area.y2), 0.0, layer.height_pt);
    placed.area.y1 = std::clamp(std::max(image->area.y1, image->area.y2), 0.0, layer.height_pt);
    if (!CanCarryText(placed.area)) continue;
    if (LayerWordsInside(layer, placed.area) >= kLayerWordsOverImage) continue;
    out.push_back(placed);
  }
  poppler_page_free_image_mapping(mapping);
  // Top to bottom, then left to right: the order the blocks join the page's text.
  std::sort(out.begin(), out.end(), [](const PlacedImage& a, const PlacedImage& b) {
    return a.area.y0 != b.area.y0 ? a.area.y0 < b.area.y0 : a.area.x0 < b.area.x0;
  });
  return out;
}

const Page* PlacedImageReader::Reading(PopplerPage* page, const PlacedImage& image, int number) {
  SurfacePtr surface(poppler_page_get_image(page, image.id));
  // Poppler draws what it can of a picture it cannot copy out (too wide for cairo, data cut
  // short): what shows may be what matters.
  if (surface == nullptr || cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return nullptr;
  }
  GrayImage gray = GrayFromSurface(surface.get());
  surface.reset();
  if (gray.pixels.empty()) return nullptr;
  int dpi = 0;
  const double scale = OcrScale(gray, image.area, options_, &dpi);
  if (std::abs(scale - 1.0) > 0.02) gray = ScaleImage(gray, scale);
  const std::string key = ImageKey(gray, dpi);
  auto it = readings_.find(key);
  if (it == readings_.end()) {
    Page reading = ReadPageImage(engine_, gray, dpi, number, deadline_, MirrorAttempt::kSkip);
    it = readings_.emplace(key, std::move(reading)).first;
  }
  return &it->second;
}

bool PlacedImageReader::ReadInto(PopplerPage* page, const std::vector<PlacedImage>& images,
                                 Page* layer) {
  for (const PlacedImage& image : images) {
    const Page* reading = Reading(page, image, layer->number);
    if (reading == nullptr) return false;
    if (reading->words.empty() || reading->width_pt <= 0 || reading->height_pt <= 0) continue;
    if (!layer->text.empty()) layer->text.append("\n\n");
    const size_t offset = layer->text.size();
    layer->text += reading->text;
    for (Word word : reading->words) {
      word.begin += offset;
      word.end += offset;
      word.box = OntoPage(word.box, reading->width_pt, reading->height_pt, image.area);
      layer->words.push_back(word);
    }
  }
  return true;
}

}  // namespace skjerm
