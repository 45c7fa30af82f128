// Every number field of every form, found by walking the pages a beheerder reaches: what people
// type as a number is either stored as the one number reader (domain/numbers.h) reads it, or
// refused with the field marked. Never stored as something else (issue 25, point 7).
#include <gmock/gmock.h>
#include <soci/soci.h>

#include <deque>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "domain/numbers.h"
#include "harness.h"
#include "store/database.h"

namespace kompas::test {
namespace {

// The value of attribute `name` in the tag `tag` ("" when absent). Our templates always quote
// attributes with double quotes.
std::string attribute(const std::string& tag, const std::string& name) {
  const auto at = tag.find(" " + name + "=\"");
  if (at == std::string::npos) return "";
  const auto start = at + name.size() + 3;
  return tag.substr(start, tag.find('"', start) - start);
}

struct Form {
  std::string page, action;
  httplib::Params fields;               // as a browser would send it untouched
  std::vector<std::string> numeric;     // names of the fields typed as numbers
  std::vector<std::string> whole_only;  // of those, the ones that take whole numbers only
};

// The post forms of a page with what a browser sends for each field. Empty required fields get
// a plausible value, so a form can be accepted and its number field's fate seen.
std::vector<Form> forms_of(const std::string& page, const std::string& html) {
  std::vector<Form> forms;
  for (auto open = html.find("<form"); open != std::string::npos;
       open = html.find("<form", open + 1)) {
    const auto tag_end = html.find('>', open);
    const auto close = html.find("</form>", tag_end);
    const auto tag = html.substr(open, tag_end - open);
    if (attribute(tag, "method") != "post" || close == std::string::npos) continue;
    Form form{page, html_unescape(attribute(tag, "action"))};
    if (form.action.empty()) form.action = page;
    const auto inner = html.substr(tag_end, close - tag_end);
    for (auto at = inner.find('<'); at != std::string::npos; at = inner.find('<', at + 1)) {
      const auto end = inner.find('>', at);
      const auto field = inner.substr(at, end - at);
      const auto name = html_unescape(attribute(field, "name"));
      if (name.empty()) continue;
      const bool required = field.find(" required") != std::string::npos;
      if (field.starts_with("<input")) {
        const auto type = attribute(field, "type");
        auto value = html_unescape(attribute(field, "value"));
        if ((type == "checkbox" || type == "radio") && field.find(" checked") == std::string::npos)
          continue;
        if (type == "file" || type == "submit") continue;
        const auto mode = attribute(field, "inputmode");
        if (mode == "decimal" || mode == "numeric") {
          form.numeric.push_back(name);
          if (mode == "numeric") form.whole_only.push_back(name);
        }
        if (value.empty() && required)
          value = type == "date"       ? "2026-03-01"
                  : type == "email"    ? "proef@voorbeeld.example"
                  : type == "password" ? "een-ander-lang-wachtwoord"
                  : mode == "numeric"  ? "2026"
                  : mode == "decimal"  ? "5"
                                       : "Proef";
        form.fields.emplace(name, value);
      } else if (field.starts_with("<textarea")) {
        const auto text_end = inner.find("</textarea>", end);
        auto value = html_unescape(inner.substr(end + 1, text_end - end - 1));
        if (value.empty() && required) value = "Proef";
        form.fields.emplace(name, value);
      } else if (field.starts_with("<select")) {
        const auto select_end = inner.find("</select>", end);
        const auto options = inner.substr(end, select_end - end);
        std::string chosen, first;
        for (auto o = options.find("<option"); o != std::string::npos;
             o = options.find("<option", o + 1)) {
          const auto option = options.substr(o, options.find('>', o) - o);
          const auto value = html_unescape(attribute(option, "value"));
          if (first.empty()) first = value;
          if (option.find(" selected") != std::string::npos) chosen = value;
        }
        form.fields.emplace(name, chosen.empty() ? first : chosen);
      }
    }
    if (!form.numeric.empty()) forms.push_back(std::move(form));
  }
  return forms;
}

// The pages a beheerder reaches from the start page by links, files and sign-out left out.
std::vector<std::pair<std::string, std::string>> walk(
    const std::function<httplib::Result(const std::string&)>& get) {
  std::vector<std::pair<std::string, std::string>> pages;
  std::set<std::string> seen{"/"};
  std::deque<std::string> queue{"/"};
  const std::regex link(R"re(href="(/[^"#?]*))re");
  const std::regex not_a_page(
      R"(\.(csv|xlsx|zip|json|ndjson|pdf|png|svg|ics|txt)$|^/uitloggen|^/static/|^/api/)");
  while (!queue.empty() && pages.size() < 800) {
    const auto path = queue.front();
    queue.pop_front();
    const auto r = get(path);
    if (status(r) != 200) continue;
    pages.emplace_back(path, r->body);
    for (std::sregex_iterator it(r->body.begin(), r->body.end(), link), end; it != end; ++it) {
      const auto href = html_unescape((*it)[1]);
      if (!std::regex_search(href, not_a_page) && seen.insert(href).second) queue.push_back(href);
    }
  }
  return pages;
}

// A route's shape: numbers replaced, so fifty forms of one kind are tried once.
std::string shape(const std::string& path) {
  return std::regex_replace(path, std::regex(R"(\d+)"), "N");
}

class NumberFieldsTest : public HttpTest {
 protected:
  long long newest_audit_id() {
    store::Connection conn(db());
    long long id = 0;
    soci::indicator ind;
    conn.sql() << "SELECT MAX(id) FROM audit_log", soci::into(id, ind);
    return ind == soci::i_ok ? id : 0;
  }
  // The new value each audit entry after `after` gives the field, as JSON ("null" when none).
  std::vector<nlohmann::json> stored_values(long long after, const std::string& field) {
    store::Connection conn(db());
    std::string changes;
    soci::statement st = (conn.sql().prepare << "SELECT changes FROM audit_log WHERE id > :a",
                          soci::use(after), soci::into(changes));
    st.execute();
    std::vector<nlohmann::json> found;
    while (st.fetch()) {
      const auto j = nlohmann::json::parse(changes);
      if (j.contains(field)) found.push_back(j[field][1]);
    }
    return found;
  }
};

// Whether the field's input in the page is marked invalid.
bool marked(const std::string& html, const std::string& field) {
  for (auto at = html.find("name=\"" + field + "\""); at != std::string::npos;
       at = html.find("name=\"" + field + "\"", at + 1)) {
    const auto open = html.rfind('<', at);
    const auto tag = html.substr(open, html.find('>', at) - open);
    if (tag.find("aria-invalid=\"true\"") != std::string::npos) return true;
  }
  return false;
}

TEST_F(NumberFieldsTest, EveryNumberFieldStoresWhatWasTypedOrSaysWhy) {
  add_wijken();
  const auto pages = walk([&](const std::string& p) { return get(p, As::beheerder); });
  std::map<std::string, Form> forms;  // one per form shape and field
  for (const auto& [path, html] : pages)
    for (auto& form : forms_of(path, html))
      forms.emplace(shape(form.action) + " " + form.numeric.front(), std::move(form));
  ASSERT_GE(forms.size(), 8u) << "the walk found too few forms with number fields";

  const std::vector<std::string> typed = {"12,5", "1.500", "1.5", "abc", "-1", "\xC0\xAF"};
  int tried = 0;
  for (const auto& [key, form] : forms)
    for (const auto& field : form.numeric) {
      const bool whole =
          std::find(form.whole_only.begin(), form.whole_only.end(), field) != form.whole_only.end();
      for (const auto& text : typed) {
        auto params = form.fields;
        params.erase(field);
        params.emplace(field, text);
        params.erase("_csrf");
        const auto before = newest_audit_id();
        const auto r = post(form.action, As::beheerder, params);
        const auto reading = domain::read_number(text);
        const auto where =
            form.action + " " + field + " = \"" + text + "\" (from " + form.page + ")";
        ++tried;
        if (status(r) == 422) {
          if (marked(r->body, field) || body(r).find("geen gewone tekst") != std::string::npos)
            continue;
          // Refused for another field: what was typed here must come back as it was.
          EXPECT_THAT(body(r), ::testing::HasSubstr("value=\"" + text + "\"")) << where;
          EXPECT_TRUE(reading.number &&
                      !(whole && reading.number->value() != std::floor(reading.number->value())))
              << where << ": refused without saying so on the field";
          continue;
        }
        ASSERT_TRUE(status(r) == 303 || status(r) == 302) << where << ": status " << status(r);
        EXPECT_TRUE(reading.number.has_value()) << where << ": stored what the reader refuses";
        if (!reading.number) continue;
        EXPECT_FALSE(whole && reading.number->value() != std::floor(reading.number->value()))
            << where << ": a whole-number field took a fraction";
        for (const auto& stored : stored_values(before, field)) {
          if (stored.is_number()) {
            EXPECT_DOUBLE_EQ(stored.get<double>(), reading.number->value()) << where;
          }
        }
      }
    }
  EXPECT_GE(tried, 48);
}

}  // namespace
}  // namespace kompas::test
