#pragma once
// The Open Referral Human Services Data Specification 3.0 (HSDS), which the sociale kaart
// (issue 13) keeps its organisations, services and locations in. The tables and their fields
// come from the specification's own descriptor (data/hsds/tabular.json, read once by
// parse_spec); how the tables nest in the JSON form (a service's phones, its organisation, a
// service-at-location's location) is written here once, as the compiled schemas draw it.
#include <string>
#include <string_view>
#include <vector>

namespace kompas::domain::hsds {

inline constexpr const char* kVersion = "3.0";

struct Field {
  enum class Type { string, number, integer, boolean };
  std::string name;
  Type type = Type::string;
  std::string format;                // "uuid", "email", "uri", "date-time" or empty
  std::string datapackage_type;      // "date", "time", "datetime" or empty
  std::vector<std::string> allowed;  // the enum, when the field has one
  bool parent_link = false;          // see is_parent_link
};

struct Nesting;

struct Table {
  std::string name;  // "service"
  std::string file;  // "services.csv"
  std::vector<Field> fields;
  std::vector<std::string> required;  // needed in every form of the data
  // Needed in the tabular form: the links the nested form gives by nesting (a service's
  // organization_id, an attribute's link_id).
  std::vector<std::string> tabular_required;
  std::vector<const Nesting*> nested;  // what the nested form shows under its records
  const Field* field(std::string_view name) const;
};

struct Spec {
  std::vector<Table> tables;  // in the order of the data package
  const Table* table(std::string_view name) const;
  const Table* table_of_file(std::string_view file) const;
};

// Reads the descriptor; throws std::runtime_error when it is not one.
Spec parse_spec(std::string_view tabular_json);

// How a record of `parent` shows `property` in the nested JSON form:
// - many: the `child` records whose `field` holds the parent's id (a service's phones);
// - one:  the `child` record whose id the parent's `field` holds (a service's organization).
struct Nesting {
  std::string_view parent, property, child, field;
  bool many;
};
const std::vector<Nesting>& nestings();
// The nesting of `parent` shown as `property` ("service", "phones"); throws when there is none.
const Nesting& nesting(std::string_view parent, std::string_view property);

// True when `field` of `table` only says where the record hangs in the tree (a phone's
// service_id, an attribute's link_id): the nested form leaves it out, as the examples do.
bool is_parent_link(std::string_view table, std::string_view field);

}  // namespace kompas::domain::hsds
