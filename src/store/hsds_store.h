#pragma once
// The sociale kaart's records (issue 13), in the tables of HSDS 3.0: one row per record of
// hsds_records holding the JSON object of its fields. Writes go through a Change like every
// other; reads give the whole coalition's records for a domain::hsds::Directory, which the web
// layer keeps per data version.
#include <string>
#include <vector>

#include "domain/hsds_records.h"
#include "store/change.h"

namespace kompas::store {

// The specification's tables, read once from the descriptor compiled into the program.
const domain::hsds::Spec& hsds_spec();

// Every record of the coalition, in the order they came.
std::vector<domain::hsds::Record> load_hsds_records(soci::session& sql, long long coalition_id);

struct HsdsSaved {
  std::size_t added = 0, changed = 0, unchanged = 0;
};
// Adds each record, or replaces the one with its table and id; one audit entry names what
// `source` (a file name) brought, table by table.
HsdsSaved save_hsds_records(Change& change, const std::vector<domain::hsds::Record>& records,
                            const std::string& source);

}  // namespace kompas::store
