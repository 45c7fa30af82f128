#pragma once
// Whether a failed write failed because the server's storage is full: SQLite's "database or
// disk is full" (SQLITE_FULL), PostgreSQL's disk_full (SQLSTATE 53100) or "No space left on
// device". Such a write changed nothing (its transaction rolled back); the pages say so with
// 507, rather than a generic error.
#include <exception>

namespace kompas::store {

bool is_storage_full(const std::exception& error);

}  // namespace kompas::store
