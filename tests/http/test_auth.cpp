// Login, logout, sessions, CSRF, throttling and the headers every response carries.
#include <gmock/gmock.h>

#include <atomic>
#include <chrono>
#include <regex>
#include <thread>

#include "harness.h"
#include "store/password_quality.h"

using ::testing::HasSubstr;
using ::testing::Not;

namespace kompas::test {
namespace {

std::string cookie_value(const httplib::Response& res, const std::string& name) {
  for (std::size_t i = 0; i < res.get_header_value_count("Set-Cookie"); ++i) {
    const auto header = res.get_header_value("Set-Cookie", i);
    if (header.starts_with(name + "=")) return header;
  }
  return "";
}

std::string value_of(const std::string& set_cookie) {
  const auto start = set_cookie.find('=') + 1;
  return set_cookie.substr(start, set_cookie.find(';') - start);
}

class AuthTest : public HttpTest {
 protected:
  // Fetches the login form: the double-submit cookie and the token printed in the form.
  std::pair<std::string, std::string> login_form() {
    auto r = get("/inloggen", As::anonymous);
    EXPECT_EQ(status(r), 200);
    const auto token = value_of(cookie_value(*r, "kompas_formulier"));
    EXPECT_THAT(r->body, HasSubstr("value=\"" + token + "\""));
    return {"kompas_formulier=" + token, token};
  }

