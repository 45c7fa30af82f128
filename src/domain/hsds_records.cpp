#include "domain/hsds_records.h"

#include <algorithm>

namespace kompas::domain::hsds {
namespace {

std::size_t index_of(const Table& table, std::string_view field) {
  for (std::size_t i = 0; i < table.fields.size(); ++i)
    if (table.fields[i].name == field) return i;
  return table.fields.size();
}

std::string key(std::string_view a, std::string_view b) {
  std::string k;
  k.reserve(a.size() + b.size() + 1);
  k.append(a).push_back('\0');
  k.append(b);
  return k;
}

std::string key(std::string_view a, std::string_view b, std::string_view c) {
  auto k = key(a, b);
  k.push_back('\0');
  k.append(c);
  return k;
}

}  // namespace

const nlohmann::json* Record::get(std::string_view field) const {
  const auto i = index_of(*table, field);
  if (i < values.size()) return values[i].is_null() ? nullptr : &values[i];
  if (extra.is_object()) {
    const auto found = extra.find(std::string(field));
    if (found != extra.end()) return &*found;
  }
  return nullptr;
}

std::string Record::text(std::string_view field) const {
  const auto* value = get(field);
  return value && value->is_string() ? value->get<std::string>() : std::string();
}

void Record::set(std::string_view field, nlohmann::json value) {
  const auto i = index_of(*table, field);
  if (i < values.size()) {
    // A number where the specification has text (the examples' external_identifier) is kept
    // as the text a CSV file would hold.
    if (value.is_number() && table->fields[i].type == Field::Type::string) value = value.dump();
    values[i] = std::move(value);
    return;
  }
  if (value.is_null()) {
    if (extra.is_object()) extra.erase(std::string(field));
    return;
  }
  if (!extra.is_object()) extra = nlohmann::json::object();
  extra[std::string(field)] = std::move(value);
}

nlohmann::json Record::to_json() const {
  nlohmann::json out = nlohmann::json::object();
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!values[i].is_null()) out[table->fields[i].name] = values[i];
  if (extra.is_object())
    for (const auto& [name, value] : extra.items()) out[name] = value;
  out["id"] = id;
  return out;
}

bool Record::operator==(const Record& other) const {
  return table == other.table && id == other.id && values == other.values &&
         (extra.is_null() || extra.empty()) == (other.extra.is_null() || other.extra.empty()) &&
         (extra.is_null() || extra.empty() || extra == other.extra);
}

Record make_record(const Table& table, std::string id) {
  Record r{&table, std::move(id), std::vector<nlohmann::json>(table.fields.size()), nullptr};
  r.values[index_of(table, "id")] = r.id;
  return r;
}

Record record_from_json(const Table& table, const nlohmann::json& fields) {
  auto r = make_record(table, fields.value("id", ""));
  for (const auto& [name, value] : fields.items())
    if (name != "id") r.set(name, value);
  return r;
}

Directory::Directory(const Spec& spec, std::vector<Record> records)
    : spec_(&spec), records_(std::move(records)) {
  by_id_.reserve(records_.size());
  for (std::size_t i = 0; i < records_.size(); ++i) {
    const auto& r = records_[i];
    by_id_.emplace(key(r.table->name, r.id), i);
    by_table_[r.table->name].push_back(&r);
  }
  for (const auto& n : nestings()) {
    if (!n.many) continue;
    const auto found = by_table_.find(n.child);
    if (found == by_table_.end()) continue;
    for (const auto* r : found->second) {
      const auto* link = r->get(n.field);
      if (link && link->is_string())
        by_link_[key(n.child, n.field, link->get_ref<const std::string&>())].push_back(
            static_cast<std::size_t>(r - records_.data()));
    }
  }
  // Links may repeat across nestings (attributes of any table share link_id): index once.
  for (auto& [k, list] : by_link_) list.erase(std::unique(list.begin(), list.end()), list.end());
}

const Record* Directory::find(std::string_view table, std::string_view id) const {
  const auto found = by_id_.find(key(table, id));
  return found == by_id_.end() ? nullptr : &records_[found->second];
}

const std::vector<const Record*>& Directory::of(std::string_view table) const {
  static const std::vector<const Record*> none;
  const auto found = by_table_.find(table);
  return found == by_table_.end() ? none : found->second;
}

std::vector<const Record*> Directory::children(const Nesting& nesting,
                                               std::string_view parent_id) const {
  std::vector<const Record*> list;
  const auto found = by_link_.find(key(nesting.child, nesting.field, parent_id));
  if (found != by_link_.end())
    for (const auto i : found->second) list.push_back(&records_[i]);
  return list;
}

nlohmann::ordered_json Directory::flat(const Record& record) const {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < record.values.size(); ++i)
    if (!record.values[i].is_null()) out[record.table->fields[i].name] = record.values[i];
  if (record.extra.is_object())
    for (const auto& [name, value] : record.extra.items()) out[name] = value;
  return out;
}

nlohmann::ordered_json Directory::nested(const Record& record) const {
  std::vector<std::string_view> path;
  return nested(record, path);
}

nlohmann::ordered_json Directory::nested(const Record& record,
                                         std::vector<std::string_view>& path) const {
  path.push_back(record.table->name);
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  std::vector<std::string_view> shown_links;  // a one-nesting's field, when its record is shown
  nlohmann::ordered_json tree = nlohmann::ordered_json::object();
  for (const auto* n : record.table->nested) {
    if (std::find(path.begin(), path.end(), n->child) != path.end()) continue;
    if (n->many) {
      nlohmann::ordered_json list = nlohmann::ordered_json::array();
      for (const auto* child : children(*n, record.id)) list.push_back(nested(*child, path));
      if (!list.empty()) tree[std::string(n->property)] = std::move(list);
    } else if (const auto* link = record.get(n->field); link && link->is_string()) {
      if (const auto* child = find(n->child, link->get_ref<const std::string&>())) {
        tree[std::string(n->property)] = nested(*child, path);
        shown_links.push_back(n->field);
      }
    }
  }
  for (std::size_t i = 0; i < record.values.size(); ++i) {
    if (record.values[i].is_null()) continue;
    const auto& field = record.table->fields[i];
    if (field.parent_link) continue;
    const auto& name = field.name;
    if (std::find(shown_links.begin(), shown_links.end(), name) != shown_links.end()) continue;
    out[name] = record.values[i];
  }
  if (record.extra.is_object())
    for (const auto& [name, value] : record.extra.items()) out[name] = value;
  for (auto& [name, value] : tree.items()) out[name] = std::move(value);
  path.pop_back();
  return out;
}

}  // namespace kompas::domain::hsds
