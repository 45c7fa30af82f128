#pragma once
// The one rule for a web address the application links to or serves: http or https, a host with
// a dot in it, no spaces or control characters, at most 500 characters. The owner's form and
// an imported HSDS file follow the same rule, so no "javascript:" or "data:" address reaches a
// page or the API.
#include <string_view>

namespace kompas::domain {

bool is_web_address(std::string_view text);

}  // namespace kompas::domain