  httplib::Result login(const std::string& email, const std::string& password,
                        const std::string& back = "/", httplib::Headers extra = {}) {
    auto [cookie, token] = login_form();
    extra.emplace("Cookie", cookie);
    return client().Post(
        "/inloggen", extra,
        httplib::Params{
            {"_csrf", token}, {"email", email}, {"password", password}, {"terug", back}});
  }
};

TEST_F(AuthTest, LoginSetsASecureSessionCookieAndOpensTheOverview) {
  auto r = login("  Beheer@A.example ", kPassword, "/partners");
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(r->get_header_value("Location"), "/partners");
  const auto session = cookie_value(*r, "kompas_sessie");
  EXPECT_THAT(session, HasSubstr("HttpOnly"));
  EXPECT_THAT(session, HasSubstr("SameSite=Lax"));
  EXPECT_THAT(session, Not(HasSubstr("Secure")));
  auto page = client().Get("/", {{"Cookie", "kompas_sessie=" + value_of(session)}});
  EXPECT_EQ(status(page), 200);
  EXPECT_THAT(body(page), HasSubstr("Gemeente Voorbeeld"));
  EXPECT_THAT(body(page), HasSubstr("Anouk Beheer"));
}

// Anyone can send X-Forwarded-Proto and X-Forwarded-For; only a trusted proxy is believed.
TEST_F(AuthTest, ForwardedHeadersFromAnyoneMeanNothing) {
  auto r = login("beheer@a.example", kPassword, "/", {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(status(r), 303);
  EXPECT_THAT(cookie_value(*r, "kompas_sessie"), Not(HasSubstr("Secure")));
  // Changing the forwarded address does not escape the throttle.
  for (int i = 0; i < 5; ++i)
    login("lezer@a.example", "fout-fout-fout", "/",
          {{"X-Forwarded-For", "10.0.0." + std::to_string(i)}});
  EXPECT_EQ(status(login("lezer@a.example", kPassword, "/", {{"X-Forwarded-For", "10.9.9.9"}})),
            429);
}

TEST_F(AuthTest, ReturnPathMustStayOnThisSite) {
  // Chromium drops the tab and newline and reads a backslash as a slash.
  for (const std::string target : {"https://evil.example/", "//evil.example", "/\\evil",
                                   "/\t/evil.example", "/\n/evil.example", "/%2F/evil.example",
                                   "/%5Cevil.example", "/ /evil", "", "evil.example"}) {
    auto r = login("beheer@a.example", kPassword, target);
    ASSERT_EQ(status(r), 303);
    EXPECT_EQ(r->get_header_value("Location"), "/") << target;
    r = get("/taal?lang=nl&terug=" + httplib::detail::encode_query_param(target));
    EXPECT_EQ(r->get_header_value("Location"), "/") << target;
  }
  EXPECT_EQ(get("/taal?lang=nl&terug=%2Fpartners%3Fq%3Da")->get_header_value("Location"),
            "/partners?q=a");
}

// 40 wrong passwords at once for one account: each attempt is counted before its check, so
// only five are checked; the rest wait without a password check.
TEST_F(AuthTest, ParallelGuessesAreCountedOneByOne) {
  std::vector<std::thread> threads;
  std::atomic<int> checked = 0, refused = 0;
  for (int i = 0; i < 40; ++i)
    threads.emplace_back([&] {
      const int code = status(login("beheer@a.example", "fout-fout-fout"));
      if (code == 401) ++checked;
      if (code == 429) ++refused;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(checked.load(), 5);
  EXPECT_EQ(refused.load(), 35);
}

TEST_F(AuthTest, ChangingThePasswordEndsOtherSessions) {
  const auto other = login("lezer@a.example", kPassword);
  ASSERT_EQ(status(other), 303);
  const auto other_cookie = "kompas_sessie=" + value_of(cookie_value(*other, "kompas_sessie"));
  ASSERT_EQ(status(client().Get("/", {{"Cookie", other_cookie}})), 200);
  ASSERT_EQ(status(post("/profiel/wachtwoord", As::lezer,
                        {{"current", kPassword}, {"new", "paarse-fiets-op-dinsdag"}})),
            303);
  EXPECT_EQ(status(client().Get("/", {{"Cookie", other_cookie}})), 303);  // to the login page
  EXPECT_EQ(status(get("/", As::lezer)), 200);  // the session that changed it stays
}

TEST_F(AuthTest, EasyPasswordsAreRefused) {
  for (const std::string weak :
       {"123456789012", "            ", "aaaaaaaaaaaa", "lezerlezerlezer", "password1234",
        "Password1234!", "SUPERMAN12345", "!!trustno1!!!"}) {
    auto r = post("/profiel/wachtwoord", As::lezer, {{"current", kPassword}, {"new", weak}});
    EXPECT_EQ(status(r), 422) << weak;
  }
  // The list of most-used passwords, compared without case and digits or symbols at the ends.
  EXPECT_TRUE(store::is_common_password("Qwerty123456"));
  EXPECT_TRUE(store::is_common_password("#Dragon2024#"));
  EXPECT_FALSE(store::is_common_password("paarse-fiets-op-dinsdag"));
  EXPECT_FALSE(store::is_common_password(kPassword));
  // Twelve characters, not bytes: eleven accented letters are 22 bytes but too short.
  auto r = post("/profiel/wachtwoord", As::lezer, {{"current", kPassword}, {"new", "éèëêéèëêéèë"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("minstens 12 tekens"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'wachtwoord'"), 0);
}

// 40,000 Cookie lines once cost 12 s of CPU: the cookies are read in one pass.
TEST_F(AuthTest, ThousandsOfCookieHeadersAreReadQuickly) {
  httplib::Headers headers;
  for (int i = 0; i < 40000; ++i) headers.emplace("Cookie", "c" + std::to_string(i) + "=x");
  const auto start = std::chrono::steady_clock::now();
  auto r = client().Get("/inloggen", headers);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);  // far more headers than any browser sends
  EXPECT_THAT(r->body, HasSubstr("Te veel kopregels"));
  EXPECT_LT(seconds.count(), 5.0);  // liveness, not speed: it was 12 s
  // A browser's few cookies in several headers are still read.
  EXPECT_EQ(status(client().Get("/inloggen", {{"Cookie", "a=1"}, {"Cookie", "taal=en"}})), 200);
}

// Behind the proxy the coalition runs (nginx on the same machine), the forwarded address counts.
class ProxiedAuthTest : public AuthTest {
 protected:
  void configure(web::Config& config) override { config.trusted_proxies = {"127.0.0.1"}; }
};

TEST_F(ProxiedAuthTest, AnAttackerElsewhereSlowsOnlyThemselves) {
  const httplib::Headers attacker = {{"X-Forwarded-For", "203.0.113.9"}};
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(status(login("beheer@a.example", "fout-fout-fout", "/", attacker)), 401);
  EXPECT_EQ(status(login("beheer@a.example", kPassword, "/", attacker)), 429);
  // The real person, from their own address, gets in.
  auto r = login("beheer@a.example", kPassword, "/", {{"X-Forwarded-For", "198.51.100.7"}});
  EXPECT_EQ(status(r), 303);
  EXPECT_THAT(cookie_value(*r, "kompas_sessie"), Not(HasSubstr("Secure")));
  r = login("lezer@a.example", kPassword, "/",
            {{"X-Forwarded-For", "198.51.100.8"}, {"X-Forwarded-Proto", "https"}});
  EXPECT_THAT(cookie_value(*r, "kompas_sessie"), HasSubstr("; Secure"));
}

TEST_F(ProxiedAuthTest, ManyAddressesAreSlowedNotBlockedAndTheBeheerderCanUnlock) {
  for (int i = 0; i < 21; ++i)
    login("lezer@a.example", "fout-fout-fout", "/",
          {{"X-Forwarded-For", "203.0.113." + std::to_string(i)}});
  // Past the account's ceiling: one check per 10 seconds, whoever asks.
  auto r = login("lezer@a.example", kPassword, "/", {{"X-Forwarded-For", "198.51.100.7"}});
  EXPECT_EQ(status(r), 429);
  EXPECT_EQ(r->get_header_value("Retry-After"), "10");
  // The beheerder sees the failures on the person's page and clears them.
  const auto edit = body(get("/mensen/" + std::to_string(seed.lezer) + "/bewerken"));
  EXPECT_THAT(edit, HasSubstr("Mislukte aanmeldpogingen wissen"));
  ASSERT_EQ(status(post("/mensen/" + std::to_string(seed.lezer), As::beheerder,
                        {{"name", "Lotte Lezer"},
                         {"email", "lezer@a.example"},
                         {"role", "lezer"},
                         {"partner_id", ""},
                         {"password", ""},
                         {"active", "1"},
                         {"unlock", "1"}})),
            303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'ontgrendelen'"), 1);
  EXPECT_EQ(status(login("lezer@a.example", kPassword, "/", {{"X-Forwarded-For", "198.51.100.7"}})),
            303);
}

// Device cookies: a browser where the person signed in before is never slowed by guesses for
// the account from elsewhere; only unknown browsers share the account's limit.
TEST_F(ProxiedAuthTest, AKnownBrowserIsNeverLockedOut) {
  const httplib::Headers home = {{"X-Forwarded-For", "198.51.100.7"}};
  auto r = login("lezer@a.example", kPassword, "/", home);
  ASSERT_EQ(status(r), 303);
  const auto device = cookie_value(*r, "kompas_apparaat");
  EXPECT_THAT(device, HasSubstr("HttpOnly"));
  EXPECT_THAT(device, HasSubstr("Max-Age=31536000"));
  const auto known = "kompas_apparaat=" + value_of(device);
  for (int i = 0; i < 25; ++i)
    login("lezer@a.example", "fout-fout-fout", "/",
          {{"X-Forwarded-For", "203.0.113." + std::to_string(i)}});
  // An unknown browser, even at the person's own address, waits; the known one gets in.
  EXPECT_EQ(status(login("lezer@a.example", kPassword, "/", home)), 429);
  auto with_device = home;
  with_device.emplace("Cookie", known);
  r = login("lezer@a.example", kPassword, "/", with_device);
  EXPECT_EQ(status(r), 303);
  EXPECT_EQ(cookie_value(*r, "kompas_apparaat"), "");  // it keeps its cookie
  // The cookie counts for its own account only, and a stolen one gets five guesses.
  auto elsewhere = with_device;
  elsewhere.erase("X-Forwarded-For");
  elsewhere.emplace("X-Forwarded-For", "203.0.113.200");
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(status(login("lezer@a.example", "fout-fout-fout", "/", elsewhere)), 401);
  EXPECT_EQ(status(login("lezer@a.example", kPassword, "/", elsewhere)), 429);
  EXPECT_EQ(count("SELECT COUNT(*) FROM known_devices"), 1);
}

TEST_F(AuthTest, WrongPasswordIsRefusedWithAPlainMessageAndKeepsTheEmail) {
  auto r = login("beheer@a.example", "niet-het-goede-wachtwoord");
  EXPECT_EQ(status(r), 401);
  EXPECT_THAT(body(r), HasSubstr("Het e-mailadres of het wachtwoord klopt niet."));
  EXPECT_THAT(body(r), HasSubstr("value=\"beheer@a.example\""));
  EXPECT_EQ(cookie_value(*r, "kompas_sessie"), "");
}

TEST_F(AuthTest, UnknownAccountGetsTheSameMessage) {
  auto r = login("niemand@a.example", kPassword);
  EXPECT_EQ(status(r), 401);
  EXPECT_THAT(body(r), HasSubstr("Het e-mailadres of het wachtwoord klopt niet."));
}

TEST_F(AuthTest, SwitchedOffPersonCannotLogIn) {
  {
    store::Connection conn(db());
    conn.sql() << "UPDATE people SET active = 0 WHERE id = :id", soci::use(seed.lezer);
  }
  EXPECT_EQ(status(login("lezer@a.example", kPassword)), 401);
  // and an open session of that person no longer counts
  EXPECT_EQ(status(get("/", As::lezer)), 303);
}

TEST_F(AuthTest, RepeatedFailuresBlockTheAccountEvenWithTheRightPassword) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(status(login("beheer@a.example", "fout-fout-fout")), 401);
  auto r = login("beheer@a.example", kPassword);
  EXPECT_EQ(status(r), 429);
  EXPECT_THAT(body(r), HasSubstr("Wacht 15 minuten"));
  // Another account from the same address still gets in.
  EXPECT_EQ(status(login("lezer@a.example", kPassword)), 303);
}

TEST_F(AuthTest, ManyFailuresFromOneAddressBlockThatAddress) {
  for (int i = 0; i < 20; ++i)
    login("persoon" + std::to_string(i) + "@a.example", "fout-fout-fout");
  EXPECT_EQ(status(login("lezer@a.example", kPassword)), 429);
}

TEST_F(AuthTest, LoginWithoutCsrfTokenChangesNothing) {
  auto r = client().Post("/inloggen",
                         httplib::Params{{"email", "beheer@a.example"}, {"password", kPassword}});
  EXPECT_EQ(status(r), 403);
  EXPECT_THAT(body(r), HasSubstr("Het formulier is verlopen"));
  EXPECT_EQ(cookie_value(*r, "kompas_sessie"), "");
}

TEST_F(AuthTest, LogoutEndsTheSession) {
  ASSERT_EQ(status(get("/", As::beheerder)), 200);
  EXPECT_EQ(status(post("/uitloggen", As::beheerder, {}, false)), 403);  // no CSRF token
  auto r = post("/uitloggen", As::beheerder, {});
  EXPECT_EQ(status(r), 303);
  EXPECT_THAT(cookie_value(*r, "kompas_sessie"), HasSubstr("Max-Age=0"));
  auto after = get("/", As::beheerder);
  EXPECT_EQ(status(after), 303);
  EXPECT_THAT(after->get_header_value("Location"), HasSubstr("/inloggen"));
}

TEST_F(AuthTest, IdleSessionExpires) {
  {
    store::Connection conn(db());
    conn.sql() << "UPDATE sessions SET last_seen_at = last_seen_at - 3 * 3600";
  }
  auto r = get("/partners", As::beheerder);
  EXPECT_EQ(status(r), 303);
  EXPECT_EQ(r->get_header_value("Location"), "/inloggen?terug=/partners");
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM sessions WHERE person_id = " + std::to_string(seed.beheerder)),
      0);
}

TEST_F(AuthTest, SessionExpiresAfterTwelveHoursEvenWhenUsed) {
  {
    store::Connection conn(db());
    conn.sql() << "UPDATE sessions SET created_at = created_at - 13 * 3600";
  }
  EXPECT_EQ(status(get("/", As::beheerder)), 303);
}

// WCAG 2.2.1: a form sent after the session ended saves nothing, and what was typed comes back
// after signing in again, to be saved with the new session.
TEST_F(AuthTest, AFormSentAfterTheSessionEndedIsSavedAfterSigningInAgain) {
  {
    store::Connection conn(db());
    conn.sql() << "DELETE FROM sessions";
  }
  auto r = post("/partners", As::beheerder, {{"name", "Nieuw & co"}, {"type", "zorg"}});
  EXPECT_EQ(status(r), 401);
  EXPECT_THAT(body(r), HasSubstr("U was niet meer ingelogd"));
  EXPECT_THAT(body(r), HasSubstr("name=\"herhaal.name\" value=\"Nieuw &amp; co\""));
  EXPECT_THAT(body(r), HasSubstr("name=\"herhaal\" value=\"/partners\""));
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners WHERE name = 'Nieuw & co'"), 0);

  // Signing in shows what was typed, to be saved with the new session's token.
  auto [cookie, token] = login_form();
  r = client().Post("/inloggen", {{"Cookie", cookie}},
                    httplib::Params{{"_csrf", token},
                                    {"email", "beheer@a.example"},
                                    {"password", kPassword},
                                    {"herhaal", "/partners"},
                                    {"herhaal.name", "Nieuw & co"},
                                    {"herhaal.type", "zorg"}});
  ASSERT_EQ(status(r), 200);
  EXPECT_THAT(body(r), HasSubstr("Opslaan wat u invulde?"));
  EXPECT_THAT(body(r), HasSubstr("action=\"/partners\""));
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners WHERE name = 'Nieuw & co'"), 0);
  const auto session = "kompas_sessie=" + value_of(cookie_value(*r, "kompas_sessie"));
  std::smatch csrf;
  const auto page = body(r);
  ASSERT_TRUE(std::regex_search(page, csrf, std::regex("name=\"_csrf\" value=\"([^\"]+)\"")));
  r = client().Post("/partners", {{"Cookie", session}},
                    httplib::Params{{"_csrf", csrf[1]}, {"name", "Nieuw & co"}, {"type", "zorg"}});
  EXPECT_EQ(status(r), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners WHERE name = 'Nieuw & co'"), 1);
  // A place elsewhere on the web is never where it goes.
  std::tie(cookie, token) = login_form();
  r = client().Post("/inloggen", {{"Cookie", cookie}},
                    httplib::Params{{"_csrf", token},
                                    {"email", "beheer@a.example"},
                                    {"password", kPassword},
                                    {"herhaal", "//evil.example/x"}});
  EXPECT_EQ(status(r), 303);
}

// The warning before the session ends: hidden in every signed-in page with the idle time, shown
// by a script served from this site (the Content-Security-Policy allows no other).
TEST_F(AuthTest, SignedInPagesCarryTheWarningBeforeTheSessionEnds) {
  const auto page = body(get("/", As::lezer));
  EXPECT_THAT(
      page, HasSubstr("kompas-session-warning\" role=\"alert\" hidden data-idle-seconds=\"7200\""));
  EXPECT_THAT(page, HasSubstr("<script src=\"/static/session.js\" defer></script>"));
  EXPECT_THAT(body(get("/inloggen", As::anonymous)), Not(HasSubstr("session.js")));
  EXPECT_EQ(status(get("/sessie", As::lezer)), 204);
}

TEST_F(AuthTest, EveryResponseCarriesSecurityHeaders) {
  for (const std::string path : {"/inloggen", "/", "/bestaat-niet", "/healthz"}) {
    auto r = get(path, As::beheerder);
    ASSERT_TRUE(r) << path;
    const auto csp = r->get_header_value("Content-Security-Policy");
    EXPECT_THAT(csp, HasSubstr("frame-ancestors 'none'")) << path;
    EXPECT_THAT(csp, HasSubstr("script-src 'self'")) << path;
    EXPECT_THAT(csp, Not(HasSubstr("unsafe-inline"))) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(r->get_header_value("Referrer-Policy"), "same-origin") << path;
  }
}

TEST_F(AuthTest, ChangePasswordNeedsTheCurrentOneAndIsAudited) {
  auto wrong = post("/profiel/wachtwoord", As::lezer,
                    {{"current", "fout-fout-fout"}, {"new", "nieuw-en-lang-genoeg"}});
  EXPECT_EQ(status(wrong), 422);
  EXPECT_THAT(body(wrong), HasSubstr("Dit is niet uw huidige wachtwoord."));
  auto short_one =
      post("/profiel/wachtwoord", As::lezer, {{"current", kPassword}, {"new", "kort"}});
  EXPECT_EQ(status(short_one), 422);
  EXPECT_THAT(body(short_one), HasSubstr("minstens 12 tekens"));
  auto ok = post("/profiel/wachtwoord", As::lezer,
                 {{"current", kPassword}, {"new", "nieuw-en-lang-genoeg"}});
  EXPECT_EQ(status(ok), 303);
  EXPECT_EQ(status(login("lezer@a.example", "nieuw-en-lang-genoeg")), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'wachtwoord'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE changes LIKE '%argon2%'"), 0);
}

TEST_F(AuthTest, LanguageSwitchShowsEnglish) {
  auto r = get("/taal?lang=en&terug=/partners", As::beheerder);
  ASSERT_EQ(status(r), 303);
  EXPECT_EQ(r->get_header_value("Location"), "/partners");
  auto page = get("/partners", As::beheerder, {{"Cookie", "taal=en"}});
  // the harness adds the session cookie as a second Cookie header
  EXPECT_THAT(body(page), HasSubstr("<html lang=\"en\""));
  EXPECT_THAT(body(page), HasSubstr("Add a partner"));
}

TEST_F(AuthTest, HealthCheckAnswersJson) {
  auto r = get("/healthz", As::anonymous);
  EXPECT_EQ(status(r), 200);
  EXPECT_EQ(body(r), R"({"status":"ok"})");
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
}

}  // namespace
}  // namespace kompas::test

namespace kompas::test {
namespace {

using HealthTest = HttpTest;

// While the database refuses connections the health check says so; the server recovers on its
// own once the database answers again.
TEST_F(HealthTest, ReportsALostDatabaseAndRecovers) {
  if (!on_postgres()) GTEST_SKIP() << "needs PostgreSQL";
  const std::string name = location().substr(location().rfind('/') + 1);
  store::Database admin(std::getenv("KOMPAS_TEST_PG"), 1);
  store::Connection conn(admin);
  int killed = 0;
  conn.sql() << "ALTER DATABASE " + name + " ALLOW_CONNECTIONS false";
  conn.sql() << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = :d",
      soci::use(name), soci::into(killed);
  ASSERT_GT(killed, 0);
  auto down = get("/healthz", As::anonymous);
  EXPECT_EQ(status(down), 503);
  EXPECT_EQ(body(down), R"({"status":"unavailable"})");
  auto page = get("/partners", As::beheerder);
  EXPECT_EQ(status(page), 503);
  EXPECT_THAT(body(page), HasSubstr("niet bereikbaar"));

  conn.sql() << "ALTER DATABASE " + name + " ALLOW_CONNECTIONS true";
  EXPECT_EQ(status(get("/healthz", As::anonymous)), 200);
  EXPECT_EQ(status(get("/partners", As::beheerder)), 200);
}

}  // namespace
}  // namespace kompas::test

namespace kompas::test {
namespace {

using CompressionTest = HttpTest;

// Brotli in the packaged cpp-httplib is far too slow for pages; browsers get gzip instead.
TEST_F(CompressionTest, BrowsersGetGzipNotBrotli) {
  auto r = get("/partners", As::beheerder, {{"Accept-Encoding", "gzip, deflate, br, zstd"}});
  ASSERT_EQ(status(r), 200);
  EXPECT_EQ(r->get_header_value("Content-Encoding"), "gzip");
  EXPECT_THAT(body(r), HasSubstr("Welzijn Noord"));  // the client inflates it
  auto only_br = get("/partners", As::beheerder, {{"Accept-Encoding", "br"}});
  EXPECT_EQ(only_br->get_header_value("Content-Encoding"), "");
}

}  // namespace
}  // namespace kompas::test
