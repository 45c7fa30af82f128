// The quality check instrument in the database (issue 12), on SQLite and PostgreSQL: migrate
// loads the shipped versions once, and a stored version never changes.
#include <gmock/gmock.h>

#include "domain/areas.h"
#include "domain/survey_import.h"
#include "harness.h"
#include "store/activities_store.h"
#include "store/areas_store.h"
#include "store/migrations.h"
#include "store/quality_instruments_store.h"
#include "store/quality_rounds_store.h"
#include "store/surveys_store.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using QualityStoreTest = HttpTest;

// A round of the seeded activity with the partner person and a volunteer in its team.
struct TeamRound {
  domain::CheckRound round;
  domain::Respondent member, volunteer;
  std::string token;
};

TeamRound start_round(store::Database& db, const Seed& seed) {
  TeamRound t;
  store::Change change(db, beheerder_of(seed));
  t.round.activity_id = seed.activity;
  t.round.instrument_version = 1;
  t.round.ends_on = "2099-12-31";
  t.round.started_by = seed.beheerder;
  t.round.started_at = store::now_seconds();
  t.round.id = store::create_round(change, t.round);
  t.member.round_id = t.volunteer.round_id = t.round.id;
  t.member.person_id = seed.partner_person;
  t.member.name = "Mo Partner";
  t.member.id = store::add_member(change, t.member);
  t.volunteer.name = "Vera Vrijwilliger";
  const auto link = store::add_volunteer(change, t.volunteer);
  t.volunteer.id = link.respondent_id;
  t.token = link.token;
  change.commit();
  return t;
}

