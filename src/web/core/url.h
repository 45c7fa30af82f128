#pragma once
// Percent-encoding of URLs and the key=value lists of queries and URL-encoded forms.
#include <string>
#include <string_view>

#include "web/core/http.h"

namespace kompas::web {

// "%C3%A9" -> "é"; with plus_is_space (queries and forms) "+" is a space too. A malformed
// escape stays as it was.
std::string decode_url(std::string_view text, bool plus_is_space);

// Safe inside a query value: everything but letters, digits and "-_.~" is escaped.
std::string encode_query_param(std::string_view text);

// "a=1&b=%C3%A9&a=2" added to params; a name without "=" gets an empty value.
void parse_query(std::string_view text, Params& params);

}  // namespace kompas::web
