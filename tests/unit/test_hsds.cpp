// The sociale kaart's HSDS 3.0 layer (issue 13): the specification's tables, the official
// examples read and written back without loss in both forms, and every kind of bad file named.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "domain/conversation_card.h"
#include "domain/csv.h"
#include "domain/hsds_read.h"
#include "domain/hsds_write.h"
#include "domain/social_map.h"
#include "store/hsds_store.h"

namespace kompas {
namespace {

namespace hsds = domain::hsds;

// The HSDS specification the program reads.
const hsds::Spec& spec() {
  return store::hsds_spec();
}

const std::filesystem::path kExamples = std::filesystem::path(KOMPAS_FIXTURES) / "../hsds/examples";

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string codes(const std::vector<domain::Problem>& problems) {
  std::string out;
  for (const auto& p : problems) {
    out += p.code + "@" + std::to_string(p.line);
    for (const auto& [k, v] : p.params) out += " " + k + "=" + v;
    out += "\n";
  }
  return out;
}

std::map<std::string, std::string> example_csv_files() {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(kExamples / "csv"))
    if (entry.path().extension() == ".csv") files[entry.path().filename()] = read(entry.path());
  return files;
}

TEST(Hsds, SpecHasTheTablesOfTheDataPackage) {
  EXPECT_EQ(spec().tables.size(), 21u);
  const auto* service = spec().table("service");
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->file, "services.csv");
  EXPECT_EQ(service->fields.front().name, "id");
  EXPECT_EQ(service->field("status")->allowed.size(), 4u);
  EXPECT_EQ(service->field("assured_date")->datapackage_type, "date");
  EXPECT_EQ(spec().table_of_file("taxonomy_terms.csv")->name, "taxonomy_term");
  // Every nesting's link is a field of the table that holds it.
  for (const auto& n : hsds::nestings()) {
    const auto* holder = spec().table(n.many ? n.child : n.parent);
    ASSERT_NE(holder, nullptr) << n.parent << "." << n.property;
    EXPECT_NE(holder->field(n.field), nullptr) << n.parent << "." << n.property;
    EXPECT_NE(spec().table(n.child), nullptr);
  }
  EXPECT_TRUE(service->field("organization_id")->parent_link);
  EXPECT_FALSE(spec().table("organization")->field("parent_organization_id")->parent_link);
}

// The nested examples, read and written back, say the same: nothing lost, nothing added.
class NestedExample : public testing::TestWithParam<std::pair<const char*, const char*>> {};

TEST_P(NestedExample, RoundTripsWithoutLoss) {
  const auto [file, table] = GetParam();
  const auto text = read(kExamples / file);
  auto result = hsds::read_json(spec(), text, file);
  ASSERT_TRUE(result.problems.empty()) << codes(result.problems);
  const auto original = nlohmann::json::parse(text);
  const hsds::Directory directory(spec(), std::move(result.records));
  const auto* record = directory.find(table, original["id"].get<std::string>());
  ASSERT_NE(record, nullptr);
  const auto written = nlohmann::json::parse(directory.nested_json(*record));
  EXPECT_EQ(written, original) << nlohmann::json::diff(original, written).dump(1);
}

INSTANTIATE_TEST_SUITE_P(Examples, NestedExample,
                         testing::Values(std::pair{"service_full.json", "service"},
                                         std::pair{"organization_full.json", "organization"},
                                         std::pair{"service_at_location_full.json",
                                                   "service_at_location"},
                                         std::pair{"taxonomy_term.json", "taxonomy_term"},
                                         std::pair{"taxonomy.json", "taxonomy"},
                                         std::pair{"location.json", "location"}));

