// Every text field of every form, found by walking the pages each role reaches: it declares the
// most characters it takes (maxlength, so the browser stops there and the hint says it), the
// server takes that many characters, counted as characters ("é" is one), and refuses one more
// with a message on the field that names the number (issue 25; docs/rules.md, "Text limits").
#include <gmock/gmock.h>

#include <map>
#include <regex>
#include <set>

#include "form_walk.h"
#include "harness.h"
#include "store/coalitions_store.h"

namespace kompas::test {
namespace {

// The start of the message for a text that is too long (messages/nl.json, error.too_long_max).
const std::string kTooLong = "Dit is te lang";

class TextFieldsTest : public HttpTest {
 protected:
  // The pattern of the post route that takes `action`, so a form on fifty pages is tried once.
  std::string route_of(const std::string& action) {
    for (const auto& route : app().routes())
      if (route.method == "POST" && std::regex_match(action, std::regex(route.pattern)))
        return route.pattern;
    return action;
  }
};

// A number as the Dutch pages write it: 4000 as "4.000".
std::string dutch_number(std::size_t n) {
  auto text = std::to_string(n);
  for (int at = static_cast<int>(text.size()) - 3; at > 0; at -= 3) text.insert(at, ".");
  return text;
}

// `length` characters that the field's kind could take: an e-mail address for an e-mail field,
// and otherwise a letter of two bytes, so a limit counted in bytes shows.
std::string text_of_length(const FormField& field, std::size_t length) {
  if (field.type == "email") {
    const std::string domain = "@voorbeeld.example";
    return std::string(length > domain.size() ? length - domain.size() : 1, 'a') + domain;
  }
  if (field.type == "tel") return std::string(length, '1');
  std::string text;
  for (std::size_t i = 0; i < length; ++i) text += "\xC3\xA9";  // é
  return text;
}

bool is_text(const FormField& field) {
  if (field.tag == "textarea") return true;
  return field.tag == "input" && field.inputmode.empty() &&
         (field.type == "text" || field.type == "email" || field.type == "tel" ||
          field.type == "url" || field.type == "search");
}

TEST_F(TextFieldsTest, EveryTextFieldDeclaresItsLimitAndTheServerKeepsIt) {
  add_wijken();
  // Every form open: the activity on the kaart (its service can be edited and corrected), and
  // the kaart and the signaalpunt public.
  ASSERT_EQ(
      status(post("/wie-doet-wat/activiteiten/" + std::to_string(seed.activity) + "/op-de-kaart",
                  As::partner, {})),
      303);
  {
    store::Change change(db(), beheerder_of(seed));
    auto coalition = store::find_coalition(change.sql(), seed.coalition_a).value();
    coalition.public_map = coalition.public_signals = true;
    store::update_coalition(change, coalition);
    change.commit();
  }
  struct Found {
    As who;
    PostForm form;
    FormField field;
  };
  std::map<std::string, Found> fields;  // one per form shape and field, from the first role
  // A changed address ends a person's sessions, so the people form is tried on someone else.
  ASSERT_EQ(status(post("/mensen", As::beheerder,
                        {{"name", "Proef Persoon"},
                         {"email", "proef.persoon@voorbeeld.example"},
                         {"role", "lezer"},
                         {"password", "paarse-fiets-op-dinsdag"},
                         {"active", "1"}})),
            303);
  const std::set<std::string> signed_in = {"/mensen/" + std::to_string(seed.beheerder),
                                           "/mensen/" + std::to_string(seed.partner_person),
                                           "/mensen/" + std::to_string(seed.lezer)};
  const std::string pub = "/openbaar/GM9999";
  for (const auto& [who, starts] : std::vector<std::pair<As, std::vector<std::string>>>{
           {As::beheerder, {"/"}},
           {As::partner, {"/"}},
           {As::lezer, {"/"}},
           {As::anonymous,
            {pub + "/signaal", pub + "/kaart", "/inloggen", "/check/" + seed.link_token}}}) {
    const auto pages = walk([&](const std::string& p) { return get(p, who); }, starts);
    for (const auto& [path, html] : pages)
      for (const auto& form : post_forms(path, html))
        for (const auto& field : form.inputs)
          if (is_text(field) && !signed_in.contains(form.action))
            fields.emplace(route_of(form.action) + " " + field.name, Found{who, form, field});
  }
  ASSERT_GE(fields.size(), 120u) << "the walk found too few text fields";

  for (const auto& [key, found] : fields) {
    const auto& [who, form, field] = found;
    const auto where = key + " (from " + form.page + ")";
    EXPECT_GT(field.maxlength, 0u) << where << ": the field declares no maxlength";
    if (field.maxlength == 0) continue;
    const auto send = [&](std::size_t length) {
      auto params = form.fields;
      params.erase(field.name);
      params.emplace(field.name, text_of_length(field, length));
      params.erase("_csrf");
      return who == As::anonymous ? post_without_account(form.action, params)
                                  : post(form.action, who, params);
    };
    // One more is refused on the field. A field with a form of its own (an e-mail address, a
    // postcode) may say what that form is; a message that it is too long names the limit.
    const auto too_long = send(field.maxlength + 1);
    EXPECT_EQ(status(too_long), 422) << where << ": one character more than maxlength";
    EXPECT_TRUE(marked(body(too_long), field.name)) << where << ": too long, but not marked";
    const auto message = field_error(body(too_long), field.name);
    if (message.find(kTooLong) != std::string::npos) {
      EXPECT_THAT(message, ::testing::HasSubstr(dutch_number(field.maxlength)))
          << where << ": the message does not name the limit";
    }

    // Exactly the limit is never refused for its length.
    const auto just_fits = send(field.maxlength);
    EXPECT_THAT(field_error(body(just_fits), field.name),
                ::testing::Not(::testing::HasSubstr(kTooLong)))
        << where << ": refused at exactly maxlength, " << field.maxlength << " characters";
  }
}

}  // namespace
}  // namespace kompas::test
