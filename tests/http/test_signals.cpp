// The signaalpunt (issue 13): a signal reaches the partner of its wijk or postcode, only that
// partner's staff open it (each opening logged), they log what they do, the reporter's code shows
// the status and never the content, the database alone reveals nothing, and personal fields go
// half a year after closing.
#include <gmock/gmock.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "domain/areas.h"
#include "harness.h"
#include "store/areas_store.h"
#include "store/coalitions_store.h"
#include "store/signals_store.h"
#include "web/ui/input.h"

namespace kompas::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A reporter's code ("K7QX-M2PB") standing on its own: not a piece of a random token on the page
// (a CSRF token may hold one by chance).
const std::regex kSignalCode("(?:^|[^A-Za-z0-9_-])([A-Z2-9]{4}-[A-Z2-9]{4})(?![A-Za-z0-9_-])");

class SignalsTest : public HttpTest {
 protected:
  void open_to_the_public(bool on = true) {
    store::Change change(db(), beheerder_of(seed));
    auto coalition = store::find_coalition(change.sql(), seed.coalition_a).value();
    coalition.public_signals = on;
    store::update_coalition(change, coalition);
    change.commit();
  }
  long long newest_signal() { return count("SELECT MAX(id) FROM signals"); }
  std::string signal_path(long long id) { return "/signaalpunt/" + std::to_string(id); }
  // The service an activity became on the kaart, to refer to.
  std::string service_on_the_kaart() {
    const auto r =
        post("/wie-doet-wat/activiteiten/" + std::to_string(seed.activity) + "/op-de-kaart",
             As::partner, {});
    EXPECT_EQ(status(r), 303) << body(r);
    std::string id;
    store::Connection conn(db());
    conn.sql() << "SELECT service_id FROM hsds_activity_services", soci::into(id);
    return id;
  }
  // Every byte of the database as stored on disk (SQLite: the file and its write-ahead log).
  std::string database_bytes() {
    std::string all;
    for (const auto& file : {location(), location() + "-wal"}) {
      std::ifstream in(file, std::ios::binary);
      std::ostringstream out;
      out << in.rdbuf();
      all += out.str();
    }
    return all;
  }
};