TEST(Hsds, TheFullExamplesAreOneDataSet) {
  // The same records under several parents (a phone of the service, its location and its
  // contact) become one record with each link, as the CSV example has them.
  auto result = hsds::read_json(spec(), read(kExamples / "service_full.json"), "s.json");
  ASSERT_TRUE(result.problems.empty()) << codes(result.problems);
  const hsds::Directory directory(spec(), std::move(result.records));
  const auto* phone = directory.find("phone", "1554f2e2-a373-45db-a3fa-9fc48a61c15e");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->text("service_id"), "ac148810-d857-441c-9679-408f346de14b");
  EXPECT_EQ(phone->text("location_id"), "3a19ff88-4620-4d17-9830-ac1d859eb5d5");
  EXPECT_EQ(phone->text("contact_id"), "1e7efce3-639b-4880-940c-b95cd30cdb50");
  EXPECT_EQ(phone->text("organization_id"), "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
  EXPECT_EQ(
      directory.find("service", "ac148810-d857-441c-9679-408f346de14b")->text("organization_id"),
      "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
}

TEST(Hsds, TheTabularExampleRoundTripsWithoutLoss) {
  const auto files = example_csv_files();
  auto first = hsds::read_tabular(spec(), files);
  ASSERT_TRUE(first.problems.empty()) << codes(first.problems);
  const auto records = first.records;
  const hsds::Directory directory(spec(), std::move(first.records));
  const auto written = hsds::write_tabular(directory);
  EXPECT_EQ(written.size(), spec().tables.size());
  auto second = hsds::read_tabular(spec(), written);
  ASSERT_TRUE(second.problems.empty()) << codes(second.problems);
  EXPECT_EQ(second.records, records);
  // Every cell of the example is written back as it was.
  for (const auto& [name, text] : files) {
    std::vector<domain::Problem> ignored;
    const auto before = domain::parse_csv(text, ignored);
    const auto after = domain::parse_csv(written.at(name), ignored);
    ASSERT_EQ(before.rows.size(), after.rows.size()) << name;
    for (std::size_t r = 0; r < before.rows.size(); ++r)
      for (std::size_t c = 0; c < before.header.size(); ++c) {
        const auto column = std::find(after.header.begin(), after.header.end(), before.header[c]);
        ASSERT_NE(column, after.header.end()) << name << " " << before.header[c];
        EXPECT_EQ(after.rows[r].fields[column - after.header.begin()], before.rows[r].fields[c])
            << name << " " << before.header[c];
      }
  }
}

TEST(Hsds, TheTabularJsonExampleIsTheSameData) {
  auto from_json = hsds::read_json(spec(), read(kExamples / "tabular.json"), "tabular.json");
  ASSERT_TRUE(from_json.problems.empty()) << codes(from_json.problems);
  EXPECT_GE(from_json.records.size(), 20u);
}

TEST(Hsds, PagesAndNdjsonAreRead) {
  auto page = hsds::read_json(spec(), read(kExamples / "service_list.json"), "list.json");
  EXPECT_TRUE(page.problems.empty()) << codes(page.problems);
  const auto service = nlohmann::json::parse(read(kExamples / "service_full.json"));
  const nlohmann::json other = {{"id", "0b1c2d3e-0000-4000-8000-000000000001"},
                                {"name", "Tweede dienst"},
                                {"status", "active"},
                                {"organization_id", "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"}};
  auto lines = hsds::read_json(spec(), service.dump() + "\n\n" + other.dump() + "\n", "x.ndjson");
  ASSERT_TRUE(lines.problems.empty()) << codes(lines.problems);
  const hsds::Directory directory(spec(), std::move(lines.records));
  EXPECT_EQ(directory.of("service").size(), 2u);

  auto broken = hsds::read_json(spec(), service.dump() + "\n{\"id\": \n", "x.ndjson");
  ASSERT_EQ(broken.problems.size(), 1u);
  EXPECT_EQ(broken.problems[0].code, "hsds.json_invalid");
  EXPECT_EQ(broken.problems[0].line, 2u);
  EXPECT_TRUE(broken.records.empty());
}

TEST(Hsds, BadJsonIsNamedWithItsLine) {
  const auto r = hsds::read_json(spec(), "{\n  \"id\": \"x\",\n  \"name\": \n}", "kaart.json");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].code, "hsds.json_invalid");
  EXPECT_EQ(r.problems[0].line, 4u);
  EXPECT_EQ(r.problems[0].params.at("file"), "kaart.json");
}

