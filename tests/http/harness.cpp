#include "harness.h"

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <regex>
#include <set>

#include "domain/areas.h"
#include "domain/survey_import.h"
#include "store/actions_store.h"
#include "store/activities_store.h"
#include "store/ambitions_store.h"
#include "store/areas_store.h"
#include "store/coalitions_store.h"
#include "store/contributions_store.h"
#include "store/indicators_store.h"
#include "store/meetings_store.h"
#include "store/migrations.h"
#include "store/partners_store.h"
#include "store/people_store.h"
#include "store/quality_rounds_store.h"
#include "store/secrets.h"
#include "store/self_scans_store.h"
#include "store/sessions_store.h"
#include "store/signals_store.h"
#include "store/surveys_store.h"
#include "store/training_store.h"
#include "web/core/section.h"
#include "web/ui/input.h"

namespace kompas::test {

namespace {

std::string random_suffix() {
  static std::mt19937_64 rng(std::random_device{}());
  return std::to_string(rng() % 1000000000000ULL);
}

// One argon2id hash for every seeded person keeps the tests fast.
const std::string& seeded_hash() {
  static const std::string hash = store::hash_password(kPassword);
  return hash;
}

}  // namespace

std::shared_ptr<const store::SignalKey> test_signal_key() {
  static const auto key = [] {
    const auto file =
        std::filesystem::temp_directory_path() / ("kompas-test-" + random_suffix() + ".key");
    store::SignalKey::create(file);
    auto read = std::make_shared<const store::SignalKey>(store::SignalKey::read(file));
    std::filesystem::remove(file);
    return read;
  }();
  return key;
}

bool HttpTest::on_postgres() {
  return std::getenv("KOMPAS_TEST_PG") != nullptr;
}

void HttpTest::SetUp() {
  // Everything the server logs goes to stderr as always, and is kept to be searched at the end.
  log_ = std::make_shared<std::ostringstream>();
  auto logger = std::make_shared<spdlog::logger>(
      "kompas", spdlog::sinks_init_list{std::make_shared<spdlog::sinks::stderr_sink_mt>(),
                                        std::make_shared<spdlog::sinks::ostream_sink_mt>(*log_)});
  spdlog::set_default_logger(logger);
  if (on_postgres()) {
    pg_admin_url_ = std::getenv("KOMPAS_TEST_PG");
    pg_database_ = "kt_" + random_suffix();
    {
      store::Database admin(pg_admin_url_, 1);
      store::Connection conn(admin);
      conn.sql() << "CREATE DATABASE " + pg_database_;
    }
    location_ = pg_admin_url_.substr(0, pg_admin_url_.rfind('/') + 1) + pg_database_;
  } else {
    sqlite_dir_ =
        (std::filesystem::temp_directory_path() / ("kompas-test-" + random_suffix())).string();
    std::filesystem::create_directories(sqlite_dir_);
    location_ = sqlite_dir_ + "/test.db";
  }
  db_ = std::make_unique<store::Database>(location_, 8);
  store::migrate(*db_);
  seed_data();
  web::Config config;
  config.server.worker_threads = 8;
  config.server.max_upload_bytes = 1 << 20;
  config.signal_key = test_signal_key();
  configure(config);
  app_ = std::make_unique<web::App>(*db_, config);
  port_ = app_->bind_any_port("127.0.0.1");
  ASSERT_GT(port_, 0);
  thread_ = std::thread([this] { app_->listen_after_bind(); });
  app_->wait_until_ready();
}

// Whatever this test wrote to the audit log can be read in both languages: every kind of
// record, action and field has a text (the log once showed "audit.entity.actie" and raw names).
void HttpTest::expect_audit_log_declared_and_translated() {
  std::set<std::string> keys;
  store::Connection conn(*db_);
  soci::rowset<soci::row> rows =
      (conn.sql().prepare << "SELECT DISTINCT entity, action, changes FROM audit_log");
  for (const auto& row : rows) {
    const auto entity = row.get<std::string>(0);
    keys.insert("audit.entity." + entity);
    keys.insert("audit.action." + row.get<std::string>(1));
    const auto* audited = web::audited_kind(entity);
    EXPECT_NE(audited, nullptr) << "no section declares " << entity;
    const auto changes = nlohmann::json::parse(row.get<std::string>(2, "{}"), nullptr, false);
    if (!audited || !changes.is_object()) continue;
    for (auto it = changes.begin(); it != changes.end(); ++it)
      EXPECT_TRUE(std::count(audited->fields.begin(), audited->fields.end(), it.key()))
          << entity << " logs " << it.key() << ", which its section does not declare";
  }
  for (const auto& key : keys)
    for (const auto lang : {web::Lang::nl, web::Lang::en})
      EXPECT_TRUE(app_->catalogue().has(lang, key)) << "no text for " << key;
}

// The server's log holds no personal data or secrets: no address of a test account, no session
// or CSRF token, no token's hash (a failed statement once logged its parameters).
void HttpTest::expect_log_without_personal_data() {
  const auto logged = log_->str();
  std::vector<std::string> secrets = {"@a.example", "@b.example"};
  for (const auto& [who, session] : sessions_) {
    secrets.push_back(session.first);
    secrets.push_back(session.second);
    secrets.push_back(store::token_hash(session.first));
  }
  for (const auto& secret : secrets)
    EXPECT_EQ(logged.find(secret), std::string::npos) << "the log holds " << secret << ":\n"
                                                      << logged;
}

// The audit log as a beheerder reads it, every entry this test wrote, reads like sentences: no
// CBS code, no snake_case word (a raw list word or key), no "(nummer)": references show names,
// words come from the catalogue.
void HttpTest::expect_audit_log_reads_as_sentences() {
  std::vector<std::pair<long long, std::string>> readers;  // coalition, session token
  {
    store::Connection conn(*db_);
    std::vector<long long> coalitions;
    long long c = 0;
    auto st = store::select_rows(conn.sql(), "SELECT DISTINCT coalition_id FROM audit_log",
                                 soci::into(c));
    while (st.fetch()) coalitions.push_back(c);
    for (const auto coalition : coalitions) {
      const auto ids = store::select_ids(conn.sql(),
                                         "SELECT id FROM people WHERE coalition_id = :c AND role "
                                         "= 'beheerder' AND active = 1 ORDER BY id",
                                         soci::use(coalition));
      if (!ids.empty())
        readers.emplace_back(coalition, store::create_session(conn.sql(), ids.front()).token);
    }
  }
  const std::regex code(R"(\b(GM\d{4}|WK\d{6}|BU\d{8})\b)");
  const std::regex snake(R"(\b[a-z0-9]+(_[a-z0-9]+)+\b)");
  const std::regex not_words(R"(\S+@\S+|https?://\S+|\S+\.(json|csv|zip|ndjson|md)\b)");
  const std::regex tags("<[^>]*>");
  for (const auto& [coalition, token] : readers) {
    for (int page = 1; page <= 20; ++page) {
      httplib::Client client("127.0.0.1", port_);
      const auto r = client.Get("/beheer/logboek?pagina=" + std::to_string(page),
                                {{"Cookie", "kompas_sessie=" + token}});
      if (!r || r->status != 200) break;
      const auto start = r->body.find("<tbody class=\"utrecht-table__body\">");
      if (start == std::string::npos) break;
      auto rows = r->body.substr(start, r->body.find("</tbody>", start) - start);
      if (rows.find("<tr") == std::string::npos) break;
      rows = html_unescape(std::regex_replace(rows, tags, " "));
      // std::regex recurses per character, so a very long word (a text typed to its limit) is
      // cut first: codes and raw words are short.
      std::string cut;
      std::size_t run = 0;
      for (const char ch : rows) {
        run = std::isspace(static_cast<unsigned char>(ch)) ? 0 : run + 1;
        if (run <= 100) cut += ch;
      }
      rows = std::regex_replace(cut, not_words, " ");
      std::smatch found;
      EXPECT_FALSE(std::regex_search(rows, found, code))
          << "a CBS code in the audit log: " << found.str() << "\n"
          << rows;
      EXPECT_FALSE(std::regex_search(rows, found, snake))
          << "a raw word in the audit log: " << found.str() << "\n"
          << rows;
      EXPECT_EQ(rows.find("(nummer"), std::string::npos) << rows;
    }
  }
}

void HttpTest::TearDown() {
  if (app_ && db_ && !HasFatalFailure()) {
    expect_audit_log_declared_and_translated();
    expect_audit_log_reads_as_sentences();
  }
  if (app_) app_->stop();
  if (thread_.joinable()) thread_.join();
  expect_log_without_personal_data();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>(
      "kompas", std::make_shared<spdlog::sinks::stderr_sink_mt>()));
  app_.reset();
  db_.reset();
  if (!pg_database_.empty()) {
    store::Database admin(pg_admin_url_, 1);
    store::Connection conn(admin);
    conn.sql() << "DROP DATABASE IF EXISTS " + pg_database_;
  }
  if (!sqlite_dir_.empty()) std::filesystem::remove_all(sqlite_dir_);
}

