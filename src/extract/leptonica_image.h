// Leptonica's PIX under RAII, and copies between an 8-bit PIX and a GrayImage (ocr_engine.h),
// for the files that hand pixels to leptonica (image_file.cc, ocr_attempts.cc). Value
// functions; a PixPtr owns its PIX. Private to extract/.
#ifndef SKJERM_EXTRACT_LEPTONICA_IMAGE_H_
#define SKJERM_EXTRACT_LEPTONICA_IMAGE_H_

#include <leptonica/allheaders.h>

#include <memory>

#include "extract/ocr_engine.h"

namespace skjerm {

struct PixDestroyer {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDestroyer>;

// An 8-bit PIX holding `image`. Throws std::bad_alloc when leptonica cannot make it.
PixPtr PixFromGray(const GrayImage& image);

// The pixels of an 8-bit PIX.
GrayImage GrayFromPix(PIX* pix);

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_LEPTONICA_IMAGE_H_
