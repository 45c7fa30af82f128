#pragma once
// HSDS data as records of the specification's tables, and the Directory that holds one
// coalition's records, finds them by id and by link, and writes the nested JSON form (a service
// with its phones, locations and organisation) that the API and the JSON export give.
//
// Nothing a file brings is lost: every field keeps its JSON value, links included, and fields
// the specification does not name are kept beside them and written back.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/hsds_spec.h"

namespace kompas::domain::hsds {

struct Record {
  const Table* table = nullptr;
  std::string id;
  std::vector<nlohmann::json> values;  // one per table->fields; null when the field is absent
  nlohmann::json extra;                // fields the specification does not name (object or null)

  const nlohmann::json* get(std::string_view field) const;  // null when absent
  std::string text(std::string_view field) const;           // a string field, or ""
  void set(std::string_view field, nlohmann::json value);   // null removes
  // Every present field (id included) as one object: what the store keeps and reads back.
  nlohmann::json to_json() const;
  bool operator==(const Record& other) const;
};

Record make_record(const Table& table, std::string id);
// The record of `table` whose fields are `fields` (as to_json wrote them).
Record record_from_json(const Table& table, nlohmann::json fields);

class Directory {
 public:
  Directory(const Spec& spec, std::vector<Record> records);
  Directory(Directory&&) = default;  // moving keeps records_'s buffer, which the indexes view
  Directory(const Directory&) = delete;
  Directory& operator=(const Directory&) = delete;

  const Spec& spec() const { return *spec_; }
  std::size_t size() const { return records_.size(); }
  const Record* find(std::string_view table, std::string_view id) const;
  // A table's records in the order they came.
  const std::vector<const Record*>& of(std::string_view table) const;
  // The records a `many` nesting shows under a record (one of this directory's) or its id.
  std::vector<const Record*> children(const Nesting& nesting, const Record& parent) const;
  std::vector<const Record*> children(const Nesting& nesting, std::string_view parent_id) const;

  // The record with everything nested under it, as the compiled schemas describe: a table
  // already on the way down is not nested again, links the nesting shows are left out, and in a
  // service its organisation lists only the locations where the service is given.
  std::string nested_json(const Record& record) const;
  void append_nested(std::string& out, const Record& record) const;
  // The record's own fields in the specification's order, links included: the form of the
  // paginated lists and of one row of the tabular data package.
  nlohmann::ordered_json flat(const Record& record) const;

 private:
  void append_nested(std::string& out, const Record& record, std::vector<std::string_view>& path,
                     const std::vector<std::string>* service_locations) const;
  std::vector<std::string> locations_of(const Record& service) const;  // where it is given

  const Spec* spec_;
  std::vector<Record> records_;
  // Records by id (views into records_, which never moves): a link names only an id.
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> by_id_;
  // Per record, its children per many-nesting (indices into records_).
  std::vector<std::vector<std::pair<const Nesting*, std::vector<std::uint32_t>>>> children_;
  std::map<std::string, std::vector<const Record*>, std::less<>> by_table_;
};

}  // namespace kompas::domain::hsds