// A small survey of coalition A: 80 respondents, women and men, answers that vary.
long long HttpTest::seed_survey(store::Change& change) {
  std::string csv = "geslacht;leeftijd;djg1;djg2;djg3;djg4;djg5;djg6;djg7;djg8;djg9;djg10;djg11\n";
  const char* words[] = {"ja", "nee", "min of meer"};
  for (int r = 0; r < 80; ++r) {
    csv += std::string(r % 2 ? "vrouw" : "man") + ";" + std::to_string(20 + r);
    for (int k = 0; k < 11; ++k) csv += std::string(";") + words[(r * 7 + k * r) % 3];
    csv += "\n";
  }
  const auto prepared = domain::prepare_survey(csv, {}, {});
  store::Survey survey;
  survey.name = "Proefmeting";
  survey.year = 2025;
  survey.age_bands = "18-64,65-74,75+";
  return store::save_survey(change, survey, prepared.read.data, prepared.columns);
}

// One ambition with a population indicator on the seeded survey's "eenzaam" for everyone.
void HttpTest::seed_plan(store::Change& change) {
  domain::Ambition a;
  a.title = "Minder eenzaamheid";
  a.statement = "Over drie jaar willen we dat minder inwoners zich eenzaam voelen.";
  a.target_group = "iedereen";
  a.start_year = 2024;
  a.end_year = 2027;
  seed.ambition = store::create_ambition(change, a);
  domain::Indicator ind;
  ind.ambition_id = seed.ambition;
  ind.name = "% eenzaam, hele gemeente";
  ind.survey_indicator = "eenzaam";
  ind.baseline_value = 60;
  ind.baseline_date = "2024-01-01";
  ind.targets = {{2027, 40}};
  seed.indicator = store::create_indicator(change, ind);
  domain::Activity act;
  act.name = "Huiskamer";
  act.lead_partner_id = seed.own_partner;
  act.target_group = "75plus";
  act.loneliness_type = "sociaal";
  act.degrees = {"matig"};
  act.ambition_ids = {seed.ambition};
  seed.activity = store::create_activity(change, act);
  domain::Contribution c;
  c.ambition_id = seed.ambition;
  c.what = "Opbouwwerk";
  c.start_year = 2025;
  c.end_year = 2027;
  c.partner_id = seed.own_partner;
  seed.own_contribution = store::create_contribution(change, c);
  c.partner_id = seed.other_partner;
  c.what = "Wijkverpleging signaleert";
  seed.other_contribution = store::create_contribution(change, c);
  domain::Action action;
  action.title = "Subsidie aanvragen";
  action.due_date = "2020-01-01";
  action.partner_id = seed.own_partner;
  action.owner_person_id = seed.beheerder;
  seed.action = store::create_action(change, action);
  // A check round of the activity: the partner person in its team, and a volunteer's link.
  domain::CheckRound round;
  round.activity_id = seed.activity;
  round.instrument_version = 1;
  round.ends_on = "2099-12-31";
  round.started_by = seed.partner_person;
  round.started_at = store::now_seconds();
  seed.round = store::create_round(change, round);
  domain::Respondent member;
  member.round_id = seed.round;
  member.person_id = seed.partner_person;
  member.name = "Mo Partner";
  seed.member = store::add_member(change, member);
  domain::Respondent volunteer;
  volunteer.round_id = seed.round;
  volunteer.name = "Vera Vrijwilliger";
  const auto link = store::add_volunteer(change, volunteer);
  seed.volunteer = link.respondent_id;
  seed.link_token = link.token;
  seed.scan_year = web::current_year();
  store::create_self_scan(change, seed.scan_year, 1);
  seed.term = store::create_term(change, {0, "Kartrekker", "Wie de coalitie bij elkaar houdt."});
  seed.meeting = store::create_meeting(
      change, {0, std::to_string(seed.scan_year + 1) + "-01-15", "Coalitieoverleg", {}});
  domain::AgendaItem item;
  item.subject = "Terugblik op de Week tegen Eenzaamheid";
  store::add_agenda_items(change, seed.meeting, {item});
  seed.agenda_item = store::list_agenda(change.sql(), seed.meeting).front().id;
  domain::Training training;
  training.title = "In gesprek over eenzaamheid";
  seed.training = store::create_training(change, training);
  seed.session = store::create_session(change, {0, seed.training, "2026-03-10", "Wijkhuis", "", 0});
}

