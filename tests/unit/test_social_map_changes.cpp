// The sociale kaart brought up to date from what changed (issue 25, point 28) must be the map
// made afresh from the records as they are: rounds of random changes to a small kaart (records
// changed, added, removed, removed and added again, the changes read again from an older
// version) and after each round the two are compared in full.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "domain/social_map.h"
#include "store/hsds_store.h"

namespace kompas {
namespace {

namespace hsds = domain::hsds;

// The HSDS specification the program reads.
const hsds::Spec& spec() {
  return store::hsds_spec();
}

// The store as the database keeps it: the records in the order they came, each with the
// version that last wrote it, and each removal with the version that made it.
class Store {
 public:
  long long version = 0;

  void write(hsds::Record r) {
    const auto key = std::pair{r.table->name, r.id};
    for (auto& row : rows_)
      if (std::pair{row.record.table->name, row.record.id} == key) {
        row = {std::move(r), version};
        return;
      }
    rows_.push_back({std::move(r), version});
  }
  void remove(const std::string& table, const std::string& id) {
    std::erase_if(rows_, [&](const Row& row) {
      return row.record.table->name == table && row.record.id == id;
    });
    removals_.push_back({{table, id}, version});
  }
  std::vector<hsds::Record> all() const {
    std::vector<hsds::Record> out;
    for (const auto& row : rows_) out.push_back(row.record);
    return out;
  }
  // What store::load_hsds_changes reads.
  hsds::RecordChanges since(long long v) const {
    hsds::RecordChanges changes;
    for (const auto& row : rows_)
      if (row.changed_in > v) changes.written.push_back(row.record);
    for (const auto& [key, changed_in] : removals_)
      if (changed_in > v) changes.removed.push_back(key);
    return changes;
  }
  const hsds::Record* pick(std::mt19937& random, const std::string& table) const {
    std::vector<const hsds::Record*> of;
    for (const auto& row : rows_)
      if (row.record.table->name == table) of.push_back(&row.record);
    if (of.empty()) return nullptr;
    return of[std::uniform_int_distribution<std::size_t>(0, of.size() - 1)(random)];
  }

 private:
  struct Row {
    hsds::Record record;
    long long changed_in = 0;
  };
  std::vector<Row> rows_;
  std::vector<std::pair<std::pair<std::string, std::string>, long long>> removals_;
};

class RandomKaart {
 public:
  explicit RandomKaart(unsigned seed) : random_(seed) {}
  Store store;

  // A kaart of a few organisations, terms, locations and services with all that hangs under
  // a service.
  void fill() {
    for (int i = 0; i < 3; ++i) add_organization();
    for (int i = 0; i < 4; ++i) add_term();
    for (int i = 0; i < 4; ++i) add_location();
    for (int i = 0; i < 12; ++i) add_service();
    for (int i = 0; i < 60; ++i) add_child();
  }

  // A few changes of any kind, as one write.
  void change() {
    ++store.version;
    const int count = between(1, 4);
    for (int i = 0; i < count; ++i) {
      switch (between(0, 7)) {
        case 0:
          add_child();
          break;
        case 1:
          add_service();
          break;
        case 2:
          remove_one();
          break;
        case 3:
          readd_one();
          break;
        case 4:
          rename("organization");
          break;
        case 5:
          rename("taxonomy_term");
          break;
        default:
          edit_one();
          break;
      }
    }
  }

 private:
  int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  std::string new_id() { return "id-" + std::to_string(++ids_); }
  std::string word() {
    static const char* const words[] = {"koffie", "wandelen", "eenzaam", "buurt",    "luisteren",
                                        "samen",  "ouderen",  "bezoek",  "telefoon", "tuin"};
    return words[between(0, 9)];
  }
  std::string id_of(const std::string& table) {
    const auto* r = store.pick(random_, table);
    return r ? r->id : "missing-" + table;
  }
  hsds::Record record(const std::string& table, std::string id = {}) {
    return hsds::make_record(*spec().table(table), id.empty() ? new_id() : std::move(id));
  }

