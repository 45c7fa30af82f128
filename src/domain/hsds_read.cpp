#include "domain/hsds_read.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <unordered_map>

#include "domain/csv.h"
#include "domain/csv_write.h"
#include "domain/dates.h"
#include "domain/text.h"
#include "domain/web_address.h"

namespace kompas::domain::hsds {
namespace {

void check_record(const Record& record, const std::string& file, const std::string& place,
                  bool tabular, std::vector<Problem>& problems);

bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool digits(std::string_view s, std::size_t from, std::size_t count) {
  if (from + count > s.size()) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (!is_digit(s[i])) return false;
  return true;
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !is_hex(s[i])) return false;
  }
  return true;
}

bool is_email(std::string_view s) {
  const auto at = s.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 >= s.size()) return false;
  static constexpr std::string_view local_extra = ".!#$%&'*+/=?^_`{|}~-";
  for (const char c : s.substr(0, at))
    if (!std::isalnum(static_cast<unsigned char>(c)) && local_extra.find(c) == local_extra.npos)
      return false;
  std::size_t label = 0;
  const auto domain = s.substr(at + 1);
  for (std::size_t i = 0; i <= domain.size(); ++i) {
    if (i == domain.size() || domain[i] == '.') {
      if (label == 0 || label > 63 || domain[i - 1] == '-' || domain[i - label] == '-')
        return false;
      label = 0;
    } else if (std::isalnum(static_cast<unsigned char>(domain[i])) || domain[i] == '-') {
      ++label;
    } else {
      return false;
    }
  }
  return true;
}

// An identifier of the uri format (organization.uri, term_uri): a scheme, a colon and only
// characters an address may hold (RFC 3986), and never a scheme that runs or embeds code.
bool is_identifier_uri(std::string_view s) {
  const auto colon = s.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 >= s.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  std::string scheme;
  for (const char c : s.substr(0, colon)) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (scheme == "javascript" || scheme == "data" || scheme == "vbscript" || scheme == "file")
    return false;
  static constexpr std::string_view allowed = "-._~:/?#[]@!$&'()*+,;=%";
  for (const char c : s.substr(colon + 1))
    if (!std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) > 127)
      if (allowed.find(c) == allowed.npos) return false;
  return true;
}

// The fields whose addresses pages and the API offer as links: the form's rule applies.
bool is_link_field(const std::string& name) {
  return name == "website" || name == "url" || name == "schedule_link";
}

bool is_time(std::string_view s) {  // 10:00 or 10:00:00
  if (!(s.size() == 5 || s.size() == 8) || !digits(s, 0, 2) || s[2] != ':' || !digits(s, 3, 2))
    return false;
  if (s.size() == 8 && (s[5] != ':' || !digits(s, 6, 2))) return false;
  return std::stoi(std::string(s.substr(0, 2))) < 24 &&
         std::stoi(std::string(s.substr(3, 2))) < 60 &&
         (s.size() == 5 || std::stoi(std::string(s.substr(6, 2))) < 61);
}

