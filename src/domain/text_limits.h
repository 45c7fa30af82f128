#pragma once
// How much text a field takes, counted in characters as people count them ("é" is one), not in
// bytes. A form field declares its limit (web/ui/form.h, FieldSpec::max_length) with the same
// constant its validator checks, so the browser stops there, the hint says it and the message
// names it; tests/http/test_text_fields.cpp holds every field of every form to that.
#include <cstddef>
#include <string>
#include <string_view>

#include "domain/validation.h"

namespace kompas::domain::text_limit {

inline constexpr std::size_t postcode = 10;  // "1234 AB", with room for stray spaces
inline constexpr std::size_t code = 20;      // a short code, band or time: "75+", "9.30"
inline constexpr std::size_t email = 254;    // an e-mail address (RFC 5321's longest path)
inline constexpr std::size_t phone = 40;     // a telephone number with its spaces and brackets
inline constexpr std::size_t name = 200;     // a name or title on one line
inline constexpr std::size_t line = 500;     // one long line: a source, what is given in kind
inline constexpr std::size_t reason = 1000;  // the reason for a score or a short note
inline constexpr std::size_t note = 2000;    // a comment of a few sentences
inline constexpr std::size_t text = 4000;    // a description, a statement, findings
inline constexpr std::size_t url = 2000;     // a web address (what browsers reliably take)

}  // namespace kompas::domain::text_limit

namespace kompas::domain {

// Sets errors[field] to "error.too_long" when `text` has more than `max` characters. Returns
// whether it fits.
bool check_length(FieldErrors& errors, const std::string& field, std::string_view text,
                  std::size_t max);

}  // namespace kompas::domain
