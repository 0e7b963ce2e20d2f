#include "extract/reader_protocol.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace skjerm {
namespace {

bool ReadAll(int fd, char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::read(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// send() with MSG_NOSIGNAL on a socket (a dead peer is an error, not SIGPIPE); write() on
// anything else.
bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
    if (n < 0 && errno == ENOTSOCK) n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool ReadFrame(int fd, std::string* frame) {
  unsigned char header[4];
  if (!ReadAll(fd, reinterpret_cast<char*>(header), 4)) return false;
  const uint32_t size =
      header[0] | (header[1] << 8) | (header[2] << 16) | (static_cast<uint32_t>(header[3]) << 24);
  if (size > kMaxFrameBytes) return false;
  frame->resize(size);
  return ReadAll(fd, frame->data(), size);
}

bool WriteFrame(int fd, std::string_view frame) {
  if (frame.size() > kMaxFrameBytes) return false;
  const uint32_t size = static_cast<uint32_t>(frame.size());
  const char header[4] = {static_cast<char>(size & 0xFF), static_cast<char>((size >> 8) & 0xFF),
                          static_cast<char>((size >> 16) & 0xFF),
                          static_cast<char>((size >> 24) & 0xFF)};
  return WriteAll(fd, header, 4) && WriteAll(fd, frame.data(), frame.size());
}

nlohmann::json ExtractOptionsToJson(const ExtractOptions& o) {
  return {{"ocr", static_cast<int>(o.ocr)}, {"langs", o.ocr_languages},
          {"max_bytes", o.max_file_bytes},  {"max_pages", o.max_pages},
          {"timeout_s", o.timeout.count()}, {"default_dpi", o.default_scan_dpi},
          {"min_dpi", o.min_ocr_dpi},       {"max_dpi", o.max_ocr_dpi},
          {"max_pixels", o.max_page_pixels}};
}

ExtractOptions ExtractOptionsFromJson(const nlohmann::json& j) {
  ExtractOptions o;
  o.ocr = static_cast<OcrMode>(j.at("ocr").get<int>());
  o.ocr_languages = j.at("langs").get<std::string>();
  o.max_file_bytes = j.at("max_bytes").get<uint64_t>();
  o.max_pages = j.at("max_pages").get<int>();
  o.timeout = std::chrono::seconds(j.at("timeout_s").get<int64_t>());
  o.default_scan_dpi = j.at("default_dpi").get<int>();
  o.min_ocr_dpi = j.at("min_dpi").get<int>();
  o.max_ocr_dpi = j.at("max_dpi").get<int>();
  o.max_page_pixels = j.at("max_pixels").get<int64_t>();
  return o;
}

}  // namespace skjerm
