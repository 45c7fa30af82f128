// Removing parts of the plan: a confirmation page that says what goes with it, nothing removed
// without that confirmation, every removal in the audit log with what was there.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/indicators_store.h"

using ::testing::HasSubstr;
using ::testing::Not;

namespace kompas::test {
namespace {

using PlanDeleteTest = HttpTest;

const httplib::Params kConfirmed{{"bevestig", "ja"}};

TEST_F(PlanDeleteTest, IndicatorGoesWithItsValuesStoriesAndTargetsAndTheLogKeepsThem) {
  const auto path = "/indicatoren/" + std::to_string(seed.indicator);
  {
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    const auto ind = store::find_indicator(change.sql(), seed.coalition_a, seed.indicator);
    store::save_indicator_values(change, *ind, {{2025, 55, "uit de monitor", "GGD"}});
    store::add_story(change, *ind, "Buurtkamers zijn vaker open.");
    change.commit();
  }
  EXPECT_THAT(body(get(path + "/bewerken")), HasSubstr("href=\"" + path + "/verwijderen\""));
  const auto page = body(get(path + "/verwijderen"));
  EXPECT_THAT(page, HasSubstr("% eenzaam, hele gemeente"));
  EXPECT_THAT(page, HasSubstr("1 ingevoerde waarde en 1 verhaal"));
  EXPECT_THAT(page, HasSubstr("name=\"bevestig\" value=\"ja\""));

  // Without the confirmation nothing goes.
  const auto bare = post(path + "/verwijderen", As::beheerder, {});
  EXPECT_EQ(status(bare), 422);
  EXPECT_THAT(body(bare), HasSubstr("Er is niets verwijderd"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicators"), 1);

  const auto audit_before = count("SELECT COUNT(*) FROM audit_log");
  const auto done = post(path + "/verwijderen", As::beheerder, kConfirmed);
  ASSERT_EQ(status(done), 303);
  EXPECT_EQ(done->get_header_value("Location"),
            "/doelen/" + std::to_string(seed.ambition) + "?melding=indicator_deleted");
  EXPECT_EQ(count("SELECT COUNT(*) FROM indicators"), 0);
  for (const auto* table : {"indicator_targets", "indicator_values", "indicator_stories"})
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audit_before + 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'verwijderen' AND "
                  "entity = 'indicator' AND changes LIKE '%Buurtkamers%' AND "
                  "changes LIKE '%uit de monitor%'"),
            1);
  EXPECT_EQ(status(get(path)), 404);
  EXPECT_EQ(status(post(path + "/verwijderen", As::beheerder, kConfirmed)), 404);
}

TEST_F(PlanDeleteTest, AmbitionWithIndicatorsOrContributionsIsKeptUntilTheyAreGone) {
  const auto path = "/doelen/" + std::to_string(seed.ambition);
  const auto page = body(get(path + "/verwijderen"));
  EXPECT_THAT(page, HasSubstr("1 indicator en 2 bijdragen"));
  EXPECT_THAT(page, Not(HasSubstr("name=\"bevestig\"")));
  EXPECT_EQ(status(post(path + "/verwijderen", As::beheerder, kConfirmed)), 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ambitions"), 1);

  for (const auto& gone : {"/indicatoren/" + std::to_string(seed.indicator),
                           "/wie-doet-wat/bijdragen/" + std::to_string(seed.own_contribution),
                           "/wie-doet-wat/bijdragen/" + std::to_string(seed.other_contribution)})
    ASSERT_EQ(status(post(gone + "/verwijderen", As::beheerder, kConfirmed)), 303) << gone;
  {
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    change.sql() << "UPDATE actions SET ambition_id = :a", soci::use(seed.ambition);
    change.commit();
  }
  EXPECT_THAT(body(get(path + "/verwijderen")), HasSubstr("name=\"bevestig\" value=\"ja\""));
  const auto done = post(path + "/verwijderen", As::beheerder, kConfirmed);
  ASSERT_EQ(status(done), 303);
  EXPECT_THAT(body(get(done->get_header_value("Location"))),
              HasSubstr("De ambitie is verwijderd."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM ambitions"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ambition_versions"), 0);
  // The activity and the action stay, no longer tied to the ambition.
  EXPECT_EQ(count("SELECT COUNT(*) FROM activities"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activity_links WHERE kind = 'ambitie'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM actions WHERE ambition_id IS NULL"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'verwijderen' AND "
                  "entity = 'ambitie' AND changes LIKE '%\"versions\"%' AND changes LIKE "
                  "'%\"activities\"%" +
                  std::to_string(seed.activity) + "%'"),
            1);
}

TEST_F(PlanDeleteTest, PartnerRemovesOnlyItsOwnActivitiesAndContributions) {
  const auto other = "/wie-doet-wat/bijdragen/" + std::to_string(seed.other_contribution);
  EXPECT_EQ(status(post(other + "/verwijderen", As::partner, kConfirmed)), 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM contributions"), 2);

  // A contribution naming the activity stays when the activity goes.
  {
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    change.sql() << "UPDATE contributions SET activity_id = :a WHERE id = :c",
        soci::use(seed.activity), soci::use(seed.own_contribution);
    change.commit();
  }
  const auto activity = "/wie-doet-wat/activiteiten/" + std::to_string(seed.activity);
  // An activity that has had quality checks stays: its scores and plan are history.
  EXPECT_THAT(body(get(activity + "/verwijderen", As::partner)),
              HasSubstr("ze heeft rondes van de kwaliteitscheck gehad"));
  EXPECT_EQ(status(post(activity + "/verwijderen", As::partner, kConfirmed)), 409);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activities"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM check_rounds"), 1);
  {
    store::Change change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    change.sql() << "DELETE FROM check_rounds";  // an activity that was never checked
    change.commit();
  }
  EXPECT_THAT(body(get(activity + "/verwijderen", As::partner)), HasSubstr("Huiskamer"));
  ASSERT_EQ(status(post(activity + "/verwijderen", As::partner, kConfirmed)), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activities"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activity_links"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM contributions WHERE activity_id IS NULL"), 2);

  const auto own = "/wie-doet-wat/bijdragen/" + std::to_string(seed.own_contribution);
  ASSERT_EQ(status(post(own + "/verwijderen", As::partner, kConfirmed)), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM contributions"), 1);
}

TEST_F(PlanDeleteTest, ActionGoesWithItsStatusLog) {
  const auto path = "/acties/" + std::to_string(seed.action);
  ASSERT_EQ(status(post(path + "/status", As::beheerder, {{"status", "bezig"}, {"note", "Loopt"}})),
            303);
  EXPECT_THAT(body(get(path + "/verwijderen")), HasSubstr("Subsidie aanvragen"));
  ASSERT_EQ(status(post(path + "/verwijderen", As::beheerder, kConfirmed)), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM actions"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM action_log"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'actie' AND "
                  "action = 'verwijderen' AND changes LIKE '%Loopt%'"),
            1);
}

}  // namespace
}  // namespace kompas::test