  void add_organization() {
    auto r = record("organization");
    r.set("name", "Organisatie " + word());
    store.write(std::move(r));
  }
  void add_term() {
    auto r = record("taxonomy_term");
    r.set("name", word());
    r.set("taxonomy_id", "eigen");
    store.write(std::move(r));
  }
  void add_location() {
    auto r = record("location");
    r.set("name", "Plek " + word());
    store.write(std::move(r));
  }
  void add_service() {
    auto r = record("service");
    r.set("name", word() + " " + word());
    r.set("description", word() + " en " + word());
    r.set("status", between(0, 4) ? "active" : "inactive");
    r.set("organization_id", between(0, 9) ? id_of("organization") : "missing-organization");
    if (between(0, 1)) r.set("url", "https://" + word() + ".example");
    store.write(std::move(r));
  }
  void add_child() {
    const auto service = id_of("service");
    switch (between(0, 8)) {
      case 0: {
        auto r = record("phone");
        if (between(0, 2) == 0)
          r.set("contact_id", id_of("contact"));
        else
          r.set("service_id", service);
        r.set("number", "010-" + std::to_string(between(1000000, 9999999)));
        store.write(std::move(r));
        break;
      }
      case 1: {
        auto r = record("service_area");
        r.set("service_id", service);
        const bool postcode = between(0, 1);
        r.set("extent_type", postcode ? "postcode" : "cbs");
        r.set("extent", postcode ? std::to_string(between(1230, 1236))
                                 : "WK99990" + std::to_string(between(1, 3)));
        store.write(std::move(r));
        break;
      }
      case 2: {
        auto r = record("attribute");
        r.set("link_id", service);
        r.set("link_type", "service");
        r.set("taxonomy_term_id", id_of("taxonomy_term"));
        store.write(std::move(r));
        break;
      }
      case 3: {
        auto r = record("schedule");
        if (between(0, 1))
          r.set("service_id", service);
        else
          r.set("service_at_location_id", id_of("service_at_location"));
        r.set("freq", between(0, 3) ? "WEEKLY" : "MONTHLY");
        static const char* const days[] = {"MO", "TU,TH", "1WE", "FR,SA,SU"};
        r.set("byday", days[between(0, 3)]);
        store.write(std::move(r));
        break;
      }
      case 4: {
        auto r = record("service_at_location");
        r.set("service_id", service);
        r.set("location_id", id_of("location"));
        store.write(std::move(r));
        break;
      }
      case 5: {
        auto r = record("address");
        r.set("location_id", id_of("location"));
        r.set("address_1", "Straat " + std::to_string(between(1, 99)));
        r.set("city", "Voorbeeld");
        store.write(std::move(r));
        break;
      }
      case 6: {
        auto r = record("contact");
        r.set("service_id", service);
        r.set("name", "Contact " + word());
        if (between(0, 1)) r.set("email", word() + "@voorbeeld.example");
        store.write(std::move(r));
        break;
      }
      default:
        add_location();
        break;
    }
  }
  const char* any_table() {
    static const char* const tables[] = {"service",   "phone",    "service_area",
                                         "attribute", "schedule", "service_at_location",
                                         "address",   "contact",  "location"};
    return tables[between(0, 8)];
  }
  void remove_one() {
    const auto* r = store.pick(random_, any_table());
    if (!r) return;
    removed_.push_back(*r);
    const auto table = r->table->name, id = r->id;
    store.remove(table, id);
  }
  void readd_one() {
    if (removed_.empty()) return;
    store.write(removed_.back());
    removed_.pop_back();
  }
  void rename(const std::string& table) {
    const auto* r = store.pick(random_, table);
    if (!r) return;
    auto copy = *r;
    copy.set("name", word() + " " + word());
    store.write(std::move(copy));
  }
  // A field of any record: its text, or the link that says where it hangs.
  void edit_one() {
    const auto* r = store.pick(random_, any_table());
    if (!r) return;
    auto copy = *r;
    const auto& table = copy.table->name;
    if (table == "service") {
      copy.set(between(0, 1) ? "description" : "organization_id",
               between(0, 1) ? word() : id_of("organization"));
    } else if (table == "phone") {
      copy.set("service_id", id_of("service"));
    } else if (table == "service_area") {
      copy.set("extent", std::to_string(between(1230, 1236)));
    } else if (table == "attribute") {
      copy.set("taxonomy_term_id", id_of("taxonomy_term"));
    } else if (table == "schedule") {
      copy.set("byday", between(0, 1) ? "SA" : "MO,WE");
    } else if (table == "service_at_location") {
      copy.set("location_id", id_of("location"));
    } else if (table == "address") {
      copy.set("location_id", id_of("location"));
    } else if (table == "contact") {
      copy.set("email", word() + "@elders.example");
    } else {
      copy.set("name", word());
    }
    store.write(std::move(copy));
  }

