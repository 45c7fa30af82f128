// Pooled database sessions: code that reads while its own change is open shares that change's
// session instead of waiting for a second one.
#include <gmock/gmock.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <future>

#include "harness.h"
#include "store/partners_store.h"
#include "store/sessions_store.h"

namespace kompas::test {
namespace {

using ConnectionTest = HttpTest;

TEST_F(ConnectionTest, ReadingInsideAChangeSharesItsSessionAndSeesItsWrites) {
  // One pooled session only: a second lease would wait forever.
  store::Database single(location(), 1);
  auto done = std::async(std::launch::async, [&] {
    store::Change change(single, {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    store::create_partner(change, {0, "Buurtkamer Oost", "welzijn", "", "", "", "", true});
    int seen = 0;
    {
      store::Connection nested(single);
      nested.sql() << "SELECT COUNT(*) FROM partners WHERE name = 'Buurtkamer Oost'",
          soci::into(seen);
    }
    change.commit();
    return seen;
  });
  if (done.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
    std::fprintf(stderr, "a nested connection waited for a second pooled session\n");
    std::_Exit(1);  // the waiting thread cannot be stopped; do not hang the test run
  }
  EXPECT_EQ(done.get(), 1);
  // After the change the session is back in the pool, for this thread too.
  store::Connection again(single);
  int partners = 0;
  again.sql() << "SELECT COUNT(*) FROM partners", soci::into(partners);
  EXPECT_EQ(partners, 4);
}

// A change inside a change on the same session would, on PostgreSQL, end the outer one early.
TEST_F(ConnectionTest, AChangeInsideAChangeIsRefusedAndTheOuterOneStillCommits) {
  store::Change outer(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
  store::create_partner(outer, {0, "Buurtkamer West", "welzijn", "", "", "", "", true});
  EXPECT_THROW(store::Change(db(), {seed.coalition_a, seed.beheerder, "Anouk Beheer"}),
               std::logic_error);
  outer.commit();
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners WHERE name = 'Buurtkamer West'"), 1);
}

// On SQLite each pooled session keeps the session query prepared. A kept statement left
// unfinished would pin its session to an old snapshot: the next request on it would miss what
// another session wrote since, and its own next write would fail.
TEST_F(ConnectionTest, TheSessionQuerySeesWhatOtherSessionsWroteSince) {
  store::Database two(location(), 2);
  const auto token = [&] {
    store::Connection conn(two);
    return store::create_session(conn.sql(), seed.beheerder).token;
  }();
  const store::SessionPolicy policy;
  store::Connection held(two);
  const auto before = store::find_session(held, token, policy);
  ASSERT_TRUE(before);
  // Another thread, so another pooled session, commits a change to the coalition.
  std::async(std::launch::async, [&] {
    store::Change change(two, {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
    store::create_partner(change, {0, "Buurtkamer Noord", "welzijn", "", "", "", "", true});
    change.commit();
  }).get();
  int seen = 0;
  held.sql() << "SELECT COUNT(*) FROM partners WHERE name = 'Buurtkamer Noord'", soci::into(seen);
  EXPECT_EQ(seen, 1);
  store::Change change(two, {seed.coalition_a, seed.beheerder, "Anouk Beheer"});
  store::create_partner(change, {0, "Buurtkamer Zuid", "welzijn", "", "", "", "", true});
  EXPECT_NO_THROW(change.commit());
  const auto after = store::find_session(held, token, policy);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->data_version, before->data_version + 2);
}

}  // namespace
}  // namespace kompas::test
