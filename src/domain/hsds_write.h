#pragma once
// Writing HSDS data out: the tabular data package (one CSV file per table, with the
// datapackage.json that describes them) for spreadsheets and other sociale kaarten.
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "domain/hsds_records.h"

namespace kompas::domain::hsds {

// Every table's CSV file, by file name: the specification's columns in its order, then any
// column an imported file brought, written back as it came. Tables without records are
// written with their header, so the package is whole.
std::map<std::string, std::string> write_tabular(const Directory& directory);

// The Frictionless data package descriptor for those files.
nlohmann::ordered_json datapackage(const Spec& spec, const std::string& name,
                                   const std::string& title);

// A value as one CSV cell: text as it is, numbers as JSON writes them. Unlike the spreadsheet
// downloads, text that starts like a formula ("=", "+") is not changed: the package is for other
// systems and must read back exactly; a spreadsheet opening it should import it as text.
std::string cell_text(const nlohmann::json& value);

}  // namespace kompas::domain::hsds
