#include "store/signals_store.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/secrets.h"

namespace kompas::store {
namespace {

std::string kinds_text(const std::vector<domain::SignalKind>& kinds) {
  std::string out;
  for (const auto kind : kinds) out += (out.empty() ? "" : ",") + domain::word(kind);
  return out;
}

// Personal fields sealed together, so their lengths do not show separately; "" when all are
// empty.
std::string seal_fields(const SignalKey& key, const std::vector<std::string>& fields) {
  if (std::all_of(fields.begin(), fields.end(), [](const auto& f) { return f.empty(); })) return "";
  return key.seal(nlohmann::json(fields).dump());
}

// What seal_fields sealed; no fields for "".
std::vector<std::string> open_fields(const SignalKey& key, const std::string& sealed) {
  const auto plain = key.open(sealed);
  if (!plain) throw std::runtime_error("a signal cannot be opened with this key file");
  if (plain->empty()) return {};
  return nlohmann::json::parse(*plain).get<std::vector<std::string>>();
}

// The reporter is [name, phone, e-mail]. Signals from before the form asked for the two apart
// hold [name, contact]: a contact with "@" is read as the e-mail, any other as the phone.
void open_reporter(const SignalKey& key, const std::string& sealed, SignalContent& c) {
  auto fields = open_fields(key, sealed);
  if (fields.empty()) return;
  c.reporter_name = fields.at(0);
  if (fields.size() == 3) {
    c.reporter_phone = fields[1];
    c.reporter_email = fields[2];
  } else {
    (fields.at(1).find('@') == std::string::npos ? c.reporter_phone : c.reporter_email) = fields[1];
  }
}

const char* const kSignalColumns =
    "SELECT id, partner_id, wijk, postcode, kinds, consent, status, close_reason, created_at, "
    "COALESCE(first_contact_at, 0), COALESCE(referred_at, 0), COALESCE(closed_at, 0), "
    "COALESCE(erased_at, 0), COALESCE(reported_by, 0), COALESCE((SELECT MAX(at) FROM "
    "signal_steps st WHERE st.signal_id = signals.id), created_at), held FROM signals WHERE "
    "coalition_id = :c ";

template <typename Value>
std::vector<SignalSummary> select_signals(soci::session& sql, const std::string& where,
                                          long long coalition_id, const Value& value) {
  SignalSummary s;
  long long erased_at = 0, reported_by = 0;
  int held = 0;
  auto st = select_rows(sql, kSignalColumns + where, soci::use(coalition_id), soci::use(value),
                        soci::into(s.id), soci::into(s.partner_id), soci::into(s.wijk),
                        soci::into(s.postcode), soci::into(s.kinds), soci::into(s.consent),
                        soci::into(s.status), soci::into(s.close_reason), soci::into(s.created_at),
                        soci::into(s.first_contact_at), soci::into(s.referred_at),
                        soci::into(s.closed_at), soci::into(erased_at), soci::into(reported_by),
                        soci::into(s.last_step_at), soci::into(held));
  std::vector<SignalSummary> out;
  while (st.fetch()) {
    s.erased = erased_at != 0;
    s.held = held != 0;
    s.reported_by = reported_by ? std::optional(reported_by) : std::nullopt;
    out.push_back(s);
  }
  return out;
}

std::string label_of(long long id) {
  return "#" + std::to_string(id);
}

}  // namespace

std::vector<domain::SignalRoute> signal_routes(soci::session& sql, long long coalition_id) {
  domain::SignalRoute r;
  auto st = select_rows(sql,
                        "SELECT id, area, partner_id FROM signal_routes WHERE coalition_id = :c "
                        "ORDER BY area",
                        soci::use(coalition_id), soci::into(r.id), soci::into(r.area),
                        soci::into(r.partner_id));
  std::vector<domain::SignalRoute> out;
  while (st.fetch()) out.push_back(r);
  return out;
}

void save_signal_route(Change& change, const std::string& area, long long partner_id,
                       const std::string& partner_name) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  std::string old_partner;
  sql << "SELECT COALESCE(MAX(p.name), '') FROM signal_routes r JOIN partners p ON p.id = "
         "r.partner_id WHERE r.coalition_id = :c AND r.area = :a",
      soci::use(coalition_id), soci::use(area), soci::into(old_partner);
  sql << "DELETE FROM signal_routes WHERE coalition_id = :c AND area = :a", soci::use(coalition_id),
      soci::use(area);
  sql << "INSERT INTO signal_routes (coalition_id, area, partner_id) VALUES (:c, :a, :p)",
      soci::use(coalition_id), soci::use(area), soci::use(partner_id);
  const auto label = area.empty() ? std::string("*") : area;
  change.record(old_partner.empty() ? "aanmaken" : "wijzigen", "signaalroute", label, label,
                old_partner.empty() ? nlohmann::json()
                                    : nlohmann::json{{"area", label}, {"partner", old_partner}},
                {{"area", label}, {"partner", partner_name}});
}