void HttpTest::add_wijken() {
  store::Change change(*db_, beheerder_of(seed));
  const auto parsed =
      domain::parse_area_csv("code;naam\nWK999901;Noord\nWK999902;Zuid\n", "GM9999", {});
  ASSERT_TRUE(parsed.problems.empty());
  store::save_areas(change, parsed.areas);
  change.commit();
}

void HttpTest::seed_data() {
  store::Change change(*db_, {});
  seed.coalition_a = store::create_coalition(
      change, {0, "Gemeente Voorbeeld", "GM9999", "Gemeente Voorbeeld", "2026-01-01"});
  seed.own_partner = store::create_partner(
      change, {0, "Welzijn Noord", "welzijn", "Mo", "mo@welzijn.example", "", "", true});
  seed.other_partner =
      store::create_partner(change, {0, "Zorg Zuid", "zorg", "Ida", "", "", "", true});
  auto person = [&](const std::string& name, const std::string& email, domain::Role role,
                    std::optional<long long> partner) {
    domain::Person p;
    p.name = name;
    p.email = email;
    p.role = role;
    p.partner_id = partner;
    return store::create_person(change, p, seeded_hash());
  };
  seed.beheerder = person("Anouk Beheer", "beheer@a.example", domain::Role::beheerder, {});
  seed.partner_person =
      person("Mo Partner", "partner@a.example", domain::Role::partner, seed.own_partner);
  seed.lezer = person("Lotte Lezer", "lezer@a.example", domain::Role::lezer, {});
  seed.survey = seed_survey(change);
  seed_plan(change);
  // Every signal goes to the own partner; one came in, about someone on postcode 9901.
  store::save_signal_route(change, "", seed.own_partner, "Welzijn Noord");
  seed.signal = *store::add_signal(change, *test_signal_key(),
                                   {"",
                                    "9901",
                                    {domain::SignalKind::buiten},
                                    "akkoord",
                                    "Gordijnen al dagen dicht.",
                                    "Mevrouw Jansen",
                                    "Dorpsstraat 1",
                                    "Mo Partner",
                                    "06-11111111"},
                                   seed.own_partner, "SEED1234", seed.partner_person, "");
  seed.coalition_b = store::create_coalition(change, {0, "Gemeente Ander", "GM0001", "", ""});
  seed.partner_b =
      store::create_partner(change, {0, "Welzijn Ander", "welzijn", "", "", "", "", true});
  seed.beheerder_b = person("Bert Ander", "beheer@b.example", domain::Role::beheerder, {});
  seed.person_b = person("Bea Ander", "lezer@b.example", domain::Role::lezer, {});
  change.commit();

  store::Connection conn(*db_);
  for (auto [who, id] : {std::pair{As::beheerder, seed.beheerder},
                         {As::partner, seed.partner_person},
                         {As::lezer, seed.lezer},
                         {As::other_coalition, seed.beheerder_b}}) {
    const auto s = store::create_session(conn.sql(), id);
    sessions_[who] = {s.token, s.csrf_token};
  }
}

