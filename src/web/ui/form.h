#pragma once
// Forms described as data: one partial (templates/partials/form_fields.mustache) draws every
// field with its label, hint, error and the value the user typed.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/numbers.h"
#include "domain/problem.h"
#include "domain/validation.h"
#include "domain/words.h"

namespace kompas::web {

struct Ctx;

// checkboxes: a group of checkboxes in a fieldset; its value is a JSON array of the ticked values.
// number: a decimal number ("12,5"); whole_number: a count or a year, read by
// read_whole_number_field or parse_year. Both are text boxes, so "1.500" and a comma stay
// possible; inputmode asks phones for the right keyboard.
enum class FieldKind {
  text,
  email,
  tel,
  password,
  date,
  number,
  whole_number,
  textarea,
  select,
  checkbox,
  checkboxes,
  file,
  files  // several files at once (the CSV files of a data package)
};

struct FieldSpec {
  std::string name;
  std::string label_key;
  FieldKind kind = FieldKind::text;
  bool required = false;
  std::string hint_key;
  std::vector<std::pair<std::string, std::string>> options;  // value, label (select)
  std::string autocomplete;
  std::string empty_option_key = "form.choose";  // the label of a select's empty choice
  std::string extra_hint;  // text added to the hint, e.g. the current value beside targets
  // For a field that is needed in one case only ("nodig als u een beginwaarde invult"): it is not
  // marked "(niet verplicht)", and its hint starts with when it is needed.
  std::string needed_when_key;
  // The most characters the server takes (0: no limit of its own): the browser stops there
  // (maxlength), the hint says it and so does the message when more came.
  std::size_t max_length = 0;
};

// View data for the fields: values come from `values` (strings, or booleans for checkboxes),
// errors are message keys from validation.
nlohmann::json form_fields(const Ctx& ctx, const std::vector<FieldSpec>& specs,
                           const nlohmann::json& values, const domain::FieldErrors& errors);

// The list of problems shown above a form, each linking to its field.
nlohmann::json error_summary(const Ctx& ctx, const std::vector<FieldSpec>& specs,
                             const domain::FieldErrors& errors);

// Renders templates/form_page.mustache: heading, optional intro, error summary, the fields,
// a save button and a cancel link; on an edit form, a link to remove the item.
struct FormPage {
  std::string heading;
  std::string action;
  std::string cancel;
  std::string intro;
  std::string submit_key = "form.save";
  bool multipart = false;
  std::string delete_href;
  std::string delete_label;
};
void show_form_page(Ctx& ctx, const FormPage& page, const std::vector<FieldSpec>& specs,
                    const nlohmann::json& values, const domain::FieldErrors& errors,
                    int status = 200);

// Renders templates/import_problems.mustache: every problem of a rejected file (nothing was
// stored) above the same upload form, with what the user chose kept.
void show_import_problems(Ctx& ctx, const FormPage& page, const std::vector<FieldSpec>& specs,
                          const nlohmann::json& values,
                          const std::vector<domain::Problem>& problems);
// The same with the problems already written out (files whose problems name the file too).
void show_import_problems(Ctx& ctx, const FormPage& page, const std::vector<FieldSpec>& specs,
                          const nlohmann::json& values, const std::vector<std::string>& texts);

// Reads the named fields of a posted form as strings (a checkbox as a boolean, a group of
// checkboxes as an array of strings).
nlohmann::json read_form(const Ctx& ctx, const std::vector<FieldSpec>& specs);

// A select's posted word as its enumeration; a word it does not know is an error on the field.
template <domain::Worded Enum>
Enum read_choice(const nlohmann::json& values, const std::string& field,
                 domain::FieldErrors& errors) {
  const auto found = domain::parse_word<Enum>(values[field].get<std::string>());
  if (!found) errors[field] = "error.choose";
  return found.value_or(Enum{});
}

// Numbers in forms follow domain/numbers.h in the page's language (English swaps point and
// comma). Empty text is nullopt without an error; a refused number puts its message key in
// errors[field]. `percent` allows a trailing "%".
domain::NumberStyle number_style(const Ctx& ctx);
std::optional<double> read_number_field(const Ctx& ctx, std::string_view text,
                                        const std::string& field, domain::FieldErrors& errors,
                                        bool percent = false);
// The same for a whole number: "12,5" is refused with "error.whole_number".
std::optional<int> read_whole_number_field(const Ctx& ctx, std::string_view text,
                                           const std::string& field, domain::FieldErrors& errors);

}  // namespace kompas::web
