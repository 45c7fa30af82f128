#pragma once
// HTTP tests run the real server in-process on an ephemeral port, against SQLite or, when
// KOMPAS_TEST_PG is set (scripts/with-postgres.sh), a fresh PostgreSQL database per test.
#include <gtest/gtest.h>
#include <httplib.h>

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "store/change.h"
#include "store/database.h"
#include "web/core/app.h"

namespace kompas::test {

// One signaalpunt key for every test server of this run (store/signal_key.h).
std::shared_ptr<const store::SignalKey> test_signal_key();

// Who is calling. Coalition A (GM9999) has partners "Welzijn Noord" (own) and "Zorg Zuid"
// (other); coalition B (GM0001) is someone else's.
enum class As { anonymous, beheerder, partner, lezer, other_coalition };

// Every seeded person has this password.
inline const std::string kPassword = "een-lang-wachtwoord";

struct Seed {
  long long coalition_a = 0, coalition_b = 0;
  long long own_partner = 0, other_partner = 0, partner_b = 0;
  long long beheerder = 0, partner_person = 0, lezer = 0, beheerder_b = 0, person_b = 0;
  long long survey = 0;                   // of coalition A
  long long ambition = 0, indicator = 0;  // of coalition A: a population indicator
  long long activity = 0;                 // led by the own partner
  long long own_contribution = 0, other_contribution = 0;
  long long action = 0;  // of the own partner, owned by the beheerder
  // A check round of the activity, open until 2099: the partner person and a volunteer (link).
  long long round = 0, member = 0, volunteer = 0;
  std::string link_token;
  // This year's self-scan, not finished, and one term in the list.
  int scan_year = 0;
  long long term = 0;
  // A meeting next month with one own item on its agenda.
  long long meeting = 0, agenda_item = 0;
  // A training with one session (no one on its list yet).
  long long training = 0, session = 0;
  // A new signal for the own partner (routes: the own partner for the whole gemeente).
  long long signal = 0;
};

// The seeded beheerder of coalition A, for changes a test makes through the stores.
inline store::Actor beheerder_of(const Seed& seed) {
  return {seed.coalition_a, seed.beheerder, "Anouk Beheer"};
}

class HttpTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  // A fixture may change the server's settings before it starts.
  virtual void configure(web::Config&) {}

  httplib::Result get(const std::string& path, As who = As::beheerder,
                      httplib::Headers headers = {});
  // Posts a urlencoded form with the caller's CSRF token added (unless `with_csrf` is false).
  httplib::Result post(const std::string& path, As who, httplib::Params form,
                       bool with_csrf = true);
  // Posts a form without an account, as a browser does: the page is fetched first for the
  // double-submit cookie, which the form then carries as its _csrf.
  httplib::Result post_without_account(const std::string& path, httplib::Params form);
  // A multipart form with one file and, optionally, other fields.
  httplib::Result post_file(const std::string& path, As who, const std::string& field,
                            const std::string& filename, const std::string& content,
                            const httplib::Params& fields = {});
  std::string csrf(As who) const;
  // The beheerder sets the coalition's minimum group size on the admin page (expects success).
  void set_min_cell_size(int size);
  // Two wijken of coalition A, WK999901 Noord and WK999902 Zuid, stored by the beheerder.
  void add_wijken();
  httplib::Client client() const { return httplib::Client("127.0.0.1", port_); }
  int port() const { return port_; }
  std::string cookie_for(As who) const;
  int count(const std::string& sql_text);  // SELECT COUNT(*) ...
  store::Database& db() { return *db_; }
  const std::string& location() const { return location_; }
  web::App& app() { return *app_; }
  static bool on_postgres();

  Seed seed;

 private:
  void seed_data();
  void expect_audit_log_declared_and_translated();
  void expect_log_without_personal_data();
  void expect_audit_log_reads_as_sentences();
  long long seed_survey(store::Change& change);
  void seed_plan(store::Change& change);
  std::string location_;
  std::string pg_admin_url_, pg_database_;
  std::string sqlite_dir_;
  std::unique_ptr<store::Database> db_;
  std::unique_ptr<web::App> app_;
  std::thread thread_;
  int port_ = 0;
  std::map<As, std::pair<std::string, std::string>> sessions_;  // token, csrf
  std::shared_ptr<std::ostringstream> log_;  // what the server logged during the test
};

// A path a route's pattern matches, each group replaced by a sample of its kind (a number, a
// year, the gemeente's code, a word), for tests that call every route.
std::string sample_path(const std::string& pattern, const std::string& gemeente_code = "GM9999");

// HTML text as read: the entities our templates write replaced by their characters.
std::string html_unescape(std::string text);

// Text of the response body, for EXPECT_THAT(..., HasSubstr(...)).
inline std::string body(const httplib::Result& r) {
  return r ? r->body : "<no response>";
}
inline int status(const httplib::Result& r) {
  return r ? r->status : -1;
}

}  // namespace kompas::test
