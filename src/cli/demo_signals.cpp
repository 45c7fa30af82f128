#include "cli/demo_signals.h"

#include "store/indicators_store.h"
#include "store/signals_store.h"
#include "web/ui/input.h"

namespace kompas::cli {
namespace {

using Kind = domain::SignalKind;

struct DemoSignal {
  const char* wijk;
  const char* postcode;
  std::vector<Kind> kinds;
  const char* consent;
  const char* note;
  const char* resident;
  const char* address;
  const char* reporter;
  const char* contact;
  int days_ago;         // when it came in
  int days_to_contact;  // until the first step
  // The steps taken: status word, then the reason (afgesloten) or the service name
  // (doorverwezen), then a note.
  std::vector<std::array<const char*, 3>> steps;
};

const DemoSignal kSignals[] = {
    {"WK999901",
     "",
     {Kind::buiten, Kind::contacten},
     "weet_het_niet",
     "De gordijnen zijn al een week dicht en de brievenbus zit vol. Ik zie haar niet meer bij de "
     "bushalte.",
     "Mevrouw De Graaf",
     "Havenstraat 30",
     "Sanne Jansen, Woonstichting Havenstad",
     "sanne@havenstad.example",
     2,
     0,
     {}},
    {"WK999902",
     "9902",
     {Kind::gebeurtenis},
     "akkoord",
     "Zijn vrouw is in het voorjaar overleden. Hij zegt dat de dagen lang zijn.",
     "Meneer Kok",
     "Parklaan 14",
     "Wijkverpleegkundige De Linde",
     "010-5550201",
     5,
     0,
     {}},
    {"WK999904",
     "",
     {Kind::gevoel, Kind::gedrag},
     "akkoord",
     "Belt vaak de balie over kleine dingen en blijft dan lang praten.",
     "Mevrouw Öztürk",
     "Veldweg 3",
     "Baliemedewerker Bibliotheek",
     "",
     20,
     3,
     {{{"contact_gelegd", "", "Op bezoek geweest. Ze wil graag iets doen met handwerken."}}}},
    {"WK999902",
     "",
     {Kind::contacten},
     "akkoord",
     "Woont sinds kort alleen en kent niemand in de straat.",
     "Meneer Hendriks",
     "Noorderweg 8",
     "Ricardo Martina",
     "ricardo@vvnoorderpark.example",
     110,  // no step for over a quarter: the inbox says when it closes by itself
     4,
     {{{"contact_gelegd", "", "Gebeld en langs geweest."}},
      {{"doorverwezen", "Maatje voor een jaar",
        "Nora maakt een afspraak voor een kennismaking."}}}},
    {"WK999901",
     "",
     {Kind::lichaam, Kind::buiten},
     "weet_niet_akkoord",
     "Ziet er slecht verzorgd uit en de tuin is verwaarloosd.",
     "",
     "Kadestraat 2",
     "Huismeester Woonstichting Havenstad",
     "",
     80,
     6,
     {{{"contact_gelegd", "", "Aangebeld, kort gesproken bij de deur."}},
      {{"afgesloten", "wil_geen_hulp", "Wil nu geen bezoek. Over een maand nog eens aanbellen."}}}},
    {"WK999904",
     "",
     {Kind::gebeurtenis, Kind::gevoel},
     "akkoord",
     "Baan kwijt en geldzorgen. Zegt dat hij zich alleen voelt.",
     "Meneer Bos",
     "Veldweg 40",
     "Ahmed Ouali",
     "010-5550104",
     120,
     2,
     {{{"contact_gelegd", "", ""}},
      {{"doorverwezen", "Sociaal werk spreekuur Zuid-West", ""}},
      {{"afgesloten", "hulp_gevonden", "Komt nu elke week op het spreekuur en de inloop."}}}},
    {"WK999902",
     "",
     {Kind::contacten},
     "akkoord",
     "Is al bekend bij de wijkverpleging.",
     "Mevrouw Visser",
     "Parklaan 30",
     "Vrijwilliger Thuishulp",
     "",
     150,
     1,
     {{{"afgesloten", "al_bekend", "De wijkverpleegkundige komt al twee keer per week."}}}},
    {"WK999903",
     "",
     {Kind::buiten},
     "weet_het_niet",
     "Overdag brandt het licht en er ligt post op de mat.",
     "",
     "Oostsingel 5",
     "Buurvrouw",
     "",
     1,
     0,
     {}},
};

// The service of the kaart with this name, for a referral.
std::string service_id(store::Change& change, const std::string& name) {
  std::string id;
  const auto coalition = change.actor().coalition_id;
  const std::string pattern = "%\"name\":\"" + name + "\"%";
  change.sql() << "SELECT COALESCE(MIN(id), '') FROM hsds_records WHERE coalition_id = :c AND "
                  "table_name = 'service' AND fields LIKE :n",
      soci::use(coalition), soci::use(pattern), soci::into(id);
  return id;
}

}  // namespace

void load_demo_signals(store::Change& change, const store::SignalKey& key,
                       const std::vector<long long>& partners) {
  const long long welzijn = partners.at(1), linde = partners.at(2);
  store::save_signal_route(change, "", welzijn, "Welzijn Voorbeeld");
  store::save_signal_route(change, "WK999903", linde, "Thuiszorg De Linde");
  const auto routes = store::signal_routes(change.sql(), change.actor().coalition_id);
  int n = 0;
  for (const auto& s : kSignals) {
    // The demo gives one way to reach the reporter: an address with "@" is the e-mail.
    const bool email = std::string_view(s.contact).find('@') != std::string_view::npos;
    const domain::SignalDraft draft{s.wijk,
                                    s.postcode,
                                    s.kinds,
                                    s.consent,
                                    s.note,
                                    s.resident,
                                    s.address,
                                    s.reporter,
                                    email ? "" : s.contact,
                                    email ? s.contact : ""};
    const auto partner =
        domain::choose_route(routes, draft.wijk, draft.postcode).partner_id.value();
    const auto number = std::to_string(++n);
    const auto code = "DEMO" + std::string(4 - number.size(), '0') + number;
    const auto id = store::add_signal(change, key, draft, partner, code, std::nullopt, "").value();
    for (const auto& [status, detail, note] : s.steps) {
      const auto signal = *store::find_signal(change.sql(), change.actor().coalition_id, id);
      const bool referral = std::string(status) == "doorverwezen";
      domain::SignalStep step{status, referral ? service_id(change, detail) : "",
                              referral ? "" : detail, note};
      store::add_signal_step(change, key, signal, step, referral ? detail : "");
    }
    // Back to when it came in; the steps followed after `days_to_contact` days.
    const long long came_in = static_cast<long long>(s.days_ago) * 86400;
    const long long steps_at = came_in - static_cast<long long>(s.days_to_contact) * 86400;
    change.sql() << "UPDATE signals SET created_at = created_at - :c, first_contact_at = "
                    "first_contact_at - :s1, referred_at = referred_at - :s2, closed_at = "
                    "closed_at - :s3 WHERE id = :i",
        soci::use(came_in), soci::use(steps_at), soci::use(steps_at), soci::use(steps_at),
        soci::use(id);
    change.sql() << "UPDATE signal_steps SET at = at - :s WHERE signal_id = :i",
        soci::use(steps_at), soci::use(id);
  }
  // The first ambition follows how many signals end in a referral.
  long long ambition = 0;
  const auto coalition = change.actor().coalition_id;
  change.sql() << "SELECT MIN(id) FROM ambitions WHERE coalition_id = :c", soci::use(coalition),
      soci::into(ambition);
  domain::Indicator ind;
  ind.ambition_id = ambition;
  ind.name = "Signalen die leiden tot een passende plek";
  ind.kind = "signaalpunt";
  ind.signal_measure = "aandeel_doorverwezen";
  ind.question = domain::signal_measure_question(ind.signal_measure);
  ind.unit = "procent";
  ind.polarity = domain::Polarity::higher_is_better;
  ind.targets = {{web::current_year() + 1, 40}, {web::current_year() + 2, 50}};
  store::create_indicator(change, ind);
}

}  // namespace kompas::cli