std::string type_word(Field::Type type) {
  switch (type) {
    case Field::Type::number:
      return "number";
    case Field::Type::integer:
      return "whole";
    case Field::Type::boolean:
      return "yes/no";
    case Field::Type::string:
      break;
  }
  return "text";
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

// The place of a value in a JSON tree, as people read it: contents[3].phones[0].
std::string child_place(const std::string& place, std::string_view property, long index = -1) {
  std::string out = place;
  if (!out.empty()) out += '.';
  out += property;
  if (index >= 0) out += '[' + std::to_string(index) + ']';
  return out;
}

// Records as they are read: the same record may come more than once (a phone of a service that
// is also its location's phone); each time it must say the same, and its links add up.
class Collector {
 public:
  Collector(const Spec& spec, ReadResult& out) : spec_(spec), out_(out) {}

  struct Place {
    std::string file, place;
    std::size_t line = 0;
  };

  // Adds the record or what it adds to the one read before; false when nothing more fits.
  bool add(Record row, Place where) {
    auto key = row.table->name + '\0' + row.id;
    const auto found = index_.find(key);
    if (found == index_.end()) {
      if (out_.records.size() >= kMaximumRecords) {
        add_problem(out_.problems,
                    {0,
                     0,
                     "hsds.too_many",
                     {{"max", std::to_string(kMaximumRecords)}, {"file", where.file}}});
        return false;
      }
      index_.emplace(std::move(key), out_.records.size());
      out_.records.push_back(std::move(row));
      places_.push_back(std::move(where));
      return true;
    }
    auto& known = out_.records[found->second];
    const auto merge = [&](const std::string& name, const nlohmann::json& value) {
      const auto* before = known.get(name);
      if (!before) {
        known.set(name, value);
      } else if (*before != value) {
        add_problem(out_.problems, {where.line,
                                    0,
                                    "hsds.conflict",
                                    {{"file", where.file},
                                     {"place", where.place},
                                     {"table", row.table->name},
                                     {"id", row.id},
                                     {"field", name}}});
      }
    };
    for (std::size_t i = 0; i < row.values.size(); ++i)
      if (!row.values[i].is_null()) merge(row.table->fields[i].name, row.values[i]);
    if (row.extra.is_object())
      for (const auto& [name, value] : row.extra.items()) merge(name, value);
    return !problems_full(out_.problems);
  }

  void check_all(bool tabular) {
    for (std::size_t i = 0; i < out_.records.size() && !problems_full(out_.problems); ++i) {
      std::vector<Problem> found;
      check_record(out_.records[i], places_[i].file, places_[i].place, tabular, found);
      for (auto& p : found) {
        if (p.line == 0) p.line = places_[i].line;
        if (!add_problem(out_.problems, std::move(p))) break;
      }
    }
  }

  const Spec& spec() const { return spec_; }
  std::vector<Problem>& problems() { return out_.problems; }

 private:
  const Spec& spec_;
  ReadResult& out_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<Place> places_;
};

// Which table a top-level object of a JSON file belongs to, by the fields only it has.
const Table* table_of_object(const Spec& spec, const nlohmann::json& object) {
  const auto has = [&](const char* name) { return object.contains(name); };
  if (has("status") || has("service_at_locations")) return spec.table("service");
  if ((has("location") && object["location"].is_object()) ||
      (has("service") && object["service"].is_object()) ||
      (has("service_id") && has("location_id")))
    return spec.table("service_at_location");
  if (has("taxonomy_detail") || has("term_uri") || has("taxonomy_id"))
    return spec.table("taxonomy_term");
  if (has("location_type")) return spec.table("location");
  for (const char* only_organization :
       {"website", "email", "tax_status", "tax_id", "year_incorporated", "legal_status", "logo",
        "parent_organization_id", "services", "locations", "programs", "organization_identifiers"})
    if (has(only_organization)) return spec.table("organization");
  if (has("version")) return spec.table("taxonomy");
  if (has("name")) return spec.table("organization");
  return nullptr;
}

struct Parent {
  const Nesting* nesting = nullptr;  // how this record hangs under its parent
  std::string id;
  std::string_view table;
};

// Takes one object of `table` apart into records: its own fields, then what is nested in it.
// Returns the record's id ("" when it has none).
std::string take_apart(Collector& c, const Table& table, const nlohmann::json& object,
                       const std::string& file, const std::string& place, const Parent& parent,
                       std::vector<std::string_view>& path) {
  auto& problems = c.problems();
  const auto id = object.find("id");
  if (id == object.end() || !id->is_string() || id->get_ref<const std::string&>().empty()) {
    add_problem(
        problems,
        {0, 0, "hsds.missing_id", {{"file", file}, {"place", place}, {"table", table.name}}});
    return {};
  }
  auto row = make_record(table, id->get<std::string>());
  path.push_back(table.name);
  std::vector<std::pair<const Nesting*, const nlohmann::json*>> nested;
  for (const auto& [name, value] : object.items()) {
    if (name == "id") continue;
    const Nesting* nesting = nullptr;
    for (const auto* n : table.nested)
      if (n->property == name) nesting = n;
    if (nesting && (value.is_array() || value.is_object())) {
      nested.emplace_back(nesting, &value);
    } else if (nesting && !value.is_null()) {
      add_problem(problems,
                  {0, 0, "hsds.not_object", {{"file", file}, {"place", child_place(place, name)}}});
    } else if (!value.is_null()) {
      row.set(name, value);
    }
  }
  if (parent.nesting) {
    if (parent.nesting->many) {
      row.set(parent.nesting->field, parent.id);
      // A polymorphic link says which table it points into; the nested form leaves it out.
      if (parent.nesting->field == "link_id" && !row.get("link_entity"))
        row.set("link_entity", std::string(parent.table));
      if (parent.nesting->field == "resource_id" && !row.get("resource_type"))
        row.set("resource_type", std::string(parent.table));
    }
  }
  const auto own_id = row.id;
  for (const auto& [nesting, value] : nested) {
    const auto* child = c.spec().table(nesting->child);
    if (std::find(path.begin(), path.end(), nesting->child) != path.end()) {
      add_problem(problems, {0,
                             0,
                             "hsds.nested_again",
                             {{"file", file},
                              {"place", child_place(place, nesting->property)},
                              {"table", child->name}}});
      continue;
    }
    const Parent here{nesting, own_id, table.name};
    if (nesting->many) {
      if (!value->is_array()) {
        add_problem(problems, {0,
                               0,
                               "hsds.not_object",
                               {{"file", file}, {"place", child_place(place, nesting->property)}}});
        continue;
      }
      long i = 0;
      for (const auto& item : *value) {
        const auto item_place = child_place(place, nesting->property, i++);
        if (!item.is_object())
          add_problem(problems, {0, 0, "hsds.not_object", {{"file", file}, {"place", item_place}}});
        else
          take_apart(c, *child, item, file, item_place, here, path);
      }
    } else if (!value->is_object()) {
      add_problem(problems, {0,
                             0,
                             "hsds.not_object",
                             {{"file", file}, {"place", child_place(place, nesting->property)}}});
    } else {
      const auto child_id = take_apart(
          c, *child, *value, file, child_place(place, nesting->property), {nullptr, {}, {}}, path);
      if (!child_id.empty()) row.set(nesting->field, child_id);
    }
  }
  path.pop_back();
  c.add(std::move(row), {file, place, 0});
  return own_id;
}

std::size_t line_of(std::string_view text, std::size_t byte) {
  byte = std::min(byte, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + byte, '\n'));
}

