#include "extract/image_file.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <mutex>
#include <new>

#include "extract/extraction_error.h"
#include "extract/leptonica_image.h"

namespace skjerm {
namespace {

// Resolutions outside this range are placeholders (72 from a camera, 1 from a JFIF
// aspect ratio), not a scanner's setting.
constexpr int kMinPlausibleDpi = 100;
constexpr int kMaxPlausibleDpi = 1200;
// A decoded page may be this many times max_page_pixels before it is scaled down; above
// that it is refused before it is converted (a decompression bomb, not a letter).
constexpr int64_t kDecodeSlack = 4;

void IgnoreLeptonicaMessage(const char* /*message*/) {}

std::string PageLabel(int index) { return "page " + std::to_string(index + 1); }

const l_uint8* Data(const std::string& bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

// Decodes page `index`, or every page in turn with a callback for the multi-page case.
template <typename Visit>
void DecodePages(const std::string& bytes, MediaType type, const ExtractOptions& options,
                 Visit visit) {
  if (type != MediaType::kTiff) {
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
    if (pixReadHeaderMem(Data(bytes), bytes.size(), &format, &w, &h, &bps, &spp, &cmap) != 0) {
      throw ExtractionError("damaged image: cannot be read");
    }
    if (static_cast<int64_t>(w) * h > kDecodeSlack * options.max_page_pixels) {
      throw ExtractionError("image too large (" + std::to_string(w) + " x " + std::to_string(h) +
                            " pixels)");
    }
    PixPtr pix(pixReadMem(Data(bytes), bytes.size()));
    if (pix == nullptr) throw ExtractionError("damaged image: cannot be decoded");
    visit(0, std::move(pix));
    return;
  }
  size_t offset = 0;
  int index = 0;
  do {
    if (index >= options.max_pages) {
      throw ExtractionError("too many pages (more than " + std::to_string(options.max_pages) + ")");
    }
    PixPtr pix(pixReadMemFromMultipageTiff(Data(bytes), bytes.size(), &offset));
    if (pix == nullptr) {
      throw ExtractionError("damaged TIFF: " + PageLabel(index) + " cannot be decoded");
    }
    if (!visit(index, std::move(pix))) return;
    ++index;
  } while (offset != 0);
}

ImagePage Describe(PIX* pix, int index, const ExtractOptions& options) {
  ImagePage page;
  page.width_px = pixGetWidth(pix);
  page.height_px = pixGetHeight(pix);
  if (static_cast<int64_t>(page.width_px) * page.height_px >
      kDecodeSlack * options.max_page_pixels) {
    throw ExtractionError("image " + PageLabel(index) + " too large (" +
                          std::to_string(page.width_px) + " x " + std::to_string(page.height_px) +
                          " pixels)");
  }
  const int xres = pixGetXRes(pix);
  page.dpi = xres >= kMinPlausibleDpi && xres <= kMaxPlausibleDpi ? xres : options.default_scan_dpi;
  return page;
}

// 8-bit gray, transparent areas shown on white as a viewer shows them.
PixPtr ToGray(PIX* pix, int index) {
  PixPtr blended;
  if (pixGetDepth(pix) == 32 && pixGetSpp(pix) == 4) {
    blended.reset(pixAlphaBlendUniform(pix, 0xffffff00));
    if (blended != nullptr) pix = blended.get();
  }
  PixPtr gray(pixConvertTo8(pix, 0));
  if (gray == nullptr) {
    throw ExtractionError("damaged image: " + PageLabel(index) + " cannot be converted to gray");
  }
  return gray;
}

}  // namespace

void SilenceLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] {
    setMsgSeverity(L_SEVERITY_NONE);
    leptSetStderrHandler(IgnoreLeptonicaMessage);
  });
}

std::vector<ImagePage> ReadImagePages(const std::string& bytes, MediaType type,
                                      const ExtractOptions& options) {
  SilenceLeptonica();
  std::vector<ImagePage> pages;
  try {
    DecodePages(bytes, type, options, [&](int index, PixPtr pix) {
      pages.push_back(Describe(pix.get(), index, options));
      return true;
    });
  } catch (const std::bad_alloc&) {
    throw ExtractionError("image too large: out of memory while decoding");
  }
  if (pages.empty()) throw ExtractionError("damaged image: no pages");
  return pages;
}

GrayImage LoadImagePageForOcr(const std::string& bytes, MediaType type, int index,
                              const ExtractOptions& options, int* dpi, ImagePage* source) {
  SilenceLeptonica();
  try {
    PixPtr found;
    ImagePage page;
    DecodePages(bytes, type, options, [&](int i, PixPtr pix) {
      if (i < index) return true;
      page = Describe(pix.get(), i, options);
      found = std::move(pix);
      return false;
    });
    if (found == nullptr) throw ExtractionError("damaged image: " + PageLabel(index) + " missing");
    *source = page;
    PixPtr gray = ToGray(found.get(), index);
    found.reset();

    double target = std::clamp(page.dpi, options.min_ocr_dpi, options.max_ocr_dpi);
    const double pixels_at_target = static_cast<double>(page.width_px) * page.height_px *
                                    (target / page.dpi) * (target / page.dpi);
    if (pixels_at_target > static_cast<double>(options.max_page_pixels)) {
      target *= std::sqrt(static_cast<double>(options.max_page_pixels) / pixels_at_target);
    }
    const double scale = target / page.dpi;
    if (std::abs(scale - 1.0) > 0.02) {
      PixPtr scaled(
          pixScale(gray.get(), static_cast<l_float32>(scale), static_cast<l_float32>(scale)));
      if (scaled == nullptr) {
        throw ExtractionError("image " + PageLabel(index) + " cannot be scaled for OCR");
      }
      gray = std::move(scaled);
      *dpi = static_cast<int>(std::lround(target));
    } else {
      *dpi = page.dpi;
    }
    return GrayFromPix(gray.get());
  } catch (const std::bad_alloc&) {
    throw ExtractionError("image " + PageLabel(index) + ": out of memory while decoding");
  }
}

}  // namespace skjerm
