#include "domain/hsds_records.h"

#include <algorithm>
#include <cstdint>
#include <functional>

namespace kompas::domain::hsds {
namespace {

std::size_t index_of(const Table& table, std::string_view field) {
  for (std::size_t i = 0; i < table.fields.size(); ++i)
    if (table.fields[i].name == field) return i;
  return table.fields.size();
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

Record record_from_json(const Table& table, nlohmann::json fields) {
  auto r = make_record(table, fields.value("id", ""));
  for (auto& [name, value] : fields.items())
    if (name != "id") r.set(name, std::move(value));
  return r;
}

Directory::Directory(const Spec& spec, std::vector<Record> records)
    : spec_(&spec), records_(std::move(records)) {
  by_id_.reserve(records_.size());
  for (std::size_t i = 0; i < records_.size(); ++i) {
    const auto& r = records_[i];
    by_id_[r.id].push_back(static_cast<std::uint32_t>(i));
    by_table_[r.table->name].push_back(&r);
  }
  // Every record's children per nesting, found once: a link names an id, the ids name records
  // (of any table, for the attributes' link_id), and the parent's table says which nesting.
  children_.resize(records_.size());
  std::vector<std::pair<std::string_view, std::string_view>> links;  // child table, field
  for (const auto& n : nestings())
    if (n.many && std::find(links.begin(), links.end(), std::pair{n.child, n.field}) == links.end())
      links.emplace_back(n.child, n.field);
  for (const auto& [child, field] : links) {
    const auto found = by_table_.find(child);
    if (found == by_table_.end()) continue;
    for (const auto* r : found->second) {
      const auto* link = r->get(field);
      if (!link || !link->is_string()) continue;
      const auto parents = by_id_.find(link->get_ref<const std::string&>());
      if (parents == by_id_.end()) continue;
      for (const auto p : parents->second)
        for (const auto* n : records_[p].table->nested)
          if (n->many && n->child == child && n->field == field) {
            auto& lists = children_[p];
            auto list = std::find_if(lists.begin(), lists.end(),
                                     [&](const auto& l) { return l.first == n; });
            if (list == lists.end()) list = lists.insert(lists.end(), {n, {}});
            list->second.push_back(static_cast<std::uint32_t>(r - records_.data()));
          }
    }
  }
}

const Record* Directory::find(std::string_view table, std::string_view id) const {
  const auto found = by_id_.find(id);
  if (found == by_id_.end()) return nullptr;
  for (const auto i : found->second)
    if (records_[i].table->name == table) return &records_[i];
  return nullptr;
}

const std::vector<const Record*>& Directory::of(std::string_view table) const {
  static const std::vector<const Record*> none;
  const auto found = by_table_.find(table);
  return found == by_table_.end() ? none : found->second;
}

std::vector<const Record*> Directory::children(const Nesting& nesting,
                                               std::string_view parent_id) const {
  const auto* parent = find(nesting.parent, parent_id);
  return parent ? children(nesting, *parent) : std::vector<const Record*>{};
}

std::vector<const Record*> Directory::children(const Nesting& nesting, const Record& parent) const {
  // Children are kept by the parent's place in this directory; a copy is looked up by its id.
  const std::less<const Record*> before;
  if (before(&parent, records_.data()) || !before(&parent, records_.data() + records_.size()))
    return children(nesting, std::string_view(parent.id));
  std::vector<const Record*> list;
  for (const auto& [n, indices] : children_[static_cast<std::size_t>(&parent - records_.data())])
    if (n == &nesting)
      for (const auto i : indices) list.push_back(&records_[i]);
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

std::vector<std::string> Directory::locations_of(const Record& service) const {
  static const auto& at_locations =
      *std::find_if(nestings().begin(), nestings().end(), [](const Nesting& n) {
        return n.parent == "service" && n.property == "service_at_locations";
      });
  std::vector<std::string> ids;
  for (const auto* sal : children(at_locations, service.id))
    ids.push_back(sal->text("location_id"));
  return ids;
}

namespace {

// JSON text written straight into the answer: an NDJSON export of a big city's 20,000 services
// is 65 MB, too much to build as a tree first.
void append_string(std::string& out, std::string_view text) {
  out += '"';
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && text[i] != '"' && text[i] != '\\') continue;
    out.append(text.substr(start, i - start));  // the run before it, as it is
    start = i + 1;
    if (byte >= 0x20) {
      out += '\\';
      out += text[i];
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  out.append(text.substr(start));
  out += '"';
}

void append_value(std::string& out, const nlohmann::json& value) {
  if (value.is_string())
    append_string(out, value.get_ref<const std::string&>());
  else
    out += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void append_key(std::string& out, bool& first, std::string_view key) {
  out += first ? '{' : ',';
  first = false;
  append_string(out, key);
  out += ':';
}

}  // namespace

std::string Directory::nested_json(const Record& record) const {
  std::string out;
  append_nested(out, record);
  return out;
}

void Directory::append_nested(std::string& out, const Record& record) const {
  std::vector<std::string_view> path;
  append_nested(out, record, path, nullptr);
}

void Directory::append_nested(std::string& out, const Record& record,
                              std::vector<std::string_view>& path,
                              const std::vector<std::string>* service_locations) const {
  std::vector<std::string> own_locations;
  if (record.table->name == "service") {
    own_locations = locations_of(record);
    service_locations = &own_locations;
  }
  path.push_back(record.table->name);
  // The one-nestings shown: their link fields are left out of the record's own fields.
  std::vector<std::pair<const Nesting*, const Record*>> ones;
  for (const auto* n : record.table->nested) {
    if (n->many || std::find(path.begin(), path.end(), n->child) != path.end()) continue;
    if (const auto* link = record.get(n->field); link && link->is_string())
      if (const auto* child = find(n->child, link->get_ref<const std::string&>()))
        ones.emplace_back(n, child);
  }
  bool first = true;
  for (std::size_t i = 0; i < record.values.size(); ++i) {
    if (record.values[i].is_null()) continue;
    const auto& field = record.table->fields[i];
    if (field.parent_link) continue;
    if (std::any_of(ones.begin(), ones.end(),
                    [&](const auto& o) { return o.first->field == field.name; }))
      continue;
    append_key(out, first, field.name);
    append_value(out, record.values[i]);
  }
  if (record.extra.is_object())
    for (const auto& [name, value] : record.extra.items()) {
      append_key(out, first, name);
      append_value(out, value);
    }
  for (const auto* n : record.table->nested) {
    if (std::find(path.begin(), path.end(), n->child) != path.end()) continue;
    if (!n->many) {
      for (const auto& [one, child] : ones)
        if (one == n) {
          append_key(out, first, n->property);
          append_nested(out, *child, path, service_locations);
        }
      continue;
    }
    bool any = false;
    for (const auto* child : children(*n, record)) {
      // In a service, its organisation shows the locations where that service is given, not
      // every location the organisation has.
      if (service_locations && n->child == "location" &&
          std::find(service_locations->begin(), service_locations->end(), child->id) ==
              service_locations->end())
        continue;
      if (!any) append_key(out, first, n->property);
      out += any ? ',' : '[';
      any = true;
      append_nested(out, *child, path, service_locations);
    }
    if (any) out += ']';
  }
  out += first ? "{}" : "}";
  path.pop_back();
}

}  // namespace kompas::domain::hsds
