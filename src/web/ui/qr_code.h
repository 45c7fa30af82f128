#pragma once
// QR codes drawn as SVG (libqrencode), so a printed page carries a link a phone can open.
#include <string>
#include <string_view>

namespace kompas::web {

// An inline SVG of the QR code of `text` (error correction M, so a smudged card still reads),
// with the quiet zone around it; `label` is its accessible name. Throws std::runtime_error when
// the text does not fit in a QR code (about 2,300 bytes).
std::string qr_code_svg(std::string_view text, const std::string& label);

}  // namespace kompas::web