void read_value(Collector& c, const nlohmann::json& doc, const std::string& file, std::size_t line,
                const std::string& place);

// The tables as JSON keyed by their file (the specification's examples/tabular.json).
bool is_tabular_json(const nlohmann::json& doc) {
  if (!doc.is_object() || doc.empty()) return false;
  for (const auto& [name, value] : doc.items())
    if (name.size() < 5 || name.substr(name.size() - 4) != ".csv" || !value.is_array())
      return false;
  return true;
}

void read_object(Collector& c, const nlohmann::json& object, const std::string& file,
                 std::size_t line, const std::string& place) {
  auto& problems = c.problems();
  const auto* table = table_of_object(c.spec(), object);
  if (!table) {
    add_problem(problems, {line, 0, "hsds.unknown_record", {{"file", file}, {"place", place}}});
    return;
  }
  std::vector<std::string_view> path;
  const auto before = problems.size();
  take_apart(c, *table, object, file, place, {}, path);
  for (auto i = before; i < problems.size(); ++i)
    if (problems[i].line == 0) problems[i].line = line;
}

void read_value(Collector& c, const nlohmann::json& doc, const std::string& file, std::size_t line,
                const std::string& place) {
  if (is_tabular_json(doc)) {
    for (const auto& [name, rows] : doc.items()) {
      const auto* table = c.spec().table_of_file(name);
      if (!table) {
        add_problem(c.problems(), {0, 0, "hsds.unknown_file", {{"name", name}}});
        continue;
      }
      long i = 0;
      for (const auto& row : rows) {
        const auto row_place = child_place(place, name, i++);
        if (!row.is_object() || !row.contains("id") || !row["id"].is_string()) {
          add_problem(c.problems(),
                      {line,
                       0,
                       "hsds.missing_id",
                       {{"file", file}, {"place", row_place}, {"table", table->name}}});
          continue;
        }
        c.add(record_from_json(*table, row), {file, row_place, line});
      }
    }
    return;
  }
  const nlohmann::json* list = &doc;
  std::string list_place = place;
  if (doc.is_object() && doc.contains("contents") && doc["contents"].is_array()) {
    list = &doc["contents"];  // a page of an HSDS API
    list_place = child_place(place, "contents");
  }
  if (list->is_array()) {
    long i = 0;
    for (const auto& item : *list) {
      const auto item_place = list_place + '[' + std::to_string(i++) + ']';
      if (!item.is_object())
        add_problem(c.problems(),
                    {line, 0, "hsds.not_object", {{"file", file}, {"place", item_place}}});
      else
        read_object(c, item, file, line, item_place);
      if (problems_full(c.problems())) return;
    }
  } else if (doc.is_object()) {
    read_object(c, doc, file, line, place);
  } else {
    add_problem(c.problems(), {line, 0, "hsds.not_object", {{"file", file}, {"place", place}}});
  }
}

