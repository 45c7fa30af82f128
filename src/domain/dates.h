#pragma once
// Dates as Dutch people type them where a browser shows a plain text box instead of a date
// picker: "1 september 2026", "1 sep 2026", "1-9-2026", "01-09-2026", "1/9/2026", and without a
// year ("1 september") in `this_year`. English month names work too. The result is the ISO date
// ("2026-09-01") the rest of the program keeps; ISO input comes back as it is.
#include <optional>
#include <string>
#include <string_view>

namespace kompas::domain {

// The ISO date for what was typed, or nullopt when it is not a date that exists.
std::optional<std::string> read_date(std::string_view text, int this_year);

// Days from one ISO date to another (negative when `to` comes first); both must be valid.
int days_between(std::string_view from, std::string_view to);

// The ISO date `months` later (earlier when negative); a day the month lacks becomes its last
// ("2026-01-31" + 1 month is "2026-02-28").
std::string add_months(std::string_view iso, int months);

}  // namespace kompas::domain
