// The column descriptions of store/table.h on the real engines (SQLite and PostgreSQL): every
// kind of column survives a write and a read, the audit log's JSON reads back into the same
// record, and an update leaves fixed columns alone.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/actions_store.h"
#include "store/ambitions_store.h"
#include "store/audit_store.h"
#include "store/contributions_store.h"
#include "store/people_store.h"

namespace kompas::test {
namespace {

class StoreTables : public HttpTest {
 protected:
  store::Actor actor() const { return {seed.coalition_a, std::nullopt, "Test"}; }
};

TEST_F(StoreTables, EveryKindOfColumnSurvivesAWriteAndARead) {
  domain::Contribution c;
  c.partner_id = seed.own_partner;
  c.ambition_id = seed.ambition;
  c.what = "Twee opbouwwerkers, één dag per week: 'zo' of \"zo\"";
  c.hours = 412.5;  // optional real
  c.euros.reset();  // optional real left empty: NULL, not 0
  c.start_year = 2025;
  c.end_year = 2027;
  c.agreed_on = "2025-01-20";
  c.status = domain::ContributionStatus::geleverd;  // a worded enumeration
  store::Change change(db(), actor());
  c.id = store::create_contribution(change, c);
  change.commit();

  store::Connection conn(db());
  const auto read = store::find_contribution(conn.sql(), seed.coalition_a, c.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(store::to_json(*read), store::to_json(c));
  EXPECT_EQ(read->hours, 412.5);
  EXPECT_FALSE(read->euros);
  EXPECT_FALSE(read->activity_id);
  EXPECT_EQ(read->status, domain::ContributionStatus::geleverd);
  int stored_null = 0;
  conn.sql() << "SELECT COUNT(*) FROM contributions WHERE id = :id AND euros IS NULL "
                "AND status = 'geleverd'",
      soci::use(c.id), soci::into(stored_null);
  EXPECT_EQ(stored_null, 1);
}

TEST_F(StoreTables, AnAmbitionReadsBackFromItsSavedVersion) {
  domain::Ambition a;
  a.title = "Minder eenzaamheid";
  a.statement = "Over drie jaar ...";
  a.target_group = "75plus";
  a.areas = {"WK999901", "BU99990101"};  // a list of words
  a.start_year = 2025;
  a.end_year = 2027;
  a.owner_person_id = seed.beheerder;  // optional whole number
  a.status = domain::AmbitionStatus::vastgesteld;
  store::Change change(db(), actor());
  a.id = store::create_ambition(change, a);
  change.commit();

  store::Connection conn(db());
  const auto versions = store::ambition_versions(conn.sql(), seed.coalition_a, a.id);
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(store::to_json(versions.front().content), store::to_json(a));
  EXPECT_EQ(versions.front().content.areas, a.areas);
  EXPECT_EQ(versions.front().content.status, domain::AmbitionStatus::vastgesteld);
  // The version counter counts saves and is not part of the log.
  EXPECT_FALSE(store::to_json(a).contains("version"));
}

TEST_F(StoreTables, AnUpdateKeepsWhatIsFixedAndLogsWhatChanged) {
  store::Connection conn(db());
  auto person = *store::find_person(conn.sql(), seed.coalition_a, seed.lezer);
  person.coalition_id = seed.coalition_b;  // fixed: an update must not move the person
  person.name = "Lezer Nieuw";
  {
    store::Change change(db(), actor());
    store::update_person(change, person);
    change.commit();
  }
  const auto read = store::find_person(conn.sql(), seed.coalition_a, seed.lezer);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->name, "Lezer Nieuw");
  EXPECT_EQ(read->coalition_id, seed.coalition_a);
  EXPECT_FALSE(store::to_json(*read).contains("coalition_id"));
}

TEST_F(StoreTables, AWordTheProgramNoLongerKnowsReadsAsTheFirstValue) {
  domain::Action a;
  a.title = "Oud";
  a.due_date = "2026-01-01";
  a.status = domain::ActionStatus::bezig;
  store::Change change(db(), actor());
  a.id = store::create_action(change, a);
  change.commit();
  store::Connection conn(db());
  conn.sql() << "UPDATE actions SET status = 'uitgesteld' WHERE id = :id", soci::use(a.id);
  const auto read = store::find_action(conn.sql(), seed.coalition_a, a.id);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, domain::ActionStatus::open);
}

}  // namespace
}  // namespace kompas::test
