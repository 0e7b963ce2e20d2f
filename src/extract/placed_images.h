// Pictures placed on a page that has a text layer — an ID card or a form pasted into a
// letter as an image — can carry text that the text layer does not have. This finds the
// pictures big enough to carry a line of text, reads each by OCR (its own pixels, without
// what the page draws over it) and appends the words to the page as blocks of their own,
// their boxes in page coordinates. Private to extract/.
//
// Thread/ownership: a PlacedImageReader belongs to one thread and borrows its engine; it
// remembers what it read, by the hash of the picture's pixels and size, so that the same
// picture (a letterhead logo on every page) is read once, not once a page.
#ifndef SKJERM_EXTRACT_PLACED_IMAGES_H_
#define SKJERM_EXTRACT_PLACED_IMAGES_H_

#include <poppler.h>

#include <map>
#include <string>
#include <vector>

#include "extract/document.h"
#include "extract/extract_options.h"
#include "extract/ocr_engine.h"

namespace skjerm {

// Where a picture stands on its page.
struct PlacedImage {
  int id = -1;  // poppler-glib's image id on the page
  Box area;     // points, page coordinates (origin top left), clipped to the page
};

// True when a picture placed at `area` is big enough to carry text: at least an inch wide
// (a national ID number in 10-point type is about 60 points long) and a sixth of an inch
// tall (one line of 9- to 10-point type). Smaller ones are icons, rules and signatures.
bool CanCarryText(const Box& area);

// The pictures on the page that can carry text and whose text is not already in the text
// layer: a picture with many text-layer words over it is a scan behind its own OCR layer, or
// a background the letter is written on.
std::vector<PlacedImage> FindTextImages(PopplerPage* page, const Page& layer);

class PlacedImageReader {
 public:
  PlacedImageReader(OcrEngine& engine, const ExtractOptions& options, Deadline deadline)
      : engine_(engine), options_(options), deadline_(deadline) {}

  // Reads `images` (from FindTextImages) of `page` and appends their words to *layer, a
  // block per picture. False when the pixels of a picture could not be had from Poppler:
  // the page is then to be read whole. Throws ExtractionError (OCR failed, timed out).
  bool ReadInto(PopplerPage* page, const std::vector<PlacedImage>& images, Page* layer);

 private:
  // The words of one picture, boxes in points relative to the picture's top left corner;
  // nullptr when its pixels cannot be had.
  const Page* Reading(PopplerPage* page, const PlacedImage& image, int number);

  OcrEngine& engine_;
  const ExtractOptions& options_;
  Deadline deadline_;
  std::map<std::string, Page> readings_;  // by SHA-256 of the pixels and the placed size
};

}  // namespace skjerm

#endif  // SKJERM_EXTRACT_PLACED_IMAGES_H_
