// The quality check in the browser's terms (issue 12): starting a round, inviting the team,
// answering signed in and through a personal link, handing in once, revoking and closing.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/activities_store.h"
#include "store/people_store.h"
#include "store/quality_rounds_store.h"
#include "store/sessions_store.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class QualityPagesTest : public HttpTest {
 protected:
  std::string round_path() const { return "/kwaliteit/rondes/" + std::to_string(seed.round); }

  // A form answering every question of the seeded round with `score`.
  httplib::Params all_answers(const std::string& score, const std::string& action) {
    httplib::Params form{{"actie", action}};
    for (const auto& code : question_codes()) form.emplace("q_" + code, score);
    return form;
  }

  // The questions as the team member's form shows them (read once, before anyone hands in).
  const std::vector<std::string>& question_codes() {
    if (!codes_.empty()) return codes_;
    const auto page = body(get(round_path() + "/invullen", As::partner));
    const std::string marker = "id=\"vraag-";
    for (auto at = page.find(marker); at != std::string::npos; at = page.find(marker, at + 1)) {
      const auto start = at + marker.size();
      codes_.push_back(page.substr(start, page.find('"', start) - start));
    }
    return codes_;
  }

 private:
  std::vector<std::string> codes_;

 protected:
  // An anonymous visitor of a link: the form's cookie from the GET, sent back with the POST.
};