void delete_signal_route(Change& change, long long id) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  std::string area, partner;
  soci::indicator found = soci::i_null;
  sql << "SELECT r.area, p.name FROM signal_routes r JOIN partners p ON p.id = r.partner_id "
         "WHERE r.coalition_id = :c AND r.id = :i",
      soci::use(coalition_id), soci::use(id), soci::into(area, found), soci::into(partner);
  if (found != soci::i_ok) return;
  sql << "DELETE FROM signal_routes WHERE coalition_id = :c AND id = :i", soci::use(coalition_id),
      soci::use(id);
  const auto label = area.empty() ? std::string("*") : area;
  change.record("verwijderen", "signaalroute", label, label,
                {{"area", label}, {"partner", partner}}, nullptr);
}

std::optional<long long> add_signal(Change& change, const SignalKey& key,
                                    const domain::SignalDraft& d, long long partner_id,
                                    const std::string& code, std::optional<long long> reported_by,
                                    const std::string& sender, const FloodLimits& limits) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  const auto now = now_seconds();
  const auto sender_hash = sender.empty() ? std::string() : key.keyed_hash(sender);
  // The public form counts by address and for the coalition's day; someone signed in by person.
  bool held = false;
  if (!sender.empty()) {
    const auto count = count_flood(change, "signals", sender_hash, limits, "sender_hash <> ''");
    if (!count.sender_below) return std::nullopt;
    held = !count.coalition_below;
  } else if (reported_by && !below_person_limit(change, "signals", *reported_by, limits)) {
    return std::nullopt;
  }
  const int held_flag = held ? 1 : 0;
  const auto kinds = kinds_text(d.kinds);
  const auto note = key.seal(d.note);
  const auto resident = seal_fields(key, {d.resident_name, d.resident_address});
  const auto reporter = seal_fields(key, {d.reporter_name, d.reporter_phone, d.reporter_email});
  const auto code_hash = token_hash(domain::normalise_signal_code(code));
  const long long person = reported_by.value_or(0);
  soci::indicator person_ind = reported_by ? soci::i_ok : soci::i_null;
  long long id = 0;
  sql << "INSERT INTO signals (coalition_id, partner_id, wijk, postcode, kinds, consent, "
         "note_sealed, resident_sealed, reporter_sealed, code_hash, reported_by, sender_hash, "
         "created_at, held) VALUES (:c, :p, :w, :pc, :k, :cs, :n, :r, :rp, :h, :by, :s, :t, :hd) "
         "RETURNING id",
      soci::use(coalition_id), soci::use(partner_id), soci::use(d.wijk), soci::use(d.postcode),
      soci::use(kinds), soci::use(d.consent), soci::use(note), soci::use(resident),
      soci::use(reporter), soci::use(code_hash), soci::use(person, person_ind),
      soci::use(sender_hash), soci::use(now), soci::use(held_flag), soci::into(id);
  std::string partner_name;
  sql << "SELECT name FROM partners WHERE id = :p", soci::use(partner_id), soci::into(partner_name);
  // The log says where it went and what kind it is; never who it is about or who sent it.
  nlohmann::json logged = {{"wijk", d.wijk},
                           {"postcode", d.postcode},
                           {"kinds", kinds},
                           {"consent", d.consent},
                           {"partner", partner_name}};
  if (held) logged["held"] = true;
  change.record("aanmaken", "signaal", std::to_string(id), label_of(id), nullptr, logged);
  return id;
}

