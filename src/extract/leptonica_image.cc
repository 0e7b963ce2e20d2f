#include "extract/leptonica_image.h"

#include <new>

namespace skjerm {

PixPtr PixFromGray(const GrayImage& image) {
  PixPtr pix(pixCreate(image.width, image.height, 8));
  if (pix == nullptr) throw std::bad_alloc();
  const l_int32 wpl = pixGetWpl(pix.get());
  l_uint32* data = pixGetData(pix.get());
  for (int y = 0; y < image.height; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const uint8_t* in = image.pixels.data() + static_cast<size_t>(y) * image.stride;
    for (int x = 0; x < image.width; ++x) SET_DATA_BYTE(line, x, in[x]);
  }
  return pix;
}

GrayImage GrayFromPix(PIX* pix) {
  GrayImage image;
  image.width = pixGetWidth(pix);
  image.height = pixGetHeight(pix);
  image.stride = image.width;
  image.pixels.resize(static_cast<size_t>(image.width) * image.height);
  const l_int32 wpl = pixGetWpl(pix);
  const l_uint32* data = pixGetData(pix);
  for (int y = 0; y < image.height; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    uint8_t* out = image.pixels.data() + static_cast<size_t>(y) * image.stride;
    for (int x = 0; x < image.width; ++x) out[x] = GET_DATA_BYTE(line, x);
  }
  return image;
}

}  // namespace skjerm
