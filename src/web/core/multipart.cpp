#include "web/core/multipart.h"

#include "web/core/url.h"

namespace kompas::web {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The value of `name="..."` or `name=...` among the parameters after a header's first ';'
// (Content-Disposition, Content-Type). A quoted value may hold ';' and escaped quotes.
std::optional<std::string> parameter(std::string_view header, std::string_view name) {
  auto pos = header.find(';');
  while (pos != std::string_view::npos && pos < header.size()) {
    ++pos;
    const auto equals = header.find('=', pos);
    if (equals == std::string_view::npos) return std::nullopt;
    const auto key = trim(header.substr(pos, equals - pos));
    std::string value;
    pos = equals + 1;
    while (pos < header.size() && header[pos] == ' ') ++pos;
    if (pos < header.size() && header[pos] == '"') {
      for (++pos; pos < header.size() && header[pos] != '"'; ++pos) {
        if (header[pos] == '\\' && pos + 1 < header.size()) ++pos;
        value += header[pos];
      }
      if (pos >= header.size()) return std::nullopt;  // no closing quote
      pos = header.find(';', pos);
    } else {
      const auto end = header.find(';', pos);
      value = std::string(trim(header.substr(pos, end - pos)));
      pos = end;
    }
    if (equal_ignoring_case(key, name)) return value;
  }
  return std::nullopt;
}

bool header_is(std::string_view line, std::string_view name) {
  return line.size() > name.size() && line[name.size()] == ':' &&
         equal_ignoring_case(line.substr(0, name.size()), name);
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  auto boundary = parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 200) return std::nullopt;
  return boundary;
}

bool parse_multipart(std::string_view body, std::string_view boundary, Files& files) {
  const std::string delimiter = "--" + std::string(boundary);
  // The first delimiter may be preceded by a preamble; later ones follow a line break.
  auto pos = body.find(delimiter);
  if (pos == std::string_view::npos) return false;
  pos += delimiter.size();
  const std::string next_delimiter = "\r\n" + delimiter;
  while (true) {
    if (body.substr(pos, 2) == "--") return true;  // the closing delimiter
    if (body.substr(pos, 2) != "\r\n") return false;
    pos += 2;
    const auto headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos) return false;
    std::optional<std::string> name;
    FormFile part;
    auto headers = body.substr(pos, headers_end - pos);
    while (!headers.empty()) {
      const auto line_end = headers.find("\r\n");
      const auto line = headers.substr(0, line_end);
      if (header_is(line, "Content-Disposition")) {
        name = parameter(line, "name");
        part.filename = parameter(line, "filename").value_or("");
      } else if (header_is(line, "Content-Type")) {
        part.content_type = std::string(trim(line.substr(line.find(':') + 1)));
      }
      if (line_end == std::string_view::npos) break;
      headers.remove_prefix(line_end + 2);
    }
    const auto content_start = headers_end + 4;
    const auto content_end = body.find(next_delimiter, content_start);
    if (content_end == std::string_view::npos || !name) return false;
    part.content = std::string(body.substr(content_start, content_end - content_start));
    files.emplace(decode_url(*name, false), std::move(part));
    pos = content_end + next_delimiter.size();
  }
}

}  // namespace kompas::web