std::vector<SignalSummary> signals_of_partner(soci::session& sql, long long coalition_id,
                                              long long partner_id) {
  // Open ones first, newest first: what still needs someone is on top.
  return select_signals(sql,
                        "AND partner_id = :v ORDER BY CASE WHEN status = 'afgesloten' THEN 1 "
                        "ELSE 0 END, created_at DESC, id DESC",
                        coalition_id, partner_id);
}

std::vector<SignalSummary> signals_reported_by(soci::session& sql, long long coalition_id,
                                               long long person_id) {
  return select_signals(sql, "AND reported_by = :v ORDER BY created_at DESC, id DESC", coalition_id,
                        person_id);
}

std::vector<SignalSummary> all_signals(soci::session& sql, long long coalition_id) {
  return select_signals(sql, "AND held = 0 AND id > :v ORDER BY id", coalition_id, 0LL);
}

bool accept_held_signal(Change& change, const SignalSummary& signal) {
  soci::statement st =
      (change.sql().prepare << "UPDATE signals SET held = 0 WHERE id = :i AND coalition_id = :c "
                               "AND held = 1",
       soci::use(signal.id), soci::use(change.actor().coalition_id));
  st.execute(true);
  if (st.get_affected_rows() == 0) return false;
  change.record("aannemen", "signaal", std::to_string(signal.id), label_of(signal.id),
                {{"held", true}}, {{"held", false}});
  return true;
}

int remove_held_signals(Change& change, long long partner_id, long long up_to_id) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  const auto ids = select_ids(sql,
                              "SELECT id FROM signals WHERE coalition_id = :c AND partner_id = :p "
                              "AND held = 1 AND id <= :u ORDER BY id",
                              soci::use(coalition_id), soci::use(partner_id), soci::use(up_to_id));
  for (const auto id : ids) {
    sql << "DELETE FROM signal_steps WHERE signal_id = :i", soci::use(id);
    sql << "DELETE FROM signals WHERE id = :i", soci::use(id);
    change.record("verwijderen", "signaal", std::to_string(id), label_of(id), {{"held", true}},
                  nullptr);
  }
  return static_cast<int>(ids.size());
}

