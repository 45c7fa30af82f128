// What an anonymous outsider or a careless upload could do: leave the site after login, run a
// formula in a coordinator's spreadsheet, crash the server with a deep file, or push other
// coalitions' uploads out.
#include <gtest/gtest.h>

#include <string>

#include "domain/geojson.h"
#include "web/core/guess_limiter.h"
#include "web/core/pending_uploads.h"
#include "web/core/return_path.h"
#include "web/ui/downloads.h"

using namespace kompas;

TEST(ReturnPath, OnlyAPathOnThisSite) {
  for (const char* good : {"/", "/partners", "/partners?q=a%20b", "/doelen/1#waarde"})
    EXPECT_EQ(web::safe_return_path(good), good);
  for (const char* bad :
       {"", "partners", "https://evil.example", "//evil.example", "/\\evil.example",
        "/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/ /evil.example",
        "/%2F/evil.example", "/%5Cevil.example", "/%09/evil.example", "/partners\r\nSet-Cookie: x",
        "/%0d%0aSet-Cookie:%20x"})
    EXPECT_EQ(web::safe_return_path(bad), "/") << bad;
}

TEST(CsvExport, CellsThatLookLikeFormulasNeverRun) {
  web::DownloadTable table{"t", {"naam"}, {}};
  for (const char* text :
       {"=HYPERLINK(\"http://x\")", "+31 6 1234", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "Gewoon"})
    table.rows.push_back({std::string(text)});
  table.rows.push_back({-3.5});  // a number stays a number
  const auto csv = web::to_csv(table, web::Lang::nl);
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\""), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"'+31 6 1234\""), std::string::npos);
  EXPECT_NE(csv.find("\"'-2+3\""), std::string::npos);
  EXPECT_NE(csv.find("\"'@SUM(A1)\""), std::string::npos);
  EXPECT_NE(csv.find("\"'\tTab\""), std::string::npos);
  EXPECT_NE(csv.find("\"'\rCR\""), std::string::npos);
  EXPECT_NE(csv.find("\"Gewoon\""), std::string::npos);
  EXPECT_NE(csv.find("-3,5"), std::string::npos);
  EXPECT_EQ(csv.find("'-3,5"), std::string::npos);
}

TEST(GeoJson, AFileNestedTooDeepIsRefusedNotACrash) {
  const std::size_t depth = 100000;
  const std::string file = R"({"type":"FeatureCollection","features":[{"type":"Feature",)"
                           R"("properties":{"code":"WK999901"},"geometry":{"type":"Polygon",)"
                           R"("coordinates":)" +
                           std::string(depth, '[') + std::string(depth, ']') + "}}]}";
  const auto result = domain::parse_boundaries(file, {"WK999901"});
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].code, "geojson.too_deep");
  EXPECT_TRUE(result.geometries.empty());
  EXPECT_TRUE(domain::read_geometry(std::string(depth, '[') + std::string(depth, ']')).empty());
}

TEST(PendingUploads, OneCoalitionNeverPushesOutAnothers) {
  web::PendingUploads uploads;
  const auto first = uploads.add({2, 20, {}, nullptr, {}});
  ASSERT_TRUE(first);
  std::string last;
  for (int i = 0; i < 100; ++i) {  // one coalition uploading again and again
    const auto token = uploads.add({1, 10 + i % 3, {}, nullptr, {}});
    ASSERT_TRUE(token);
    last = *token;
  }
  EXPECT_TRUE(uploads.take(*first, 2, 20));  // the other coalition's preview is still there
  EXPECT_TRUE(uploads.take(last, 1, 10 + 99 % 3));
  // A person keeps at most two: the third pushes out their own oldest.
  const auto a = uploads.add({3, 30, {}, nullptr, {}});
  const auto b = uploads.add({3, 30, {}, nullptr, {}});
  const auto c = uploads.add({3, 30, {}, nullptr, {}});
  EXPECT_FALSE(uploads.take(*a, 3, 30));
  EXPECT_TRUE(uploads.take(*b, 3, 30));
  EXPECT_TRUE(uploads.take(*c, 3, 30));
}

// Found by the fuzzer: a number beyond any double made the JSON parser throw out_of_range,
// which nothing caught.
TEST(GeoJson, AHugeNumberIsAnInvalidFileNotACrash) {
  const auto result =
      domain::parse_boundaries(R"({"type":"FeatureCollection","features":[1e999]})", {});
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(result.problems[0].code, "geojson.invalid");
  EXPECT_TRUE(domain::read_geometry(R"({"type":"Point","coordinates":[1e999,1]})").empty());
}

TEST(GuessLimiter, AnAddressWaitsAfterTooManyWrongGuessesAndOthersDoNot) {
  using namespace std::chrono_literals;
  web::GuessLimiter limiter(3, 15min);
  const auto start = web::GuessLimiter::Clock::time_point{} + 24h;
  // A right guess does not count; three wrong ones do.
  EXPECT_EQ(limiter.begin_guess("10.0.0.1", start), 0);
  limiter.right_guess("10.0.0.1");
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.begin_guess("10.0.0.1", start + i * 1min), 0) << i;
  // The fourth waits until the first miss is out of the window, 15 minutes after it.
  EXPECT_EQ(limiter.begin_guess("10.0.0.1", start + 5min), 10 * 60);
  EXPECT_EQ(limiter.begin_guess("10.0.0.2", start + 5min), 0);
  EXPECT_EQ(limiter.begin_guess("10.0.0.1", start + 15min), 0);
  // Another address in the same IPv6 /64 is the same household.
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(limiter.begin_guess("2001:db8:1:2::" + std::to_string(i + 1), start), 0);
  EXPECT_GT(limiter.begin_guess("2001:db8:1:2:ffff::9", start), 0);
  EXPECT_EQ(limiter.begin_guess("2001:db8:1:3::1", start), 0);
}

TEST(GuessLimiter, AFloodOfAddressesDoesNotWipeWhatIsCounted) {
  using namespace std::chrono_literals;
  web::GuessLimiter limiter(3, 15min);
  const auto start = web::GuessLimiter::Clock::time_point{} + 24h;
  for (int i = 0; i < 3; ++i) limiter.begin_guess("10.0.0.3", start);
  for (int i = 0; i < 20000; ++i) limiter.begin_guess("a" + std::to_string(i), start + 1min);
  EXPECT_GT(limiter.begin_guess("10.0.0.3", start + 2min), 0);  // still counted
  EXPECT_GT(limiter.begin_guess("new", start + 2min), 0);       // the table is full: waits too
  EXPECT_EQ(limiter.begin_guess("new", start + 17min), 0);      // the flood is out of the window
}
