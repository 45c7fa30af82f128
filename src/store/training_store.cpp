#include "store/training_store.h"

#include <map>

#include "domain/knowledge.h"
#include "domain/text.h"
#include "store/areas_store.h"
#include "store/table.h"

namespace kompas::store {
namespace {

using domain::FrontlineCount;
using domain::Participant;
using domain::Training;
using domain::TrainingSession;

const Table<Training> kTrainings{
    "trainings",
    "title, id",
    {column<&Training::title>("title"), column<&Training::provider>("provider"),
     column<&Training::modules>("modules"), column<&Training::kind>("kind"),
     column<&Training::hours>("hours"), column<&Training::valid_months>("valid_months")}};

const Table<TrainingSession> kSessions{
    "training_sessions",
    "date DESC, id DESC",
    {column<&TrainingSession::training_id>("training_id", {.fixed = true}),
     column<&TrainingSession::date>("date"), column<&TrainingSession::place>("place"),
     column<&TrainingSession::trainer>("trainer"), column<&TrainingSession::capacity>("capacity")}};

const Table<Participant> kParticipants{
    "participants",
    "name, id",
    {column<&Participant::name>("name"), column<&Participant::partner_id>("partner_id"),
     column<&Participant::role>("role"), column<&Participant::wijk_code>("wijk_code")}};

const Table<FrontlineCount> kCounts{
    "frontline_counts",
    "partner_id, role, wijk_code",
    {column<&FrontlineCount::partner_id>("partner_id", {.fixed = true}),
     column<&FrontlineCount::role>("role", {.fixed = true}),
     column<&FrontlineCount::wijk_code>("wijk_code", {.fixed = true}),
     column<&FrontlineCount::count>("count")}};

template <typename Record>
std::optional<Record> first_of(std::vector<Record> found) {
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

// How a participant is known: the name as people mean it, and the partner.
std::string participant_key(const Participant& p) {
  return domain::fold_for_matching(p.name) + "|" + std::to_string(p.partner_id);
}

}  // namespace

std::vector<Training> list_trainings(soci::session& sql, long long coalition_id) {
  return select_records(sql, kTrainings, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<Training> find_training(soci::session& sql, long long coalition_id, long long id) {
  return first_of(select_records(sql, kTrainings, "coalition_id = :c AND id = :id",
                                 soci::use(coalition_id), soci::use(id)));
}

long long create_training(Change& change, const Training& t) {
  const auto id =
      insert_record(change.sql(), kTrainings, t,
                    {{"coalition_id", change.actor().coalition_id}, {"updated_at", now_seconds()}});
  change.record("aanmaken", "training", std::to_string(id), t.title, nullptr,
                record_json(kTrainings, t));
  return id;
}

void update_training(Change& change, const Training& t) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_training(change.sql(), coalition_id, t.id);
  if (!before) throw std::runtime_error("training not found");
  update_record(change.sql(), kTrainings, t, {{"updated_at", now_seconds()}}, "coalition_id = :c",
                soci::use(coalition_id));
  change.record("wijzigen", "training", std::to_string(t.id), t.title,
                record_json(kTrainings, *before), record_json(kTrainings, t));
}

std::vector<TrainingSession> list_sessions(soci::session& sql, long long coalition_id) {
  return select_records(sql, kSessions, "coalition_id = :c", soci::use(coalition_id));
}

std::optional<TrainingSession> find_session(soci::session& sql, long long coalition_id,
                                            long long id) {
  return first_of(select_records(sql, kSessions, "coalition_id = :c AND id = :id",
                                 soci::use(coalition_id), soci::use(id)));
}

long long create_session(Change& change, const TrainingSession& s) {
  const auto id =
      insert_record(change.sql(), kSessions, s,
                    {{"coalition_id", change.actor().coalition_id}, {"updated_at", now_seconds()}});
  change.record("aanmaken", "trainingsessie", std::to_string(id), s.date, nullptr,
                record_json(kSessions, s));
  return id;
}

void update_session(Change& change, const TrainingSession& s) {
  const auto coalition_id = change.actor().coalition_id;
  const auto before = find_session(change.sql(), coalition_id, s.id);
  if (!before) throw std::runtime_error("session not found");
  update_record(change.sql(), kSessions, s, {{"updated_at", now_seconds()}}, "coalition_id = :c",
                soci::use(coalition_id));
  change.record("wijzigen", "trainingsessie", std::to_string(s.id), s.date,
                record_json(kSessions, *before), record_json(kSessions, s));
}

std::vector<Participant> list_participants(soci::session& sql, long long coalition_id) {
  return select_records(sql, kParticipants, "coalition_id = :c", soci::use(coalition_id));
}

SessionCounts session_counts(soci::session& sql, long long coalition_id) {
  long long session = 0;
  int listed = 0, attended = 0;
  auto st = select_rows(sql,
                        "SELECT a.session_id, COUNT(*), SUM(a.attended) FROM attendances a "
                        "JOIN training_sessions s ON s.id = a.session_id "
                        "WHERE s.coalition_id = :c GROUP BY a.session_id",
                        soci::use(coalition_id), soci::into(session), soci::into(listed),
                        soci::into(attended));
  SessionCounts counts;
  while (st.fetch()) counts[session] = {listed, attended};
  return counts;
}

std::vector<SessionParticipant> session_participants(soci::session& sql, long long session_id) {
  std::set<long long> attended;
  std::map<long long, bool> on_list;
  {
    long long id = 0;
    int was_there = 0;
    auto st =
        select_rows(sql, "SELECT participant_id, attended FROM attendances WHERE session_id = :s",
                    soci::use(session_id), soci::into(id), soci::into(was_there));
    while (st.fetch()) on_list[id] = was_there != 0;
  }
  std::vector<SessionParticipant> list;
  for (auto& p :
       select_records(sql, kParticipants,
                      "id IN (SELECT participant_id FROM attendances WHERE session_id = :s)",
                      soci::use(session_id)))
    list.push_back({p, on_list[p.id]});
  return list;
}

int add_to_session(Change& change, long long session_id, const std::vector<Participant>& people) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  // Everyone on the register once, so a list of thousands does not read it per row.
  std::map<std::string, Participant> known;
  for (auto& p : list_participants(sql, coalition_id)) known.emplace(participant_key(p), p);
  std::set<long long> listed;
  {
    long long id = 0;
    auto st = select_rows(sql, "SELECT participant_id FROM attendances WHERE session_id = :s",
                          soci::use(session_id), soci::into(id));
    while (st.fetch()) listed.insert(id);
  }
  int added = 0;
  for (const auto& wanted : people) {
    auto found = known.find(participant_key(wanted));
    if (found == known.end()) {
      auto p = wanted;
      p.id = insert_record(sql, kParticipants, wanted,
                           {{"coalition_id", coalition_id}, {"updated_at", now_seconds()}});
      change.record("aanmaken", "deelnemer", std::to_string(p.id), p.name, nullptr,
                    record_json(kParticipants, p));
      found = known.emplace(participant_key(p), p).first;
    }
    const auto& p = found->second;
    if (!listed.insert(p.id).second) continue;
    sql << "INSERT INTO attendances (session_id, participant_id, attended) VALUES (:s, :p, 1)",
        soci::use(session_id), soci::use(p.id);
    change.record("aanmaken", "aanwezigheid", std::to_string(session_id), p.name, nullptr,
                  {{"participant_id", p.id}, {"attended", true}});
    ++added;
  }
  return added;
}

void set_attendance(Change& change, long long session_id, const std::set<long long>& attended,
                    std::optional<long long> only_partner) {
  auto& sql = change.sql();
  for (const auto& [p, was] : session_participants(sql, session_id)) {
    if (only_partner && p.partner_id != *only_partner) continue;
    const bool now = attended.contains(p.id);
    if (now == was) continue;
    const int flag = now ? 1 : 0;
    sql << "UPDATE attendances SET attended = :a WHERE session_id = :s AND participant_id = :p",
        soci::use(flag), soci::use(session_id), soci::use(p.id);
    change.record("wijzigen", "aanwezigheid", std::to_string(session_id), p.name,
                  {{"participant_id", p.id}, {"attended", was}},
                  {{"participant_id", p.id}, {"attended", now}});
  }
}

std::vector<domain::Attendance> list_attendances(soci::session& sql, long long coalition_id) {
  domain::Attendance a;
  auto st = select_rows(sql,
                        "SELECT at.participant_id, s.date, t.valid_months FROM attendances at "
                        "JOIN training_sessions s ON s.id = at.session_id "
                        "JOIN trainings t ON t.id = s.training_id "
                        "WHERE s.coalition_id = :c AND at.attended = 1",
                        soci::use(coalition_id), soci::into(a.participant_id), soci::into(a.date),
                        soci::into(a.valid_months));
  std::vector<domain::Attendance> list;
  while (st.fetch()) list.push_back(a);
  return list;
}

std::vector<domain::FrontlineRole> list_frontline_roles(soci::session& sql,
                                                        long long coalition_id) {
  auto roles = domain::default_frontline_roles();
  domain::FrontlineRole r;
  auto st = select_rows(
      sql, "SELECT code, name FROM frontline_roles WHERE coalition_id = :c ORDER BY name",
      soci::use(coalition_id), soci::into(r.code), soci::into(r.name));
  while (st.fetch()) {
    r.name_en = r.name;
    roles.push_back(r);
  }
  return roles;
}

std::string add_frontline_role(Change& change, const std::string& name) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  // A code of its own, never one of the shipped roles', and free in the coalition.
  auto base = "eigen_" + domain::slug_from_title(name);
  std::replace(base.begin(), base.end(), '-', '_');
  auto code = base;
  for (int n = 2;; ++n) {
    int taken = 0;
    sql << "SELECT COUNT(*) FROM frontline_roles WHERE coalition_id = :c AND code = :code",
        soci::use(coalition_id), soci::use(code), soci::into(taken);
    if (taken == 0) break;
    code = base + "_" + std::to_string(n);
  }
  sql << "INSERT INTO frontline_roles (coalition_id, code, name) VALUES (:c, :code, :n)",
      soci::use(coalition_id), soci::use(code), soci::use(name);
  change.record("aanmaken", "frontlinerol", code, name, nullptr, {{"name", name}});
  return code;
}

std::vector<FrontlineCount> list_frontline_counts(soci::session& sql, long long coalition_id) {
  return select_records(sql, kCounts, "coalition_id = :c", soci::use(coalition_id));
}

void save_frontline_count(Change& change, const FrontlineCount& count) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  const auto before = first_of(select_records(
      sql, kCounts, "coalition_id = :c AND partner_id = :p AND role = :r AND wijk_code = :w",
      soci::use(coalition_id), soci::use(count.partner_id), soci::use(count.role),
      soci::use(count.wijk_code)));
  // The log's label as people read it: the role's name and the wijk's name, not their codes.
  std::string label = count.role;
  for (const auto& role : list_frontline_roles(sql, coalition_id))
    if (role.code == count.role) label = role.name;
  if (!count.wijk_code.empty()) {
    const auto names = area_names(sql, coalition_id);
    const auto wijk = names.find(count.wijk_code);
    label += ", " + (wijk == names.end() ? count.wijk_code : wijk->second);
  }
  if (before && count.count == 0) {
    sql << "DELETE FROM frontline_counts WHERE id = :id", soci::use(before->id);
    change.record("verwijderen", "frontliners", std::to_string(before->id), label,
                  record_json(kCounts, *before), nullptr);
  } else if (before) {
    auto after = *before;
    after.count = count.count;
    update_record(sql, kCounts, after, {}, "coalition_id = :c", soci::use(coalition_id));
    change.record("wijzigen", "frontliners", std::to_string(before->id), label,
                  record_json(kCounts, *before), record_json(kCounts, after));
  } else if (count.count > 0) {
    const auto id = insert_record(sql, kCounts, count, {{"coalition_id", coalition_id}});
    change.record("aanmaken", "frontliners", std::to_string(id), label, nullptr,
                  record_json(kCounts, count));
  }
}

}  // namespace kompas::store
