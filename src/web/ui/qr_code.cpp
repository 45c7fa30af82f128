#include "web/ui/qr_code.h"

#include <qrencode.h>

#include <memory>
#include <stdexcept>

#include "web/core/view.h"

namespace kompas::web {

std::string qr_code_svg(std::string_view text, const std::string& label) {
  const std::string data(text);
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) throw std::runtime_error("QR code: text too long");
  constexpr int kQuietZone = 4;  // modules of white around the code, as the standard asks
  const int width = code->width;
  const int size = width + 2 * kQuietZone;
  // One path: a unit square per dark module (bit 0 of each byte), each row's runs joined.
  std::string path;
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width;) {
      if (!(code->data[y * width + x] & 1)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < width && (code->data[y * width + x + run] & 1)) ++run;
      path += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h" +
              std::to_string(run) + "v1h-" + std::to_string(run) + "z";
      x += run;
    }
  }
  const auto side = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kompas-qr\" viewBox=\"0 0 " + side +
         " " + side + "\" role=\"img\" aria-label=\"" + html_escape(label) +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + side + "\" height=\"" + side +
         "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace kompas::web