// Deeper than any HSDS record goes (a service, its location, a contact, a phone, a language,
// an attribute, its term and taxonomy): anything deeper is refused while parsing, before copying
// or comparing it could take the stack.
constexpr int kMaximumDepth = 32;
struct TooDeep {};

nlohmann::json parse_limited(std::string_view text) {
  return nlohmann::json::parse(text, [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (depth > kMaximumDepth) throw TooDeep{};
    return true;
  });
}

std::string parse_message(const nlohmann::json::exception& e) {
  std::string what = e.what();
  const auto colon = what.rfind(": ");
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

// NDJSON: one value per line. Told apart from a JSON document spread over lines by its first
// line, which is a whole value on its own.
bool looks_like_ndjson(std::string_view text) {
  const auto start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  const auto end = text.find('\n', start);
  if (end == std::string_view::npos) return false;
  const auto first = text.substr(start, end - start);
  return nlohmann::json::accept(first) && text.find_first_not_of(" \t\r\n", end) != text.npos;
}

nlohmann::json cell_value(const Field* field, const std::string& text, bool& ok) {
  ok = true;
  // A text the application's own export guarded against spreadsheets reads back as typed.
  if (!field || field->type == Field::Type::string) return std::string(unguard_csv_text(text));
  if (field->type == Field::Type::boolean) {
    if (text == "true" || text == "false") return text == "true";
    ok = false;
    return nullptr;
  }
  long long whole = 0;
  const auto* end = text.data() + text.size();
  if (auto [p, ec] = std::from_chars(text.data(), end, whole); ec == std::errc() && p == end)
    return whole;
  if (field->type == Field::Type::number) {
    double number = 0;
    if (auto [p, ec] = std::from_chars(text.data(), end, number); ec == std::errc() && p == end)
      return number;
  }
  ok = false;
  return nullptr;
}

void read_csv_file(Collector& c, const Table& table, const std::string& file,
                   const std::string& text) {
  auto& problems = c.problems();
  std::vector<Problem> csv_problems;
  const auto csv = parse_csv(text, csv_problems);
  for (auto& p : csv_problems) {
    p.params["file"] = file;
    if (!add_problem(problems, std::move(p))) return;
  }
  if (csv.header.empty()) return;
  std::vector<const Field*> fields;
  std::size_t id_column = csv.header.size();
  for (std::size_t i = 0; i < csv.header.size(); ++i) {
    const auto& name = csv.header[i];
    fields.push_back(table.field(name));
    if (name == "id") id_column = i;
  }
  if (id_column == csv.header.size()) {
    add_problem(problems, {csv.header_line, 0, "hsds.no_id_column", {{"file", file}}});
    return;
  }
  std::unordered_map<std::string, std::size_t> seen;
  for (const auto& row : csv.rows) {
    const auto& id = row.fields[id_column];
    if (id.empty()) {
      add_problem(problems, {row.line,
                             id_column + 1,
                             "hsds.missing_id",
                             {{"file", file}, {"place", ""}, {"table", table.name}}});
      continue;
    }
    if (!seen.emplace(id, row.line).second) {
      add_problem(
          problems,
          {row.line,
           id_column + 1,
           "hsds.conflict",
           {{"file", file}, {"place", ""}, {"table", table.name}, {"id", id}, {"field", "id"}}});
      continue;
    }
    auto record = make_record(table, id);
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      if (i == id_column || row.fields[i].empty()) continue;
      bool ok = true;
      auto value = cell_value(fields[i], row.fields[i], ok);
      if (!ok) {
        add_problem(problems, {row.line,
                               i + 1,
                               "hsds.wrong_type",
                               {{"file", file},
                                {"place", ""},
                                {"table", table.name},
                                {"id", id},
                                {"field", csv.header[i]},
                                {"expected", type_word(fields[i]->type)}}});
        continue;
      }
      record.set(csv.header[i], std::move(value));
    }
    if (!c.add(std::move(record), {file, "", row.line})) return;
  }
}

}  // namespace

