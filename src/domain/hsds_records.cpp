#include "domain/hsds_records.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <unordered_map>

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

namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

// The links a `many` nesting follows, each once: (child table, field).
const std::vector<std::pair<std::string_view, std::string_view>>& many_links() {
  static const auto links = [] {
    std::vector<std::pair<std::string_view, std::string_view>> out;
    for (const auto& n : nestings())
      if (n.many && std::find(out.begin(), out.end(), std::pair{n.child, n.field}) == out.end())
        out.emplace_back(n.child, n.field);
    return out;
  }();
  return links;
}

// The value of a record's field that is a link, when it names an id.
const std::string* link_of(const Record& record, std::string_view field) {
  const auto* value = record.get(field);
  return value && value->is_string() ? &value->get_ref<const std::string&>() : nullptr;
}

}  // namespace

Directory::Directory(const Spec& spec, std::vector<Record> records) : spec_(&spec) {
  records_.reserve(records.size());
  for (auto& r : records) records_.push_back(std::make_shared<const Record>(std::move(r)));
  index();
}

Directory::Directory(const Directory& before, RecordChanges changes)
    : spec_(before.spec_), records_(before.records_) {
  std::vector<bool> gone(records_.size(), false);
  for (const auto& [table, id] : changes.removed)
    if (const auto i = before.index_of(table, id)) gone[*i] = true;
  for (auto& r : changes.written) {
    const auto i = before.index_of(r.table->name, r.id);
    auto record = std::make_shared<const Record>(std::move(r));
    // A record changed in place keeps its place; one removed and added again came last.
    if (i && !gone[*i])
      records_[*i] = std::move(record);
    else
      records_.push_back(std::move(record));
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < records_.size(); ++i)
    if (i >= gone.size() || !gone[i]) records_[kept++] = std::move(records_[i]);
  records_.resize(kept);
  index();
}

namespace {

std::size_t id_hash(std::string_view id) {
  return std::hash<std::string_view>{}(id);
}

// Per table, the fields through which its records hang under another (phone: service_id,
// contact_id, ...), with the field's place in the table.
struct LinkField {
  std::string_view name;
  std::size_t place;
};
std::vector<LinkField> link_fields(const Table& table) {
  std::vector<LinkField> out;
  for (const auto& [child, field] : many_links())
    if (child == table.name) out.push_back({field, index_of(table, field)});
  return out;
}

const nlohmann::json* value_of(const Record& record, const LinkField& field) {
  return field.place < record.values.size() ? &record.values[field.place] : record.get(field.name);
}

}  // namespace

template <typename Found>
void Directory::with_id(std::string_view id, Found found) const {
  const auto mask = id_slots_.size() - 1;
  const auto hash = id_hash(id);
  for (auto slot = hash & mask; id_slots_[slot].record != kNone; slot = (slot + 1) & mask) {
    const auto [h, i] = id_slots_[slot];
    if (h == static_cast<std::uint32_t>(hash) && records_[i]->id == id && found(i)) return;
  }
}

void Directory::index() {
  const auto n = static_cast<std::uint32_t>(records_.size());
  std::size_t size = 16;
  while (size < 2 * std::size_t{n}) size *= 2;
  id_slots_.assign(size, {0, kNone});
  std::unordered_map<const Table*, std::vector<const Record*>*> lists;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto& r = *records_[i];
    const auto hash = id_hash(r.id);
    auto slot = hash & (size - 1);
    while (id_slots_[slot].record != kNone) slot = (slot + 1) & (size - 1);
    id_slots_[slot] = {static_cast<std::uint32_t>(hash), i};
    auto& list = lists[r.table];
    if (!list) list = &by_table_[r.table->name];
    list->push_back(&r);
  }
  // Every record's children per nesting, found once: a link names an id, the ids name records
  // (of any table, for the attributes' link_id), and the parent's table says which nesting.
  struct Link {
    std::uint32_t parent;
    const Nesting* nesting;
    std::uint32_t child;
  };
  std::vector<Link> links;
  std::unordered_map<const Table*, std::vector<LinkField>> fields_of;
  for (const auto& [table, list] : lists) fields_of.emplace(table, link_fields(*table));
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto& r = *records_[i];
    for (const auto& field : fields_of[r.table]) {
      const auto* link = value_of(r, field);
      if (!link || !link->is_string()) continue;
      const auto child = std::string_view(r.table->name);
      with_id(link->get_ref<const std::string&>(), [&](std::uint32_t p) {
        for (const auto* nesting : records_[p]->table->nested)
          if (nesting->many && nesting->child == child && nesting->field == field.name)
            links.push_back({p, nesting, i});
        return false;
      });
    }
  }
  // Grouped by parent, each parent's in the order the children came (counting sort).
  child_start_.assign(std::size_t{n} + 1, 0);
  for (const auto& l : links) ++child_start_[l.parent + 1];
  for (std::uint32_t i = 0; i < n; ++i) child_start_[i + 1] += child_start_[i];
  child_links_.resize(links.size());
  auto next = child_start_;
  for (const auto& l : links) child_links_[next[l.parent]++] = {l.nesting, l.child};
}

std::optional<std::uint32_t> Directory::index_of(std::string_view table,
                                                 std::string_view id) const {
  std::optional<std::uint32_t> out;
  with_id(id, [&](std::uint32_t i) {
    if (records_[i]->table->name == table) out = i;
    return out.has_value();
  });
  return out;
}

std::optional<std::uint32_t> Directory::index_of(const Record& record) const {
  std::optional<std::uint32_t> out;
  with_id(record.id, [&](std::uint32_t i) {
    if (records_[i].get() == &record) out = i;
    return out.has_value();
  });
  return out;
}

const Record* Directory::find(std::string_view table, std::string_view id) const {
  const auto i = index_of(table, id);
  return i ? records_[*i].get() : nullptr;
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
  const auto at = index_of(parent);
  if (!at) return children(nesting, std::string_view(parent.id));
  std::vector<const Record*> list;
  for (auto l = child_start_[*at]; l < child_start_[*at + 1]; ++l)
    if (child_links_[l].first == &nesting) list.push_back(records_[child_links_[l].second].get());
  return list;
}

std::vector<std::string_view> parent_ids(const Record& record) {
  std::vector<std::string_view> ids;
  for (const auto& [child, field] : many_links())
    if (child == record.table->name)
      if (const auto* link = link_of(record, field)) ids.emplace_back(*link);
  return ids;
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
