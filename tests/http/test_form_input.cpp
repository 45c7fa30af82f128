// What every form does with what people send, derived from the routes: bytes that are not
// text never reach a handler (issue 25, point 8).
#include <gmock/gmock.h>

#include <regex>

#include "harness.h"

namespace kompas::test {
namespace {

class FormInputTest : public HttpTest {};

// "%C0%AF" (an overlong '/') in any field of any form: 422 with a message in Dutch, nothing
// changed; in a query: 400. Never a 500.
TEST_F(FormInputTest, BytesThatAreNotTextAreRefusedEverywhere) {
  const int audit_before = count("SELECT COUNT(*) FROM audit_log");
  const std::string not_text = "\xC0\xAF";
  for (const auto& route : app().routes()) {
    const auto path = sample_path(route.pattern);
    if (!std::regex_match(path, std::regex(route.pattern))) continue;  // a list of words
    if (route.method == "POST") {
      const auto r = post(path, As::beheerder, {{"name", "Naam"}, {"title", not_text}});
      EXPECT_EQ(status(r), 422) << path;
      EXPECT_THAT(body(r), ::testing::HasSubstr("geen gewone tekst")) << path;
    } else {
      EXPECT_EQ(status(get(path + "?q=%C0%AF", As::beheerder)), 400) << path;
    }
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audit_before);
}

}  // namespace
}  // namespace kompas::test