bool is_date(std::string_view s) {
  return s.size() == 10 && digits(s, 0, 4) && s[4] == '-' && read_date(s, 2000) == s;
}

// 2023-03-15T10:30:45.123Z or with an offset (+01:00), as RFC 3339 writes it.
bool is_date_time(std::string_view s) {
  if (s.size() < 20 || !is_date(s.substr(0, 10)) || (s[10] != 'T' && s[10] != 't' && s[10] != ' '))
    return false;
  if (!is_time(s.substr(11, 8))) return false;
  auto rest = s.substr(19);
  if (!rest.empty() && rest[0] == '.') {
    std::size_t i = 1;
    while (i < rest.size() && is_digit(rest[i])) ++i;
    if (i == 1) return false;
    rest = rest.substr(i);
  }
  if (rest == "Z" || rest == "z") return true;
  return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && is_time(rest.substr(1, 5));
}

namespace {

// Every field against the specification: required fields, types, allowed values and formats.
void check_record(const Record& record, const std::string& file, const std::string& place,
                  bool tabular, std::vector<Problem>& problems) {
  const auto& table = *record.table;
  const auto problem = [&](const char* code, const std::string& field,
                           std::map<std::string, std::string> more = {}) {
    more["file"] = file;
    more["place"] = place;
    more["table"] = table.name;
    more["id"] = record.id;
    more["field"] = field;
    return add_problem(problems, {0, 0, code, std::move(more)});
  };
  for (const auto& name : table.required)
    if (!record.get(name)) problem("hsds.missing_field", name);
  if (tabular)
    for (const auto& name : table.tabular_required)
      if (!record.get(name)) problem("hsds.missing_field", name);
  for (std::size_t i = 0; i < table.fields.size(); ++i) {
    const auto& value = record.values[i];
    if (value.is_null()) continue;
    const auto& f = table.fields[i];
    const bool right_type = f.type == Field::Type::string    ? value.is_string()
                            : f.type == Field::Type::number  ? value.is_number()
                            : f.type == Field::Type::integer ? value.is_number_integer()
                                                             : value.is_boolean();
    if (!right_type) {
      problem("hsds.wrong_type", f.name, {{"expected", type_word(f.type)}});
      continue;
    }
    if (!value.is_string()) continue;
    const auto& text = value.get_ref<const std::string&>();
    if (!f.allowed.empty() &&
        std::find(f.allowed.begin(), f.allowed.end(), text) == f.allowed.end()) {
      problem("hsds.not_allowed", f.name, {{"value", text}, {"allowed", join(f.allowed)}});
      continue;
    }
    std::string format;
    if (f.format == "uuid" && !is_uuid(text)) format = "uuid";
    if (f.format == "email" && !is_email(text)) format = "email";
    // Links follow the form's rule (http or https): an imported file brings no javascript:.
    if (f.format == "uri" &&
        !(is_link_field(f.name) ? is_web_address(text) : is_identifier_uri(text)))
      format = "uri";
    if ((f.format == "date-time" || f.datapackage_type == "datetime") && !is_date_time(text))
      format = "date-time";
    if (f.datapackage_type == "date" && !is_date(text)) format = "date";
    if (f.datapackage_type == "time" && !is_time(text)) format = "time";
    if (!format.empty()) problem("hsds.bad_format", f.name, {{"value", text}, {"format", format}});
  }
}

void read_json_into(Collector& c, std::string_view text, const std::string& file) {
  auto& problems = c.problems();
  if (looks_like_ndjson(text)) {
    std::size_t line = 0, start = 0;
    while (start <= text.size() && !problems_full(problems)) {
      ++line;
      auto end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      const auto part = text.substr(start, end - start);
      start = end + 1;
      if (part.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      try {
        read_value(c, parse_limited(part), file, line, "");
      } catch (const TooDeep&) {
        add_problem(
            problems,
            {line, 0, "hsds.too_deep", {{"file", file}, {"max", std::to_string(kMaximumDepth)}}});
      } catch (const nlohmann::json::exception& e) {  // not JSON, or a number like 1e999999
        add_problem(problems,
                    {line, 0, "hsds.json_invalid", {{"file", file}, {"error", parse_message(e)}}});
      }
    }
  } else {
    try {
      read_value(c, parse_limited(text), file, 0, "");
    } catch (const TooDeep&) {
      add_problem(
          problems,
          {0, 0, "hsds.too_deep", {{"file", file}, {"max", std::to_string(kMaximumDepth)}}});
    } catch (const nlohmann::json::parse_error& e) {
      add_problem(problems, {line_of(text, e.byte == 0 ? 0 : e.byte - 1),
                             0,
                             "hsds.json_invalid",
                             {{"file", file}, {"error", parse_message(e)}}});
    } catch (const nlohmann::json::out_of_range& e) {  // a number like 1e999999
      add_problem(problems,
                  {0, 0, "hsds.json_invalid", {{"file", file}, {"error", parse_message(e)}}});
    }
  }
}

void read_tabular_into(Collector& c, const std::map<std::string, std::string>& files) {
  const auto& spec = c.spec();
  auto& problems = c.problems();
  const auto package = files.find("datapackage.json");
  if (package != files.end()) {
    try {
      const auto doc = parse_limited(package->second);
      if (!doc.is_object() || !doc.contains("resources") || !doc["resources"].is_array())
        throw std::runtime_error("no resources");
      for (const auto& resource : doc["resources"]) {
        const auto path = resource.is_object() ? resource.value("path", "") : std::string();
        if (!spec.table_of_file(path))
          add_problem(problems, {0, 0, "hsds.unknown_file", {{"name", path}}});
        else if (!files.contains(path))
          add_problem(
              problems,
              {0, 0, "hsds.missing_file", {{"file", "datapackage.json"}, {"resource", path}}});
      }
    } catch (...) {  // not JSON, too deep, or no list of resources
      add_problem(problems, {0, 0, "hsds.datapackage", {{"file", "datapackage.json"}}});
    }
  }
  for (const auto& [name, text] : files) {
    if (name == "datapackage.json") continue;
    const auto* table = spec.table_of_file(name);
    if (!table) {
      add_problem(problems, {0, 0, "hsds.unknown_file", {{"name", name}}});
      continue;
    }
    // Excel writes Windows-1252: read as the other CSV imports do.
    auto decoded = decode_text(text);
    if (decoded.problem) {
      decoded.problem->params["file"] = name;
      add_problem(problems, std::move(*decoded.problem));
      continue;
    }
    read_csv_file(c, *table, name, decoded.text);
  }
}

bool is_tabular_file(const std::string& name) {
  return name == "datapackage.json" ||
         (name.size() > 4 && lower_ascii(name.substr(name.size() - 4)) == ".csv");
}

}  // namespace

ReadResult read_json(const Spec& spec, std::string_view text, const std::string& file) {
  ReadResult out;
  Collector c(spec, out);
  read_json_into(c, text, file);
  c.check_all(false);
  if (!out.problems.empty()) out.records.clear();
  return out;
}

ReadResult read_tabular(const Spec& spec, const std::map<std::string, std::string>& files) {
  ReadResult out;
  Collector c(spec, out);
  read_tabular_into(c, files);  // every file, so one that is no CSV is named as unknown
  c.check_all(true);
  if (!out.problems.empty()) out.records.clear();
  return out;
}

ReadResult read_files(const Spec& spec, const std::map<std::string, std::string>& files) {
  ReadResult out;
  Collector c(spec, out);
  std::map<std::string, std::string> tabular;
  for (const auto& [name, text] : files) {
    if (is_tabular_file(name))
      tabular.emplace(name, text);
    else
      read_json_into(c, text, name);
  }
  if (!tabular.empty()) read_tabular_into(c, tabular);
  // Links the tabular form needs are checked when any CSV file came: JSON gives them by nesting.
  c.check_all(!tabular.empty());
  if (!out.problems.empty()) out.records.clear();
  return out;
}

}  // namespace kompas::domain::hsds
