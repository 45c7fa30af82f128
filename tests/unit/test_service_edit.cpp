// A service's owner edits it in one step (issue 13): what Dutch users type is read, and saving
// keeps the ids of the records it changes and everything the form does not show.
#include <gtest/gtest.h>

#include "domain/hsds_read.h"
#include "domain/service_edit.h"
#include "store/hsds_store.h"

namespace kompas {
namespace {

namespace hsds = domain::hsds;

// The HSDS specification the program reads.
const hsds::Spec& spec() {
  return store::hsds_spec();
}

std::string id(int k) {
  const auto d = std::to_string(k);
  return "5e000000-0000-4000-8000-" + std::string(12 - d.size(), '0') + d;
}

hsds::Directory directory(const nlohmann::json& service) {
  auto r = hsds::read_json(spec(), service.dump(), "dienst.json");
  EXPECT_TRUE(r.problems.empty());
  return hsds::Directory(spec(), std::move(r.records));
}

nlohmann::json weekly_service() {
  return {{"id", id(1)},
          {"name", "Koffie"},
          {"status", "active"},
          {"organization", {{"id", id(2)}, {"name", "Welzijn"}, {"description", "W"}}},
          {"service_areas",
           {{{"id", id(3)}, {"extent_type", "cbs"}, {"extent", "WK999901"}},
            {{"id", id(4)}, {"extent_type", "postcode"}, {"extent", "9902"}}}},
          {"schedules",
           {{{"id", id(5)}, {"freq", "WEEKLY"}, {"byday", "MO, th"}, {"opens_at", "10:00"}}}},
          {"contacts",
           {{{"id", id(6)}, {"name", "Sam"}, {"phones", {{{"id", id(7)}, {"number", "06-1"}}}}}}},
          {"languages", {{{"id", id(8)}, {"name", "Nederlands"}}}}};
}

int counter = 100;
std::string next_id() {
  return id(++counter);
}

TEST(ServiceEdit, ReadsWhatDutchUsersType) {
  domain::ServiceDraft d;
  d.name = " Koffie ";
  d.url = "www.koffie.example";
  d.email = " Koffie@Voorbeeld.Example";
  d.byday = "MO,TH";
  d.opens_at = "9.30";
  d.closes_at = "12";
  d.place = "Wijkcentrum";
  d.address = "Brugstraat 1";
  d.postal_code = "9902ab";
  d.city = "Voorbeeld";
  d.province = "Zuid-Holland";
  d.phone = "+31 (0)10 - 123";
  EXPECT_TRUE(domain::read_service_draft(d, "9902; 9903 AB,9902\n").empty());
  EXPECT_EQ(d.name, "Koffie");
  EXPECT_EQ(d.url, "https://www.koffie.example");
  EXPECT_EQ(d.email, "koffie@voorbeeld.example");
  EXPECT_EQ(d.opens_at, "09:30");
  EXPECT_EQ(d.closes_at, "12:00");
  EXPECT_EQ(d.postal_code, "9902 AB");
  EXPECT_EQ(d.postcodes, (std::vector<std::string>{"9902", "9903"}));
}

TEST(ServiceEdit, ANameAloneIsEnough) {
  domain::ServiceDraft d;
  d.name = "Telefooncirkel";
  d.status = "active";
  EXPECT_TRUE(domain::read_service_draft(d, "").empty());
}

TEST(ServiceEdit, NamesEveryMistake) {
  domain::ServiceDraft d;
  d.status = "weg";
  d.url = "javascript:alert(1)";
  d.phone = "bel maar";
  d.opens_at = "25:00";
  d.closes_at = "9:7";
  d.address = "Brugstraat 1";
  const auto errors = domain::read_service_draft(d, "12");
  const domain::FieldErrors expected = {{"name", "error.required"},
                                        {"status", "error.choose"},
                                        {"url", "error.url"},
                                        {"phone", "error.phone"},
                                        {"opens_at", "error.time"},
                                        {"closes_at", "error.time"},
                                        {"days", "error.days_needed"},
                                        {"postcodes", "error.postcode"},
                                        {"place", "error.place_needed"},
                                        {"postal_code", "error.required"},
                                        {"city", "error.required"},
                                        {"province", "error.choose"}};
  EXPECT_EQ(errors, expected);
  domain::ServiceDraft later;
  later.name = "Koffie";
  later.byday = "MO";
  later.opens_at = "12:00";
  later.closes_at = "10:00";
  EXPECT_EQ(domain::read_service_draft(later, "").at("closes_at"), "error.time_order");
}

TEST(ServiceEdit, KeepsIdsAndWhatTheFormDoesNotShow) {
  const auto d = directory(weekly_service());
  const auto& service = *d.find("service", id(1));
  const auto editable = domain::editable_service(d, service);
  ASSERT_TRUE(editable.schedule_editable);
  auto draft = editable.draft;
  EXPECT_EQ(draft.byday, "MO,TH");
  EXPECT_EQ(draft.contact, "Sam");
  EXPECT_EQ(draft.phone, "06-1");
  EXPECT_EQ(draft.area_codes, std::vector<std::string>{"WK999901"});
  // Unchanged: the same records, nothing removed, nothing new.
  auto same = domain::edit_service(d, service, draft, true, next_id);
  EXPECT_TRUE(same.removed.empty());
  for (const auto& r : same.saved) EXPECT_NE(d.find(r.table->name, r.id), nullptr) << r.id;
  // A postcode swapped, a term and a place added, the phone gone.
  draft.postcodes = {"9903"};
  draft.terms = {{"element", "ontmoeten"}};
  draft.phone = "";
  draft.place = "Wijkcentrum";
  draft.byday = "TU";
  const auto changed = domain::edit_service(d, service, draft, true, next_id);
  EXPECT_EQ(changed.removed, (std::vector<std::pair<std::string, std::string>>{
                                 {"service_area", id(4)}, {"phone", id(7)}}));
  std::vector<std::string> tables;
  for (const auto& r : changed.saved) tables.push_back(r.table->name);
  EXPECT_EQ(tables, (std::vector<std::string>{"service", "service_area", "attribute", "schedule",
                                              "contact", "service_at_location", "location"}));
  for (const auto& r : changed.saved)
    if (r.table->name == "schedule") EXPECT_EQ(r.id, id(5));
  // The language is neither saved nor removed: it stays as it was.
  for (const auto& r : changed.saved) EXPECT_NE(r.table->name, "language");
}

TEST(ServiceEdit, AnImportedScheduleIsLeftAlone) {
  auto monthly = weekly_service();
  monthly["schedules"][0]["freq"] = "MONTHLY";
  monthly["schedules"][0]["byday"] = "1MO";
  const auto d = directory(monthly);
  const auto& service = *d.find("service", id(1));
  const auto editable = domain::editable_service(d, service);
  EXPECT_FALSE(editable.schedule_editable);
  EXPECT_TRUE(editable.draft.byday.empty());
  const auto changes = domain::edit_service(d, service, editable.draft, false, next_id);
  EXPECT_TRUE(changes.removed.empty());
  for (const auto& r : changes.saved) EXPECT_NE(r.table->name, "schedule");
}

}  // namespace
}  // namespace kompas
