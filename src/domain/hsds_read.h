#pragma once
// Reading HSDS files into records, all or nothing: the JSON form (a service, organization or
// service-at-location with what is nested in it, a list of them, a page of an HSDS API, one per
// line as NDJSON, or the tables as JSON keyed by file name) and the tabular data package (CSV
// files with datapackage.json). Every problem names the file, the line or place in the tree,
// and the field; the records are only usable when there are none.
//
// Problem codes (params in braces; each but unknown_file also has {file}):
//   hsds.json_invalid {error}            the text is not JSON (line set)
//   hsds.unknown_record {place}          an object that is no service, organization or
//                                        service-at-location
//   hsds.not_object {place}              a list item or nested value that is no object
//   hsds.nested_again {place, table}     a table nested under itself (a loop)
//   hsds.missing_id {place, table}
//   hsds.missing_field {place, table, id, field}
//   hsds.wrong_type {place, table, id, field, expected}   expected: text, number, whole, yes/no
//   hsds.not_allowed {place, table, id, field, value, allowed}
//   hsds.bad_format {place, table, id, field, value, format}
//                                        format: uuid, email, uri, date, time, date-time
//   hsds.conflict {place, table, id, field}   the same record twice with another value
//   hsds.unknown_file {name}             a file that is no table of the specification
//   hsds.datapackage                     datapackage.json unreadable (not JSON, no resources)
//   hsds.too_deep {max}                  JSON nested deeper than any HSDS record goes
//   hsds.missing_file {resource}         datapackage.json names a file that was not given
//   hsds.no_id_column
//   hsds.too_many {max}
//   csv.*, text.*                        from the CSV reader and the text decoding, with {file}
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "domain/hsds_records.h"
#include "domain/problem.h"

namespace kompas::domain::hsds {

inline constexpr std::size_t kMaximumRecords = 500'000;

struct ReadResult {
  std::vector<Record> records;  // in the order they came, each id once per table
  std::vector<Problem> problems;
};

ReadResult read_json(const Spec& spec, std::string_view text, const std::string& file);

// `files` by their name ("services.csv", "datapackage.json"); datapackage.json is optional.
ReadResult read_tabular(const Spec& spec, const std::map<std::string, std::string>& files);

// Files of either form together, as one upload: the CSV files (and datapackage.json) are one
// data package, every other file is JSON; a record in several files must say the same in each.
ReadResult read_files(const Spec& spec, const std::map<std::string, std::string>& files);

// The specification's date (2026-09-01) and date-time (RFC 3339: 2026-09-01T10:30:00Z).
bool is_date(std::string_view text);
bool is_date_time(std::string_view text);

}  // namespace kompas::domain::hsds
