#pragma once
// The forms people meet, found by walking the pages one role reaches by links: the tests that
// check a rule on every field (numbers, text limits) read the fields from here, so a new form is
// checked without being listed.
#include <httplib.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace kompas::test {

struct FormField {
  std::string name;
  std::string tag;            // input, textarea or select
  std::string type;           // an input's type ("text", "email", …)
  std::string inputmode;      // "decimal" or "numeric" for a number field
  std::size_t maxlength = 0;  // 0: the field declares none
};

struct PostForm {
  std::string page, action;
  httplib::Params fields;  // as a browser would send it untouched; empty required fields filled
  std::vector<FormField> inputs;  // the fields a person fills in (not hidden, file or submit)
};

// The post forms of a page. Empty required fields get a plausible value, so a form can be
// accepted and the fate of the field under test seen.
std::vector<PostForm> post_forms(const std::string& page, const std::string& html);

// The pages reached from `starts` by links, files and sign-out left out: path and body.
std::vector<std::pair<std::string, std::string>> walk(
    const std::function<httplib::Result(const std::string&)>& get,
    const std::vector<std::string>& starts = {"/"});

// A route's shape: numbers replaced, so fifty forms of one kind are tried once.
std::string shape(const std::string& path);

// Whether the field's control in the page is marked invalid.
bool marked(const std::string& html, const std::string& field);

// The text of the field's error message ("" when it has none): the element of class
// utrecht-form-field-error-message its aria-describedby names.
std::string field_error(const std::string& html, const std::string& field);

}  // namespace kompas::test
