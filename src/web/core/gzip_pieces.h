#pragma once
// gzip (RFC 1952) put together from pieces compressed separately. A cached page body is
// compressed once; each response then only compresses its own small parts (the layout with the
// person's name, the CSRF token) and joins them with the cached ones. Every piece is a raw
// deflate stream that starts fresh (no references to earlier pieces) and ends on a byte boundary
// without the final-block bit; the gzip trailer needs the CRC-32 and length of the whole, which
// crc32_combine computes from those of the pieces without reading them again.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kompas::web {

struct DeflatedPiece {
  std::string deflated;
  std::uint32_t crc = 0;
  std::size_t size = 0;  // of the text before compression
};

// thorough for what is compressed once and kept; fast for what is compressed on every request.
enum class Effort { thorough, fast };
DeflatedPiece deflate_piece(std::string_view text, Effort effort);

// The text as stored (uncompressed) deflate blocks: for the few short values of one request,
// where compressing costs more than it saves.
DeflatedPiece stored_piece(std::string_view text);

// The pieces in order as one gzip member.
std::string join_gzip(const std::vector<const DeflatedPiece*>& pieces);

// Whether an Accept-Encoding header allows gzip ("gzip", "gzip;q=0.5", "*"), not "gzip;q=0".
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace kompas::web
