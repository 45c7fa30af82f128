#pragma once
// Small readers of what people type and of today's date, shared by the sections' pages.
#include <optional>
#include <string>
#include <string_view>

#include "web/core/app.h"
#include "web/ui/delete_confirmation.h"

namespace kompas::web {

std::optional<long long> parse_id(std::string_view text);  // digits only, else nothing
int parse_year(std::string_view text);                     // four digits, else 0
std::string today_date();                                  // local YYYY-MM-DD
std::string local_date(long long seconds);                 // the local YYYY-MM-DD of a time
int current_year();

// Parses the id captured by a route pattern; anything odd is simply "not found".
long long id_param(const Ctx& ctx, std::size_t index = 1);

}  // namespace kompas::web