TEST_F(QualityPagesTest, APartnerStartsARoundForItsOwnActivityOnly) {
  const auto start = "/kwaliteit/activiteiten/" + std::to_string(seed.activity) + "/ronde";
  auto r = post(start, As::partner, {{"ends_on", "1 januari 2020"}, {"join", "1"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Deze datum is al voorbij."));
  r = post(start, As::partner, {{"ends_on", "31 december 2099"}, {"join", "1"}});
  ASSERT_EQ(status(r), 422);  // more than a year ahead
  EXPECT_THAT(body(r), HasSubstr("Een ronde duurt hoogstens een jaar."));
  const auto in_a_month = body(get(start, As::partner));
  const auto value_at = in_a_month.find("name=\"ends_on\" value=\"");
  ASSERT_NE(value_at, std::string::npos);
  const auto ends_on = in_a_month.substr(value_at + 22, 10);
  r = post(start, As::partner, {{"ends_on", ends_on}, {"join", "1"}});
  ASSERT_EQ(status(r), 303);
  const auto round =
      r->get_header_value("Location").substr(0, r->get_header_value("Location").find('?'));
  const auto page = body(get(round, As::partner));
  EXPECT_THAT(page, HasSubstr("Mo Partner"));  // the starter joined
  EXPECT_THAT(page, HasSubstr(round + "/invullen"));

  // An activity another partner leads.
  long long theirs = 0;
  {
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    domain::Activity a;
    a.name = "Zorg Zuid inloop";
    a.lead_partner_id = seed.other_partner;
    a.target_group = "iedereen";
    a.loneliness_type = "sociaal";
    a.degrees = {"preventie"};
    theirs = store::create_activity(change, a);
    change.commit();
  }
  const auto other = "/kwaliteit/activiteiten/" + std::to_string(theirs) + "/ronde";
  EXPECT_EQ(status(get(other, As::partner)), 403);
  EXPECT_EQ(status(post(other, As::partner, {{"ends_on", ends_on}})), 403);
  EXPECT_EQ(status(get(other, As::beheerder)), 200);
}

TEST_F(QualityPagesTest, ATeamMemberSavesComesBackAndHandsInOnce) {
  const auto form = round_path() + "/invullen";
  auto r = post(form, As::partner,
                {{"q_bezigheden", "11"}, {"q_ontmoeten", "nvt"}, {"actie", "opslaan"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Kies een cijfer van 1 tot en met 10, of n.v.t."));
  EXPECT_THAT(body(r), HasSubstr("Schrijf kort op waarom deze vraag niet van toepassing is."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM check_answers"), 0);  // nothing saved

  // Saved to finish later: the scores, the reason for n.v.t. and an explanation beside a score,
  // and one typed before choosing, all come back.
  r = post(form, As::partner,
           {{"q_bezigheden", "7"},
            {"r_bezigheden", "Iedere week iets anders."},
            {"q_ontmoeten", "nvt"},
            {"r_ontmoeten", "Alleen een-op-een."},
            {"r_praktisch_ondersteunen", "Nog navragen."},
            {"actie", "opslaan"}});
  ASSERT_EQ(status(r), 303);
  auto page = body(get(form, As::partner));
  EXPECT_THAT(page, HasSubstr("name=\"q_bezigheden\" value=\"7\" checked"));
  EXPECT_THAT(page, HasSubstr("value=\"Alleen een-op-een.\""));
  EXPECT_THAT(page, HasSubstr("value=\"Iedere week iets anders.\""));
  EXPECT_THAT(page, HasSubstr("value=\"Nog navragen.\""));

  // Handing in with questions left open names them, says on each what is wrong, and keeps what
  // was typed.
  r = post(form, As::partner, {{"q_bezigheden", "8"}, {"actie", "inleveren"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("href=\"#vraag-ontmoeten\""));
  EXPECT_THAT(body(r), HasSubstr(": Kies een cijfer of n.v.t."));
  EXPECT_THAT(body(r), HasSubstr("id=\"vraag-ontmoeten\" aria-describedby=\"hint-ontmoeten "
                                 "fout-ontmoeten\" aria-invalid=\"true\""));
  EXPECT_THAT(body(r), HasSubstr("name=\"q_bezigheden\" value=\"8\" checked"));

  ASSERT_EQ(status(post(form, As::partner, all_answers("6", "inleveren"))), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM check_answers WHERE score = 6"), 20);
  const auto thanks = get(form, As::partner);
  EXPECT_EQ(status(thanks), 200);
  EXPECT_THAT(body(thanks), HasSubstr("Deze antwoorden zijn al ingeleverd."));
  EXPECT_THAT(body(thanks), Not(HasSubstr("name=\"q_bezigheden\"")));
  EXPECT_EQ(status(post(form, As::partner, all_answers("9", "opslaan"))), 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM check_answers WHERE score = 9"), 0);
  EXPECT_THAT(body(get(round_path(), As::lezer)), HasSubstr("ingeleverd"));
}

TEST_F(QualityPagesTest, AVolunteerAnswersThroughTheLinkUntilItIsRevoked) {
  const auto link = "/check/" + seed.link_token;
  EXPECT_THAT(body(get(link, As::anonymous)), HasSubstr("Vera Vrijwilliger"));
  // Without the form's cookie the post is refused.
  EXPECT_EQ(status(post(link, As::anonymous, {{"q_bezigheden", "7"}, {"actie", "opslaan"}})), 403);
  auto r = post_without_account(link, {{"q_bezigheden", "7"}, {"actie", "opslaan"}});
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM check_answers WHERE respondent_id = " +
                  std::to_string(seed.volunteer)),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'antwoorden' AND person_name = "
                  "'Vera Vrijwilliger (via link)'"),
            1);

  // The team's manager makes a second link, and takes it back.
  // Its address is the site's own, whatever Host the request named.
  auto c = client();
  r = c.Post(round_path() + "/vrijwilliger",
             {{"Cookie", cookie_for(As::partner)}, {"Host", "evil.example"}},
             httplib::Params{{"name", "Wim"}, {"_csrf", csrf(As::partner)}});
  ASSERT_EQ(status(r), 200);
  const auto page = body(r);
  EXPECT_THAT(page, HasSubstr("http://127.0.0.1:8080/check/"));
  EXPECT_THAT(page, Not(HasSubstr("evil.example")));
  const auto at = page.find("/check/");
  ASSERT_NE(at, std::string::npos);
  const auto second = page.substr(at, page.find('<', at) - at);
  EXPECT_THAT(page, HasSubstr("U ziet hem maar één keer."));
  EXPECT_EQ(status(get(second, As::anonymous)), 200);
  store::Connection conn(db());
  long long wim = 0;
  for (const auto& respondent : store::list_respondents(conn.sql(), seed.round))
    if (respondent.name == "Wim") wim = respondent.id;
  EXPECT_EQ(
      status(post(round_path() + "/team/" + std::to_string(wim) + "/intrekken", As::lezer, {})),
      403);
  ASSERT_EQ(
      status(post(round_path() + "/team/" + std::to_string(wim) + "/intrekken", As::partner, {})),
      303);
  r = get(second, As::anonymous);
  EXPECT_EQ(status(r), 410);
  EXPECT_THAT(body(r), HasSubstr("Deze link is ingetrokken."));
  // The first link still works; a link of another round never reaches this one.
  EXPECT_EQ(status(get(link, As::anonymous)), 200);
}

TEST_F(QualityPagesTest, AClosedRoundTakesNoMoreAnswers) {
  EXPECT_EQ(status(post(round_path() + "/sluiten", As::lezer, {{"bevestig", "ja"}})), 403);
  // Closing asks first: how many have not handed in yet.
  EXPECT_THAT(body(get(round_path() + "/sluiten", As::partner)),
              HasSubstr("Nog niet ingeleverd: 2."));
  EXPECT_EQ(status(post(round_path() + "/sluiten", As::partner, {})), 422);
  EXPECT_THAT(body(get(round_path(), As::partner)), Not(HasSubstr("gesloten")));
  ASSERT_EQ(status(post(round_path() + "/sluiten", As::partner, {{"bevestig", "ja"}})), 303);
  EXPECT_THAT(body(get(round_path(), As::partner)), HasSubstr("gesloten"));
  EXPECT_EQ(status(get(round_path() + "/invullen", As::partner)), 410);
  const auto r = get("/check/" + seed.link_token, As::anonymous);
  EXPECT_EQ(status(r), 410);
  EXPECT_THAT(body(r), HasSubstr("Deze ronde van de check is gesloten."));
  EXPECT_EQ(status(post(round_path() + "/vrijwilliger", As::partner, {{"name", "Late"}})), 409);
}

TEST_F(QualityPagesTest, TheScoreOverviewShowsTheTeamAndAggregatesOnlyToOthers) {
  const auto overview = round_path() + "/overzicht";
  EXPECT_THAT(body(get(overview, As::partner)), HasSubstr("te weinig ingeleverde antwoorden"));
  ASSERT_EQ(status(post(round_path() + "/invullen", As::partner, all_answers("5", "inleveren"))),
            303);
  ASSERT_EQ(
      status(post_without_account("/check/" + seed.link_token, all_answers("9", "inleveren"))),
      303);
  auto page = body(get(overview, As::partner));  // in the team: every score, with names
  EXPECT_THAT(page,
              HasSubstr("<th class=\"utrecht-table__header-cell\" scope=\"col\">Mo Partner</th>"));
  EXPECT_THAT(page, HasSubstr("Vera Vrijwilliger"));
  const std::string median_seven = "utrecht-table__cell--numeric\">7</td>";
  EXPECT_THAT(page, HasSubstr(median_seven));  // the median of 5 and 9
  EXPECT_THAT(page, HasSubstr(">5–9<"));
  EXPECT_THAT(page, HasSubstr("bespreken"));  // 4 points apart
  EXPECT_THAT(page, HasSubstr("Nog geen vraag heeft een mediaan van 8 of hoger."));
  // The first questions in the instrument's order, with the tip for a 6 or 7.
  EXPECT_THAT(page, HasSubstr("Vraag de deelnemers wat zij graag doen."));
  EXPECT_THAT(page, HasSubstr("<svg class=\"kompas-chart kompas-chart--wide\""));
  EXPECT_THAT(body(get(overview, As::beheerder)), HasSubstr("Vera Vrijwilliger"));

  // Outside the team: nothing from two people, then aggregates without names from three.
  EXPECT_THAT(body(get(overview, As::lezer)), HasSubstr("te weinig ingeleverde antwoorden"));
  {
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    domain::Respondent third;
    third.round_id = seed.round;
    third.name = "Derde Vrijwilliger";
    third.id = store::add_volunteer(change, third).respondent_id;
    store::Answers answers;
    for (const auto& code : question_codes()) answers[code] = {7, false, ""};
    ASSERT_TRUE(store::save_answers(change, third, answers, true));
    change.commit();
  }
  page = body(get(overview, As::lezer));
  EXPECT_THAT(page, HasSubstr(median_seven));
  EXPECT_THAT(page, Not(HasSubstr("Vera Vrijwilliger")));
  EXPECT_THAT(page, Not(HasSubstr("Mo Partner")));
  // A colleague of the same partner outside the team: aggregates only, though the team member's
  // page (with names) was just cached.
  std::string colleague_cookie;
  {
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    domain::Person colleague;
    colleague.name = "Collega Buiten Team";
    colleague.email = "collega@a.example";
    colleague.role = domain::Role::partner;
    colleague.partner_id = seed.own_partner;
    const auto id = store::create_person(change, colleague, "x");
    change.commit();
    store::Connection conn(db());
    colleague_cookie = "kompas_sessie=" + store::create_session(conn.sql(), id).token;
  }
  EXPECT_THAT(body(get(overview, As::partner)), HasSubstr("Vera Vrijwilliger"));
  page = body(get(overview, As::anonymous, {{"Cookie", colleague_cookie}}));
  EXPECT_THAT(page, HasSubstr(median_seven));
  EXPECT_THAT(page, Not(HasSubstr("Vera Vrijwilliger")));
  EXPECT_EQ(status(get("/kwaliteit/rondes/999999/overzicht", As::lezer)), 404);
  // The download: the same aggregates, never a name, also not for the team.
  for (const auto who : {As::lezer, As::partner}) {
    const auto csv = body(get(overview + ".csv", who));
    EXPECT_THAT(csv, HasSubstr("\"Mediaan\""));
    EXPECT_THAT(csv, HasSubstr(";7;5;9;0;\"ja\";"));  // median, lowest, highest, n.v.t., discuss
    EXPECT_THAT(csv, Not(HasSubstr("Vera")));
    EXPECT_THAT(csv, Not(HasSubstr("Mo Partner")));
  }
}

TEST_F(QualityPagesTest, ATipBecomesAnActionAndTheNextRoundShowsWhatBecameOfIt) {
  ASSERT_EQ(status(post(round_path() + "/invullen", As::partner, all_answers("4", "inleveren"))),
            303);
  const auto overview = round_path() + "/overzicht";
  EXPECT_THAT(body(get(overview, As::partner)), HasSubstr("Maak hier een actie van"));
  EXPECT_THAT(body(get(overview, As::lezer)), Not(HasSubstr("Maak hier een actie van")));
  const auto make = round_path() + "/acties";
  EXPECT_EQ(status(post(make, As::lezer, {{"question", "bezigheden"}})), 403);
  EXPECT_EQ(
      status(post(make, As::partner,
                  {{"question", "bestaat_niet"}, {"title", "x"}, {"due_date", "2027-03-01"}})),
      422);
  const auto mistake = post(
      make, As::partner, {{"question", "bezigheden"}, {"title", ""}, {"due_date", "1 maart 2027"}});
  EXPECT_EQ(status(mistake), 422);
  // The form says what is wrong and keeps what was typed.
  EXPECT_THAT(body(mistake), HasSubstr("De actie is niet opgeslagen"));
  EXPECT_THAT(body(mistake), HasSubstr("value=\"1 maart 2027\""));
  const auto r = post(make, As::partner,
                      {{"question", "bezigheden"},
                       {"title", "Elke week samen koken"},
                       {"owner", std::to_string(seed.beheerder)},
                       {"due_date", "1 maart 2027"}});
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM actions WHERE title = 'Elke week samen koken' AND "
                  "due_date = '2027-03-01' AND round_id = " +
                  std::to_string(seed.round) + " AND activity_id = " +
                  std::to_string(seed.activity) + " AND question_code = 'bezigheden'"),
            1);
  EXPECT_THAT(body(get(overview, As::partner)), HasSubstr("Elke week samen koken"));
  EXPECT_THAT(body(get("/acties", As::lezer)), HasSubstr("Elke week samen koken"));
  const auto plan = body(get(round_path() + "/verbeterplan", As::lezer));
  EXPECT_THAT(plan, HasSubstr("Doen de deelnemers samen iets"));
  EXPECT_THAT(plan, HasSubstr("1 maart 2027"));

  // A later round of the same activity: higher scores, and the action with its status.
  long long next = 0;
  {
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    domain::CheckRound later;
    later.activity_id = seed.activity;
    later.instrument_version = 1;
    later.ends_on = "2099-12-31";
    later.started_at = store::now_seconds() + 1;
    next = store::create_round(change, later);
    domain::Respondent member;
    member.round_id = next;
    member.person_id = seed.partner_person;
    member.name = "Mo Partner";
    member.id = store::add_member(change, member);
    store::Answers answers;
    for (const auto& code : question_codes()) answers[code] = {8, false, ""};
    ASSERT_TRUE(store::save_answers(change, member, answers, true));
    change.commit();
  }
  const auto later =
      body(get("/kwaliteit/rondes/" + std::to_string(next) + "/overzicht", As::partner));
  EXPECT_THAT(later, HasSubstr("Wat werd er van de acties uit de vorige ronde?"));
  EXPECT_THAT(later, HasSubstr("Elke week samen koken"));
  EXPECT_THAT(later, HasSubstr(">hoger<"));
}

}  // namespace
}  // namespace kompas::test
