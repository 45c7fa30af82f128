#include "domain/hsds_write.h"

#include <algorithm>
#include <set>

#include "domain/csv_write.h"

namespace kompas::domain::hsds {
namespace {

std::string frictionless_type(const Field& f) {
  if (!f.datapackage_type.empty()) return f.datapackage_type;
  switch (f.type) {
    case Field::Type::number:
      return "number";
    case Field::Type::integer:
      return "integer";
    case Field::Type::boolean:
      return "boolean";
    case Field::Type::string:
      break;
  }
  return "string";
}

}  // namespace

std::string cell_text(const nlohmann::json& value) {
  if (value.is_null()) return {};
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

std::map<std::string, std::string> write_tabular(const Directory& directory) {
  std::map<std::string, std::string> files;
  for (const auto& table : directory.spec().tables) {
    const auto& records = directory.of(table.name);
    std::vector<std::string> columns;
    for (const auto& f : table.fields) columns.push_back(f.name);
    std::set<std::string> extra;
    for (const auto* r : records)
      if (r->extra.is_object())
        for (const auto& [name, value] : r->extra.items()) extra.insert(name);
    columns.insert(columns.end(), extra.begin(), extra.end());

    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i) out += ',';
      out += csv_text_cell(columns[i], ',');
    }
    out += "\r\n";
    for (const auto* r : records) {
      for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) out += ',';
        const auto* value = i < table.fields.size() ? &r->values[i] : r->get(columns[i]);
        // Text through the one CSV writer (guarded against formulas); numbers and flags as
        // they are, so a negative latitude stays a number.
        if (value && value->is_string())
          out += csv_text_cell(value->get<std::string>(), ',');
        else if (value)
          out += cell_text(*value);
      }
      out += "\r\n";
    }
    files[table.file] = std::move(out);
  }
  return files;
}

nlohmann::ordered_json datapackage(const Spec& spec, const std::string& name,
                                   const std::string& title) {
  nlohmann::ordered_json resources = nlohmann::ordered_json::array();
  for (const auto& table : spec.tables) {
    nlohmann::ordered_json fields = nlohmann::ordered_json::array();
    for (const auto& f : table.fields) {
      nlohmann::ordered_json field = {{"name", f.name}, {"type", frictionless_type(f)}};
      if (f.format == "uuid" || f.format == "email" || f.format == "uri")
        field["format"] = f.format;
      nlohmann::ordered_json constraints = nlohmann::ordered_json::object();
      if (std::find(table.required.begin(), table.required.end(), f.name) != table.required.end())
        constraints["required"] = true;
      if (f.name == "id") constraints["unique"] = true;
      if (!f.allowed.empty()) constraints["enum"] = f.allowed;
      if (!constraints.empty()) field["constraints"] = constraints;
      fields.push_back(field);
    }
    resources.push_back({{"name", table.name},
                         {"path", table.file},
                         {"profile", "tabular-data-resource"},
                         {"format", "csv"},
                         {"mediatype", "text/csv"},
                         {"encoding", "utf-8"},
                         {"schema", {{"fields", fields}, {"primaryKey", "id"}}}});
  }
  return {{"name", name},
          {"title", title},
          {"profile", "tabular-data-package"},
          {"version", kVersion},
          {"resources", resources}};
}

}  // namespace kompas::domain::hsds