TEST(Hsds, EveryFieldIsChecked) {
  const auto service = nlohmann::json::parse(R"({
    "id": "ac148810-d857-441c-9679-408f346de14b", "name": "Koffie", "status": "open",
    "email": "niet een adres", "assured_date": "1 september", "minimum_age": "twaalf",
    "phones": [{"id": "1554f2e2-a373-45db-a3fa-9fc48a61c15e"}],
    "schedules": [{"id": "48102e86-bb50-41c4-8f1e-e269368c41d1", "opens_at": "25:00"}],
    "service_at_locations": [{"id": "e94c9f38-1e8f-4564-91d4-d53501ab1765",
                              "location": {"id": "locatie-1", "location_type": "physical"}}]})");
  const auto r = hsds::read_json(spec(), service.dump(), "dienst.json");
  const auto found = codes(r.problems);
  EXPECT_NE(
      found.find(
          "hsds.not_allowed@0 allowed=active, inactive, defunct, temporarily closed field=status"),
      std::string::npos)
      << found;
  EXPECT_NE(found.find("hsds.bad_format@0 field=email"), std::string::npos) << found;
  EXPECT_NE(found.find("field=assured_date file=dienst.json format=date"), std::string::npos)
      << found;
  EXPECT_NE(found.find("hsds.wrong_type@0 expected=number field=minimum_age"), std::string::npos)
      << found;
  EXPECT_NE(found.find("hsds.missing_field@0 field=number file=dienst.json "
                       "id=1554f2e2-a373-45db-a3fa-9fc48a61c15e place=phones[0]"),
            std::string::npos)
      << found;
  EXPECT_NE(found.find("field=opens_at file=dienst.json format=time"), std::string::npos) << found;
  EXPECT_NE(found.find("field=id file=dienst.json format=uuid id=locatie-1 "
                       "place=service_at_locations[0].location"),
            std::string::npos)
      << found;
  EXPECT_TRUE(r.records.empty());
}

TEST(Hsds, TheSameRecordMustSayTheSameEachTime) {
  auto service = nlohmann::json::parse(read(kExamples / "service_full.json"));
  service["contacts"][0]["name"] = "Iemand anders";
  const auto r = hsds::read_json(spec(), service.dump(), "dienst.json");
  EXPECT_NE(codes(r.problems).find("hsds.conflict@0 field=name"), std::string::npos)
      << codes(r.problems);
}

TEST(Hsds, ALoopInTheTreeIsRefused) {
  nlohmann::json org = {
      {"id", "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"}, {"name", "A"}, {"description", "B"}};
  nlohmann::json service = {{"id", "ac148810-d857-441c-9679-408f346de14b"},
                            {"name", "C"},
                            {"status", "active"},
                            {"organization", org}};
  org["services"] = {service};
  const auto r = hsds::read_json(spec(), org.dump(), "org.json");
  EXPECT_NE(codes(r.problems)
                .find("hsds.nested_again@0 file=org.json place=services[0].organization "
                      "table=organization"),
            std::string::npos)
      << codes(r.problems);
}

TEST(Hsds, DeepOrHugeJsonIsRefusedCalmly) {
  // Deeper than any record goes, at the top or inside a field: refused while parsing, before
  // copying or comparing it could take the stack.
  const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  for (const auto& text :
       {deep, R"({"id": "ac148810-d857-441c-9679-408f346de14b", "name": )" + deep + "}"}) {
    const auto r = hsds::read_json(spec(), text, "diep.json");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].code, "hsds.too_deep");
  }
}

TEST(Hsds, AnExcelCsvInWindows1252IsRead) {
  auto files = example_csv_files();
  files.erase("services.csv");
  auto services = read(kExamples / "csv" / "services.csv");
  const auto at = services.find("Community Counselling");
  services.replace(at, 9, "Caf\xe9 ");  // "Café " in Windows-1252, as Excel writes it
  files["SERVICES.CSV"] = "";           // a name in capitals is still a CSV file
  files.erase("SERVICES.CSV");
  files["services.csv"] = services;
  const auto r = hsds::read_tabular(spec(), files);
  ASSERT_TRUE(r.problems.empty()) << codes(r.problems);
  const auto found = std::find_if(r.records.begin(), r.records.end(),
                                  [](const auto& rec) { return rec.table->name == "service"; });
  EXPECT_TRUE(found->text("name").starts_with("Café "));
}