TEST_F(SignalsTest, TheReceivingPartnerAloneOpensASignalAndLogsWhatItDid) {
  add_wijken();
  const auto service = service_on_the_kaart();
  // Postcode 9903 goes to the other partner, the rest to the own partner (seeded).
  auto r = post(
      "/signaalpunt/routes", As::beheerder,
      {{"wijk", ""}, {"postcode", "9903 ab"}, {"partner", std::to_string(seed.other_partner)}});
  ASSERT_EQ(status(r), 303) << body(r);
  r = post(
      "/signaalpunt/routes", As::beheerder,
      {{"wijk", "WK999901"}, {"postcode", "9903"}, {"partner", std::to_string(seed.own_partner)}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("niet allebei"));
  EXPECT_THAT(body(get("/signaalpunt/routes", As::beheerder)), HasSubstr("postcode 9903"));
  // Removing a route asks first, and says where new signals then go.
  ASSERT_EQ(
      status(post(
          "/signaalpunt/routes", As::beheerder,
          {{"wijk", ""}, {"postcode", "9904"}, {"partner", std::to_string(seed.own_partner)}})),
      303);
  const auto route = std::to_string(count("SELECT MAX(id) FROM signal_routes"));
  const auto remove = "/signaalpunt/routes/" + route + "/verwijderen";
  EXPECT_THAT(body(get(remove, As::beheerder)),
              HasSubstr("Wilt u de route voor postcode 9904 naar Welzijn Noord verwijderen?"));
  EXPECT_EQ(status(post(remove, As::beheerder, {})), 422);
  EXPECT_EQ(status(post(remove, As::beheerder, {{"bevestig", "ja"}})), 303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM signal_routes WHERE area = '9904'"), 0);

  // A lezer (a volunteer with an account) passes a signal in Noord, as people type it.
  r = post("/signaalpunt/nieuw", As::lezer,
           {{"wijk", "WK999901"},
            {"postcode", ""},
            {"kinds", "buiten"},
            {"kinds", "contacten"},
            {"note", "Brievenbus puilt uit, =HYPERLINK(\"x\") zie hem nooit meer."},
            {"consent", "weet_het_niet"},
            {"resident_name", "Meneer Zeldzaam"},
            {"resident_address", "Kerkpad 7"},
            {"reporter_name", "Lotte"},
            {"reporter_phone", "06-22222222"},
            {"reporter_email", "lotte@voorbeeld.example"}});
  ASSERT_EQ(status(r), 200) << body(r);
  EXPECT_THAT(body(r), HasSubstr("Welzijn Noord"));
  // Without the public status page a code serves nothing: the reporter follows it here.
  EXPECT_FALSE(std::regex_search(body(r), kSignalCode));
  EXPECT_THAT(body(r), HasSubstr("Op de pagina Signaalpunt ziet u hoe het ervoor staat"));
  const auto noord = newest_signal();
  // Another postcode: the other partner's.
  r = post(
      "/signaalpunt/nieuw", As::partner,
      {{"postcode", "9903 CD"}, {"kinds", "gevoel"}, {"consent", "akkoord"}, {"note", "Somber"}});
  ASSERT_EQ(status(r), 200) << body(r);
  EXPECT_THAT(body(r), HasSubstr("Zorg Zuid"));
  const auto zuid = newest_signal();

  // Only the own partner's staff open Noord's; the reporter sees its status, not its content.
  const auto views_before = count("SELECT COUNT(*) FROM audit_log WHERE action = 'bekijken'");
  auto page = body(get(signal_path(noord), As::partner));
  EXPECT_THAT(page, HasSubstr("Meneer Zeldzaam"));
  EXPECT_THAT(page, HasSubstr("Kerkpad 7"));
  EXPECT_THAT(page, HasSubstr("=HYPERLINK(&quot;x&quot;) zie hem nooit meer."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'bekijken'"), views_before + 1);
  EXPECT_EQ(status(get(signal_path(noord), As::lezer)), 403);
  EXPECT_EQ(status(get(signal_path(noord), As::beheerder)), 403);
  EXPECT_EQ(status(get(signal_path(noord), As::other_coalition)), 404);
  EXPECT_EQ(status(get(signal_path(zuid), As::partner)), 403);  // another partner's
  // The log names who passed each one (issue 25): the people signed in; only the seeded signal
  // came without anyone.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'signaal' AND action = "
                  "'aanmaken' AND person_id IS NULL"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'signaal' AND action = "
                  "'aanmaken' AND person_id IN (" +
                  std::to_string(seed.lezer) + ", " + std::to_string(seed.partner_person) + ")"),
            2);
  const auto inbox = body(get("/signaalpunt", As::lezer));
  EXPECT_THAT(inbox, HasSubstr("Door u doorgegeven"));
  EXPECT_THAT(inbox, Not(HasSubstr("Zeldzaam")));
  EXPECT_THAT(inbox, Not(HasSubstr(signal_path(noord))));
  EXPECT_THAT(body(get("/signaalpunt", As::partner)), HasSubstr(signal_path(noord)));

  // The steps: referring needs a service, closing a reason; then it is closed for good.
  const auto step = signal_path(noord) + "/stap";
  r = post(step, As::partner, {{"status", "doorverwezen"}, {"service", ""}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Kies naar welke plek"));
  EXPECT_EQ(status(post(step, As::partner, {{"status", "contact_gelegd"}, {"note", "Gebeld."}})),
            303);
  EXPECT_EQ(status(post(step, As::partner, {{"status", "doorverwezen"}, {"service", service}})),
            303);
  r = post(step, As::partner, {{"status", "afgesloten"}, {"reason", ""}});
  EXPECT_EQ(status(r), 422);
  EXPECT_EQ(
      status(post(step, As::partner, {{"status", "afgesloten"}, {"reason", "hulp_gevonden"}})),
      303);
  EXPECT_EQ(status(post(step, As::partner, {{"status", "contact_gelegd"}})), 422);
  page = body(get(signal_path(noord), As::partner));
  EXPECT_THAT(page, HasSubstr("Gebeld."));
  EXPECT_THAT(page, HasSubstr("De bewoner heeft wat hij of zij nodig heeft"));
  EXPECT_THAT(page, Not(HasSubstr("Stap opslaan")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM signal_steps WHERE signal_id = " + std::to_string(noord)),
            3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals WHERE first_contact_at IS NOT NULL AND "
                  "referred_at IS NOT NULL AND closed_at IS NOT NULL AND id = " +
                  std::to_string(noord)),
            1);
  // The figures everyone sees: counted per wijk, the referred share.
  const auto figures = body(get("/signaalpunt", As::lezer));
  EXPECT_THAT(figures, HasSubstr("Signalen per wijk per kwartaal"));
  EXPECT_THAT(figures, HasSubstr("Noord"));

  // The log names where it went and what happened; never the resident, the note or the reporter.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE changes LIKE '%Zeldzaam%' OR changes LIKE "
                  "'%Kerkpad%' OR changes LIKE '%puilt uit%' OR changes LIKE '%06-2222%' OR "
                  "changes LIKE '%Gebeld%'"),
            0);
  // Neither does the database: its sealed fields, and on SQLite every byte of the file.
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals WHERE note_sealed LIKE '%puilt uit%' OR "
                  "resident_sealed LIKE '%Zeldzaam%' OR reporter_sealed LIKE '%Lotte%'"),
            0);
  if (!on_postgres()) {
    const auto bytes = database_bytes();
    ASSERT_THAT(bytes, HasSubstr("WK999901"));  // the file is read: the wijk is there in plain
    for (const char* secret : {"Zeldzaam", "Kerkpad", "puilt uit", "06-22222222", "Gebeld.",
                               "Gordijnen al dagen dicht", "Mevrouw Jansen"})
      EXPECT_EQ(bytes.find(secret), std::string::npos) << secret;
  }
}

