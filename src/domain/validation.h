#pragma once
// Field-level validation results: field name -> message key in the catalogue. Forms show each
// message next to its field and keep what the user typed.
#include <map>
#include <string>
#include <string_view>

namespace kompas::domain {

using FieldErrors = std::map<std::string, std::string>;

// A calendar date written as YYYY-MM-DD that exists (leap years included).
bool is_valid_date(std::string_view text);

bool is_valid_email(std::string_view text);

// A telephone number as people write it: 3 to 15 digits with spaces, "+", "-" or brackets.
bool is_valid_phone(std::string_view text);

// Trims spaces and lowercases ASCII so one address is one account.
std::string normalise_email(std::string_view text);

}  // namespace kompas::domain
