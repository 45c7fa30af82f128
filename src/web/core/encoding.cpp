#include "web/core/encoding.h"

#include <charconv>
#include <optional>

#include "web/core/gzip_pieces.h"

namespace kompas::web {
namespace {

bool is_text(const std::string& type) {
  return type.starts_with("text/") || type.starts_with("application/json") ||
         type.starts_with("application/javascript") || type.starts_with("image/svg+xml") ||
         type.starts_with("application/xml");
}

std::optional<std::size_t> read_size(std::string_view text) {
  std::size_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return {};
  return value;
}

struct ByteRange {
  std::size_t first, last;  // inclusive
};

// nullopt: no usable single range (answer whole); first > last: not satisfiable.
std::optional<ByteRange> parse_range(const std::string& header, std::size_t size) {
  if (!header.starts_with("bytes=") || header.find(',') != std::string::npos) return {};
  const std::string_view spec = std::string_view(header).substr(6);
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return {};
  const auto first = read_size(spec.substr(0, dash));
  const auto last = read_size(spec.substr(dash + 1));
  if (!first) {  // "-500": the last 500 bytes
    if (!last || *last == 0) return {};
    if (size == 0) return ByteRange{1, 0};
    return ByteRange{size - std::min(*last, size), size - 1};
  }
  if (*first >= size) return ByteRange{1, 0};
  if (dash + 1 == spec.size()) return ByteRange{*first, size - 1};
  if (!last || *last < *first) return {};
  return ByteRange{*first, std::min(*last, size - 1)};
}

}  // namespace

void compress_if_accepted(const Request& req, Response& res) {
  if (res.has_header("Content-Encoding") || req.has_header("Range")) return;
  if (!is_text(res.get_header_value("Content-Type")) || res.body_size() < 256) return;
  const auto vary = res.get_header_value("Vary");
  if (vary.find("Accept-Encoding") == std::string::npos)
    res.set_header("Vary", vary.empty() ? "Accept-Encoding" : vary + ", Accept-Encoding");
  if (!accepts_gzip(req.get_header_value("Accept-Encoding"))) return;
  std::string text;
  if (res.pieces.empty()) {
    text = std::move(res.body);
  } else {
    for (const auto piece : res.pieces) text += piece;
  }
  const auto piece = deflate_piece(text, Effort::fast);
  res.set_content(join_gzip({&piece}), res.get_header_value("Content-Type"));
  res.set_header("Content-Encoding", "gzip");
}

void apply_range(const Request& req, Response& res) {
  if (res.status != 200 || (req.method != "GET" && req.method != "HEAD")) return;
  const auto header = req.get_header_value("Range");
  if (header.empty()) return;
  const auto size = res.body_size();
  const auto range = parse_range(header, size);
  if (!range) return;
  if (range->first > range->last) {
    res.status = 416;
    res.set_content("", "text/plain; charset=utf-8");
    res.set_header("Content-Range", "bytes */" + std::to_string(size));
    return;
  }
  std::string part;
  part.reserve(range->last - range->first + 1);
  std::size_t offset = 0;
  const auto add = [&](std::string_view text) {
    const auto begin = std::max(range->first, offset),
               end = std::min(range->last + 1, offset + text.size());
    if (begin < end) part.append(text.substr(begin - offset, end - begin));
    offset += text.size();
  };
  if (res.pieces.empty()) {
    add(res.body);
  } else {
    for (const auto piece : res.pieces) add(piece);
  }
  const auto type = res.get_header_value("Content-Type");
  res.set_content(std::move(part), type);
  res.status = 206;
  res.set_header("Content-Range", "bytes " + std::to_string(range->first) + "-" +
                                      std::to_string(range->last) + "/" + std::to_string(size));
}

}  // namespace kompas::web
