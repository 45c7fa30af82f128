#pragma once
// A request and its response as handlers see them, free of any HTTP library: the server
// (web/core/server.cpp) fills a Request from the wire and writes the Response back.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kompas::web {

// Header names compare without regard to case ("cookie" is "Cookie").
struct CaseInsensitiveLess {
  bool operator()(std::string_view a, std::string_view b) const;
  using is_transparent = void;
};
bool equal_ignoring_case(std::string_view a, std::string_view b);
using Headers = std::multimap<std::string, std::string, CaseInsensitiveLess>;
using Params = std::multimap<std::string, std::string>;

// One part of a multipart form: an uploaded file, or a plain field of such a form.
struct FormFile {
  std::string filename, content_type, content;
};
using Files = std::multimap<std::string, FormFile>;

struct Request {
  std::string method;  // "GET", "POST"; HEAD is answered as GET without the body
  std::string target;  // as sent: path and query, still encoded
  std::string path;    // decoded, without the query
  std::string remote_addr;
  Headers headers;
  Params params;  // the query, and the fields of a URL-encoded form
  Files files;    // the parts of a multipart form
  std::string body;
  std::vector<std::string> matches;  // the route's pattern groups; [0] is the whole path

  std::string get_header_value(std::string_view name) const;
  bool has_header(std::string_view name) const { return headers.count(name) > 0; }
  bool has_param(const std::string& name) const { return params.count(name) > 0; }
  // The index-th value of a field that occurs more than once (checkboxes).
  std::string get_param_value(const std::string& name, std::size_t index = 0) const;
  std::size_t get_param_value_count(const std::string& name) const { return params.count(name); }
  bool has_file(const std::string& name) const { return files.count(name) > 0; }
  const FormFile& get_file_value(const std::string& name) const;
  bool is_multipart_form_data() const;
};

// The request's address as a log may show it: the path without its query (searches, return
// addresses) and with any part that looks like a token (a volunteer's check link) left out.
std::string loggable_target(const Request& req);

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // A body written from pieces that `owner` keeps alive (a cached page), instead of `body`.
  std::vector<std::string_view> pieces;
  std::shared_ptr<const void> owner;

  // Adds a header line; a header that may occur once is replaced.
  void set_header(const std::string& name, const std::string& value);
  std::string get_header_value(std::string_view name) const;
  bool has_header(std::string_view name) const { return headers.count(name) > 0; }
  void set_content(std::string content, const std::string& content_type);
  void set_pieces(std::vector<std::string_view> parts, std::shared_ptr<const void> keeper,
                  const std::string& content_type);
  std::size_t body_size() const;
};

}  // namespace kompas::web
