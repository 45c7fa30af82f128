// The sociale kaart (issue 13, point 4): HSDS files read in all or nothing, the official
// examples given back by the HSDS API and the exports without loss, search by words, wijk,
// postcode and day, and who may see what.
#include <gmock/gmock.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "harness.h"
#include "store/activities_store.h"
#include "store/areas_store.h"
#include "store/coalitions_store.h"
#include "store/hsds_store.h"
#include "store/map_upkeep_store.h"
#include "web/deskundigheid/map_views.h"
#include "web/ui/input.h"
#include "web/ui/zip_archive.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::filesystem::path kExamples = KOMPAS_HSDS_EXAMPLES;
const std::string kService = "ac148810-d857-441c-9679-408f346de14b";
const std::string kFiles = "/deskundigheid/kaart/bestanden";
const std::string kApi = "/api/hsds/GM9999";

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class SocialMapTest : public HttpTest {
 protected:
  // Several files in one upload, as a browser sends them from one file field.
  httplib::Result upload(const std::map<std::string, std::string>& files, As who = As::beheerder) {
    auto c = client();
    httplib::MultipartFormDataItems items = {{"_csrf", csrf(who), "", ""}};
    for (const auto& [name, content] : files)
      items.push_back({"bestanden", content, name, "application/octet-stream"});
    return c.Post(kFiles, {{"Cookie", cookie_for(who)}}, items);
  }
  // The seeded activity put on the kaart by its partner; the id of the service it became.
  std::string activity_on_the_kaart() {
    const auto r =
        post("/wie-doet-wat/activiteiten/" + std::to_string(seed.activity) + "/op-de-kaart",
             As::partner, {});
    EXPECT_EQ(status(r), 303) << body(r);
    std::string id;
    store::Connection conn(db());
    conn.sql() << "SELECT service_id FROM hsds_activity_services", soci::into(id);
    return id;
  }
  void publish(bool on = true) {
    store::Change change(db(), beheerder_of(seed));
    auto coalition = store::find_coalition(change.sql(), seed.coalition_a).value();
    coalition.public_map = on;
    store::update_coalition(change, coalition);
    change.commit();
  }
  nlohmann::json api_json(const std::string& path, httplib::Headers headers = {}) {
    auto c = client();
    const auto r = c.Get(kApi + path, headers);
    EXPECT_EQ(status(r), 200) << path << " " << body(r);
    return nlohmann::json::parse(body(r), nullptr, false);
  }
  std::string make_token(As who) {
    const auto r = post("/profiel/sleutels", who, {{"token_name", "kaart"}});
    std::smatch m;
    const std::string page = body(r);
    EXPECT_TRUE(std::regex_search(page, m, std::regex("kompas-token\">([A-Za-z0-9_-]+)<")));
    return m.size() > 1 ? m[1].str() : "";
  }
  // Records other than the own taxonomy every coalition starts with.
  // The published activity is found by its kind of support, in the reader's language.
  void publish_and_check_terms() {
    const auto found = body(get("/deskundigheid/kaart?doelgroep=75plus&mate=matig", As::lezer));
    EXPECT_THAT(found, HasSubstr("1 plek gevonden."));
    EXPECT_THAT(body(get("/deskundigheid/kaart?mate=ernstig", As::lezer)),
                HasSubstr("Geen plek gevonden."));
    const auto english =
        body(get("/deskundigheid/kaart?soort=sociaal", As::lezer, {{"Cookie", "taal=en"}}));
    EXPECT_THAT(english, HasSubstr("1 place found."));
  }
  int records() {
    return count("SELECT COUNT(*) FROM hsds_records WHERE fields NOT LIKE '%c0a1171e-0000%'");
  }
};

using Example = std::pair<std::string, std::string>;  // file, API path