std::optional<SignalSummary> find_signal(soci::session& sql, long long coalition_id, long long id) {
  auto found = select_signals(sql, "AND id = :v", coalition_id, id);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<SignalSummary> find_signal_by_code(soci::session& sql, long long coalition_id,
                                                 const std::string& code) {
  const auto normal = domain::normalise_signal_code(code);
  if (normal.empty()) return std::nullopt;
  const auto hash = token_hash(normal);
  auto found = select_signals(sql, "AND code_hash = :v", coalition_id, hash);
  if (found.empty()) return std::nullopt;
  return found.front();
}

SignalContent open_signal(Change& change, const SignalKey& key, const SignalSummary& signal) {
  auto& sql = change.sql();
  std::string note, resident, reporter;
  sql << "SELECT note_sealed, resident_sealed, reporter_sealed FROM signals WHERE id = :i",
      soci::use(signal.id), soci::into(note), soci::into(resident), soci::into(reporter);
  SignalContent c;
  const auto opened = key.open(note);
  if (!opened) throw std::runtime_error("a signal cannot be opened with this key file");
  c.note = *opened;
  if (const auto fields = open_fields(key, resident); !fields.empty())
    std::tie(c.resident_name, c.resident_address) = std::tie(fields.at(0), fields.at(1));
  open_reporter(key, reporter, c);
  change.record("bekijken", "signaal", std::to_string(signal.id), label_of(signal.id), nullptr,
                {{"status", signal.status}});
  return c;
}

std::vector<SignalStepRecord> signal_steps(soci::session& sql, const SignalKey& key,
                                           long long signal_id) {
  SignalStepRecord r;
  std::string sealed;
  auto st = select_rows(sql,
                        "SELECT status, service_id, service_name, reason, note_sealed, "
                        "person_name, at FROM signal_steps WHERE signal_id = :s ORDER BY id",
                        soci::use(signal_id), soci::into(r.status), soci::into(r.service_id),
                        soci::into(r.service_name), soci::into(r.reason), soci::into(sealed),
                        soci::into(r.person_name), soci::into(r.at));
  std::vector<SignalStepRecord> out;
  while (st.fetch()) {
    const auto note = key.open(sealed);
    if (!note) throw std::runtime_error("a signal cannot be opened with this key file");
    r.note = *note;
    out.push_back(r);
  }
  return out;
}

bool add_signal_step(Change& change, const SignalKey& key, const SignalSummary& signal,
                     const domain::SignalStep& step, const std::string& service_name) {
  auto& sql = change.sql();
  const auto now = now_seconds();
  // The first step in which someone reached the resident counts as the first contact; the
  // first referral stays the referral's date.
  const bool reached = step.status == "contact_gelegd" || step.status == "doorverwezen";
  const long long first = signal.first_contact_at ? signal.first_contact_at : reached ? now : 0;
  const long long referred = signal.referred_at              ? signal.referred_at
                             : step.status == "doorverwezen" ? now
                                                             : 0;
  const long long closed = step.status == "afgesloten" ? now : 0;
  soci::indicator first_ind = first ? soci::i_ok : soci::i_null;
  soci::indicator referred_ind = referred ? soci::i_ok : soci::i_null;
  soci::indicator closed_ind = closed ? soci::i_ok : soci::i_null;
  const auto status = domain::word(domain::status_after(
      domain::parse_word<domain::SignalStatus>(signal.status).value_or(domain::SignalStatus::nieuw),
      domain::parse_word<domain::SignalStatus>(step.status).value_or(domain::SignalStatus::nieuw)));
  // Only from the status this step was chosen against: on PostgreSQL two colleagues' steps
  // can run at once, and the second must not pass unseen.
  soci::statement update =
      (sql.prepare << "UPDATE signals SET status = :st, close_reason = :r, first_contact_at = :f, "
                      "referred_at = :rf, closed_at = :cl WHERE id = :i AND status = :old",
       soci::use(status), soci::use(step.reason), soci::use(first, first_ind),
       soci::use(referred, referred_ind), soci::use(closed, closed_ind), soci::use(signal.id),
       soci::use(signal.status));
  update.execute(true);
  if (update.get_affected_rows() != 1) return false;
  const auto note = key.seal(step.note);
  const auto& person = change.actor().person_name;
  sql << "INSERT INTO signal_steps (signal_id, status, service_id, service_name, reason, "
         "note_sealed, person_name, at) VALUES (:s, :st, :sv, :sn, :r, :n, :p, :t)",
      soci::use(signal.id), soci::use(step.status), soci::use(step.service),
      soci::use(service_name), soci::use(step.reason), soci::use(note), soci::use(person),
      soci::use(now);
  nlohmann::json after{{"status", status}};
  if (!step.reason.empty()) after["close_reason"] = step.reason;
  if (!service_name.empty()) after["service"] = service_name;
  change.record("wijzigen", "signaal", std::to_string(signal.id), label_of(signal.id),
                {{"status", signal.status}}, after);
  return true;
}

int close_idle_signals(Database& db, long long now, int days) {
  const long long before = now - static_cast<long long>(days) * 86400;
  std::vector<std::pair<long long, SignalSummary>> due;  // coalition, signal
  {
    Connection conn(db);
    for (const auto coalition :
         select_ids(conn.sql(),
                    "SELECT DISTINCT coalition_id FROM signals WHERE closed_at IS NULL AND "
                    "created_at < :b ORDER BY coalition_id",
                    soci::use(before)))
      for (const auto& s :
           select_signals(conn.sql(), "AND closed_at IS NULL AND id > :v", coalition, 0LL))
        if (s.last_step_at < before) due.emplace_back(coalition, s);
  }
  int closed = 0;
  for (std::size_t i = 0; i < due.size();) {
    Change change(db, Actor{due[i].first, {}, ""});
    for (; i < due.size() && due[i].first == change.actor().coalition_id; ++i) {
      const auto& signal = due[i].second;
      // Not when a step came in meanwhile, even one that kept the status (a second contact).
      soci::statement update =
          (change.sql().prepare << "UPDATE signals SET status = 'afgesloten', close_reason = "
                                   "'verlopen', closed_at = :t WHERE id = :i AND status = :old "
                                   "AND NOT EXISTS (SELECT 1 FROM signal_steps st WHERE "
                                   "st.signal_id = signals.id AND st.at >= :b)",
           soci::use(now), soci::use(signal.id), soci::use(signal.status), soci::use(before));
      update.execute(true);
      if (update.get_affected_rows() != 1) continue;
      change.sql() << "INSERT INTO signal_steps (signal_id, status, service_id, service_name, "
                      "reason, note_sealed, person_name, at) VALUES (:s, 'afgesloten', '', '', "
                      "'verlopen', '', '', :t)",
          soci::use(signal.id), soci::use(now);
      change.record(
          "wijzigen", "signaal", std::to_string(signal.id), label_of(signal.id),
          {{"status", signal.status}},
          {{"status", std::string("afgesloten")}, {"close_reason", std::string("verlopen")}});
      ++closed;
    }
    change.commit();
  }
  return closed;
}

int erase_expired_signals(Database& db, long long now, int days) {
  const long long before = now - static_cast<long long>(days) * 86400;
  std::vector<std::pair<long long, long long>> due;  // coalition, signal
  {
    Connection conn(db);
    long long coalition = 0, id = 0;
    auto st = select_rows(conn.sql(),
                          "SELECT coalition_id, id FROM signals WHERE closed_at IS NOT NULL AND "
                          "closed_at < :b AND erased_at IS NULL ORDER BY coalition_id, id",
                          soci::use(before), soci::into(coalition), soci::into(id));
    while (st.fetch()) due.emplace_back(coalition, id);
  }
  for (std::size_t i = 0; i < due.size();) {
    Change change(db, Actor{due[i].first, {}, ""});
    for (; i < due.size() && due[i].first == change.actor().coalition_id; ++i) {
      const auto id = due[i].second;
      change.sql() << "UPDATE signals SET note_sealed = '', resident_sealed = '', "
                      "reporter_sealed = '', code_hash = '', sender_hash = '', "
                      "reported_by = NULL, erased_at = :t WHERE id = :i",
          soci::use(now), soci::use(id);
      change.sql() << "UPDATE signal_steps SET note_sealed = '' WHERE signal_id = :i",
          soci::use(id);
      change.record("wissen", "signaal", std::to_string(id), label_of(id), nullptr,
                    {{"status", std::string("afgesloten")}});
    }
    change.commit();
  }
  {
    // The flood limit looks back one day; after that a sender's hash serves nothing.
    const long long day_ago = now - 86400;
    Connection conn(db);
    conn.sql() << "UPDATE signals SET sender_hash = '' WHERE sender_hash <> '' AND created_at < :t",
        soci::use(day_ago);
  }
  return static_cast<int>(due.size());
}

bool key_opens_signals(Database& db, const SignalKey& key) {
  Connection conn(db);
  std::string sealed;
  soci::indicator found = soci::i_null;
  conn.sql() << "SELECT MAX(CASE WHEN note_sealed <> '' THEN note_sealed WHEN resident_sealed <> "
                "'' THEN resident_sealed ELSE reporter_sealed END) FROM signals WHERE "
                "note_sealed <> '' OR resident_sealed <> '' OR reporter_sealed <> ''",
      soci::into(sealed, found);
  return found != soci::i_ok || key.open(sealed).has_value();
}

bool has_signals(Database& db) {
  Connection conn(db);
  int count = 0;
  conn.sql() << "SELECT COUNT(*) FROM signals", soci::into(count);
  return count > 0;
}

}  // namespace kompas::store
