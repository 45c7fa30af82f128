#include "cli/demo_training.h"

#include "domain/dates.h"
#include "store/ambitions_store.h"
#include "store/indicators_store.h"
#include "store/training_store.h"
#include "web/ui/input.h"

namespace kompas::cli {
namespace {

const char* const kFirstNames[] = {"Eva",  "Jan",  "Fatima", "Kees",  "Noor",  "Mohamed",
                                   "Ilse", "Sem",  "Aylin",  "Bram",  "Lotte", "Youssef",
                                   "Mila", "Daan", "Sara",   "Ruben", "Anna",  "Hamza"};
const char* const kLastNames[] = {"de Vries",   "Jansen", "Bakker", "Yilmaz",  "Visser",
                                  "El Idrissi", "Smit",   "Meijer", "de Boer", "Mulder",
                                  "Bos",        "Kaya",   "Peters", "Hendriks"};

const char* const kWijken[] = {"WK999901", "WK999902", "WK999903", "WK999904"};

// How many people of a partner (index in the demo's list) in a role took part, per wijk
// (Centrum, Noord, Oost, Zuid-West) or for the whole gemeente, and how many it stated.
struct Group {
  int partner;
  const char* role;
  int trained[4];  // per wijk; or trained[0] for the whole gemeente when `per_wijk` is false
  int stated[4];
  bool per_wijk;
};
const Group kGroups[] = {
    {1, "sociaal_werker", {5, 5, 4, 1}, {6, 6, 6, 6}, true},
    {1, "vrijwilliger", {20}, {40}, false},
    {2, "wijkverpleegkundige", {8, 8, 7, 2}, {10, 10, 10, 10}, true},
    {3, "huismeester", {4, 4, 3, 1}, {5, 5, 5, 5}, true},
    {4, "baliemedewerker", {8}, {12}, false},
    {0, "baliemedewerker", {6}, {8}, false},
    {8, "vrijwilliger", {24}, {30}, false},
    {5, "vrijwilliger", {10}, {10}, false},
};

}  // namespace

void load_demo_training(store::Change& change, const std::vector<long long>& partners) {
  const auto today = web::today_date();
  const auto months_ago = [&](int months) { return domain::add_months(today, -months); };
  domain::Training talk{0,
                        "In gesprek over eenzaamheid",
                        "Welzijn Voorbeeld",
                        "Basishouding\nSpeelt eenzaamheid een rol?\nEen waardevol gesprek\n"
                        "Wensen en ideeën\nTerugblik",
                        domain::TrainingKind::klassikaal,
                        3,
                        24};
  domain::Training signals{0,
                           "Signalen van eenzaamheid herkennen",
                           "GGD Voorbeeld",
                           "De vijf soorten signalen\nWat u van buiten ziet\nWaar meldt u het?",
                           domain::TrainingKind::e_learning,
                           1,
                           12};
  domain::Training peer{0,
                        "Intervisie frontlinie",
                        "Welzijn Voorbeeld",
                        "Casussen bespreken\nWat werkte, wat niet?",
                        domain::TrainingKind::intervisie,
                        2,
                        12};
  const auto talk_id = store::create_training(change, talk);
  const auto signals_id = store::create_training(change, signals);
  const auto peer_id = store::create_training(change, peer);
  // Past sessions, the order in which participants are spread over them; then two to come.
  const std::vector<long long> sessions = {
      store::create_session(
          change, {0, talk_id, months_ago(22), "Wijkhuis Centrum", "Mohamed El Amrani", 20}),
      store::create_session(
          change, {0, talk_id, months_ago(14), "Bibliotheek Noord", "Mohamed El Amrani", 20}),
      store::create_session(change,
                            {0, talk_id, months_ago(6), "Wijkhuis Oost", "Ingrid Smit", 25}),
      store::create_session(
          change, {0, talk_id, months_ago(2), "Wijkhuis Centrum", "Mohamed El Amrani", 25}),
      store::create_session(change, {0, signals_id, months_ago(10), "Online", "", 0}),
      store::create_session(change, {0, signals_id, months_ago(4), "Online", "", 0}),
      store::create_session(change,
                            {0, peer_id, months_ago(1), "Gemeentehuis", "Fatma Yilmaz", 12}),
  };
  const auto expired =
      store::create_session(change, {0, signals_id, months_ago(20), "Online", "", 0});
  store::create_session(change, {0, talk_id, domain::add_months(today, 1), "Wijkhuis Zuid-West",
                                 "Mohamed El Amrani", 20});
  store::create_session(
      change, {0, peer_id, domain::add_months(today, 2), "Gemeentehuis", "Fatma Yilmaz", 12});

  int person = 0;
  std::map<long long, std::vector<domain::Participant>> by_session;
  const auto add = [&](const Group& g, const std::string& wijk, bool lagging) {
    domain::Participant p;
    p.name = std::string(kFirstNames[person % std::size(kFirstNames)]) + " " +
             kLastNames[(person / std::size(kFirstNames) + person) % std::size(kLastNames)];
    p.partner_id = partners.at(g.partner);
    p.role = g.role;
    p.wijk_code = wijk;
    // Zuid-West's people mostly followed the e-learning long ago: their training has ended.
    by_session[lagging ? expired : sessions[person % sessions.size()]].push_back(p);
    ++person;
  };
  for (const auto& g : kGroups) {
    if (!g.per_wijk) {
      for (int i = 0; i < g.trained[0]; ++i) add(g, "", false);
      store::save_frontline_count(change, {0, partners.at(g.partner), g.role, "", g.stated[0]});
      continue;
    }
    for (int w = 0; w < 4; ++w) {
      for (int i = 0; i < g.trained[w]; ++i) add(g, kWijken[w], w == 3 && i > 0);
      store::save_frontline_count(change,
                                  {0, partners.at(g.partner), g.role, kWijken[w], g.stated[w]});
    }
  }
  for (const auto& [session, people] : by_session) store::add_to_session(change, session, people);

  // Training coverage as an indicator of the first ambition.
  const auto ambitions = store::list_ambitions(change.sql(), change.actor().coalition_id);
  if (ambitions.empty()) return;
  const int year = web::current_year();
  domain::Indicator ind;
  ind.ambition_id = ambitions.front().id;
  ind.name = "Getrainde mensen in de frontlinie";
  ind.kind = "deskundigheid";
  ind.question = "hoe_goed";
  ind.polarity = domain::Polarity::higher_is_better;
  ind.targets = {{year, 75}, {year + 1, 85}, {year + 2, 90}};
  store::create_indicator(change, ind);
}

void load_big_city_training(store::Change& change, const std::vector<long long>& partners,
                            const std::vector<std::string>& wijken) {
  const auto today = web::today_date();
  domain::Training t{0, "In gesprek over eenzaamheid", "", "", domain::TrainingKind::klassikaal, 3,
                     24};
  const auto training = store::create_training(change, t);
  const auto& roles = domain::default_frontline_roles();
  constexpr int kSessions = 50, kPerSession = 100;
  for (int s = 0; s < kSessions; ++s) {
    const auto session = store::create_session(
        change, {0, training, domain::add_months(today, -(s % 30)), "", "", 0});
    std::vector<domain::Participant> people;
    for (int i = 0; i < kPerSession; ++i) {
      const int n = s * kPerSession + i;
      people.push_back({0, "Deelnemer " + std::to_string(n + 1), partners[n % partners.size()],
                        roles[n % roles.size()].code, wijken[n % wijken.size()]});
    }
    store::add_to_session(change, session, people);
  }
  for (std::size_t p = 0; p < partners.size(); ++p)
    for (const auto& role : roles)
      store::save_frontline_count(change, {0, partners[p], role.code, "", 6});
}

}  // namespace kompas::cli