// A postcode without a route of its own goes to the route for the rest of the gemeente; only
// without one is it unknown, and the form asks for the wijk. The form's example postcode works.
// The reporter's phone and e-mail are asked apart, each its own link for the partner; a signal
// stored before then, with one line of contact, still opens, its line read by whether it has "@".
TEST_F(SignalsTest, TheReporterCanBeCalledOrMailed) {
  auto r = post("/signaalpunt/nieuw", As::partner,
                {{"wijk", ""},
                 {"postcode", "9901 AB"},
                 {"kinds", "contacten"},
                 {"consent", "akkoord"},
                 {"reporter_name", "Lotte"},
                 {"reporter_phone", "bel me"},
                 {"reporter_email", "geen adres"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Vul een telefoonnummer in"));
  EXPECT_THAT(body(r), HasSubstr("Vul een geldig e-mailadres in"));
  r = post("/signaalpunt/nieuw", As::partner,
           {{"postcode", "9901 AB"},
            {"kinds", "contacten"},
            {"consent", "akkoord"},
            {"reporter_phone", "06-22222222"},
            {"reporter_email", "lotte@voorbeeld.example"}});
  ASSERT_EQ(status(r), 200) << body(r);
  const auto id = newest_signal();
  auto page = body(get(signal_path(id), As::partner));
  EXPECT_THAT(page, HasSubstr("href=\"tel:06-22222222\""));
  EXPECT_THAT(page, HasSubstr("href=\"mailto:lotte@voorbeeld.example\""));

  for (const std::string contact : {"buur@voorbeeld.example", "010-1234567"}) {
    {
      store::Connection conn(db());
      const auto sealed = test_signal_key()->seal(nlohmann::json({"Oud", contact}).dump());
      conn.sql() << "UPDATE signals SET reporter_sealed = :s WHERE id = :i", soci::use(sealed),
          soci::use(id);
    }
    page = body(get(signal_path(id), As::partner));
    EXPECT_THAT(page,
                HasSubstr((contact.find('@') != std::string::npos ? "mailto:" : "tel:") + contact));
  }
}

TEST_F(SignalsTest, APostcodeAlwaysFindsARouteWhenTheRestHasOne) {
  const auto form = body(get("/signaalpunt/nieuw", As::lezer));
  std::smatch example;
  ASSERT_TRUE(std::regex_search(form, example, std::regex(R"(Bijvoorbeeld (\d{4} [A-Z]{2}))")));
  for (const std::string postcode :
       {example[1].str(), std::string("1234 AB"), std::string("9901")}) {
    const auto r = post("/signaalpunt/nieuw", As::lezer,
                        {{"postcode", postcode}, {"kinds", "gedrag"}, {"consent", "akkoord"}});
    EXPECT_EQ(status(r), 200) << postcode << body(r);
  }
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM signals WHERE partner_id = " + std::to_string(seed.own_partner)),
      4);  // with the seeded one
  {
    store::Connection conn(db());
    conn.sql() << "DELETE FROM signal_routes WHERE area = ''";
  }
  const auto r = post("/signaalpunt/nieuw", As::lezer,
                      {{"postcode", "1234 AB"}, {"kinds", "gedrag"}, {"consent", "akkoord"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Deze postcode kennen we niet"));
}

TEST_F(SignalsTest, AnyoneCanPassASignalWhenTheCoalitionSwitchesItOn) {
  add_wijken();
  const std::string form = "/openbaar/GM9999/signaal";
  EXPECT_EQ(status(get(form, As::anonymous)), 404);
  open_to_the_public();
  EXPECT_THAT(body(get(form, As::anonymous)), HasSubstr("Wat viel u op?"));
  const int before = count("SELECT COUNT(*) FROM signals");
  EXPECT_EQ(status(post(form, As::anonymous, {{"wijk", "WK999901"}}, false)), 403);  // no token
  // Nothing ticked, no place: every problem named, nothing stored.
  auto r = post_without_account(form, {{"note", "Iets"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Kies de wijk of vul de postcode in."));
  EXPECT_THAT(body(r), HasSubstr("Kies minstens één ding"));
  r = post_without_account(form, {{"postcode", "12"}, {"kinds", "gedrag"}, {"consent", "akkoord"}});
  EXPECT_EQ(status(r), 422);
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals"), before);

  r = post_without_account(form, {{"wijk", "WK999902"},
                                  {"kinds", "gebeurtenis"},
                                  {"consent", "akkoord"},
                                  {"note", "Haar man is overleden."},
                                  {"reporter_email", "buur@voorbeeld.example"}});
  ASSERT_EQ(status(r), 200) << body(r);
  std::smatch code;
  const auto sent = body(r);
  ASSERT_TRUE(std::regex_search(sent, code, kSignalCode));
  const auto id = newest_signal();
  // The log says it came through the public form.
  EXPECT_THAT(body(get("/beheer/logboek?soort=signaal", As::beheerder)),
              HasSubstr("openbaar formulier"));

  // The code (posted, so it stays out of addresses and logs) shows the status in plain words,
  // typed as people type it; never the content.
  const auto status_path = form + "/status";
  EXPECT_THAT(body(get(status_path, As::anonymous)), HasSubstr("Vul de code in"));
  std::string typed = code.str(1);
  typed.erase(4, 1);
  auto page = body(post_without_account(status_path, {{"code", " " + typed + " "}}));
  EXPECT_THAT(page, HasSubstr("Het signaal is binnen."));
  EXPECT_THAT(page, Not(HasSubstr("overleden")));
  EXPECT_EQ(status(post(signal_path(id) + "/stap", As::partner, {{"status", "contact_gelegd"}})),
            303);
  page = body(post_without_account(status_path, {{"code", code.str(1)}}));
  EXPECT_THAT(page, HasSubstr("contact gelegd met de bewoner"));
  EXPECT_EQ(status(post_without_account(status_path, {{"code", "ABCD-EFGH"}})), 404);

  // A flood from one address is refused (five an hour) and stores nothing more.
  int refused = 0;
  for (int i = 0; i < 6; ++i)
    refused +=
        status(post_without_account(
            form, {{"wijk", "WK999901"}, {"kinds", "gedrag"}, {"consent", "akkoord"}})) == 429;
  EXPECT_EQ(refused, 2);
  const auto refusal = post_without_account(
      form, {{"wijk", "WK999901"}, {"kinds", "gedrag"}, {"consent", "akkoord"}});
  EXPECT_EQ(refusal->get_header_value("Retry-After"), "3600");
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals"), before + 5);
  // Switched off again: the form and the status are gone.
  open_to_the_public(false);
  EXPECT_EQ(status(get(form, As::anonymous)), 404);
  EXPECT_EQ(status(get(status_path, As::anonymous)), 404);
}

// The note has a limit: the browser stops there, the hint says it, and so does the message when
// more came anyway (the field declares it: web/ui/form.h, FieldSpec::max_length).
TEST_F(SignalsTest, TheNoteSaysHowLongItMayBe) {
  add_wijken();
  open_to_the_public();
  const std::string form = "/openbaar/GM9999/signaal";
  const auto page = body(get(form, As::anonymous));
  EXPECT_THAT(page, HasSubstr("maxlength=\"1000\""));
  EXPECT_THAT(page, HasSubstr("Hoogstens 1.000 tekens."));
  const int before = count("SELECT COUNT(*) FROM signals");
  const auto r = post_without_account(form, {{"wijk", "WK999901"},
                                             {"kinds", "gedrag"},
                                             {"consent", "akkoord"},
                                             {"note", std::string(1001, 'a')}});
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("Dit is te lang: gebruik hoogstens 1.000 tekens."));
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals"), before);
}

// Where a partner lands, it sees that new signals wait for it.
TEST_F(SignalsTest, MijnOrganisatieSaysThatNewSignalsWait) {
  EXPECT_THAT(body(get("/mijn-organisatie", As::partner)),
              HasSubstr("Nieuwe signalen over bewoners: 1"));
  EXPECT_EQ(
      status(post(signal_path(seed.signal) + "/stap", As::partner, {{"status", "contact_gelegd"}})),
      303);
  EXPECT_THAT(body(get("/mijn-organisatie", As::partner)), Not(HasSubstr("Nieuwe signalen")));
}

// Twenty posts at once from one address: each is counted before the next may count, so
// exactly five are stored (on PostgreSQL too, where transactions run side by side).
TEST_F(SignalsTest, AFloodAtOnceIsCountedOneByOne) {
  add_wijken();
  open_to_the_public();
  std::atomic<int> stored = 0, refused = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 20; ++i)
    threads.emplace_back([&] {
      const int code = status(post_without_account(
          "/openbaar/GM9999/signaal",
          {{"wijk", "WK999901"}, {"kinds", "gedrag"}, {"consent", "akkoord"}}));
      if (code == 200) ++stored;
      if (code == 429) ++refused;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(stored.load(), 5);
  EXPECT_EQ(refused.load(), 15);
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals WHERE sender_hash <> ''"), 5);
}

// A flood from many addresses cannot bury real signals: beyond the coalition's day the public
// form's signals are kept onder voorbehoud (never refused), shown apart to the receiving partner,
// counted nowhere until accepted, and removed as one batch. One address still gets five an hour.
TEST_F(SignalsTest, AFloodFromManyAddressesIsHeldBackNotRefused) {
  const store::FloodLimits limits{.per_sender_per_hour = 2, .per_coalition_per_day = 3};
  const domain::SignalDraft draft{"", "9901", {domain::SignalKind::gedrag}, "akkoord"};
  std::vector<std::optional<long long>> added;
  {
    store::Change change(db(), store::Actor{seed.coalition_a, {}, ""});
    for (const std::string address :
         {"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.5", "10.0.0.5"})
      added.push_back(store::add_signal(change, *test_signal_key(), draft, seed.own_partner,
                                        "CODE" + address, std::nullopt, address, limits));
    change.commit();
  }
  ASSERT_TRUE(added[0] && added[1] && added[2] && added[3] && added[4] && added[5]);
  EXPECT_FALSE(added[6]);  // the same address a third time within the hour
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals WHERE held = 1"), 3);
  // Counted nowhere: the coalition's total is the seeded signal and the three within the day.
  auto page = body(get("/signaalpunt", As::partner));
  EXPECT_THAT(page, HasSubstr("Onder voorbehoud"));
  EXPECT_THAT(page, HasSubstr("<dt>Signalen in totaal</dt><dd>4</dd>"));
  EXPECT_THAT(body(get("/signaalpunt", As::beheerder)), Not(HasSubstr("Onder voorbehoud")));
  // Accepted, one counts; not confirmed, the batch stays; confirmed, the rest goes.
  const auto held = std::to_string(*added[3]);
  EXPECT_EQ(status(post("/signaalpunt/" + held + "/aannemen", As::lezer, {})), 403);
  EXPECT_EQ(status(post("/signaalpunt/" + held + "/aannemen", As::partner, {})), 303);
  EXPECT_THAT(body(get("/signaalpunt", As::partner)),
              HasSubstr("<dt>Signalen in totaal</dt><dd>5</dd>"));
  // The batch is what the page showed: one that came in later stays to be looked at.
  const auto shown = std::to_string(*added[5]);
  const auto unconfirmed =
      post("/signaalpunt/voorbehoud/verwijderen", As::partner, {{"tot_en_met", shown}});
  EXPECT_EQ(status(unconfirmed), 422);
  EXPECT_THAT(body(unconfirmed), HasSubstr("Vink aan dat u de signalen hebt bekeken"));
  EXPECT_EQ(status(post("/signaalpunt/voorbehoud/verwijderen", As::partner,
                        {{"tot_en_met", std::to_string(*added[4])}, {"bevestig", "ja"}})),
            303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals WHERE held = 1"), 1);
  // A step on a held signal takes it in.
  EXPECT_EQ(
      status(post("/signaalpunt/" + shown + "/stap", As::partner, {{"status", "contact_gelegd"}})),
      303);
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals WHERE held = 1"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals"), 6);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'signaal' AND action = "
                  "'verwijderen'"),
            1);
}

// Someone signed in passes at most twenty signals an hour.
TEST_F(SignalsTest, SomeoneSignedInSendsAtMostTwentyAnHour) {
  int refused = 0;
  for (int i = 0; i < 21; ++i)
    refused +=
        status(post("/signaalpunt/nieuw", As::lezer,
                    {{"postcode", "9901"}, {"kinds", "gedrag"}, {"consent", "akkoord"}})) == 429;
  EXPECT_EQ(refused, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals WHERE reported_by = " + std::to_string(seed.lezer)),
            20);
}

// Guessing codes on the status page: after ten unknown codes the address waits, even with a
// right code, so the status of someone else's signal cannot be found by trying.
TEST_F(SignalsTest, GuessingStatusCodesIsSlowedDown) {
  add_wijken();
  open_to_the_public();
  const auto sent = body(
      post_without_account("/openbaar/GM9999/signaal",
                           {{"wijk", "WK999901"}, {"kinds", "gedrag"}, {"consent", "akkoord"}}));
  std::smatch code;
  ASSERT_TRUE(std::regex_search(sent, code, kSignalCode));
  const std::string status_path = "/openbaar/GM9999/signaal/status";
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(status(post_without_account(status_path, {{"code", "ZZZZ-ZZZ" + std::to_string(i)}})),
              404);
  const auto r = post_without_account(status_path, {{"code", code.str(1)}});
  EXPECT_EQ(status(r), 429);
  EXPECT_THAT(body(r), HasSubstr("te veel onbekende codes"));
  EXPECT_GT(std::stoi(r->get_header_value("Retry-After")), 800);
}

TEST_F(SignalsTest, PersonalFieldsGoHalfAYearAfterClosingAndTheCountsStay) {
  const auto step = signal_path(seed.signal) + "/stap";
  ASSERT_EQ(status(post(step, As::partner,
                        {{"status", "afgesloten"},
                         {"reason", "al_bekend"},
                         {"note", "Buurvrouw Pien helpt al."}})),
            303);
  const auto now = store::now_seconds();
  // Not yet: 182 days after closing.
  EXPECT_EQ(store::erase_expired_signals(db(), now + 182 * 86400), 0);
  EXPECT_THAT(body(get(signal_path(seed.signal), As::partner)), HasSubstr("Mevrouw Jansen"));
  // After half a year the personal fields are empty; status, place and kind stay.
  EXPECT_EQ(store::erase_expired_signals(db(), now + 184 * 86400), 1);
  EXPECT_EQ(store::erase_expired_signals(db(), now + 185 * 86400), 0);  // once
  const auto page = body(get(signal_path(seed.signal), As::partner));
  EXPECT_THAT(page, HasSubstr("De persoonsgegevens zijn gewist"));
  EXPECT_THAT(page, Not(HasSubstr("Mevrouw Jansen")));
  EXPECT_THAT(page, Not(HasSubstr("Buurvrouw Pien")));
  EXPECT_THAT(page, HasSubstr("postcode 9901"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals WHERE note_sealed <> '' OR resident_sealed <> '' "
                  "OR reporter_sealed <> ''"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM signal_steps WHERE note_sealed <> ''"), 0);
  // Who passed it and the code go too.
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals WHERE reported_by IS NOT NULL OR code_hash <> ''"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'wissen'"), 1);
  EXPECT_THAT(body(get("/signaalpunt", As::lezer)), HasSubstr("0,0%"));  // it was known already
}

// A signal no one closes does not keep what names a person for ever: a quarter without a step
// and the partner sees when it closes by itself; half a year without one and it closes (no
// person named), and half a year later its personal fields go like any closed signal's.
TEST_F(SignalsTest, AnOpenSignalWithoutAStepClosesByItself) {
  const auto inbox = [&] { return body(get("/signaalpunt", As::partner)); };
  EXPECT_THAT(inbox(), Not(HasSubstr("vanzelf dicht")));
  // No one can choose "verlopen" themselves: the open signal's step form does not offer it.
  const auto open_page = body(get(signal_path(seed.signal), As::partner));
  EXPECT_THAT(open_page, HasSubstr("value=\"wil_geen_hulp\""));
  EXPECT_THAT(open_page, Not(HasSubstr("value=\"verlopen\"")));
  const auto now = store::now_seconds();
  {
    store::Connection conn(db());
    const long long quarter_ago = now - 100 * 86400;
    conn.sql() << "UPDATE signals SET created_at = :t", soci::use(quarter_ago);
  }
  EXPECT_THAT(inbox(), HasSubstr("vanzelf dicht op"));
  EXPECT_THAT(body(get(signal_path(seed.signal), As::partner)), HasSubstr("vanzelf dicht op"));
  EXPECT_EQ(store::close_idle_signals(db(), now + 82 * 86400), 0);
  // A step counts: a contact today keeps it open for another half year.
  ASSERT_EQ(
      status(post(signal_path(seed.signal) + "/stap", As::partner, {{"status", "contact_gelegd"}})),
      303);
  EXPECT_THAT(inbox(), Not(HasSubstr("vanzelf dicht")));
  EXPECT_EQ(store::close_idle_signals(db(), now + 84 * 86400), 0);
  EXPECT_EQ(store::close_idle_signals(db(), now + 184 * 86400), 1);
  EXPECT_EQ(store::close_idle_signals(db(), now + 185 * 86400), 0);  // once
  const auto page = body(get(signal_path(seed.signal), As::partner));
  EXPECT_THAT(page, HasSubstr("Vanzelf gesloten: een half jaar geen stap"));
  EXPECT_THAT(page, Not(HasSubstr("vanzelf dicht op")));
  EXPECT_EQ(count("SELECT COUNT(*) FROM signals WHERE status = 'afgesloten' AND close_reason = "
                  "'verlopen'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'signaal' AND person_id IS NULL "
                  "AND action = 'wijzigen'"),
            1);
  EXPECT_EQ(store::erase_expired_signals(db(), now + (184 + 184) * 86400), 1);
}

TEST_F(SignalsTest, TwoColleaguesClosingAtOnceGiveOneClosing) {
  std::optional<store::SignalSummary> seen;
  {
    store::Connection conn(db());
    seen = store::find_signal(conn.sql(), seed.coalition_a, seed.signal);
  }
  const domain::SignalStep close{"afgesloten", "", "al_bekend", ""};
  for (const bool first : {true, false}) {
    store::Change change(db(), {seed.coalition_a, seed.partner_person, "Mo Partner"});
    EXPECT_EQ(store::add_signal_step(change, *test_signal_key(), *seen, close, ""), first);
    change.commit();
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM signal_steps"), 1);
}

TEST_F(SignalsTest, AnIndicatorOfThePlanCountsTheSignals) {
  const auto form = "/doelen/" + std::to_string(seed.ambition) + "/indicatoren";
  const auto year = std::to_string(web::current_year());
  httplib::Params fields = {{"name", "Signalen uit de wijken"},
                            {"kind", "signaalpunt"},
                            {"signal_measure", "aantal"},
                            {"area_code", ""},
                            {"unit", "procent"},
                            {"polarity", "hoger"},
                            {"targets", std::to_string(web::current_year() + 1) + ": 20"}};
  auto r = post(form, As::beheerder, fields);
  EXPECT_EQ(status(r), 422);
  EXPECT_THAT(body(r), HasSubstr("kies de eenheid aantal"));
  fields.erase("unit");
  fields.emplace("unit", "aantal");
  r = post(form, As::beheerder, fields);
  ASSERT_EQ(status(r), 303) << body(r);
  const auto location = r->get_header_value("Location");
  const auto page = body(get(location.substr(0, location.find('?')), As::lezer));
  EXPECT_THAT(page, HasSubstr("Uit het signaalpunt: Aantal signalen, Hele gemeente"));
  // The seeded signal came in this year.
  EXPECT_TRUE(std::regex_search(
      page,
      std::regex(year +
                 "</th>\\s*<td[^>]*>1</td>(\\s*<td[^>]*></td>){2}\\s*<td[^>]*>Signaalpunt<")));
  EXPECT_THAT(page, Not(HasSubstr("id=\"waarde\"")));  // no values typed by hand
}

}  // namespace
}  // namespace kompas::test
