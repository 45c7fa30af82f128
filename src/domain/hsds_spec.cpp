#include "domain/hsds_spec.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace kompas::domain::hsds {

const Field* Table::field(std::string_view wanted) const {
  for (const auto& f : fields)
    if (f.name == wanted) return &f;
  return nullptr;
}

const Table* Spec::table(std::string_view wanted) const {
  for (const auto& t : tables)
    if (t.name == wanted) return &t;
  return nullptr;
}

const Table* Spec::table_of_file(std::string_view wanted) const {
  for (const auto& t : tables)
    if (t.file == wanted) return &t;
  return nullptr;
}

namespace {

Field::Type type_of(const std::string& word) {
  if (word == "number") return Field::Type::number;
  if (word == "integer") return Field::Type::integer;
  if (word == "boolean") return Field::Type::boolean;
  return Field::Type::string;
}

}  // namespace

Spec parse_spec(std::string_view tabular_json) {
  // Ordered: the fields keep the specification's order, which the CSV columns follow.
  const auto doc = nlohmann::ordered_json::parse(tabular_json);
  std::vector<std::pair<int, Table>> ordered;
  for (const auto& [name, resource] : doc.at("properties").items()) {
    const auto& item = resource.at("items");
    Table table;
    table.name = name;
    table.file = item.at("path").get<std::string>();
    for (const auto& [field_name, field] : item.at("properties").items()) {
      const auto type = field.value("type", "string");
      if (type == "array" || type == "object") continue;  // nestings, not columns
      Field f{field_name,
              type_of(type),
              field.value("format", ""),
              field.value("datapackage_type", ""),
              {}};
      if (field.contains("enum")) f.allowed = field.at("enum").get<std::vector<std::string>>();
      table.fields.push_back(std::move(f));
    }
    if (item.contains("required"))
      table.required = item.at("required").get<std::vector<std::string>>();
    if (item.contains("tabular_required"))
      table.tabular_required = item.at("tabular_required").get<std::vector<std::string>>();
    ordered.emplace_back(item.at("datapackage_metadata").value("order", 0), std::move(table));
  }
  if (ordered.empty()) throw std::runtime_error("HSDS descriptor without tables");
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  Spec spec;
  for (auto& [order, table] : ordered) {
    for (auto& f : table.fields) f.parent_link = is_parent_link(table.name, f.name);
    for (const auto& n : nestings())
      if (n.parent == table.name) table.nested.push_back(&n);
    spec.tables.push_back(std::move(table));
  }
  return spec;
}

namespace {

// Tables that carry attributes (taxonomy terms and values) and metadata (a change history),
// linked by an id of any table: link_id and resource_id.
constexpr std::string_view kWithAttributes[] = {"organization",
                                                "program",
                                                "service",
                                                "service_at_location",
                                                "location",
                                                "phone",
                                                "contact",
                                                "address",
                                                "schedule",
                                                "funding",
                                                "service_area",
                                                "required_document",
                                                "language",
                                                "accessibility",
                                                "cost_option",
                                                "organization_identifier",
                                                "meta_table_description"};
constexpr std::string_view kWithMetadata[] = {"taxonomy", "taxonomy_term", "attribute"};

std::vector<Nesting> build_nestings() {
  std::vector<Nesting> list = {
      {"service", "phones", "phone", "service_id", true},
      {"service", "schedules", "schedule", "service_id", true},
      {"service", "service_areas", "service_area", "service_id", true},
      {"service", "service_at_locations", "service_at_location", "service_id", true},
      {"service", "languages", "language", "service_id", true},
      {"service", "organization", "organization", "organization_id", false},
      {"service", "funding", "funding", "service_id", true},
      {"service", "cost_options", "cost_option", "service_id", true},
      {"service", "program", "program", "program_id", false},
      {"service", "required_documents", "required_document", "service_id", true},
      {"service", "contacts", "contact", "service_id", true},
      {"organization", "funding", "funding", "organization_id", true},
      {"organization", "contacts", "contact", "organization_id", true},
      {"organization", "phones", "phone", "organization_id", true},
      {"organization", "locations", "location", "organization_id", true},
      {"organization", "programs", "program", "organization_id", true},
      {"organization", "organization_identifiers", "organization_identifier", "organization_id",
       true},
      {"organization", "services", "service", "organization_id", true},
      {"service_at_location", "contacts", "contact", "service_at_location_id", true},
      {"service_at_location", "phones", "phone", "service_at_location_id", true},
      {"service_at_location", "schedules", "schedule", "service_at_location_id", true},
      {"service_at_location", "location", "location", "location_id", false},
      {"service_at_location", "service", "service", "service_id", false},
      {"location", "languages", "language", "location_id", true},
      {"location", "addresses", "address", "location_id", true},
      {"location", "contacts", "contact", "location_id", true},
      {"location", "accessibility", "accessibility", "location_id", true},
      {"location", "phones", "phone", "location_id", true},
      {"location", "schedules", "schedule", "location_id", true},
      {"contact", "phones", "phone", "contact_id", true},
      {"phone", "languages", "language", "phone_id", true},
      {"attribute", "taxonomy_term", "taxonomy_term", "taxonomy_term_id", false},
      {"taxonomy_term", "taxonomy_detail", "taxonomy", "taxonomy_id", false},
  };
  for (const auto table : kWithAttributes) {
    list.push_back({table, "attributes", "attribute", "link_id", true});
    list.push_back({table, "metadata", "metadata", "resource_id", true});
  }
  for (const auto table : kWithMetadata)
    list.push_back({table, "metadata", "metadata", "resource_id", true});
  return list;
}

}  // namespace

const std::vector<Nesting>& nestings() {
  static const std::vector<Nesting> list = build_nestings();
  return list;
}

const Nesting& nesting(std::string_view parent, std::string_view property) {
  for (const auto& n : nestings())
    if (n.parent == parent && n.property == property) return n;
  throw std::logic_error("no HSDS nesting " + std::string(parent) + "." + std::string(property));
}

bool is_parent_link(std::string_view table, std::string_view field) {
  for (const auto& n : nestings())
    if (n.many && n.child == table && n.field == field) return true;
  return false;
}

}  // namespace kompas::domain::hsds