TEST_F(SocialMapTest, TheOfficialExamplesComeBackFromTheApiAsTheyWent) {
  auto r = upload(
      {{"service_full.json", read(kExamples / "service_full.json")},
       {"organization_full.json", read(kExamples / "organization_full.json")},
       {"service_at_location_full.json", read(kExamples / "service_at_location_full.json")}});
  ASSERT_EQ(status(r), 303) << body(r);
  EXPECT_THAT(r->get_header_value("Location"),
              HasSubstr("melding=map_imported&nieuw=20&gewijzigd=0"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'sociale-kaart'"), 1);
  publish();

  for (const auto& [file, path] :
       {Example{"service_full.json", "/services/" + kService},
        Example{"organization_full.json", "/organizations/d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"},
        Example{"service_at_location_full.json",
                "/service_at_locations/e94c9f38-1e8f-4564-91d4-d53501ab1765"}}) {
    const auto original = nlohmann::json::parse(read(kExamples / file));
    const auto given = api_json(path);
    EXPECT_EQ(given, original) << file << nlohmann::json::diff(original, given).dump(1);
  }
  const auto root = api_json("/");
  EXPECT_EQ(root["version"], "3.0");
  EXPECT_THAT(root["openapi_url"].get<std::string>(), HasSubstr("/api/hsds/openapi.json"));

  // A list is the specification's Page object; a service in it carries its organization.
  auto page = api_json("/services?per_page=1");
  EXPECT_EQ(page["total_items"], 1);
  EXPECT_EQ(page["total_pages"], 1);
  EXPECT_EQ(page["page_number"], 1);
  EXPECT_EQ(page["size"], 1);
  EXPECT_EQ(page["first_page"], true);
  EXPECT_EQ(page["last_page"], true);
  EXPECT_EQ(page["empty"], false);
  EXPECT_EQ(page["contents"][0]["organization_id"], "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610");
  EXPECT_EQ(page["contents"][0]["organization"]["name"], "Example Organization Inc.");
  EXPECT_EQ(api_json("/services?page=2")["contents"].size(), 0u);
  EXPECT_EQ(api_json("/services?search=counselling")["total_items"], 1);
  EXPECT_EQ(api_json("/services?search=xylofoon")["empty"], true);
  EXPECT_EQ(api_json("/services?taxonomy_term_id=3f7b145d-84af-42d7-8fae-eaca714b02b2")["size"], 1);
  EXPECT_EQ(api_json("/services?taxonomy_id=5c4d79d7-cc55-470e-9f1f-8cad074e4892")["size"], 1);
  EXPECT_EQ(api_json("/services?organization_id=d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610")["size"], 1);
  EXPECT_EQ(api_json("/services?organization_id=unknown")["size"], 0);
  EXPECT_EQ(api_json("/services?modified_after=2023-03-15")["size"], 1);
  EXPECT_EQ(api_json("/services?modified_after=2024-01-01T00:00:00Z")["size"], 0);
  // The coalition's own taxonomy is there beside the example's.
  const auto taxonomies = api_json("/taxonomies")["contents"];
  ASSERT_EQ(taxonomies.size(), 2u);
  EXPECT_EQ(taxonomies[0]["name"], "Coalitiekompas");
  EXPECT_EQ(taxonomies[1]["name"], "name");
  EXPECT_EQ(api_json("/taxonomy_terms?top_only=true")["size"], 4);  // the own facets
  EXPECT_EQ(api_json("/taxonomy_terms?parent_id=0bc248fa-dc27-4650-9ba4-8f1a24ef16a2")["size"], 1);
  EXPECT_EQ(
      api_json("/taxonomy_terms/3f7b145d-84af-42d7-8fae-eaca714b02b2")["taxonomy_detail"]["id"],
      "5c4d79d7-cc55-470e-9f1f-8cad074e4892");
  EXPECT_EQ(api_json("/service_at_locations")["contents"][0]["location"]["name"],
            "MyCity Civic Center");

  // NDJSON: every service, whole, one per line, without pages.
  auto c = client();
  const auto lines = c.Get(kApi + "/services?format=ndjson");
  ASSERT_EQ(status(lines), 200);
  EXPECT_EQ(lines->get_header_value("Content-Type"), "application/x-ndjson");
  EXPECT_EQ(nlohmann::json::parse(lines->body.substr(0, lines->body.find('\n'))),
            nlohmann::json::parse(read(kExamples / "service_full.json")));

  // Wrong parameters get a clear answer, in JSON.
  for (const std::string bad :
       {"/services?page=0", "/services?per_page=5000", "/services?page=x", "/services?format=xml",
        "/services?full=ja", "/services?modified_after=gisteren", "/services?postcode=12"}) {
    const auto answer = c.Get(kApi + bad);
    EXPECT_EQ(status(answer), 400) << bad;
    EXPECT_TRUE(nlohmann::json::parse(body(answer)).contains("error")) << bad;
  }
  EXPECT_EQ(status(c.Get(kApi + "/services/ac148810-0000-0000-0000-000000000000")), 404);
  EXPECT_EQ(status(c.Get("/api/hsds/GM0002/services")), 404);
}

TEST_F(SocialMapTest, WithoutPublishingTheApiNeedsATokenOfTheCoalition) {
  ASSERT_EQ(status(upload({{"dienst.json", read(kExamples / "service_full.json")}})), 303);
  auto c = client();
  const auto bare = c.Get(kApi + "/services");
  EXPECT_EQ(status(bare), 401);
  EXPECT_EQ(bare->get_header_value("WWW-Authenticate"), "Bearer");
  const auto token = make_token(As::lezer);
  EXPECT_EQ(api_json("/services", {{"Authorization", "Bearer " + token}})["total_items"], 1);
  const auto other = make_token(As::other_coalition);
  EXPECT_EQ(status(c.Get(kApi + "/services", {{"Authorization", "Bearer " + other}})), 401);
  EXPECT_EQ(status(get("/openbaar/GM9999/kaart", As::anonymous)), 404);
  publish();
  EXPECT_EQ(status(c.Get(kApi + "/services")), 200);
  const auto page = get("/openbaar/GM9999/kaart?q=counselling", As::anonymous);
  EXPECT_EQ(status(page), 200);
  EXPECT_THAT(body(page), HasSubstr("href=\"/openbaar/GM9999/kaart/dienst/" + kService + "\""));
  EXPECT_THAT(body(page), Not(HasSubstr("kaart/bestanden")));
  EXPECT_EQ(status(get("/openbaar/GM9999/kaart/dienst/" + kService, As::anonymous)), 200);
}

TEST_F(SocialMapTest, TheDataPackageRoundTripsThroughAZip) {
  std::map<std::string, std::string> csv;
  for (const auto& entry : std::filesystem::directory_iterator(kExamples / "csv"))
    csv[entry.path().filename()] = read(entry.path());
  auto r = upload({{"kaart.zip", web::zip_archive(csv)}});
  ASSERT_EQ(status(r), 303) << body(r);
  const auto download = get("/deskundigheid/kaart/datapakket.zip", As::lezer);
  ASSERT_EQ(status(download), 200);
  EXPECT_EQ(download->get_header_value("Content-Type"), "application/zip");
  const auto unzipped = web::unzip_archive(download->body);
  ASSERT_EQ(unzipped.problem, web::Unzipped::Problem::none);
  const auto* files = &unzipped.files;
  EXPECT_EQ(files->size(), 22u);  // 21 tables and datapackage.json
  const auto descriptor = nlohmann::json::parse(files->at("datapackage.json"));
  EXPECT_EQ(descriptor["profile"], "tabular-data-package");
  // Read back in, the package changes nothing: every record is the same.
  const auto before = records();
  r = upload(*files);
  ASSERT_EQ(status(r), 303) << body(r);
  EXPECT_THAT(r->get_header_value("Location"), HasSubstr("nieuw=0&gewijzigd=0"));
  EXPECT_EQ(records(), before);
  EXPECT_THAT(files->at("services.csv"), HasSubstr("Community Counselling"));
  // NDJSON for everyone signed in.
  const auto lines = get("/deskundigheid/kaart/diensten.ndjson", As::partner);
  EXPECT_THAT(body(lines), HasSubstr("\"name\":\"Community Counselling\""));
}

TEST_F(SocialMapTest, ABadFileIsNamedAndChangesNothing) {
  auto service = nlohmann::json::parse(read(kExamples / "service_full.json"));
  service["phones"][0]["number"] = nullptr;
  service["contacts"][0]["phones"][0]["number"] = nullptr;
  service["service_at_locations"][0]["phones"][0]["number"] = nullptr;
  service["service_at_locations"][0]["contacts"][0]["phones"][0]["number"] = nullptr;
  service["service_at_locations"][0]["location"]["phones"][0]["number"] = nullptr;
  service["service_at_locations"][0]["location"]["contacts"][0]["phones"][0]["number"] = nullptr;
  service["organization"]["phones"][0]["number"] = nullptr;
  service["organization"]["contacts"][0]["phones"][0]["number"] = nullptr;
  service["organization"]["locations"][0]["phones"][0]["number"] = nullptr;
  service["organization"]["locations"][0]["contacts"][0]["phones"][0]["number"] = nullptr;
  service["status"] = "open";
  auto r = upload({{"dienst.json", service.dump(2)}});
  ASSERT_EQ(status(r), 422);
  EXPECT_THAT(body(r),
              HasSubstr("dienst.json, bij contacts[0].phones[0]: Telefoonnummer "
                        "1554f2e2-a373-45db-a3fa-9fc48a61c15e: het veld ‘number’ ontbreekt."));
  EXPECT_THAT(body(r),
              HasSubstr("‘open’ kan niet in het veld ‘status’. Kies uit: active, inactive"));
  // An address follows the form's rule: no javascript: or data: from a file either.
  for (const std::string url :
       {"javascript:alert(1)", "data:text/html,<b>x</b>", "https://geen-punt"}) {
    auto bad_url = nlohmann::json::parse(read(kExamples / "service_full.json"));
    bad_url["url"] = url;
    r = upload({{"dienst.json", bad_url.dump()}});
    EXPECT_EQ(status(r), 422) << url;
    EXPECT_THAT(body(r), HasSubstr("webadres, zoals https://voorbeeld.nl")) << url;
  }
  // A number beyond any double is no JSON a kaart can hold: named, never a server error.
  r = upload({{"groot.json", R"({"id": "x", "name": "y", "minimum_age": 1e999999})"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("groot.json"));
  r = upload({{"kapot.json", "{\n  \"id\": \"x\",\n  \"name\": \n}"}});
  EXPECT_THAT(body(r), HasSubstr("kapot.json, regel 4: Dit is geen geldige JSON"));
  r = upload({{"wijken.csv", "id\n1\n"}, {"services.csv", "id,name\nx,=HYPERLINK(\"e\")\n"}});
  EXPECT_THAT(
      body(r),
      HasSubstr(
          "<li class=\"utrecht-unordered-list__item\">‘wijken.csv’ is geen bestand van HSDS"));
  EXPECT_THAT(body(r), HasSubstr("services.csv, regel 2: Dienst x: het veld ‘status’ ontbreekt."));
  r = upload({{"kaart.zip", "PK\x03\x04 geen zip"}});
  EXPECT_THAT(body(r), HasSubstr("kaart.zip: Dit ZIP-bestand kunnen we niet openen"));
  // A small archive that would unpack a thousand times larger is refused before it is read.
  const auto bomb = web::zip_archive({{"services.csv", std::string(20u << 20, 'a')}});
  ASSERT_LT(bomb.size(), 200u << 10);
  const auto unpacked = web::unzip_archive(bomb);
  EXPECT_EQ(unpacked.problem, web::Unzipped::Problem::too_big);
  EXPECT_TRUE(unpacked.files.empty());
  r = upload({{"kaart.zip", bomb}});
  EXPECT_THAT(body(r), HasSubstr("kaart.zip: Dit ZIP-bestand is te groot"));
  // A file beside a ZIP holding one of the same name: refused, not half read.
  r = upload(
      {{"services.csv", "id\n"}, {"kaart.zip", web::zip_archive({{"services.csv", "id\n"}})}});
  EXPECT_THAT(body(r), HasSubstr("services.csv: Er zijn twee bestanden met deze naam."));
  EXPECT_EQ(status(upload({})), 422);
  EXPECT_EQ(records(), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'sociale-kaart'"), 0);
  // Only the beheerder reads files in.
  EXPECT_EQ(status(upload({{"dienst.json", read(kExamples / "service_full.json")}}, As::partner)),
            403);
  EXPECT_EQ(records(), 0);
}

// A small kaart of our own: two services in two wijken, one for everyone, with days open.
std::string uuid(int n) {
  const auto digits = std::to_string(n);
  return "1b000000-0000-4000-8000-" + std::string(12 - digits.size(), '0') + digits;
}

nlohmann::json own_service(int n, const std::string& name, const std::string& description,
                           const std::string& area, const std::string& days) {
  nlohmann::json s = {
      {"id", uuid(n)},
      {"name", name},
      {"status", "active"},
      {"description", description},
      {"application_process", "Bel en vraag naar Sam."},
      {"url", "https://welzijn-voorbeeld.example/" + std::to_string(n)},
      {"schedules",
       {{{"id", uuid(n + 1)},
         {"freq", "WEEKLY"},
         {"byday", days},
         {"opens_at", "10:00"},
         {"closes_at", "12:00"}}}},
      {"contacts",
       {{{"id", uuid(n + 2)},
         {"name", "Sam"},
         {"email", "sam@example.nl"},
         {"phones", {{{"id", uuid(n + 3)}, {"number", "06-12345678"}}}}}}},
      {"organization",
       {{"id", uuid(1)}, {"name", "Welzijn Voorbeeld"}, {"description", "Welzijnswerk"}}}};
  if (!area.empty())
    s["service_areas"] = {{{"id", uuid(n + 4)},
                           {"extent_type", area.size() == 4 ? "postcode" : "cbs"},
                           {"extent", area}}};
  return s;
}

std::string own_services() {
  return own_service(10, "Koffie-ochtend Noord", "Samen koffie drinken met buren.", "WK999901",
                     "MO")
             .dump() +
         "\n" +
         own_service(20, "Wandelclub Zuid", "Elke week wandelen. Voor eenzame ouderen.", "1234",
                     "TU,TH")
             .dump() +
         "\n" +
         own_service(30, "Luisterlijn", "Een luisterend oor, dag en nacht.", "",
                     "MO,TU,WE,TH,FR,SA,SU")
             .dump();
}

TEST_F(SocialMapTest, FrontlineWorkersFindAServiceAndHowToReferToIt) {
  add_wijken();
  auto r = upload({{"eigen.ndjson", own_services()}});
  ASSERT_EQ(status(r), 303) << body(r);
  const std::string base = "/deskundigheid/kaart";
  auto page = body(get(base, As::lezer));
  EXPECT_THAT(page, HasSubstr("De kaart heeft 3 plekken."));
  // By words, in another form: "eenzaam" finds "eenzame".
  page = body(get(base + "?q=eenzaam", As::lezer));
  EXPECT_THAT(page, HasSubstr("1 plek gevonden."));
  EXPECT_THAT(page, HasSubstr("Wandelclub Zuid"));
  EXPECT_THAT(page, HasSubstr("href=\"tel:0612345678\""));
  EXPECT_THAT(page, HasSubstr("Bel en vraag naar Sam."));
  EXPECT_THAT(page, HasSubstr("dinsdag, donderdag"));
  // By wijk: the wijk's own service and the one for everyone.
  page = body(get(base + "?wijk=WK999901", As::partner));
  EXPECT_THAT(page, HasSubstr("2 plekken gevonden."));
  EXPECT_THAT(page, HasSubstr("Koffie-ochtend Noord"));
  EXPECT_THAT(page, HasSubstr("Luisterlijn"));
  // By postcode as people type it, and an unknown one is told.
  page = body(get(base + "?postcode=1234%20ab", As::partner));
  EXPECT_THAT(page, HasSubstr("Wandelclub Zuid"));
  EXPECT_THAT(page, Not(HasSubstr("Koffie-ochtend Noord")));
  page = body(get(base + "?postcode=9999", As::partner));
  EXPECT_THAT(page,
              HasSubstr("Postcode 9999 kennen we niet op de sociale kaart van Gemeente Voorbeeld"));
  EXPECT_THAT(body(get(base + "?postcode=12", As::partner)),
              HasSubstr("Een postcode is vier cijfers"));
  // Open on a day.
  page = body(get(base + "?dag=MO", As::lezer));
  EXPECT_THAT(page, HasSubstr("2 plekken gevonden."));
  EXPECT_THAT(page, Not(HasSubstr("Wandelclub Zuid")));
  // A service's page.
  page = body(get(base + "/dienst/" + uuid(20), As::lezer));
  EXPECT_THAT(page, HasSubstr("<h1 class=\"utrecht-heading-1\">Wandelclub Zuid</h1>"));
  EXPECT_THAT(page, HasSubstr("Welzijn Voorbeeld"));
  EXPECT_THAT(page, Not(HasSubstr("javascript:")));
  EXPECT_THAT(page, HasSubstr("10:00–12:00"));
}

TEST_F(SocialMapTest, TheBeheerderChoosesThePlacesOnTheGesprekskaart) {
  add_wijken();
  ASSERT_EQ(status(upload({{"eigen.ndjson", own_services()}})), 303);
  const std::string card = "/deskundigheid/gesprekskaart";
  const auto choose = [&](As who, const std::string& id, const std::string& action) {
    return status(post(card + "/diensten", who, {{"dienst", id}, {"actie", action}}));
  };
  // Nothing chosen: the best places for the whole gemeente, the one for everyone first.
  auto page = body(get(card, As::lezer));
  EXPECT_THAT(page, HasSubstr("Vul niet in voor de ander."));
  EXPECT_LT(page.find("Luisterlijn"), page.find("Koffie-ochtend Noord"));
  EXPECT_THAT(page, Not(HasSubstr("Plekken op de kaart kiezen")));
  // Only the beheerder chooses, and only places of the own kaart that exist.
  EXPECT_EQ(choose(As::lezer, uuid(20), "toevoegen"), 403);
  EXPECT_EQ(choose(As::partner, uuid(20), "toevoegen"), 403);
  EXPECT_EQ(choose(As::other_coalition, uuid(20), "toevoegen"), 404);
  EXPECT_EQ(choose(As::beheerder, "onbekend", "toevoegen"), 404);
  EXPECT_EQ(choose(As::beheerder, uuid(20), "verplaatsen"), 422);
  EXPECT_THAT(body(get("/deskundigheid/kaart/dienst/" + uuid(20), As::beheerder)),
              HasSubstr("Op de gesprekskaart"));
  EXPECT_EQ(choose(As::beheerder, uuid(20), "toevoegen"), 303);
  EXPECT_THAT(body(get("/deskundigheid/kaart/dienst/" + uuid(20), As::beheerder)),
              HasSubstr("Van de kaart halen"));
  EXPECT_EQ(choose(As::beheerder, uuid(20), "toevoegen"), 422);  // already on it
  page = body(get(card, As::partner));
  EXPECT_THAT(page, HasSubstr("Wandelclub Zuid"));
  EXPECT_THAT(page, Not(HasSubstr("Luisterlijn")));
  // For a wijk the card names that wijk's best places, its own first.
  page = body(get(card + "?wijk=WK999901", As::lezer));
  EXPECT_THAT(page, HasSubstr("Verwijzen in Noord"));
  EXPECT_LT(page.find("Koffie-ochtend Noord"), page.find("Luisterlijn"));
  EXPECT_THAT(page, Not(HasSubstr("Wandelclub Zuid")));
  // The QR code leads to the public kaart of the same wijk, so it is there only when that is.
  EXPECT_THAT(page, Not(HasSubstr("kompas-qr")));
  publish();
  page = body(get(card + "?wijk=WK999901", As::lezer));
  EXPECT_THAT(page, HasSubstr("class=\"kompas-qr\""));
  EXPECT_THAT(page, HasSubstr("/openbaar/GM9999/kaart?wijk=WK999901</span>"));
  // The printed address comes from the server's settings, never from the Host header.
  page = body(get(card + "?wijk=WK999901", As::lezer, {{"Host", "evil.example"}}));
  EXPECT_THAT(page, HasSubstr("http://127.0.0.1:8080/openbaar/GM9999/kaart?wijk=WK999901"));
  EXPECT_THAT(page, Not(HasSubstr("evil.example")));
  // The public card only when the beheerder switches it on.
  EXPECT_EQ(status(get("/openbaar/GM9999/gesprekskaart", As::anonymous)), 404);
  {
    store::Change change(db(), beheerder_of(seed));
    auto coalition = store::find_coalition(change.sql(), seed.coalition_a).value();
    coalition.public_card = true;
    store::update_coalition(change, coalition);
    change.commit();
  }
  page = body(get("/openbaar/GM9999/gesprekskaart", As::anonymous));
  EXPECT_THAT(page, HasSubstr("Wandelclub Zuid"));
  EXPECT_THAT(page, Not(HasSubstr("Plekken op de kaart kiezen")));
  // Taken off again; both steps are in the log.
  EXPECT_EQ(choose(As::beheerder, uuid(20), "weghalen"), 303);
  EXPECT_THAT(body(get(card, As::lezer)), HasSubstr("Luisterlijn"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM conversation_card_services"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'gesprekskaart'"), 2);
}

TEST_F(SocialMapTest, OwnersKeepTheirServicesCurrentAndCorrectionsWaitForThem) {
  // The partner's activity on the kaart, last checked long ago, beside services of no partner.
  ASSERT_EQ(
      status(post("/wie-doet-wat/activiteiten/" + std::to_string(seed.activity) + "/op-de-kaart",
                  As::partner, {})),
      303);
  ASSERT_EQ(status(upload({{"eigen.ndjson", own_services()}})), 303);
  std::string service_id;
  {
    store::Change change(db(), beheerder_of(seed));
    change.sql() << "SELECT service_id FROM hsds_activity_services", soci::into(service_id);
    store::confirm_service(change, service_id, "2024-01-01", "oud@voorbeeld.example");
    change.commit();
  }
  const auto service = "/deskundigheid/kaart/dienst/" + service_id;
  const std::string upkeep = "/deskundigheid/kaart/onderhoud";
  // The partner sees its own services, the old one marked; not those of others.
  auto page = body(get(upkeep, As::partner));
  EXPECT_THAT(page, HasSubstr("Huiskamer"));
  EXPECT_THAT(page, HasSubstr("te lang geleden"));
  EXPECT_THAT(page, Not(HasSubstr("Wandelclub Zuid")));
  EXPECT_EQ(status(get(upkeep, As::lezer)), 403);
  EXPECT_THAT(body(get(upkeep, As::beheerder)), HasSubstr("Wandelclub Zuid"));
  // Where the partner lands, it is told.
  EXPECT_THAT(body(get("/mijn-organisatie", As::partner)),
              HasSubstr("Plekken op de sociale kaart om na te kijken: 1"));
  // Every reader sees the mark and the completeness; only the owner the button.
  page = body(get(service, As::lezer));
  EXPECT_THAT(page, HasSubstr("Niet meer gecontroleerd sinds 1 januari 2024"));
  EXPECT_THAT(page, HasSubstr("Volledig"));
  EXPECT_THAT(page, Not(HasSubstr("/klopt-nog")));
  EXPECT_THAT(body(get(service, As::partner)), HasSubstr("/klopt-nog"));
  EXPECT_EQ(status(post(service + "/klopt-nog", As::lezer, {})), 403);
  EXPECT_EQ(status(post("/deskundigheid/kaart/dienst/" + uuid(20) + "/klopt-nog", As::partner, {})),
            403);
  // "Klopt nog" in one step: checked today by the partner; the last change stays.
  const auto stored = [&] {
    store::Connection conn(db());
    return store::load_record(conn.sql(), seed.coalition_a, "service", service_id).value();
  };
  const auto before = stored();
  ASSERT_EQ(status(post(service + "/klopt-nog", As::partner, {{"terug", "onderhoud"}})), 303);
  const auto after = stored();
  EXPECT_EQ(after.text("assured_date"), web::today_date());
  EXPECT_NE(after.text("assurer_email"), "oud@voorbeeld.example");
  EXPECT_EQ(after.text("last_modified"), before.text("last_modified"));
  EXPECT_THAT(body(get(service, As::lezer)), Not(HasSubstr("Niet meer gecontroleerd")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'controleren'"), 2);  // and 2024's

  // Anyone on the public kaart says what is wrong; it waits for the owner.
  publish();
  const auto report = "/openbaar/GM9999/kaart/dienst/" + service_id + "/klopt-niet";
  EXPECT_THAT(body(get(report, As::anonymous)), HasSubstr("Wat klopt er niet?"));
  EXPECT_EQ(status(post(report, As::anonymous, {{"message", "Zonder token"}}, false)), 403);
  auto r = post_without_account(report, {{"message", ""}, {"email", "geen-adres"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul een geldig e-mailadres in"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM map_corrections"), 0);
  r = post_without_account(report, {{"message", "=HYPERLINK(\"x\") Het nummer is nu 010-1234567."},
                                    {"email", "Buur@Voorbeeld.example"}});
  ASSERT_EQ(status(r), 303) << body(r);
  page = body(get(upkeep, As::partner));
  EXPECT_THAT(page, HasSubstr("Het nummer is nu 010-1234567."));
  EXPECT_THAT(body(get("/mijn-organisatie", As::partner)),
              HasSubstr("Meldingen ‘dit klopt niet’ om af te handelen: 1"));
  EXPECT_THAT(page, HasSubstr("mailto:buur@voorbeeld.example"));
  // The log keeps what is wrong, never who said so.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'correctie' AND changes LIKE "
                  "'%buur@%'"),
            0);
  // Another coalition's beheerder cannot close it; the owner can, and the address goes.
  const auto id = count("SELECT MAX(id) FROM map_corrections");
  const auto close = "/deskundigheid/kaart/correcties/" + std::to_string(id) + "/afgehandeld";
  EXPECT_EQ(status(post(close, As::other_coalition, {})), 404);
  EXPECT_EQ(status(post(close, As::lezer, {})), 403);
  ASSERT_EQ(status(post(close, As::partner, {})), 303);
  EXPECT_THAT(body(get(upkeep, As::partner)), Not(HasSubstr("Het nummer is nu")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM map_corrections WHERE reporter_email <> ''"), 0);
  // A flood from one address is refused (five an hour) and stores nothing more.
  int refused = 0;
  for (int i = 0; i < 8; ++i)
    refused += status(post_without_account(report, {{"message", "Nog een"}})) == 429;
  EXPECT_EQ(refused, 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM map_corrections"), 6);
}

// An organisation that came with a file has no partner; the beheerder names the one that keeps
// its places, which then sees them and confirms them. A partner's own organisation stays its.
TEST_F(SocialMapTest, TheBeheerderNamesWhoKeepsAnImportedOrganisation) {
  ASSERT_EQ(status(upload({{"eigen.ndjson", own_services()}})), 303);
  const auto service = "/deskundigheid/kaart/dienst/" + uuid(20);
  const std::string upkeep = "/deskundigheid/kaart/onderhoud";
  EXPECT_THAT(body(get(upkeep, As::partner)), Not(HasSubstr("Wandelclub Zuid")));
  auto page = body(get(service, As::beheerder));
  EXPECT_THAT(page, HasSubstr("Bijgehouden door</dt><dd>Geen partner: de beheerder"));
  EXPECT_THAT(page, HasSubstr("Welke partner houdt dit bij?"));
  EXPECT_THAT(body(get(service, As::partner)), Not(HasSubstr("Welke partner houdt dit bij?")));

  const auto keeper = service + "/bijhouder";
  const auto own = std::to_string(seed.own_partner);
  EXPECT_EQ(status(post(keeper, As::partner, {{"partner", own}})), 403);
  EXPECT_EQ(status(post(keeper, As::lezer, {{"partner", own}})), 403);
  EXPECT_EQ(status(post(keeper, As::beheerder, {{"partner", "999999"}})), 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM hsds_organization_keepers"), 0);
  ASSERT_EQ(status(post(keeper, As::beheerder, {{"partner", own}})), 303);
  EXPECT_THAT(body(get(service, As::lezer)), HasSubstr("Bijgehouden door</dt><dd>Welzijn Noord"));
  // The partner keeps all three places of the organisation now.
  page = body(get(upkeep, As::partner));
  EXPECT_THAT(page, HasSubstr("Wandelclub Zuid"));
  EXPECT_THAT(page, HasSubstr("Luisterlijn"));
  EXPECT_EQ(status(post(service + "/klopt-nog", As::partner, {})), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'bijhouder'"), 1);
  // Back to no partner: the partner no longer keeps it.
  ASSERT_EQ(status(post(keeper, As::beheerder, {{"partner", ""}})), 303);
  EXPECT_THAT(body(get(upkeep, As::partner)), Not(HasSubstr("Wandelclub Zuid")));
  EXPECT_EQ(status(post(service + "/klopt-nog", As::partner, {})), 403);

  // The partner's own organisation (its activity on the kaart) keeps its partner.
  const auto activity_page = "/deskundigheid/kaart/dienst/" + activity_on_the_kaart();
  page = body(get(activity_page, As::beheerder));
  EXPECT_THAT(page, HasSubstr("Bijgehouden door</dt><dd>Welzijn Noord"));
  EXPECT_THAT(page, Not(HasSubstr("Welke partner houdt dit bij?")));
  EXPECT_EQ(status(post(activity_page + "/bijhouder", As::beheerder,
                        {{"partner", std::to_string(seed.other_partner)}})),
            409);
}

TEST_F(SocialMapTest, AnOwnerChangesItsServiceInOneStepAsADutchUserTypesIt) {
  add_wijken();
  const auto service_id = activity_on_the_kaart();
  ASSERT_FALSE(service_id.empty());
  const auto service = "/deskundigheid/kaart/dienst/" + service_id;
  const auto edit = service + "/bewerken";
  EXPECT_THAT(body(get(service, As::partner)), HasSubstr(edit));
  EXPECT_THAT(body(get(service, As::lezer)), Not(HasSubstr(edit)));
  EXPECT_EQ(status(get(edit, As::lezer)), 403);
  EXPECT_EQ(status(get(edit, As::other_coalition)), 404);
  EXPECT_THAT(body(get(edit, As::partner)), HasSubstr("Naam van de plek"));

  const httplib::Params typed = {{"name", "Huiskamer Noord"},
                                 {"status", "active"},
                                 {"description", "Koffie en een praatje."},
                                 {"how_to_apply", "Bel Anja."},
                                 {"contact", "Anja"},
                                 {"phone", "010 - 123 45 67"},
                                 {"email", "Huiskamer@Voorbeeld.example"},
                                 {"url", "www.huiskamer.example"},
                                 {"areas", "WK999901"},
                                 {"postcodes", "9902; 9903 ab"},
                                 {"target_group", "65plus"},
                                 {"element", "ontmoeten"},
                                 {"days", "MO"},
                                 {"days", "TH"},
                                 {"opens_at", "9.30"},
                                 {"closes_at", "12"},
                                 {"schedule_note", "Niet in de zomer."},
                                 {"place", "Wijkcentrum De Brug"},
                                 {"address", "Brugstraat 1"},
                                 {"postal_code", "9902ab"},
                                 {"city", "Voorbeeld"},
                                 {"province", "Zuid-Holland"}};
  // A mistake stores nothing: the closing time before the opening time, a postcode of three.
  auto wrong = typed;
  wrong.erase("closes_at");
  wrong.emplace("closes_at", "8:00");
  wrong.erase("postcodes");
  wrong.emplace("postcodes", "990");
  const auto version =
      count("SELECT map_version FROM coalitions WHERE id = " + std::to_string(seed.coalition_a));
  auto r = post(edit, As::partner, wrong);
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Deze tijd ligt voor de begintijd."));
  EXPECT_THAT(body(r), HasSubstr("Vul een postcode in met vier cijfers"));
  EXPECT_THAT(body(r), HasSubstr("value=\"Huiskamer Noord\""));
  EXPECT_EQ(
      count("SELECT map_version FROM coalitions WHERE id = " + std::to_string(seed.coalition_a)),
      version);
  EXPECT_EQ(status(post(edit, As::lezer, typed)), 403);

  r = post(edit, As::partner, typed);
  ASSERT_EQ(status(r), 303) << body(r);
  const auto stored = [&](const std::string& table) {
    std::vector<domain::hsds::Record> out;
    store::Connection conn(db());
    for (auto& rec : store::load_hsds_records(conn.sql(), seed.coalition_a))
      if (rec.table->name == table) out.push_back(std::move(rec));
    return out;
  };
  const auto saved =
      store::load_record(store::Connection(db()).sql(), seed.coalition_a, "service", service_id)
          .value();
  EXPECT_EQ(saved.text("name"), "Huiskamer Noord");
  EXPECT_EQ(saved.text("url"), "https://www.huiskamer.example");
  EXPECT_EQ(saved.text("email"), "huiskamer@voorbeeld.example");
  EXPECT_EQ(saved.text("assured_date"), web::today_date());  // the owner just checked it all
  ASSERT_EQ(stored("schedule").size(), 1u);
  EXPECT_EQ(stored("schedule")[0].text("byday"), "MO,TH");
  EXPECT_EQ(stored("schedule")[0].text("opens_at"), "09:30");
  EXPECT_EQ(stored("schedule")[0].text("closes_at"), "12:00");
  ASSERT_EQ(stored("address").size(), 1u);
  EXPECT_EQ(stored("address")[0].text("postal_code"), "9902 AB");
  EXPECT_EQ(stored("phone")[0].text("number"), "010 - 123 45 67");
  std::vector<std::string> areas;
  for (const auto& a : stored("service_area")) areas.push_back(a.text("extent"));
  std::sort(areas.begin(), areas.end());
  EXPECT_EQ(areas, (std::vector<std::string>{"9902", "9903", "WK999901"}));
  auto page = body(get(service, As::lezer));
  EXPECT_THAT(page, HasSubstr("Wijkcentrum De Brug"));
  EXPECT_THAT(page, HasSubstr("maandag, donderdag"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'wijzigen' AND entity = "
                  "'sociale-kaart'"),
            1);
  // The same form again changes nothing and keeps every record's id.
  const auto all = records();
  const auto schedule_id = stored("schedule")[0].id;
  ASSERT_EQ(status(post(edit, As::partner, typed)), 303);
  EXPECT_EQ(records(), all);
  EXPECT_EQ(stored("schedule")[0].id, schedule_id);
  // Fewer days and no place: the schedule changes, the service's link to the place goes.
  auto fewer = typed;
  for (const char* field : {"days", "place", "address", "postal_code", "city", "province"})
    fewer.erase(field);
  fewer.emplace("days", "TU");
  ASSERT_EQ(status(post(edit, As::partner, fewer)), 303);
  EXPECT_EQ(stored("schedule")[0].text("byday"), "TU");
  EXPECT_TRUE(stored("service_at_location").empty());
  EXPECT_THAT(body(get(service, As::lezer)), Not(HasSubstr("Wijkcentrum De Brug")));
}

TEST_F(SocialMapTest, EditingAnImportedServiceKeepsWhatTheFormCannotShow) {
  auto imported = own_service(40, "Maandcafé", "Elke eerste maandag.", "", "1MO");
  imported["schedules"][0]["freq"] = "MONTHLY";
  imported["languages"] = {{{"id", uuid(46)}, {"name", "Nederlands"}, {"code", "nl"}}};
  ASSERT_EQ(status(upload({{"cafe.ndjson", imported.dump()}})), 303);
  // No partner keeps it: the beheerder does, and a partner's staff cannot.
  const auto edit = "/deskundigheid/kaart/dienst/" + uuid(40) + "/bewerken";
  EXPECT_EQ(status(get(edit, As::partner)), 403);
  auto page = body(get(edit, As::beheerder));
  EXPECT_THAT(page, HasSubstr("De openingstijden komen uit een bestand"));
  EXPECT_THAT(page, Not(HasSubstr("name=\"opens_at\"")));
  const auto before = records();
  auto r = post(edit, As::beheerder,
                {{"name", "Maandcafé"}, {"status", "inactive"}, {"url", "javascript:alert(1)"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul een webadres in"));
  // Pausing it: frontline workers no longer find it; its monthly schedule and language stay.
  r = post(edit, As::beheerder,
           {{"name", "Maandcafé"},
            {"status", "inactive"},
            {"phone", "06-12345678"},
            {"contact", "Sam"}});
  ASSERT_EQ(status(r), 303) << body(r);
  EXPECT_EQ(records(), before);
  EXPECT_THAT(body(get("/deskundigheid/kaart?q=eerste%20maandag", As::lezer)),
              HasSubstr("Geen plek gevonden."));
  publish();
  const auto api = api_json("/services/" + uuid(40));
  EXPECT_EQ(api["status"], "inactive");
  EXPECT_EQ(api["schedules"][0]["freq"], "MONTHLY");
  EXPECT_EQ(api["languages"][0]["name"], "Nederlands");
  EXPECT_EQ(api["contacts"][0]["phones"][0]["number"], "06-12345678");
}

TEST_F(SocialMapTest, AnActivityGoesOnTheKaartWithOneClickAndStaysItsOwn) {
  const auto activity = "/wie-doet-wat/activiteiten/" + std::to_string(seed.activity);
  const auto publish = activity + "/op-de-kaart";
  EXPECT_EQ(status(post(publish, As::lezer, {})), 403);
  EXPECT_EQ(status(post(publish, As::other_coalition, {})), 404);
  EXPECT_THAT(body(get(activity, As::partner)), HasSubstr("Op de sociale kaart zetten"));
  auto r = post(publish, As::partner, {});
  ASSERT_EQ(status(r), 303);
  // The partner's organisation is made the first time, then the service: both in the log.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'publiceren'"), 2);
  const auto page = body(get(activity, As::partner));
  EXPECT_THAT(page, HasSubstr("Deze activiteit staat op de sociale kaart:"));
  EXPECT_THAT(page, HasSubstr("Sociale kaart bijwerken"));
  // The service carries the activity's name, its partner as organisation and its terms.
  auto map = body(get("/deskundigheid/kaart", As::lezer));
  EXPECT_THAT(map, HasSubstr("Huiskamer"));
  EXPECT_THAT(map, HasSubstr("Welzijn Noord"));
  publish_and_check_terms();
  // Again: the same service, brought up to date, nothing doubled.
  const auto before = records();
  ASSERT_EQ(status(post(publish, As::beheerder, {})), 303);
  EXPECT_EQ(records(), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM hsds_activity_services"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM hsds_partner_organizations"), 1);
  // Taken off the plan, an activity leaves the kaart: ended ("defunct") for other systems, and
  // no longer shown. (The seeded one has check rounds, so a new one is made and removed.)
  domain::Activity walk;
  walk.name = "Wandelclub";
  walk.lead_partner_id = seed.own_partner;
  walk.target_group = "iedereen";
  walk.loneliness_type = "sociaal";
  walk.degrees = {"preventie"};
  {
    store::Change change(db(), beheerder_of(seed));
    walk.id = store::create_activity(change, walk);
    change.commit();
  }
  const auto walk_page = "/wie-doet-wat/activiteiten/" + std::to_string(walk.id);
  ASSERT_EQ(status(post(walk_page + "/op-de-kaart", As::partner, {})), 303);
  EXPECT_THAT(body(get("/deskundigheid/kaart", As::lezer)), HasSubstr("Wandelclub"));
  ASSERT_EQ(status(post(walk_page + "/verwijderen", As::beheerder, {{"bevestig", "ja"}})), 303);
  EXPECT_THAT(body(get("/deskundigheid/kaart", As::lezer)), Not(HasSubstr("Wandelclub")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM hsds_records WHERE table_name = 'service' AND fields "
                  "LIKE '%\"status\":\"defunct\"%'"),
            1);
}

// A big city's kaart index takes seconds to build: it is built ahead, at the start and after
// each saved change, so the next visitor (a partner landing on Mijn organisatie) never waits.
TEST_F(SocialMapTest, TheKaartIsIndexedAheadAfterEachChange) {
  const auto indexed = [&] {
    store::Connection conn(db());
    const auto version = store::map_version(conn.sql(), seed.coalition_a);
    const auto key = "sociale-kaart/" + std::to_string(seed.coalition_a);
    for (int i = 0; i < 500; ++i) {
      if (app().computed().holds(key, version)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  };
  EXPECT_TRUE(indexed()) << "not indexed after the start";
  ASSERT_FALSE(activity_on_the_kaart().empty());  // a change of the kaart, and its new version
  EXPECT_TRUE(indexed()) << "not indexed after the change";
}

// The index is brought up to date from the records changed since it was made (issue 25, point
// 28): after each kind of change it is the index made afresh from every record.
TEST_F(SocialMapTest, TheIndexBroughtUpToDateIsTheIndexMadeAfresh) {
  add_wijken();
  const auto same_as_afresh = [&](const std::string& step) {
    const auto kept = web::social_map(app(), seed.coalition_a);
    store::Connection conn(db());
    const domain::SocialMap afresh(domain::hsds::Directory(
        store::hsds_spec(), store::load_hsds_records(conn.sql(), seed.coalition_a)));
    std::vector<std::string> a, b;
    for (const auto* s : kept->services()) a.push_back(kept->directory().nested_json(*s->record));
    for (const auto* s : afresh.services()) b.push_back(afresh.directory().nested_json(*s->record));
    EXPECT_EQ(a, b) << step;
    EXPECT_EQ(kept->directory().size(), afresh.directory().size()) << step;
    EXPECT_EQ(kept->search({.text = "koffie"}).size(), afresh.search({.text = "koffie"}).size());
  };
  same_as_afresh("at the start");
  ASSERT_EQ(status(upload({{"eigen.ndjson", own_services()}})), 303);
  same_as_afresh("after an upload");
  const auto service_id = activity_on_the_kaart();
  ASSERT_FALSE(service_id.empty());
  same_as_afresh("after an activity was put on the kaart");
  const auto edit = "/deskundigheid/kaart/dienst/" + service_id + "/bewerken";
  httplib::Params typed = {{"name", "Huiskamer Noord"},  {"status", "active"},
                           {"description", "Koffie."},   {"contact", "Anja"},
                           {"phone", "010 - 123 45 67"}, {"areas", "WK999901"},
                           {"postcodes", "9902; 9903"},  {"days", "MO"},
                           {"opens_at", "9.30"},         {"closes_at", "12"},
                           {"place", "Wijkcentrum"},     {"address", "Brugstraat 1"},
                           {"postal_code", "9902ab"},    {"city", "Voorbeeld"},
                           {"province", "Zuid-Holland"}};
  auto r = post(edit, As::partner, typed);
  ASSERT_EQ(status(r), 303) << body(r);
  same_as_afresh("after an edit");
  for (const auto* gone : {"phone", "postcodes", "days", "opens_at", "closes_at", "place",
                           "address", "postal_code", "city", "province"})
    typed.erase(gone);
  r = post(edit, As::partner, typed);
  ASSERT_EQ(status(r), 303) << body(r);
  same_as_afresh("after an edit that removes records");
}

}  // namespace
}  // namespace kompas::test
