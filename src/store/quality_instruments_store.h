#pragma once
// Versions of the instruments (domain/quality_instrument.h): the quality check, shipped as
// data/kwaliteit/instrument-<n>.json, and the coalition's self-scan,
// data/zelfscan/pijlers-<n>.json. migrate() loads the versions the database lacks. A stored version
// never changes: a changed instrument is a new version.
#include <optional>
#include <string>
#include <vector>

#include "domain/quality_instrument.h"
#include "store/change.h"

namespace kompas::store {

enum class InstrumentKind { quality_check, self_scan };

// Loads every shipped version the database does not hold yet, inside the caller's transaction;
// returns their names ("kwaliteit/instrument-1"). Throws std::runtime_error when a shipped file
// has problems, or differs from the stored text of its version.
std::vector<std::string> load_shipped_instruments(soci::session& sql);

// Adds a coalition's own version of an instrument (a file read without problems, numbered after
// the newest stored version), with an entry in the audit log. Returns the problems instead when
// the file has any or its number is not newer; nothing is stored then.
std::vector<domain::Problem> add_instrument(Change& change, InstrumentKind kind,
                                            const std::string& content);

std::optional<domain::Instrument> find_instrument(soci::session& sql, InstrumentKind kind,
                                                  int version);
// The newest version: what a new round or scan is answered with.
std::optional<domain::Instrument> latest_instrument(soci::session& sql, InstrumentKind kind);

}  // namespace kompas::store
