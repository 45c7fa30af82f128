#pragma once
// Reading the audit log (writing happens in Change, with the change itself).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace kompas::store {

// Who did it, when no person did: what the public sent through a form (a signal) is written
// with this name and shown as "openbaar formulier"; a change without any name came from the
// command line.
inline constexpr const char* kPublicFormActor = "@openbaar formulier";

struct AuditEntry {
  long long id = 0;
  std::string person_name;
  long long at = 0;
  std::string action, entity, entity_id, label, changes;  // changes: JSON {field: [old, new]}
};

struct AuditFilter {
  std::string entity;       // empty: all kinds of record
  std::string person_name;  // part of the name; empty: everyone
  long long from = 0;       // seconds since the epoch, inclusive; 0: no lower bound
  long long until = 0;      // exclusive; 0: no upper bound
  int limit = 200;
  int offset = 0;
};

// Every kind of record the stores write to the audit log (Change::record's `entity`), for the
// log's filter; each has a text in both languages (tests/unit/test_catalogue.cpp, and every HTTP
// test checks what its own run wrote).
const std::vector<std::string>& audited_entities();

// The names of the coalition's records of one kind, by id (by code for "area" and
// "frontline_role"), for the audit log to show what a reference refers to. Kinds: partner,
// person, ambition, activity, action, indicator, contribution, participant, training, round (its
// activity's name), area, frontline_role. Anything else is a programming error
// (std::logic_error). Only the coalition's own records: another's name never shows.
std::map<std::string, std::string> record_names(soci::session& sql, long long coalition_id,
                                                const std::string& kind);

// Every kind `record_names` knows, so declarations can be checked against it.
const std::vector<std::string>& named_record_kinds();

std::vector<AuditEntry> list_audit(soci::session& sql, long long coalition_id,
                                   const AuditFilter& filter);
int count_audit(soci::session& sql, long long coalition_id, const AuditFilter& filter);

}  // namespace kompas::store
