// The quality check instrument in the database (issue 12), on SQLite and PostgreSQL: migrate
// loads the shipped versions once, and a stored version never changes.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/migrations.h"
#include "store/quality_instruments_store.h"

namespace kompas::test {
namespace {

using QualityStoreTest = HttpTest;

TEST_F(QualityStoreTest, MigrateLoadsTheShippedInstrumentOnce) {
  store::Connection conn(db());
  const auto latest = store::latest_instrument(conn.sql());
  ASSERT_TRUE(latest);
  EXPECT_GE(latest->version, 1);
  const auto first = store::find_instrument(conn.sql(), 1);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->question_count(), 20u);
  EXPECT_FALSE(store::find_instrument(conn.sql(), 999));
  EXPECT_TRUE(store::migrate(db()).empty());  // nothing new the second time
  EXPECT_EQ(count("SELECT COUNT(*) FROM quality_instruments WHERE version = 1"), 1);
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

}  // namespace
}  // namespace kompas::test