std::string HttpTest::cookie_for(As who) const {
  const auto it = sessions_.find(who);
  return it == sessions_.end() ? "" : "kompas_sessie=" + it->second.first;
}

std::string HttpTest::csrf(As who) const {
  const auto it = sessions_.find(who);
  return it == sessions_.end() ? "" : it->second.second;
}

httplib::Result HttpTest::get(const std::string& path, As who, httplib::Headers headers) {
  httplib::Client client("127.0.0.1", port_);
  if (who != As::anonymous) headers.emplace("Cookie", cookie_for(who));
  return client.Get(path, headers);
}

void HttpTest::set_min_cell_size(int size) {
  ASSERT_EQ(status(post("/beheer/coalitie", As::beheerder,
                        {{"name", "Gemeente Voorbeeld"},
                         {"kartrekker", "Gemeente Voorbeeld"},
                         {"cycle_start", "2026-01-01"},
                         {"min_cell_size", std::to_string(size)}})),
            303);
}

std::string html_unescape(std::string text) {
  // "&amp;" last, so "&amp;quot;" reads as the "&quot;" someone typed.
  for (const auto& [from, to] :
       {std::pair{"&quot;", "\""}, std::pair{"&#39;", "'"}, std::pair{"&lt;", "<"},
        std::pair{"&gt;", ">"}, std::pair{"&amp;", "&"}})
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + 1))
      text.replace(at, std::string(from).size(), to);
  return text;
}