TEST(Hsds, TabularProblemsNameFileLineAndColumn) {
  auto files = example_csv_files();
  files["phones.csv"] += "2e1c2d3e-0000-4000-8000-000000000002,,,,,,0612345678,tien,voice,\n";
  files["wijken.csv"] = "id\n1\n";
  files["datapackage.json"] = "../../datapackage.json";
  const auto r = hsds::read_tabular(spec(), files);
  const auto found = codes(r.problems);
  EXPECT_NE(found.find("hsds.datapackage@0 file=datapackage.json"), std::string::npos) << found;
  EXPECT_NE(found.find("hsds.unknown_file@0 name=wijken.csv"), std::string::npos) << found;
  EXPECT_NE(found.find("hsds.wrong_type@3 expected=number field=extension file=phones.csv"),
            std::string::npos)
      << found;
  EXPECT_EQ(std::count_if(r.problems.begin(), r.problems.end(),
                          [](const auto& p) { return p.code == "hsds.wrong_type"; }),
            1);
  const auto wrong = std::find_if(r.problems.begin(), r.problems.end(),
                                  [](const auto& p) { return p.code == "hsds.wrong_type"; });
  EXPECT_EQ(wrong->column, 8u);
  EXPECT_TRUE(r.records.empty());

  files = example_csv_files();
  files["services.csv"] += "3e1c2d3e-0000-4000-8000-000000000003,,,Zonder organisatie,,,,,active" +
                           std::string(14, ',') + "\n";
  const auto missing = hsds::read_tabular(spec(), files);
  EXPECT_NE(
      codes(missing.problems).find("hsds.missing_field@3 field=organization_id file=services.csv"),
      std::string::npos)
      << codes(missing.problems);
}

TEST(Hsds, TheDataPackageDescribesEveryTable) {
  const auto descriptor = hsds::datapackage(spec(), "sociale-kaart", "Sociale kaart");
  EXPECT_EQ(descriptor["resources"].size(), 21u);
  const auto& services = descriptor["resources"][2];
  EXPECT_EQ(services["path"], "services.csv");
  EXPECT_EQ(services["schema"]["fields"][0]["name"], "id");
  EXPECT_EQ(services["schema"]["fields"][0]["format"], "uuid");
}

}  // namespace
}  // namespace kompas

