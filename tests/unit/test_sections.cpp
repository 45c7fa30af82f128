// The list of sections is what the navigation, the overview, the audit log's filter and the
// routes are made from; these are its rules.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "store/audit_store.h"
#include "web/core/i18n.h"
#include "web/core/section.h"

namespace kompas::web {
namespace {

TEST(Sections, EveryKindOfRecordTheStoresLogBelongsToOneSection) {
  const auto kinds = audited_kinds();
  const std::set<std::string> unique(kinds.begin(), kinds.end());
  EXPECT_EQ(unique.size(), kinds.size()) << "a kind is claimed by two sections";
  const auto& logged = store::audited_entities();
  EXPECT_EQ(unique, std::set<std::string>(logged.begin(), logged.end()));
}

// The audit log names each field of an entry in the reader's language: every field a section
// declares has a label in both catalogues, and every label belongs to a declared field.
TEST(Sections, EveryAuditedFieldHasALabelAndEveryLabelAField) {
  Catalogue catalogue;
  std::set<std::string> declared;
  for (const auto& kind : audited_kinds()) {
    const auto* audited = audited_kind(kind);
    ASSERT_NE(audited, nullptr) << kind;
    EXPECT_FALSE(audited->fields.empty()) << kind;
    for (const auto& field : audited->fields) {
      declared.insert(field);
      for (const auto lang : {Lang::nl, Lang::en})
        EXPECT_TRUE(catalogue.has(lang, "audit.field." + field)) << kind << " " << field;
    }
    for (const auto& [field, prefix] : audited->worded) {
      EXPECT_TRUE(std::count(audited->fields.begin(), audited->fields.end(), field)) << field;
      bool has_words = false;
      for (const auto& key : catalogue.keys(Lang::nl)) has_words |= key.starts_with(prefix);
      EXPECT_TRUE(has_words) << kind << " " << field << ": no texts start with " << prefix;
    }
    // A reference names a kind of record the log can name (store::record_names).
    const auto& named = store::named_record_kinds();
    for (const auto& [field, refers] : audited->refers) {
      EXPECT_TRUE(std::count(audited->fields.begin(), audited->fields.end(), field)) << field;
      EXPECT_TRUE(std::count(named.begin(), named.end(), refers)) << kind << " " << field;
    }
  }
  const std::string prefix = "audit.field.";
  for (const auto lang : {Lang::nl, Lang::en})
    for (const auto& key : catalogue.keys(lang)) {
      if (!key.starts_with(prefix)) continue;
      EXPECT_TRUE(declared.count(key.substr(prefix.size()))) << key << " labels no field";
    }
}

TEST(Sections, NavigationItemsAreUniqueAndEverySectionRegistersRoutes) {
  std::set<std::string> paths;
  for (const auto& section : sections()) {
    EXPECT_TRUE(section.register_routes) << section.path;
    if (section.path.empty()) continue;
    EXPECT_TRUE(paths.insert(section.path).second) << section.path;
    EXPECT_FALSE(section.nav_key.empty()) << section.path;
    EXPECT_EQ(section.step != nullptr, !section.step_title_key.empty()) << section.path;
  }
}

TEST(Sections, SubPagesBelongToTheirSection) {
  const auto path_of = [](const std::string& address) {
    const auto* section = section_of(address);
    return section ? section->path : std::string("(none)");
  };
  EXPECT_EQ(path_of("/"), "/");
  EXPECT_EQ(path_of("/partners/12"), "/");
  EXPECT_EQ(path_of("/mensen"), "/");
  EXPECT_EQ(path_of("/gebieden/kaart"), "/verkennen");
  EXPECT_EQ(path_of("/verkennen/metingen/3"), "/verkennen");
  EXPECT_EQ(path_of("/indicatoren/7/bewerken"), "/doelen");
  EXPECT_EQ(path_of("/plan"), "/doelen");
  EXPECT_EQ(path_of("/acties/2"), "/wie-doet-wat");
  EXPECT_EQ(path_of("/beheer/logboek"), "/beheer");
  EXPECT_EQ(path_of("/profiel"), "(none)");
  EXPECT_EQ(path_of("/doelenlijst"), "(none)");  // a whole first part, not a prefix
}

}  // namespace
}  // namespace kompas::web
