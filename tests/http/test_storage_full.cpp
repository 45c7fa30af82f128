// A full disk (issue 25, point 27): a write says so with 507 and changes nothing, and signing in
// says why it fails. SQLite's max_page_count stands in for the disk: the file may not grow.
#include <gmock/gmock.h>

#include "harness.h"
#include "store/secrets.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;

class StorageFullTest : public HttpTest {
 protected:
  // Every pooled connection may no longer grow the file, and its free pages and the sessions
  // table's last page are taken, so a new article or session needs a page there is not.
  void fill_the_disk() {
    int pages = 0;
    db().pool().at(0) << "PRAGMA page_count", soci::into(pages);
    for (std::size_t i = 0; i < 8; ++i)
      db().pool().at(i) << "PRAGMA max_page_count = " + std::to_string(pages);
    // Big rows take the free pages, smaller ones the room left on the last page.
    int row = 0;
    for (const std::size_t size : {1500, 200, 10}) {
      try {
        for (int i = 0; i < 100000; ++i, ++row)
          db().pool().at(0) << "INSERT INTO sessions (token_hash, person_id, csrf_token, "
                               "created_at, last_seen_at) VALUES (:t, :p, :c, 0, 0)",
              soci::use("vulling-" + std::to_string(row)), soci::use(seed.lezer),
              soci::use(std::string(size, 'x'));
        FAIL() << "the disk never filled";
      } catch (const soci::soci_error&) {
      }
    }
  }
  // Room again, for what the harness checks at the end.
  void make_room() {
    for (std::size_t i = 0; i < 8; ++i) db().pool().at(i) << "PRAGMA max_page_count = 1073741823";
    db().pool().at(0) << "DELETE FROM sessions WHERE token_hash LIKE 'vulling-%'";
  }
};

TEST_F(StorageFullTest, AWriteOnAFullDiskSaysSoAndChangesNothing) {
  if (on_postgres()) GTEST_SKIP() << "a full disk is simulated with SQLite's max_page_count";
  fill_the_disk();
  const int articles = count("SELECT COUNT(*) FROM knowledge_articles");
  const int audit = count("SELECT COUNT(*) FROM audit_log");
  auto r = post("/deskundigheid/kennisbank/nieuw", As::beheerder,
                {{"title", "Een lang artikel"},
                 {"body", std::string(60000, 'a')},
                 {"title_en", ""},
                 {"body_en", ""},
                 {"shown", "1"},
                 {"actie", "opslaan"},
                 {"basis", ""}});
  EXPECT_EQ(status(r), 507);
  EXPECT_THAT(body(r), HasSubstr("De opslag van de server is vol; er is niets veranderd."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM knowledge_articles"), articles);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audit);
  // Signing in needs a new session: it says why it fails.
  r = post_without_account("/inloggen", {{"email", "lezer@a.example"}, {"password", kPassword}});
  EXPECT_EQ(status(r), 507);
  EXPECT_THAT(body(r), HasSubstr("Opslaan en inloggen lukken weer"));
  make_room();
  EXPECT_EQ(status(post_without_account("/inloggen",
                                        {{"email", "lezer@a.example"}, {"password", kPassword}})),
            303);
}

}  // namespace
}  // namespace kompas::test
