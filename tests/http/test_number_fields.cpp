// Every number field of every form, found by walking the pages a beheerder reaches: what people
// type as a number is either stored as the one number reader (domain/numbers.h) reads it, or
// refused with the field marked. Never stored as something else (issue 25, point 7).
#include <gmock/gmock.h>
#include <soci/soci.h>

#include <nlohmann/json.hpp>

#include "domain/numbers.h"
#include "form_walk.h"
#include "harness.h"
#include "store/database.h"

namespace kompas::test {
namespace {

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

TEST_F(NumberFieldsTest, EveryNumberFieldStoresWhatWasTypedOrSaysWhy) {
  add_wijken();
  const auto pages = walk([&](const std::string& p) { return get(p, As::beheerder); });
  struct Form {
    PostForm form;
    std::vector<std::string> numeric;     // names of the fields typed as numbers
    std::vector<std::string> whole_only;  // of those, the ones that take whole numbers only
  };
  std::map<std::string, Form> forms;  // one per form shape and field
  for (const auto& [path, html] : pages)
    for (auto& post_form : post_forms(path, html)) {
      Form form{std::move(post_form)};
      for (const auto& input : form.form.inputs) {
        if (input.inputmode == "decimal" || input.inputmode == "numeric")
          form.numeric.push_back(input.name);
        if (input.inputmode == "numeric") form.whole_only.push_back(input.name);
      }
      if (!form.numeric.empty())
        forms.emplace(shape(form.form.action) + " " + form.numeric.front(), std::move(form));
    }
  ASSERT_GE(forms.size(), 8u) << "the walk found too few forms with number fields";

  const std::vector<std::string> typed = {"12,5", "1.500", "1.5", "abc", "-1", "\xC0\xAF"};
  int tried = 0;
  for (const auto& [key, form] : forms)
    for (const auto& field : form.numeric) {
      const bool whole =
          std::find(form.whole_only.begin(), form.whole_only.end(), field) != form.whole_only.end();
      for (const auto& text : typed) {
        auto params = form.form.fields;
        params.erase(field);
        params.emplace(field, text);
        params.erase("_csrf");
        const auto before = newest_audit_id();
        const auto r = post(form.form.action, As::beheerder, params);
        const auto reading = domain::read_number(text);
        const auto where =
            form.form.action + " " + field + " = \"" + text + "\" (from " + form.form.page + ")";
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
