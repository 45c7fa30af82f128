#include "domain/csv_write.h"

namespace kompas::domain {

bool looks_like_formula(std::string_view text) {
  return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

namespace {

// A text the reader would take for a guarded one ("'=x" typed as such) is guarded too, so it
// reads back as typed.
bool needs_guard(std::string_view text) {
  return looks_like_formula(text) ||
         (text.size() >= 2 && text.front() == '\'' && looks_like_formula(text.substr(1)));
}

}  // namespace

std::string csv_text_cell(std::string_view text, char separator, CsvQuote quote) {
  const bool guard = needs_guard(text);
  const bool needs_quotes =
      quote == CsvQuote::always || guard ||
      text.find_first_of(std::string{separator, '"', '\r', '\n'}) != std::string_view::npos;
  std::string out;
  out.reserve(text.size() + 3);
  if (needs_quotes) out += '"';
  if (guard) out += '\'';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  if (needs_quotes) out += '"';
  return out;
}

std::string_view unguard_csv_text(std::string_view cell) {
  if (cell.size() >= 2 && cell.front() == '\'' && needs_guard(cell.substr(1)))
    return cell.substr(1);
  return cell;
}

}  // namespace kompas::domain
