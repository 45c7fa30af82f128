#pragma once
// multipart/form-data (RFC 7578): the parts of an upload form, read from the whole body.
#include <optional>
#include <string>
#include <string_view>

#include "web/core/http.h"

namespace kompas::web {

// The boundary named in a Content-Type header, or nothing when there is none.
std::optional<std::string> multipart_boundary(std::string_view content_type);

// Adds every part of the body to files (by field name). False when the body is not a
// well-formed multipart body with this boundary; files may then hold the parts read so far.
bool parse_multipart(std::string_view body, std::string_view boundary, Files& files);

}  // namespace kompas::web
