// Importing areas through the upload form: all or nothing, with line numbers.
#include <gmock/gmock.h>

#include "harness.h"

using ::testing::HasSubstr;

namespace kompas::test {
namespace {

using AreasTest = HttpTest;

const std::string kGood =
    "gwb_code;regio;a_inw;a_65_oo;a_1p_hh\r\n"
    "GM9999;Voorbeeld;1.234;300;200\r\n"
    "WK999901;Centrum;1234;300;200\r\n"
    "BU99990101;Binnenstad;1234;300;200\r\n";

TEST_F(AreasTest, ImportCreatesAreasThenUpdatesThem) {
  auto r = post_file("/gebieden/importeren", As::beheerder, "bestand", "kerncijfers.csv", kGood);
  ASSERT_EQ(status(r), 303);
  EXPECT_THAT(r->get_header_value("Location"), HasSubstr("nieuw=3"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM areas"), 3);
  auto list = get("/gebieden", As::lezer);
  EXPECT_THAT(body(list), HasSubstr("BU99990101"));
  EXPECT_THAT(body(list), HasSubstr("Binnenstad"));

  const std::string changed =
      "gwb_code;regio;a_inw;a_65_oo;a_1p_hh\nBU99990101;Binnenstad;1300;300;200\n";
  auto again = post_file("/gebieden/importeren", As::beheerder, "bestand", "nieuw.csv", changed);
  ASSERT_EQ(status(again), 303);
  EXPECT_THAT(again->get_header_value("Location"), HasSubstr("gewijzigd=1"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM areas WHERE code = 'BU99990101' AND inhabitants = 1300"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'gebied' AND action = "
                  "'wijzigen' AND changes LIKE '%1234%1300%'"),
            1);
}

TEST_F(AreasTest, AFileWithErrorsNamesLinesAndImportsNothing) {
  const std::string bad =
      "gwb_code;regio;a_inw\n"
      "WK999901;Centrum;100\n"
      "BU99990101;Binnenstad;veel\n"
      "XX12;Fout;5\n";
  auto r = post_file("/gebieden/importeren", As::beheerder, "bestand", "fout.csv", bad);
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Regel 3, kolom 3"));
  EXPECT_THAT(body(r), HasSubstr("Regel 4"));
  EXPECT_THAT(body(r), HasSubstr("Er is niets veranderd"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM areas"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'gebied'"), 0);
}

TEST_F(AreasTest, Windows1252FileKeepsItsAccents) {
  std::string latin = "gwb_code;regio;a_inw\nWK999901;Caf\xe9wijk;10\n";
  auto r = post_file("/gebieden/importeren", As::beheerder, "bestand", "latin.csv", latin);
  ASSERT_EQ(status(r), 303);
  EXPECT_THAT(body(get("/gebieden", As::beheerder)), HasSubstr("Caf\xc3\xa9wijk"));
}

TEST_F(AreasTest, BinaryFileIsRefusedPlainly) {
  auto r = post_file("/gebieden/importeren", As::beheerder, "bestand", "foto.png",
                     std::string("\x89PNG\r\n\x1a\n\0\0\0", 11));
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("geen tekstbestand"));
}

TEST_F(AreasTest, AnotherCoalitionsCodesAreNotImported) {
  const std::string other = "gwb_code;regio;a_inw\nWK000101;Elders;10\n";
  auto r = post_file("/gebieden/importeren", As::beheerder, "bestand", "elders.csv", other);
  EXPECT_EQ(status(r), 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM areas"), 0);
}

TEST_F(AreasTest, MissingFileIsExplained) {
  auto r = post("/gebieden/importeren", As::beheerder, {});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Kies een bestand"));
}

TEST_F(AreasTest, OversizedUploadIsRefusedWithAMessage) {
  const std::string huge(2 << 20, 'x');  // the test server caps bodies at 1 MiB
  auto r = post_file("/gebieden/importeren", As::beheerder, "bestand", "groot.csv", huge);
  EXPECT_EQ(status(r), 413);
  EXPECT_THAT(body(r), HasSubstr("te groot"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM areas"), 0);
}

TEST_F(AreasTest, OnlyTheBeheerderImports) {
  for (As who : {As::partner, As::lezer}) {
    auto r = post_file("/gebieden/importeren", who, "bestand", "k.csv", kGood);
    EXPECT_EQ(status(r), 403);
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM areas"), 0);
}

}  // namespace
}  // namespace kompas::test

namespace kompas::test {
namespace {

using AreasPagingTest = HttpTest;

TEST_F(AreasPagingTest, LongListsComeInPagesThatKeepSearchAndSort) {
  std::string csv = "gwb_code;regio;a_inw\nWK999901;Centrum;\n";
  for (int i = 1; i <= 150; ++i) {
    char code[16];
    std::snprintf(code, sizeof code, "BU999901%02d", i % 100);
    if (i >= 100) std::snprintf(code, sizeof code, "BU999902%02d", i - 100);
    csv += std::string(code) + ";Buurt " + std::to_string(i) + ";" + std::to_string(i) + "\n";
  }
  csv += "WK999902;Noord;\n";
  ASSERT_EQ(status(post_file("/gebieden/importeren", As::beheerder, "bestand", "k.csv", csv)), 303);
  auto first = get("/gebieden?sorteer=inhabitants&richting=af", As::lezer);
  EXPECT_THAT(body(first), HasSubstr("Pagina 1 van 2"));
  EXPECT_THAT(body(first), HasSubstr("Buurt 150"));
  EXPECT_THAT(body(first), ::testing::Not(HasSubstr(">Buurt 3<")));
  EXPECT_THAT(body(first), HasSubstr("/gebieden?sorteer=inhabitants&amp;richting=af&amp;pagina=2"));
  auto second = get("/gebieden?sorteer=inhabitants&richting=af&pagina=2", As::lezer);
  EXPECT_THAT(body(second), HasSubstr(">Buurt 3<"));
  EXPECT_THAT(body(second), HasSubstr("Pagina 2 van 2"));
  auto beyond = get("/gebieden?pagina=99", As::lezer);
  EXPECT_THAT(body(beyond), HasSubstr("Pagina 2 van 2"));
}

}  // namespace
}  // namespace kompas::test