  std::mt19937 random_;
  int ids_ = 0;
  std::vector<hsds::Record> removed_;
};

std::vector<std::string> ids(const std::vector<const domain::MapService*>& services) {
  std::vector<std::string> out;
  for (const auto* s : services) out.push_back(s->record->id);
  return out;
}

void expect_same(const domain::SocialMap& kept, const domain::SocialMap& fresh,
                 const std::string& round) {
  for (const auto& table : spec().tables) {
    std::vector<std::string> a, b;
    for (const auto* r : kept.directory().of(table.name)) a.push_back(r->id);
    for (const auto* r : fresh.directory().of(table.name)) b.push_back(r->id);
    ASSERT_EQ(a, b) << round << ": the order of " << table.name;
  }
  ASSERT_EQ(ids(kept.services()), ids(fresh.services())) << round;
  for (std::size_t i = 0; i < fresh.services().size(); ++i) {
    const auto& x = *kept.services()[i];
    const auto& y = *fresh.services()[i];
    const auto what = round + ", " + y.record->id;
    EXPECT_TRUE(*x.record == *y.record) << what;
    EXPECT_EQ(x.name, y.name) << what;
    EXPECT_EQ(x.description, y.description) << what;
    EXPECT_EQ(x.organization_id, y.organization_id) << what;
    EXPECT_EQ(x.organization, y.organization) << what;
    EXPECT_EQ(x.area_codes, y.area_codes) << what;
    EXPECT_EQ(x.postcodes, y.postcodes) << what;
    EXPECT_EQ(x.term_ids, y.term_ids) << what;
    EXPECT_EQ(x.weekdays, y.weekdays) << what;
    EXPECT_EQ(x.referral.contact, y.referral.contact) << what;
    EXPECT_EQ(x.referral.phone, y.referral.phone) << what;
    EXPECT_EQ(x.referral.email, y.referral.email) << what;
    EXPECT_EQ(x.referral.url, y.referral.url) << what;
    EXPECT_EQ(x.has_schedule, y.has_schedule) << what;
    EXPECT_EQ(x.has_address, y.has_address) << what;
    EXPECT_EQ(kept.directory().nested_json(*x.record), fresh.directory().nested_json(*y.record))
        << what;
    const auto* found = kept.service(y.record->id);
    EXPECT_TRUE(found && found->name == y.name) << what;
  }
  EXPECT_EQ(kept.directory().size(), fresh.directory().size()) << round;
  const std::vector<domain::MapQuery> queries = {
      {.text = "koffie"},         {.text = "samen buurt"},   {.text = "organisatie tuin"},
      {.text = "eenzaam"},        {.area_code = "WK999902"}, {.postcode = "1234"},
      {.weekday = "SA"},          {.active_only = true},     {.text = "luisteren", .weekday = "MO"},
      {.text = "wandelen bezoek"}};
  for (const auto& q : queries)
    EXPECT_EQ(ids(kept.search(q)), ids(fresh.search(q))) << round << ": " << q.text;
}

TEST(SocialMapChanges, BroughtUpToDateItIsTheMapMadeAfresh) {
  for (unsigned seed = 1; seed <= 10; ++seed) {
    RandomKaart kaart(seed);
    kaart.fill();
    auto kept =
        std::make_shared<const domain::SocialMap>(hsds::Directory(spec(), kaart.store.all()));
    long long kept_version = kaart.store.version;
    for (int round = 1; round <= 50; ++round) {
      kaart.change();
      // Now and then the changes are read from a version before the one kept (a write landed
      // while the kept map was being made): what it already has comes again.
      const auto since = round % 5 == 0 ? std::max(0LL, kept_version - 2) : kept_version;
      kept = std::make_shared<const domain::SocialMap>(*kept, kaart.store.since(since));
      kept_version = kaart.store.version;
      const domain::SocialMap fresh(hsds::Directory(spec(), kaart.store.all()));
      expect_same(*kept, fresh,
                  "seed " + std::to_string(seed) + ", round " + std::to_string(round));
      if (HasFailure()) return;
    }
  }
}

}  // namespace
}  // namespace kompas
