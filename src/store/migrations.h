#pragma once
// Versioned schema migrations, one folder per engine (migrations/sqlite, migrations/postgresql),
// applied in order and recorded in schema_migrations. Running them again changes nothing.
#include <string>
#include <vector>

#include "store/database.h"

namespace kompas::store {

// Applies every migration not yet applied, then loads the shipped data the database lacks (the
// quality check instrument's versions); returns the names of both.
std::vector<std::string> migrate(Database& db);

// Splits a migration file into single statements (SQLite's driver runs one at a time).
std::vector<std::string> split_sql(const std::string& script);

}  // namespace kompas::store
