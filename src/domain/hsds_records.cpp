#include "domain/hsds_records.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <iterator>
#include <tuple>

namespace kompas::domain::hsds {
namespace {

std::size_t place_of(const Table& table, std::string_view field) {
  for (std::size_t i = 0; i < table.fields.size(); ++i)
    if (table.fields[i].name == field) return i;
  return table.fields.size();
}

}  // namespace

const nlohmann::json* Record::get(std::string_view field) const {
  const auto i = place_of(*table, field);
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
  const auto i = place_of(*table, field);
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
  r.values[place_of(table, "id")] = r.id;
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
    : spec_(before.spec_), records_(before.records_), removed_(before.removed_) {
  std::vector<std::uint32_t> changed;
  for (const auto& [table, id] : changes.removed)
    if (const auto i = before.index_of(table, id); i && records_[*i]) {
      records_[*i] = nullptr;
      ++removed_;
      changed.push_back(*i);
    }
  for (auto& r : changes.written) {
    // A record changed in place keeps its place; one removed and added again comes last.
    const auto i = before.index_of(r.table->name, r.id);
    auto record = std::make_shared<const Record>(std::move(r));
    if (i && records_[*i]) {
      records_[*i] = std::move(record);
      changed.push_back(*i);
    } else {
      changed.push_back(static_cast<std::uint32_t>(records_.size()));
      records_.push_back(std::move(record));
    }
  }
  const bool small = changed.size() <= records_.size() / 8 && removed_ <= records_.size() / 8;
  if (!small || !patch(before, changed)) index();
}

namespace {

std::size_t id_hash(std::string_view id) {
  return std::hash<std::string_view>{}(id);
}

}  // namespace

// Per table, the fields through which its records hang under another (phone: service_id,
// contact_id, ...) with their place in the table: found once per table for each index made
// (a few tables, asked 220,000 times).
class Directory::LinkFields {
 public:
  struct Field {
    std::string_view name;
    std::size_t place;
    const nlohmann::json* of(const Record& r) const {
      return place < r.values.size() ? &r.values[place] : r.get(name);
    }
  };
  const std::vector<Field>& of(const Table& table) {
    for (const auto& [t, fields] : tables_)
      if (t == &table) return fields;
    std::vector<Field> fields;
    for (const auto& [child, field] : many_links())
      if (child == table.name) fields.push_back({field, place_of(table, field)});
    return tables_.emplace_back(&table, std::move(fields)).second;
  }

 private:
  std::vector<std::pair<const Table*, std::vector<Field>>> tables_;
};

template <typename Found>
void Directory::with_id(std::string_view id, Found found) const {
  const auto mask = id_slots_.size() - 1;
  const auto hash = id_hash(id);
  for (auto slot = hash & mask; id_slots_[slot].record != kNone; slot = (slot + 1) & mask) {
    const auto [h, i] = id_slots_[slot];
    if (h == static_cast<std::uint32_t>(hash) && records_[i] && records_[i]->id == id && found(i))
      return;
  }
}

void Directory::add_id(std::uint32_t i) {
  const auto hash = id_hash(records_[i]->id);
  const auto mask = id_slots_.size() - 1;
  auto slot = hash & mask;
  while (id_slots_[slot].record != kNone) slot = (slot + 1) & mask;
  id_slots_[slot] = {static_cast<std::uint32_t>(hash), i};
}

// A link names an id, the ids name records (of any table, for the attributes' link_id), and
// the parent's table says which nesting.
void Directory::resolve_links(std::uint32_t child, std::vector<Link>& links, LinkFields& fields) {
  const auto& r = *records_[child];
  for (const auto& field : fields.of(*r.table)) {
    const auto* link = field.of(r);
    if (!link || !link->is_string()) continue;
    bool found = false;
    with_id(link->get_ref<const std::string&>(), [&](std::uint32_t p) {
      found = true;
      for (const auto* nesting : records_[p]->table->nested)
        if (nesting->many && nesting->child == r.table->name && nesting->field == field.name)
          links.push_back({p, nesting, child});
      return false;
    });
    if (!found) dangling_.push_back(id_hash(link->get_ref<const std::string&>()));
  }
}

void Directory::group_children(const std::vector<Link>& links) {
  // A counting sort by parent keeps each parent's children in the order of `links`.
  child_start_.assign(records_.size() + 1, 0);
  for (const auto& l : links) ++child_start_[l.parent + 1];
  for (std::size_t i = 0; i < records_.size(); ++i) child_start_[i + 1] += child_start_[i];
  child_links_.resize(links.size());
  auto next = child_start_;
  for (const auto& l : links) child_links_[next[l.parent]++] = {l.nesting, l.child};
}

void Directory::list_by_table() {
  by_table_.clear();
  std::vector<std::pair<const Table*, std::vector<const Record*>*>> lists;  // a few tables
  for (const auto& r : records_) {
    if (!r) continue;
    auto list = std::find_if(lists.begin(), lists.end(),
                             [&](const auto& l) { return l.first == r->table; });
    if (list == lists.end())
      list = lists.insert(lists.end(), {r->table, &by_table_[r->table->name]});
    list->second->push_back(r.get());
  }
}

void Directory::index() {
  std::erase(records_, nullptr);
  removed_ = 0;
  const auto n = static_cast<std::uint32_t>(records_.size());
  std::size_t size = 16;
  while (size < 2 * std::size_t{n}) size *= 2;
  id_slots_.assign(size, {0, kNone});
  for (std::uint32_t i = 0; i < n; ++i) add_id(i);
  dangling_.clear();
  std::vector<Link> links;
  LinkFields fields;
  for (std::uint32_t i = 0; i < n; ++i) resolve_links(i, links, fields);
  std::sort(dangling_.begin(), dangling_.end());
  dangling_.erase(std::unique(dangling_.begin(), dangling_.end()), dangling_.end());
  group_children(links);
  list_by_table();
}

bool Directory::patch(const Directory& before, const std::vector<std::uint32_t>& changed) {
  const auto old_size = static_cast<std::uint32_t>(before.records_.size());
  std::size_t size = before.id_slots_.size();
  if (2 * records_.size() > size) return false;
  // An added record whose id a link already names gains children found by no link of the
  // change; one whose id another record has already shares that record's children.
  for (const auto i : changed)
    if (i >= old_size) {
      const auto hash = id_hash(records_[i]->id);
      if (std::binary_search(before.dangling_.begin(), before.dangling_.end(), hash)) return false;
      bool known = false;
      before.with_id(records_[i]->id, [&](std::uint32_t) { return known = true; });
      if (known) return false;
    }
  id_slots_ = before.id_slots_;
  for (const auto i : changed)
    if (i >= old_size) add_id(i);
  dangling_ = before.dangling_;

  std::vector<bool> is_changed(records_.size(), false);
  for (const auto i : changed) is_changed[i] = true;
  // The links of records not changed stay, but those to a removed record, whose id is then
  // named by links no record answers.
  std::vector<Link> links;
  links.reserve(before.child_links_.size() + changed.size());
  for (std::uint32_t p = 0; p < old_size; ++p)
    for (auto l = before.child_start_[p]; l < before.child_start_[p + 1]; ++l) {
      const auto [nesting, child] = before.child_links_[l];
      if (is_changed[child]) continue;
      if (records_[p])
        links.push_back({p, nesting, child});
      else
        dangling_.push_back(id_hash(before.records_[p]->id));
    }
  std::vector<Link> added;
  LinkFields fields;
  for (const auto i : changed)
    if (records_[i]) resolve_links(i, added, fields);
  std::sort(dangling_.begin(), dangling_.end());
  dangling_.erase(std::unique(dangling_.begin(), dangling_.end()), dangling_.end());
  // Merged in the order index() gives: by parent, then by child.
  const auto order = [](const Link& a, const Link& b) {
    return std::tie(a.parent, a.child) < std::tie(b.parent, b.child);
  };
  std::stable_sort(added.begin(), added.end(), order);
  std::vector<Link> merged;
  merged.reserve(links.size() + added.size());
  std::merge(links.begin(), links.end(), added.begin(), added.end(), std::back_inserter(merged),
             order);
  group_children(merged);
  list_by_table();
  return true;
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
