// libFuzzer target: any bytes as a request's Content-Type (first line) and body end in form
// fields or a refusal, never in a crash or a sanitizer report. What a visitor posts reaches
// these readers before anyone has signed in. Built with clang by tests/fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "web/core/multipart.h"
#include "web/core/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto line_end = bytes.find('\n');
  const auto content_type = bytes.substr(0, line_end);
  const auto body = line_end == std::string_view::npos ? "" : bytes.substr(line_end + 1);
  kompas::web::Files files;
  if (const auto boundary = kompas::web::multipart_boundary(content_type))
    kompas::web::parse_multipart(body, *boundary, files);
  for (const auto& [name, part] : files)
    if (part.content.size() > body.size()) __builtin_trap();  // a part comes from the body
  kompas::web::Params params;
  kompas::web::parse_query(body, params);
  // Encoding and decoding give back the text.
  for (const auto& [name, value] : params)
    if (kompas::web::decode_url(kompas::web::encode_query_param(value), true) != value)
      __builtin_trap();
  return 0;
}
