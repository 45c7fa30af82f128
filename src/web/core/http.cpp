#include "web/core/http.h"

#include <algorithm>
#include <stdexcept>

namespace kompas::web {
namespace {
char lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
}  // namespace

bool CaseInsensitiveLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                      [](char x, char y) { return lower(x) < lower(y); });
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !CaseInsensitiveLess{}(a, b) && !CaseInsensitiveLess{}(b, a);
}

std::string loggable_target(const Request& req) {
  const std::string path = req.target.substr(0, req.target.find('?'));
  std::string out;
  std::size_t start = 0;
  while (start < path.size()) {
    auto end = path.find('/', start + 1);
    if (end == std::string::npos) end = path.size();
    const auto part = path.substr(start, end - start);  // "/segment"
    // The application's tokens (store::random_token) are 43 URL-safe characters, mixed case;
    // page names and ids are shorter or lower case.
    const bool token =
        part.size() > 40 &&
        part.find_first_not_of(
            "/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") ==
            std::string::npos &&
        std::any_of(part.begin(), part.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    out += token ? "/…" : part;
    start = end;
  }
  return out;
}

std::string Request::get_header_value(std::string_view name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

std::string Request::get_param_value(const std::string& name, std::size_t index) const {
  auto [it, end] = params.equal_range(name);
  for (; it != end; ++it, --index)
    if (index == 0) return it->second;
  return "";
}

const FormFile& Request::get_file_value(const std::string& name) const {
  static const FormFile none;
  const auto it = files.find(name);
  return it == files.end() ? none : it->second;
}

bool Request::is_multipart_form_data() const {
  return get_header_value("Content-Type").starts_with("multipart/form-data");
}

void Response::set_header(const std::string& name, const std::string& value) {
  // A value with a line break would start a header (or a body) of the client's choosing.
  if (value.find_first_of("\r\n") != std::string::npos)
    throw std::invalid_argument("line break in header " + name);
  if (equal_ignoring_case(name, "Set-Cookie")) {
    headers.emplace(name, value);
    return;
  }
  headers.erase(name);
  headers.emplace(name, value);
}

std::string Response::get_header_value(std::string_view name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

void Response::set_content(std::string content, const std::string& content_type) {
  body = std::move(content);
  pieces.clear();
  owner.reset();
  set_header("Content-Type", content_type);
}

void Response::set_pieces(std::vector<std::string_view> parts, std::shared_ptr<const void> keeper,
                          const std::string& content_type) {
  body.clear();
  pieces = std::move(parts);
  owner = std::move(keeper);
  set_header("Content-Type", content_type);
}

std::size_t Response::body_size() const {
  if (pieces.empty()) return body.size();
  std::size_t size = 0;
  for (const auto piece : pieces) size += piece.size();
  return size;
}

}  // namespace kompas::web
