#pragma once
// HSDS data as records of the specification's tables, and the Directory that holds one
// coalition's records, finds them by id and by link, and writes the nested JSON form (a service
// with its phones, locations and organisation) that the API and the JSON export give.
//
// Nothing a file brings is lost: every field keeps its JSON value, links included, and fields
// the specification does not name are kept beside them and written back.
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
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
// The ids a record hangs under: its links that a `many` nesting follows (a phone's service_id,
// an attribute's link_id).
std::vector<std::string_view> parent_ids(const Record& record);
// The record of `table` whose fields are `fields` (as to_json wrote them).
Record record_from_json(const Table& table, nlohmann::json fields);

// What a coalition's records gained and lost since some version of them: applied to the
// records as they were then, the removals first, it gives the records as they are now.
struct RecordChanges {
  std::vector<Record> written;  // new records and new versions, in the order records came
  std::vector<std::pair<std::string, std::string>> removed;  // table, id
};

class Directory {
 public:
  Directory(const Spec& spec, std::vector<Record> records);
  // `before` with `changes` applied. The records that did not change are shared with `before`,
  // not copied: a big city's 220,000 records are parsed once, not at every change.
  Directory(const Directory& before, RecordChanges changes);
  Directory(Directory&&) = default;  // the records stay where they are, which the indexes view
  Directory(const Directory&) = delete;
  Directory& operator=(const Directory&) = delete;

  const Spec& spec() const { return *spec_; }
  std::size_t size() const { return records_.size() - removed_; }
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
  struct Link {
    std::uint32_t parent;
    const Nesting* nesting;
    std::uint32_t child;
  };
  // All indexes from records_, after leaving out the removed ones.
  void index();
  // Brings the indexes of `before` up to date for the records at `changed` (replaced, removed
  // or added since), touching only those; false when that cannot be done (a record added with
  // an id that links already name), and index() must.
  bool patch(const Directory& before, const std::vector<std::uint32_t>& changed);
  void add_id(std::uint32_t i);
  // The links of a record to its parents; those that name no record go to dangling_.
  class LinkFields;
  void resolve_links(std::uint32_t child, std::vector<Link>& links, LinkFields& fields);
  void group_children(const std::vector<Link>& links);  // sorted by parent, then child
  void list_by_table();
  void append_nested(std::string& out, const Record& record, std::vector<std::string_view>& path,
                     const std::vector<std::string>* service_locations) const;
  std::vector<std::string> locations_of(const Record& service) const;  // where it is given

  std::optional<std::uint32_t> index_of(std::string_view table, std::string_view id) const;
  std::optional<std::uint32_t> index_of(const Record& record) const;  // this very record
  // Calls `found(i)` for each record with the id until it returns true.
  template <typename Found>
  void with_id(std::string_view id, Found found) const;

  const Spec* spec_;
  // Shared with the versions before. A removed record leaves a null behind, so the places of
  // the others (which the indexes hold) stay; index() closes the gaps when they grow.
  std::vector<std::shared_ptr<const Record>> records_;
  std::size_t removed_ = 0;
  // The indexes are flat arrays: copied and brought up to date after a small change, made
  // again after a big one.
  // Records by id, open addressing: each slot holds a record's place (or kNone) and its id's
  // hash, which spares reading the record for ids that differ; a power of two long, at most
  // half full. An id two tables share takes two slots.
  struct IdSlot {
    std::uint32_t hash, record;
  };
  std::vector<IdSlot> id_slots_;
  // Every record's children with the nesting they come under, in the order records came: those
  // of record i are child_links_[child_start_[i] .. child_start_[i + 1]).
  std::vector<std::uint32_t> child_start_;
  std::vector<std::pair<const Nesting*, std::uint32_t>> child_links_;
  // The ids that links name but no record has (hashed, sorted): a record added with one of
  // them gains children, which only index() finds.
  std::vector<std::size_t> dangling_;
  std::map<std::string, std::vector<const Record*>, std::less<>> by_table_;
};

}  // namespace kompas::domain::hsds
