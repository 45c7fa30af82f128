// The read API: personal tokens made on the profile page, the coalition's data as JSON, and no
// access without a valid token.
#include <gmock/gmock.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "harness.h"
#include "store/quality_rounds_store.h"

using ::testing::HasSubstr;
using ::testing::Not;

namespace kompas::test {
namespace {

class ApiTest : public HttpTest {
 protected:
  std::string make_token(As who, const std::string& name = "dashboard") {
    const auto r = post("/profiel/sleutels", who, {{"token_name", name}});
    EXPECT_EQ(status(r), 200);
    std::smatch m;
    const std::string page = body(r);
    EXPECT_TRUE(std::regex_search(page, m, std::regex("kompas-token\">([A-Za-z0-9_-]+)<")));
    return m.size() > 1 ? m[1].str() : "";
  }
  httplib::Result api(const std::string& path, const std::string& token) {
    auto c = client();
    return c.Get(path, {{"Authorization", "Bearer " + token}});
  }
};

TEST_F(ApiTest, ATokenReadsTheCoalitionsPlan) {
  const auto token = make_token(As::lezer);
  ASSERT_FALSE(token.empty());
  auto r = api("/api/v1/ambitions", token);
  ASSERT_EQ(status(r), 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  auto json = nlohmann::json::parse(r->body);
  ASSERT_EQ(json["ambitions"].size(), 1u);
  EXPECT_EQ(json["ambitions"][0]["title"], "Minder eenzaamheid");
  json = nlohmann::json::parse(api("/api/v1/indicators", token)->body);
  EXPECT_EQ(json["indicators"][0]["kind"], "bevolking");
  json = nlohmann::json::parse(
      api("/api/v1/indicators/" + std::to_string(seed.indicator) + "/values", token)->body);
  ASSERT_EQ(json["values"].size(), 1u);
  EXPECT_EQ(json["values"][0]["origin"], "meting");
  EXPECT_EQ(json["values"][0]["n"], 80);
  EXPECT_EQ(nlohmann::json::parse(api("/api/v1/activities", token)->body)["activities"].size(), 1u);
  EXPECT_EQ(
      nlohmann::json::parse(api("/api/v1/contributions", token)->body)["contributions"].size(), 2u);
  // Check rounds: nothing per question from fewer than three people, and never anyone's scores.
  auto rounds = nlohmann::json::parse(api("/api/v1/check-rounds", token)->body)["check_rounds"];
  ASSERT_EQ(rounds.size(), 1u);
  EXPECT_EQ(rounds[0]["handed_in"], 0);
  EXPECT_TRUE(rounds[0]["questions"].empty());
  {
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    for (const auto& [id, name] :
         {std::pair{seed.member, "Mo Partner"}, std::pair{seed.volunteer, "Vera Vrijwilliger"}}) {
      domain::Respondent r;
      r.id = id;
      r.round_id = seed.round;
      r.name = name;
      ASSERT_TRUE(store::save_answers(
          change, r, {{"bezigheden", {id == seed.member ? 4 : 8, false, ""}}}, true));
    }
    change.commit();
  }
  rounds = nlohmann::json::parse(api("/api/v1/check-rounds", token)->body)["check_rounds"];
  EXPECT_EQ(rounds[0]["handed_in"], 2);
  EXPECT_TRUE(rounds[0]["questions"].empty());  // two people
  {
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    domain::Respondent third;
    third.round_id = seed.round;
    third.name = "Derde";
    third.id = store::add_volunteer(change, third).respondent_id;
    ASSERT_TRUE(store::save_answers(change, third, {{"bezigheden", {6, false, ""}}}, true));
    change.commit();
  }
  const auto body_text = api("/api/v1/check-rounds", token)->body;
  rounds = nlohmann::json::parse(body_text)["check_rounds"];
  ASSERT_EQ(rounds[0]["questions"].size(), 1u);
  EXPECT_EQ(rounds[0]["questions"][0]["median"], 6);
  EXPECT_EQ(rounds[0]["questions"][0]["lowest"], 4);
  EXPECT_EQ(rounds[0]["questions"][0]["discuss"], true);
  EXPECT_THAT(body_text, Not(HasSubstr("Vera")));
  // The token is stored as a hash only, and its creation is in the audit log.
  EXPECT_EQ(count("SELECT COUNT(*) FROM api_tokens WHERE token_hash = '" + token + "'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'api-sleutel'"), 1);
  EXPECT_THAT(body(get("/profiel", As::lezer)), Not(HasSubstr(token)));  // shown once
}

// The quality picture, self-scans and meetings (issue 12): what the pages show, as JSON.
TEST_F(ApiTest, ATokenReadsTheQualityPictureSelfScansAndMeetings) {
  const auto token = make_token(As::partner);
  auto json = nlohmann::json::parse(api("/api/v1/quality-picture", token)->body);
  EXPECT_EQ(json["running_activities"], 1);
  EXPECT_EQ(json["methods"]["eigen"], 1);
  EXPECT_EQ(json["elements_by_degree"].size(), 7u * 4u);
  ASSERT_EQ(json["mismatches"].size(), 0u);  // the gemeente has no wijken
  json = nlohmann::json::parse(api("/api/v1/self-scans", token)->body);
  ASSERT_EQ(json["self_scans"].size(), 1u);
  EXPECT_EQ(json["self_scans"][0]["year"], seed.scan_year);
  EXPECT_TRUE(json["self_scans"][0]["completed_on"].is_null());
  EXPECT_EQ(json["self_scans"][0]["pillars"].size(), 5u);
  EXPECT_TRUE(json["self_scans"][0]["pillars"][0]["score"].is_null());
  json = nlohmann::json::parse(api("/api/v1/meetings", token)->body);
  ASSERT_EQ(json["meetings"].size(), 1u);
  EXPECT_EQ(json["meetings"][0]["agenda"][0]["reason"], "eigen");
  EXPECT_EQ(json["meetings"][0]["agenda"][0]["subject"], "Terugblik op de Week tegen Eenzaamheid");
  EXPECT_TRUE(json["meetings"][0]["agenda"][0]["decision_due"].is_null());
}

TEST_F(ApiTest, NoTokenABadTokenOrARevokedTokenIs401) {
  EXPECT_EQ(status(api("/api/v1/ambitions", "nep")), 401);
  auto c = client();
  const auto bare = c.Get("/api/v1/ambitions");
  EXPECT_EQ(status(bare), 401);
  EXPECT_EQ(bare->get_header_value("WWW-Authenticate"), "Bearer");
  EXPECT_THAT(bare->body, HasSubstr("Geen geldige API-sleutel"));
  const auto token = make_token(As::partner);
  ASSERT_EQ(status(api("/api/v1/ambitions", token)), 200);
  const int id = count("SELECT MAX(id) FROM api_tokens");
  ASSERT_EQ(status(post("/profiel/sleutels/" + std::to_string(id) + "/intrekken", As::partner, {})),
            303);
  EXPECT_EQ(status(api("/api/v1/ambitions", token)), 401);
  // Someone else's token cannot be revoked by another person.
  const auto other = make_token(As::lezer, "ander");
  const int other_id = count("SELECT MAX(id) FROM api_tokens");
  EXPECT_EQ(
      status(post("/profiel/sleutels/" + std::to_string(other_id) + "/intrekken", As::partner, {})),
      404);
  EXPECT_EQ(status(api("/api/v1/ambitions", other)), 200);
}

TEST_F(ApiTest, AnotherCoalitionsTokenSeesOnlyItsOwnCoalition) {
  const auto token = make_token(As::other_coalition);
  EXPECT_TRUE(nlohmann::json::parse(api("/api/v1/ambitions", token)->body)["ambitions"].empty());
  const auto r = api("/api/v1/indicators/" + std::to_string(seed.indicator) + "/values", token);
  EXPECT_EQ(status(r), 404);
  EXPECT_THAT(r->body, HasSubstr("\"error\""));
}

TEST_F(ApiTest, TheOpenApiDocumentDescribesEveryApiRoute) {
  const auto doc = nlohmann::json::parse(body(get("/api/v1/openapi.json", As::anonymous)));
  EXPECT_EQ(doc["openapi"], "3.1.0");
  for (const auto& route : app().routes()) {
    if (!route.pattern.starts_with("/api/v1/") || route.pattern == "/api/v1/openapi.json") continue;
    auto path = route.pattern.substr(7);
    path = std::regex_replace(path, std::regex(R"(\(\\d\+\))"), "{id}");
    EXPECT_TRUE(doc["paths"].contains(path)) << path;
  }
}

TEST_F(ApiTest, AnEmptyTokenNameIsRefused) {
  EXPECT_EQ(status(post("/profiel/sleutels", As::lezer, {{"token_name", " "}})), 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM api_tokens"), 0);
}

}  // namespace
}  // namespace kompas::test