TEST_F(QualityStoreTest, MigrateLoadsTheShippedInstrumentsOnce) {
  using store::InstrumentKind;
  store::Connection conn(db());
  const auto latest = store::latest_instrument(conn.sql(), InstrumentKind::quality_check);
  ASSERT_TRUE(latest);
  EXPECT_GE(latest->version, 1);
  const auto first = store::find_instrument(conn.sql(), InstrumentKind::quality_check, 1);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->question_count(), 20u);
  EXPECT_FALSE(store::find_instrument(conn.sql(), InstrumentKind::quality_check, 999));
  // The self-scan: five pillars of three questions, kept apart from the check's versions.
  const auto scan = store::find_instrument(conn.sql(), InstrumentKind::self_scan, 1);
  ASSERT_TRUE(scan);
  EXPECT_EQ(scan->themes.size(), 5u);
  EXPECT_EQ(scan->question_count(), 15u);
  EXPECT_TRUE(store::migrate(db()).empty());  // nothing new the second time
  EXPECT_EQ(count("SELECT COUNT(*) FROM quality_instruments WHERE version = 1"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM self_scan_instruments WHERE version = 1"), 1);
}

TEST_F(QualityStoreTest, AStoredVersionThatDiffersFromTheShippedFileIsRefused) {
  {
    store::Connection conn(db());
    conn.sql() << "UPDATE quality_instruments SET content = content || ' ' WHERE version = 1";
  }
  EXPECT_THROW(store::migrate(db()), std::runtime_error);
  // The migration's transaction rolled back: the stored text is as it was.
  EXPECT_EQ(count("SELECT COUNT(*) FROM quality_instruments"), 1);
}

TEST_F(QualityStoreTest, ARoundKeepsItsTeamAndTheirAnswers) {
  const auto t = start_round(db(), seed);
  store::Connection conn(db());
  const auto round = store::find_round(conn.sql(), seed.coalition_a, t.round.id);
  ASSERT_TRUE(round);
  EXPECT_EQ(round->activity_id, seed.activity);
  EXPECT_FALSE(store::find_round(conn.sql(), seed.coalition_b, t.round.id));  // another coalition
  EXPECT_EQ(store::list_rounds(conn.sql(), seed.coalition_a, seed.activity).size(), 2u);
  EXPECT_EQ(store::list_rounds(conn.sql(), seed.coalition_a, seed.activity).front().id,
            t.round.id);  // newest first

  const auto team = store::list_respondents(conn.sql(), t.round.id);
  ASSERT_EQ(team.size(), 2u);
  const auto link = store::find_link(conn.sql(), t.token);
  ASSERT_TRUE(link);
  EXPECT_EQ(link->respondent.name, "Vera Vrijwilliger");
  EXPECT_EQ(link->coalition_id, seed.coalition_a);
  EXPECT_TRUE(link->respondent.link_expires_at);
  EXPECT_FALSE(store::find_link(conn.sql(), t.token + "x"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM check_respondents WHERE token_hash = '" + t.token + "'"),
            0);  // only the hash is kept

  store::Answers answers = {{"bezigheden", {7, false, ""}},
                            {"ontmoeten", {{}, true, "Wij werken een-op-een."}},
                            {"methode", {}}};
  {
    store::Change change(db(), {seed.coalition_a, std::nullopt, "Vera Vrijwilliger (link)"});
    store::save_answers(change, link->respondent, answers, false);
    change.commit();
  }
  auto saved = store::answers_of(conn.sql(), t.volunteer.id);
  EXPECT_EQ(saved.size(), 2u);  // an unanswered question is not stored
  EXPECT_EQ(saved["bezigheden"].score, 7);
  EXPECT_TRUE(saved["ontmoeten"].not_applicable);
  EXPECT_EQ(saved["ontmoeten"].reason, "Wij werken een-op-een.");
  {
    store::Change change(db(), {seed.coalition_a, std::nullopt, "Vera Vrijwilliger (link)"});
    answers["bezigheden"].score = 9;
    store::save_answers(change, link->respondent, answers, true);
    change.commit();
  }
  EXPECT_EQ(store::answers_of(conn.sql(), t.volunteer.id)["bezigheden"].score, 9);
  const auto counts = store::team_counts(conn.sql(), seed.coalition_a);
  EXPECT_EQ(counts.at(t.round.id).total, 2);
  EXPECT_EQ(counts.at(t.round.id).submitted, 1);
  // Handed in is final.
  const auto submitted = store::find_link(conn.sql(), t.token)->respondent;
  EXPECT_TRUE(submitted.submitted_at);
  store::Change again(db(), {seed.coalition_a, std::nullopt, "Vera"});
  EXPECT_FALSE(store::save_answers(again, link->respondent, answers, false));  // read before
  EXPECT_EQ(store::answers_of(conn.sql(), t.volunteer.id)["bezigheden"].score, 9);
}

TEST_F(QualityStoreTest, TheAuditLogNamesNoScores) {
  const auto t = start_round(db(), seed);
  {
    store::Change change(db(), beheerder_of(seed));
    store::save_answers(change, t.member, {{"bezigheden", {3, false, ""}}}, false);
    store::revoke_link(change, t.volunteer);
    store::close_round(change, t.round);
    change.commit();
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'antwoorden' AND changes LIKE "
                  "'%\"answers\"%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'antwoorden' AND changes LIKE "
                  "'%bezigheden%'"),
            0);
  store::Connection conn(db());
  EXPECT_TRUE(store::find_round(conn.sql(), seed.coalition_a, t.round.id)->closed_at);
  EXPECT_TRUE(store::find_link(conn.sql(), t.token)->respondent.revoked_at);
  const auto log = body(get("/beheer/logboek?soort=controleronde", As::beheerder));
  EXPECT_THAT(log, HasSubstr("gesloten op"));
  EXPECT_THAT(log, Not(HasSubstr("1.7")));  // a time, not seconds since 1970
}

TEST_F(QualityStoreTest, TheQualityPageListsRunningActivitiesWithTheirLatestCheck) {
  auto page = body(get("/kwaliteit", As::lezer));
  EXPECT_THAT(page, HasSubstr("loopt tot 31 december 2099"));  // the seeded round
  EXPECT_THAT(page, HasSubstr("0 van 2 ingeleverd"));
  EXPECT_THAT(page, Not(HasSubstr("Nog geen check")));
  EXPECT_THAT(body(get("/", As::lezer)),
              HasSubstr("Lopende activiteiten met een check in het afgelopen jaar: 1 van 1"));
  {
    store::Change change(db(), beheerder_of(seed));
    domain::Activity a;
    a.name = "Wandelgroep";
    a.target_group = "iedereen";
    a.loneliness_type = "sociaal";
    a.degrees = {"preventie"};
    store::create_activity(change, a);
    change.commit();
  }
  page = body(get("/kwaliteit", As::lezer));
  EXPECT_THAT(page, HasSubstr("Nog geen check"));
  EXPECT_THAT(page, HasSubstr("Lopende activiteiten zonder check in het afgelopen jaar: 1."));
  EXPECT_THAT(body(get("/", As::lezer)),
              HasSubstr("Lopende activiteiten met een check in het afgelopen jaar: 1 van 2"));
}

TEST_F(QualityStoreTest, TheQualityPictureCountsElementsPerWijkAndDegree) {
  const auto page = body(get("/kwaliteit/beeld", As::lezer));
  EXPECT_THAT(page, HasSubstr("Werkzame elementen per graad van eenzaamheid"));
  EXPECT_THAT(page, HasSubstr("kompas-heat"));
  EXPECT_THAT(page, HasSubstr("Elke lopende activiteit had het afgelopen jaar een check."));
}

// Two wijken; in Noord every respondent misses a close bond (emotionally lonely), in Zuid nobody
// does. The seeded activity, Huiskamer, is social, for the whole gemeente, and not for severe
// loneliness.
TEST_F(QualityStoreTest, ThePictureShowsWhereTheOfferDoesNotMatchTheSurvey) {
  // The page after its heat maps, so a failure prints what matters.
  const auto picture_text = [this] {
    const auto page = body(get("/kwaliteit/beeld", As::lezer));
    return page.substr(std::min(page.find("id=\"mismatch\""), page.size()));
  };
  {
    store::Change change(db(), beheerder_of(seed));
    const auto parsed =
        domain::parse_area_csv("code;naam\nWK999901;Noord\nWK999902;Zuid\n", "GM9999", {});
    ASSERT_TRUE(parsed.problems.empty());
    store::save_areas(change, parsed.areas);
    std::string csv = "wijk;djg1;djg2;djg3;djg4;djg5;djg6;djg7;djg8;djg9;djg10;djg11\n";
    // Emotionally lonely (items 2, 3, 5, 6, 9 and 10 say "ja"): three in four in Noord, one in
    // five in Zuid (enough lonely people there that no cell needs hiding).
    const std::string lonely = ";ja;ja;ja;ja;ja;ja;ja;ja;ja;ja;ja\n";
    const std::string fine = ";ja;nee;nee;ja;nee;nee;ja;ja;nee;nee;ja\n";
    for (int r = 0; r < 100; ++r) {
      csv += "Noord" + (r % 4 == 0 ? fine : lonely);
      csv += "Zuid" + (r % 5 == 0 ? lonely : fine);
    }
    const auto prepared =
        domain::prepare_survey(csv, {}, {{"WK999901", "Noord"}, {"WK999902", "Zuid"}});
    ASSERT_TRUE(prepared.read.problems.empty());
    store::Survey survey;
    survey.name = "Wijkmeting";
    survey.year = 2026;
    store::save_survey(change, survey, prepared.read.data, prepared.columns);
    change.commit();
  }
  auto page = picture_text();
  EXPECT_THAT(page, HasSubstr("De cijfers komen uit de meting Wijkmeting."));
  EXPECT_THAT(page, HasSubstr("Noord: emotionele eenzaamheid is hier duidelijk hoger dan in de "
                              "hele gemeente (75,0% tegen 47,5%)"));
  EXPECT_THAT(page, HasSubstr("Lopend in deze wijk: Huiskamer (Sociaal)."));
  EXPECT_THAT(page, Not(HasSubstr("Zuid: emotionele")));
  EXPECT_THAT(page, HasSubstr("Geen enkele lopende activiteit is er voor mensen die ernstig"));
  EXPECT_THAT(page, HasSubstr("0 van de 1 lopende activiteiten (0,0%) werken met een methode"));
  {
    store::Change change(db(), beheerder_of(seed));
    domain::Activity a;
    a.name = "Rouwgroep";
    a.target_group = "iedereen";
    a.loneliness_type = "emotioneel";
    a.degrees = {"ernstig"};
    a.areas = {"WK999901"};
    a.method = domain::MethodLevel::goed_onderbouwd;
    store::create_activity(change, a);
    change.commit();
  }
  page = picture_text();
  EXPECT_THAT(page, Not(HasSubstr("Noord: emotionele")));
  EXPECT_THAT(page, Not(HasSubstr("Geen enkele lopende activiteit is er voor")));
  EXPECT_THAT(page, HasSubstr("Zuid: geen lopende activiteit is er voor mensen die ernstig"));
  EXPECT_THAT(page, HasSubstr("1 van de 2 lopende activiteiten (50,0%) werken met een methode"));
}

TEST_F(QualityStoreTest, TheQuestionsPageShowsEveryQuestionWithItsTipsInBothLanguages) {
  const auto nl = body(get("/kwaliteit/vragen", As::partner));
  EXPECT_THAT(nl, HasSubstr("Doen de deelnemers samen iets, zoals koken, wandelen of een klus?"));
  EXPECT_THAT(nl, HasSubstr("Cijfer 1 tot en met 5"));
  EXPECT_THAT(nl, HasSubstr("value=\"20\""));  // twenty questions, numbered throughout
  const auto en = body(get("/kwaliteit/vragen", As::partner, {{"Cookie", "taal=en"}}));
  EXPECT_THAT(en, HasSubstr("Do participants do something together"));
  EXPECT_THAT(en, Not(HasSubstr("Doen de deelnemers samen iets")));
}

}  // namespace
}  // namespace kompas::test