namespace kompas {
namespace {

std::string map_id(int k) {
  const auto d = std::to_string(k);
  return "1b000000-0000-4000-8000-" + std::string(12 - d.size(), '0') + d;
}

// One service of the Welzijn organisation as an NDJSON line.
std::string service_line(int n, const std::string& name, const std::string& area,
                         const std::string& days, const std::string& phone = "",
                         const std::string& status = "active") {
  nlohmann::json s = {
      {"id", map_id(n)},
      {"name", name},
      {"status", status},
      {"description", "Voor eenzame ouderen."},
      {"schedules", {{{"id", map_id(n + 1)}, {"freq", "WEEKLY"}, {"byday", days}}}},
      {"organization", {{"id", map_id(1)}, {"name", "Welzijn"}, {"description", "W"}}}};
  if (!area.empty())
    s["service_areas"] = {{{"id", map_id(n + 4)},
                           {"extent_type", area.size() == 4 ? "postcode" : "cbs"},
                           {"extent", area}}};
  if (!phone.empty()) s["phones"] = {{{"id", map_id(n + 5)}, {"number", phone}}};
  return s.dump() + "\n";
}

domain::SocialMap map_of(const std::string& ndjson) {
  auto r = domain::hsds::read_json(spec(), ndjson, "eigen.ndjson");
  EXPECT_TRUE(r.problems.empty()) << codes(r.problems);
  return domain::SocialMap(hsds::Directory(spec(), std::move(r.records)));
}

domain::SocialMap own_map() {
  return map_of(service_line(10, "Koffie Noord", "WK999901", "MO") +
                service_line(20, "Wandelclub", "1234", "TU,TH", "010-5550123") +
                service_line(30, "Luisterlijn", "", "MO,TU,WE,TH,FR,SA,SU"));
}

std::vector<std::string> names(const std::vector<const domain::MapService*>& found) {
  std::vector<std::string> out;
  for (const auto* s : found) out.push_back(s->name);
  return out;
}

TEST(SocialMap, SearchesByWordsWijkPostcodeAndDay) {
  const auto map = own_map();
  EXPECT_EQ(map.services().size(), 3u);
  using V = std::vector<std::string>;
  EXPECT_EQ(names(map.search({.weekday = "MO"})), (V{"Koffie Noord", "Luisterlijn"}));
  EXPECT_EQ(names(map.search({.area_code = "WK999901"})), (V{"Koffie Noord", "Luisterlijn"}));
  // A buurt of the wijk finds the wijk's services too.
  EXPECT_EQ(names(map.search({.area_code = "BU99990102"})), (V{"Koffie Noord", "Luisterlijn"}));
  EXPECT_EQ(names(map.search({.postcode = "1234"})), (V{"Luisterlijn", "Wandelclub"}));
  EXPECT_EQ(names(map.search({.text = "eenzaam wandelen"})), (V{}));
  EXPECT_EQ(names(map.search({.text = "wandelclub eenzaam"})), (V{"Wandelclub"}));
  EXPECT_TRUE(map.knows_postcode("1234"));
  EXPECT_FALSE(map.knows_postcode("9999"));
  EXPECT_EQ(domain::read_postcode("1234 ab"), "1234");
  EXPECT_EQ(domain::read_postcode(" 1234AB "), "1234");
  EXPECT_EQ(domain::read_postcode("0123"), std::nullopt);
  EXPECT_EQ(domain::read_postcode("12345"), std::nullopt);
  EXPECT_EQ(domain::read_postcode("1234 a"), std::nullopt);
}

TEST(SocialMap, APlaceToReferToHasAWayIn) {
  const auto map = own_map();
  // Only the Wandelclub has a phone number; the others have no way in.
  for (const auto* s : map.services())
    EXPECT_EQ(domain::is_referral_place(*s), s->name == "Wandelclub") << s->name;
}

TEST(ConversationCard, NamesTheChosenOrTheBestPlaces) {
  const auto map = map_of(service_line(10, "Koffie Noord", "WK999901", "MO") +
                          service_line(20, "Wandelclub", "1234", "TU,TH", "010-5550123") +
                          service_line(30, "Luisterlijn", "", "MO,TU,WE,TH,FR,SA,SU") +
                          service_line(40, "Oude soos", "", "MO", "", "inactive") +
                          service_line(50, "Buurtkamer Noord", "WK999901", "WE", "010-5550150") +
                          service_line(60, "Bellen", "", "FR", "010-5550160"));
  using V = std::vector<std::string>;
  // The whole gemeente: places for all of it first, with a phone before without, then by name;
  // never an inactive one, and no more than fit.
  EXPECT_EQ(names(domain::card_services(map, {}, "")),
            (V{"Bellen", "Luisterlijn", "Buurtkamer Noord", "Wandelclub"}));
  // A wijk: its own places first.
  EXPECT_EQ(names(domain::card_services(map, {}, "WK999901")),
            (V{"Buurtkamer Noord", "Koffie Noord", "Bellen", "Luisterlijn"}));
  // The beheerder's choice in its order; unknown and inactive ones left out; a wijk still wins.
  const std::vector<std::string> chosen = {map_id(30), "onbekend", map_id(40), map_id(10)};
  EXPECT_EQ(names(domain::card_services(map, chosen, "")), (V{"Luisterlijn", "Koffie Noord"}));
  EXPECT_EQ(names(domain::card_services(map, chosen, "WK999901")).front(), "Buurtkamer Noord");
}

}  // namespace
}  // namespace kompas
