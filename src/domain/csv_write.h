#pragma once
// The one way the application writes a CSV cell of text: downloads of tables, the sociale
// kaart's data package and the command line's output all pass here.
//
// A text that a spreadsheet would read as a formula (its first character =, +, -, @, a tab or a
// carriage return) gets a leading apostrophe, as OWASP advises for CSV exports: a name like
// "=HYPERLINK(...)" typed into a form or brought by an imported file must never run on a
// coordinator's machine. Numbers are not text: callers write them as numbers, unguarded, so
// "-1,5" stays a number. Readers of the application's own files undo the guard with
// `unguard_csv_text`, so a file written and read back is what it was.
#include <string>
#include <string_view>

namespace kompas::domain {

enum class CsvQuote { when_needed, always };

// `text` as one cell for a file separated by `separator`: guarded against formulas, and quoted
// (quotes doubled) when it holds the separator, a quote or a line break, when it was guarded, or
// always.
std::string csv_text_cell(std::string_view text, char separator,
                          CsvQuote quote = CsvQuote::when_needed);

// Whether a spreadsheet would read `text` as the start of a formula.
bool looks_like_formula(std::string_view text);

// A cell as `csv_text_cell` guarded it, back as it was typed: one apostrophe before what looks
// like a formula is taken off; anything else comes back unchanged.
std::string_view unguard_csv_text(std::string_view cell);

}  // namespace kompas::domain