std::string sample_path(const std::string& pattern, const std::string& gemeente_code) {
  std::string path = std::regex_replace(pattern, std::regex(R"(\(GM\\d\{4\}\))"), gemeente_code);
  path = std::regex_replace(path, std::regex(R"(\(\\d\{4\}\))"), "2026");
  path = std::regex_replace(path, std::regex(R"(\(\\d\+\))"), "1");
  path = std::regex_replace(path, std::regex(R"(\([^()]*\))"), "a");
  return std::regex_replace(path, std::regex(R"(\\\.)"), ".");
}

httplib::Result HttpTest::post_without_account(const std::string& path, httplib::Params form) {
  httplib::Client c("127.0.0.1", port_);
  const auto page = c.Get(path);
  const auto set_cookie = page->get_header_value("Set-Cookie");
  const auto cookie = set_cookie.substr(0, set_cookie.find(';'));
  form.emplace("_csrf", cookie.substr(cookie.find('=') + 1));
  return c.Post(path, {{"Cookie", cookie}}, form);
}

httplib::Result HttpTest::post(const std::string& path, As who, httplib::Params form,
                               bool with_csrf) {
  httplib::Client client("127.0.0.1", port_);
  httplib::Headers headers;
  if (who != As::anonymous) headers.emplace("Cookie", cookie_for(who));
  if (with_csrf) form.emplace("_csrf", csrf(who));
  return client.Post(path, headers, form);
}

httplib::Result HttpTest::post_file(const std::string& path, As who, const std::string& field,
                                    const std::string& filename, const std::string& content,
                                    const httplib::Params& fields) {
  httplib::Client client("127.0.0.1", port_);
  httplib::Headers headers = {{"Cookie", cookie_for(who)}};
  httplib::MultipartFormDataItems items = {{"_csrf", csrf(who), "", ""},
                                           {field, content, filename, "text/csv"}};
  for (const auto& [name, value] : fields) items.push_back({name, value, "", ""});
  return client.Post(path, headers, items);
}

int HttpTest::count(const std::string& sql_text) {
  store::Connection conn(*db_);
  int n = 0;
  conn.sql() << sql_text, soci::into(n);
  return n;
}

}  // namespace kompas::test
