// The plan of Gemeente Voorbeeld for the demo: four ambitions with indicators of both kinds,
// several years of values and a few stories, saved through the same store calls as the pages.
#include "cli/demo_plan.h"

#include "store/actions_store.h"
#include "store/activities_store.h"
#include "store/ambitions_store.h"
#include "store/contributions_store.h"
#include "store/indicators_store.h"

namespace kompas::cli {
namespace {

struct DemoIndicator {
  const char* name;
  const char* kind;
  const char* question;
  const char* unit;
  domain::Polarity polarity;
  const char* survey_indicator;
  const char* area;
  const char* age_band;
  std::optional<double> baseline;
  const char* baseline_date;
  const char* baseline_source;
  std::map<int, double> targets;
  std::vector<domain::EnteredValue> values;
};

struct DemoAmbition {
  domain::Ambition ambition;
  std::vector<DemoIndicator> indicators;
  const char* story;
};

std::vector<DemoAmbition> demo_ambitions() {
  using P = domain::Polarity;
  return {
      {{0,
        "Minder ernstige eenzaamheid bij 75-plussers",
        "Over drie jaar willen we dat minder 75-plussers in onze gemeente zich ernstig eenzaam "
        "voelen, en dat wie zich zo voelt weet waar hij terecht kan.",
        "75plus",
        {},
        2024,
        2027,
        "In de Gezondheidsmonitor 2022 voelde een op de acht 75-plussers zich ernstig eenzaam.",
        {},
        domain::AmbitionStatus::vastgesteld,
        0},
       {{"% (zeer) ernstig eenzaam, hele gemeente",
         "bevolking",
         "",
         "procent",
         P::lower_is_better,
         "ernstig_eenzaam",
         "",
         "",
         std::nullopt,
         "",
         "",
         {{2025, 11.5}, {2027, 10}},
         {}},
        {"Bezoekers huiskamer De Linde per week",
         "activiteit",
         "hoeveel",
         "aantal",
         P::higher_is_better,
         "",
         "",
         "",
         35.0,
         "2024-01-15",
         "Presentielijsten Welzijn Voorbeeld",
         {{2025, 45}, {2026, 55}, {2027, 60}},
         {{2024, 38, "Na de zomer meer bezoekers door de nieuwe ingang.", "Presentielijsten"},
          {2025, 41, "", "Presentielijsten"}}}},
       "Bij de huiskamer zien we vooral vaste bezoekers terugkomen; nieuwe mensen komen vaak pas "
       "na een persoonlijke uitnodiging van de wijkverpleging."},
      {{0,
        "Meer mensen in Noord doen mee",
        "Over drie jaar willen we dat inwoners van Noord vaker iemand in de buurt hebben bij wie "
        "ze terecht kunnen.",
        "iedereen",
        {"WK999902"},
        2024,
        2027,
        "Noord heeft het hoogste aandeel sociaal eenzame inwoners.",
        {},
        domain::AmbitionStatus::vastgesteld,
        0},
       {{"% sociaal eenzaam in Noord",
         "bevolking",
         "",
         "procent",
         P::lower_is_better,
         "sociaal_eenzaam",
         "WK999902",
         "",
         std::nullopt,
         "",
         "",
         {{2027, 30}},
         {}},
        {"Deelnemers die zeggen dat ze nieuwe mensen leerden kennen",
         "activiteit",
         "beter_af",
         "procent",
         P::higher_is_better,
         "",
         "",
         "",
         40.0,
         "2024-03-01",
         "Evaluatie buurtactiviteiten",
         {{2027, 60}},
         {{2024, 44, "", "Evaluatieformulier"}, {2025, 51, "", "Evaluatieformulier"}}}},
       "Bewoners noemen de ontmoetingen bij de supermarkt vaker dan de georganiseerde "
       "activiteiten."},
      {{0,
        "Mantelzorgers blijven niet alleen",
        "Over drie jaar willen we dat mantelzorgers zich gesteund voelen en niet vereenzamen.",
        "mantelzorgers",
        {},
        2025,
        2027,
        "",
        {},
        domain::AmbitionStatus::ontwerp,
        0},
       {{"Mantelzorgers bereikt met respijtzorg",
         "activiteit",
         "hoeveel",
         "aantal",
         P::higher_is_better,
         "",
         "",
         "",
         120.0,
         "2025-01-01",
         "Registratie mantelzorgpunt",
         {{2027, 200}},
         {{2025, 135, "", "Registratie mantelzorgpunt"}}},
        {"Uren inzet vrijwillige thuishulp",
         "activiteit",
         "hoeveel",
         "uren",
         P::higher_is_better,
         "",
         "",
         "",
         std::nullopt,
         "",
         "",
         {{2027, 3000}},
         {{2025, 2100, "", "Urenregistratie"}, {2026, 1900, "Minder vrijwilligers", ""}}}},
       nullptr},
      {{0,
        "Iedereen die eenzame mensen tegenkomt, weet wat te doen",
        "Over drie jaar willen we dat inwoners die eenzaam zijn eerder worden opgemerkt en goed "
        "worden doorverwezen.",
        "iedereen",
        {},
        2024,
        2026,
        "",
        {},
        domain::AmbitionStatus::vastgesteld,
        0},
       {{"% eenzaam, 65-74 jaar",
         "bevolking",
         "",
         "procent",
         P::lower_is_better,
         "eenzaam",
         "",
         "65-74",
         std::nullopt,
         "",
         "",
         {{2026, 40}},
         {}},
        {"Deelnemers training signaleren die het gesprek durven aan te gaan",
         "activiteit",
         "hoe_goed",
         "procent",
         P::higher_is_better,
         "",
         "",
         "",
         55.0,
         "2024-02-01",
         "Vragenlijst na de training",
         {{2025, 70}, {2026, 80}},
         {{2024, 62, "", "Vragenlijst"}, {2025, 64, "", "Vragenlijst"}}}},
       nullptr},
  };
}

struct DemoActivity {
  const char* name;
  const char* description;
  int lead;  // index in the partners, or -1
  int co;    // index of a co-partner, or -1
  const char* target_group;
  const char* area;  // "" is the whole municipality
  const char* type;
  std::vector<std::string> degrees, elements;
  domain::ActivityStatus status;
  int ambition;  // index in demo_ambitions, or -1
  double reach;
};

// Some demo activities follow a method of the kind Movisie's databank lists; the rest work their
// own way, as most local activities do.
domain::MethodLevel method_of(std::string_view name) {
  if (name == "Cursus Grip en Glans") return domain::MethodLevel::effectief;
  if (name == "Maatjesproject" || name == "Netwerkcoaching")
    return domain::MethodLevel::goed_onderbouwd;
  if (name == "Telefooncirkel" || name == "Lotgenotengroep mantelzorgers" ||
      name == "Training signaleren")
    return domain::MethodLevel::goed_beschreven;
  return domain::MethodLevel::eigen;
}

// Twenty activities of the kind a Dutch municipality has: some existing, some new or planned.
const std::vector<DemoActivity>& demo_activities() {
  static const std::vector<DemoActivity> list = {
      {"Huiskamer De Linde",
       "Elke dinsdag en donderdag open inloop met koffie en een maaltijd.",
       1,
       2,
       "75plus",
       "WK999901",
       "sociaal",
       {"matig", "ernstig"},
       {"ontmoeten", "bezigheden"},
       domain::ActivityStatus::bestaand,
       0,
       120},
      {"Maatjesproject",
       "Een vrijwilliger bezoekt een jaar lang elke week dezelfde inwoner.",
       8,
       1,
       "65plus",
       "",
       "emotioneel",
       {"ernstig"},
       {"betekenisvol_contact"},
       domain::ActivityStatus::bestaand,
       0,
       45},
      {"Walking football",
       "Rustig voetbal voor 60-plussers, daarna koffie in de kantine.",
       5,
       -1,
       "65plus",
       "WK999902",
       "sociaal",
       {"preventie", "verhoogd_risico"},
       {"bezigheden", "ontmoeten"},
       domain::ActivityStatus::bestaand,
       1,
       38},
      {"Taalcafé",
       "Wekelijks oefenen met Nederlands praten, met vrijwilligers.",
       4,
       -1,
       "nieuwkomers",
       "WK999903",
       "sociaal",
       {"preventie", "verhoogd_risico"},
       {"ontmoeten", "sociale_vaardigheden"},
       domain::ActivityStatus::bestaand,
       3,
       60},
      {"Koffiehoek supermarkt",
       "Een tafel met gratis koffie bij de ingang, vrijwilligers schuiven aan.",
       7,
       1,
       "iedereen",
       "WK999902",
       "sociaal",
       {"preventie"},
       {"ontmoeten"},
       domain::ActivityStatus::nieuw,
       1,
       300},
      {"Training signaleren",
       "Twee dagdelen voor wijkverpleging, huismeesters en kassamedewerkers.",
       1,
       2,
       "iedereen",
       "",
       "beide",
       {"verhoogd_risico"},
       {},
       domain::ActivityStatus::bestaand,
       3,
       80},
      {"Respijtzorg mantelzorgers",
       "Vrijwilligers nemen een middag de zorg over.",
       8,
       0,
       "mantelzorgers",
       "",
       "beide",
       {"verhoogd_risico", "matig"},
       {"praktisch_ondersteunen"},
       domain::ActivityStatus::bestaand,
       2,
       135},
      {"Lotgenotengroep mantelzorgers",
       "Maandelijkse groep onder leiding van een ervaringsdeskundige.",
       9,
       1,
       "mantelzorgers",
       "",
       "emotioneel",
       {"matig"},
       {"betekenisvol_contact", "realistische_verwachtingen"},
       domain::ActivityStatus::nieuw,
       2,
       24},
      {"Buurtcomplex ontmoetingsruimte",
       "Een gezamenlijke ruimte in het ouderencomplex, met activiteiten.",
       3,
       1,
       "75plus",
       "WK999904",
       "sociaal",
       {"preventie", "verhoogd_risico"},
       {"ontmoeten", "bezigheden"},
       domain::ActivityStatus::bestaand,
       0,
       70},
      {"Studenten op huisbezoek",
       "Studenten Zorg en Welzijn bezoeken alleenwonende ouderen.",
       6,
       8,
       "75plus",
       "",
       "emotioneel",
       {"matig"},
       {"betekenisvol_contact", "betekenisvolle_rol"},
       domain::ActivityStatus::gepland,
       0,
       0},
      {"Jongerenwerk ontmoetingsavond",
       "Vrijdagavond inloop voor jongeren van 12 tot 18 jaar.",
       1,
       -1,
       "jongeren",
       "WK999903",
       "sociaal",
       {"preventie"},
       {"ontmoeten", "bezigheden"},
       domain::ActivityStatus::bestaand,
       -1,
       90},
      {"Cursus Grip en Glans",
       "Cursus over het leven na het verlies van een partner.",
       1,
       9,
       "65plus",
       "",
       "emotioneel",
       {"verhoogd_risico", "matig"},
       {"realistische_verwachtingen", "sociale_vaardigheden"},
       domain::ActivityStatus::bestaand,
       0,
       16},
      {"Vrijwilligerswerk als kans",
       "Inwoners die eenzaam zijn vinden een vrijwilligersplek.",
       8,
       -1,
       "volwassenen",
       "",
       "sociaal",
       {"matig"},
       {"betekenisvolle_rol"},
       domain::ActivityStatus::nieuw,
       3,
       22},
      {"Telefooncirkel",
       "Deelnemers bellen elkaar elke ochtend in een vaste volgorde.",
       1,
       -1,
       "75plus",
       "",
       "sociaal",
       {"verhoogd_risico"},
       {"betekenisvol_contact"},
       domain::ActivityStatus::bestaand,
       0,
       30},
      {"Boodschappenhulp",
       "Vrijwilligers doen samen met de inwoner boodschappen.",
       8,
       7,
       "beperking",
       "",
       "sociaal",
       {"verhoogd_risico"},
       {"praktisch_ondersteunen", "ontmoeten"},
       domain::ActivityStatus::bestaand,
       -1,
       55},
      {"Eetclub Zuid-West",
       "Samen koken en eten, eens per week.",
       3,
       -1,
       "alleenstaanden",
       "WK999904",
       "sociaal",
       {"preventie", "verhoogd_risico"},
       {"bezigheden", "ontmoeten"},
       domain::ActivityStatus::bestaand,
       1,
       40},
      {"Voorlichting op de huisartsenpraktijk",
       "Folders en een spreekuur over eenzaamheid.",
       2,
       -1,
       "iedereen",
       "",
       "beide",
       {"preventie"},
       {},
       domain::ActivityStatus::gestopt,
       -1,
       0},
      {"Week tegen Eenzaamheid",
       "Een week met activiteiten in alle wijken, eind september.",
       0,
       1,
       "iedereen",
       "",
       "beide",
       {"preventie"},
       {"ontmoeten", "bezigheden"},
       domain::ActivityStatus::bestaand,
       3,
       900},
      {"Wandelgroep Centrum",
       "Elke woensdag een uur wandelen, daarna koffie.",
       4,
       -1,
       "65plus",
       "WK999901",
       "sociaal",
       {"preventie"},
       {"bezigheden", "ontmoeten"},
       domain::ActivityStatus::gepland,
       1,
       0},
      {"Netwerkcoaching",
       "Een coach helpt bij het uitbreiden van het eigen netwerk.",
       1,
       -1,
       "volwassenen",
       "",
       "sociaal",
       {"matig", "ernstig"},
       {"sociale_vaardigheden", "realistische_verwachtingen"},
       domain::ActivityStatus::nieuw,
       1,
       12},
  };
  return list;
}

void load_activities_contributions_actions(store::Change& change,
                                           const std::vector<long long>& ambitions,
                                           const std::vector<long long>& partners,
                                           long long owner_person_id) {
  for (const auto& d : demo_activities()) {
    domain::Activity a;
    a.name = d.name;
    a.description = d.description;
    if (d.lead >= 0) a.lead_partner_id = partners.at(d.lead);
    if (d.co >= 0) a.co_partner_ids = {partners.at(d.co)};
    a.target_group = d.target_group;
    if (*d.area) a.areas = {d.area};
    a.loneliness_type = d.type;
    a.degrees = d.degrees;
    a.elements = d.elements;
    if (d.reach > 0) a.reach = {{2025, d.reach}};
    a.start_date = d.status == domain::ActivityStatus::gepland ? "2027-01-01" : "2024-01-01";
    a.status = d.status;
    a.method = method_of(d.name);
    if (d.ambition >= 0) a.ambition_ids = {ambitions.at(d.ambition)};
    const auto id = store::create_activity(change, a);
    // The lead partner contributes this activity to its ambition.
    if (d.lead >= 0 && d.ambition >= 0) {
      domain::Contribution c;
      c.partner_id = partners.at(d.lead);
      c.ambition_id = ambitions.at(d.ambition);
      c.activity_id = id;
      c.what = d.name;
      c.hours = 200;
      c.start_year = 2025;
      c.end_year = 2027;
      c.agreed_on = "2025-01-20";
      c.status = domain::ContributionStatus::afgesproken;
      store::create_contribution(change, c);
    }
  }
  // Every partner contributes something; the gemeente pays.
  for (std::size_t p = 0; p < partners.size(); ++p) {
    domain::Contribution c;
    c.partner_id = partners[p];
    c.ambition_id = ambitions.at(p % ambitions.size());
    c.what = p == 0 ? "Subsidie voor de aanpak en een coördinator voor 16 uur per week"
                    : "Meedenken in de coalitie en signalen doorgeven";
    if (p == 0) c.euros = 85000;
    c.hours = p == 0 ? 2000 : 40;
    c.start_year = 2025;
    c.end_year = 2027;
    c.agreed_on = "2025-01-20";
    c.status = p % 4 == 3 ? domain::ContributionStatus::voorgesteld
                          : domain::ContributionStatus::afgesproken;
    if (c.status == domain::ContributionStatus::voorgesteld) c.agreed_on.clear();
    store::create_contribution(change, c);
  }
  struct DemoAction {
    const char* title;
    const char* due;
    domain::ActionStatus status;
    int partner;
  };
  const DemoAction actions[] = {
      {"Subsidieaanvraag Maatjesproject indienen", "2026-03-01", domain::ActionStatus::open, 8},
      {"Evaluatie huiskamer met bezoekers", "2026-06-15", domain::ActionStatus::bezig, 1},
      {"Afspraak met huisartsen over doorverwijzen", "2026-09-30", domain::ActionStatus::open, 2},
      {"Buurtenquête 2026 uitzetten", "2027-02-01", domain::ActionStatus::open, 0},
      {"Raadsinformatiebrief over de aanpak", "2026-01-15", domain::ActionStatus::klaar, 0},
      {"Tweede training signaleren plannen", "2027-04-01", domain::ActionStatus::open, 1},
  };
  for (const auto& d : actions) {
    domain::Action a;
    a.title = d.title;
    a.due_date = d.due;
    a.status = d.status;
    a.partner_id = partners.at(d.partner);
    a.owner_person_id = owner_person_id;
    a.ambition_id = ambitions.front();
    store::create_action(change, a);
  }
}

}  // namespace

void load_demo_plan(store::Change& change, long long owner_person_id,
                    const std::vector<long long>& partners) {
  std::vector<long long> ambitions;
  for (auto& demo : demo_ambitions()) {
    demo.ambition.owner_person_id = owner_person_id;
    const auto ambition_id = store::create_ambition(change, demo.ambition);
    ambitions.push_back(ambition_id);
    for (const auto& d : demo.indicators) {
      domain::Indicator ind;
      ind.ambition_id = ambition_id;
      ind.name = d.name;
      ind.kind = d.kind;
      ind.question = d.question;
      ind.unit = d.unit;
      ind.polarity = d.polarity;
      ind.survey_indicator = d.survey_indicator;
      ind.area_code = d.area;
      ind.age_band = d.age_band;
      ind.baseline_value = d.baseline;
      ind.baseline_date = d.baseline_date;
      ind.baseline_source = d.baseline_source;
      ind.targets = d.targets;
      ind.id = store::create_indicator(change, ind);
      if (!d.values.empty()) store::save_indicator_values(change, ind, d.values);
      if (demo.story && &d == &demo.indicators.back()) store::add_story(change, ind, demo.story);
    }
  }
  load_activities_contributions_actions(change, ambitions, partners, owner_person_id);
}

namespace {

// 50 ambitions with 3 indicators each, every indicator with 10 years of values.
std::vector<long long> big_city_ambitions(store::Change& change, long long owner_person_id,
                                          const std::vector<std::string>& wijken) {
  std::vector<long long> ambitions;
  const auto& groups = domain::target_groups();
  for (int a = 0; a < 50; ++a) {
    domain::Ambition ambition;
    ambition.title = "Ambitie " + std::to_string(a + 1) + ": minder eenzaamheid in " +
                     (wijken.empty() ? "de stad" : "wijk " + std::to_string(a % 40 + 1));
    ambition.statement =
        "Over drie jaar willen we dat minder inwoners zich eenzaam voelen en "
        "dat zij weten waar ze terecht kunnen.";
    ambition.target_group = groups[static_cast<std::size_t>(a) % groups.size()];
    if (!wijken.empty()) ambition.areas = {wijken[static_cast<std::size_t>(a) % wijken.size()]};
    ambition.start_year = 2025;
    ambition.end_year = 2027;
    ambition.owner_person_id = owner_person_id;
    ambition.status =
        a % 5 == 0 ? domain::AmbitionStatus::ontwerp : domain::AmbitionStatus::vastgesteld;
    ambitions.push_back(store::create_ambition(change, ambition));
    for (int i = 0; i < 3; ++i) {
      domain::Indicator ind;
      ind.ambition_id = ambitions.back();
      ind.name = "Indicator " + std::to_string(a + 1) + "." + std::to_string(i + 1);
      ind.kind = "activiteit";
      ind.question = domain::rba_questions()[static_cast<std::size_t>(i)];
      ind.unit = i == 1 ? "procent" : "aantal";
      ind.polarity = domain::Polarity::higher_is_better;
      ind.baseline_value = i == 1 ? 50.0 : 100.0;
      ind.baseline_date = "2017-01-01";
      ind.targets = {{2027, i == 1 ? 70.0 : 200.0}};
      ind.id = store::create_indicator(change, ind);
      std::vector<domain::EnteredValue> values;
      for (int year = 2017; year <= 2026; ++year)
        values.push_back({year, *ind.baseline_value * (1 + 0.04 * (year - 2017) + 0.01 * (a % 7)),
                          "", "Registratie"});
      store::save_indicator_values(change, ind, values);
    }
  }
  return ambitions;
}

// 500 activities over the wijken and degrees, led by the partners in turn.
void big_city_activities(store::Change& change, const std::vector<long long>& ambitions,
                         const std::vector<long long>& partners,
                         const std::vector<std::string>& wijken) {
  const auto& groups = domain::target_groups();
  const auto& degrees = domain::loneliness_degrees();
  const auto& elements = domain::effective_elements();
  for (int n = 0; n < 500; ++n) {
    domain::Activity act;
    const auto u = static_cast<std::size_t>(n);
    act.name = "Activiteit " + std::to_string(n + 1);
    act.lead_partner_id = partners[u % partners.size()];
    act.target_group = groups[u % groups.size()];
    if (!wijken.empty() && n % 4 != 0) act.areas = {wijken[u % wijken.size()]};
    act.loneliness_type = domain::loneliness_types()[u % 3];
    act.degrees = {degrees[u % degrees.size()]};
    act.elements = {elements[u % elements.size()], elements[(u + 3) % elements.size()]};
    act.reach = {{2025, static_cast<double>(20 + n % 80)}};
    act.status = static_cast<domain::ActivityStatus>(u % 3);  // bestaand, nieuw or gepland
    act.method = static_cast<domain::MethodLevel>(u % 7 < 4 ? 0 : u % 7 - 3);
    act.ambition_ids = {ambitions[u % ambitions.size()]};
    store::create_activity(change, act);
  }
}

// Two contributions per partner, some partners none (an empty row to see).
void big_city_contributions(store::Change& change, const std::vector<long long>& ambitions,
                            const std::vector<long long>& partners) {
  for (std::size_t p = 0; p < partners.size(); ++p) {
    if (p % 10 == 9) continue;
    for (int k = 0; k < 2; ++k) {
      domain::Contribution c;
      c.partner_id = partners[p];
      c.ambition_id = ambitions[(p * 2 + static_cast<std::size_t>(k)) % ambitions.size()];
      c.what = "Inzet van organisatie " + std::to_string(p + 1);
      c.hours = 40.0 * (k + 1);
      c.start_year = 2025;
      c.end_year = 2027;
      c.agreed_on = "2025-02-01";
      c.status = domain::ContributionStatus::afgesproken;
      store::create_contribution(change, c);
    }
  }
}

// 100 open actions, a third of them overdue.
void big_city_actions(store::Change& change, long long owner_person_id,
                      const std::vector<long long>& partners) {
  for (int n = 0; n < 100; ++n) {
    domain::Action action;
    action.title = "Actie " + std::to_string(n + 1);
    action.due_date = n % 3 == 0 ? "2026-01-15" : "2027-06-01";
    action.partner_id = partners[static_cast<std::size_t>(n) % partners.size()];
    action.owner_person_id = owner_person_id;
    store::create_action(change, action);
  }
}

}  // namespace

void load_big_city_plan(store::Change& change, long long owner_person_id,
                        const std::vector<long long>& partners,
                        const std::vector<std::string>& wijken) {
  const auto ambitions = big_city_ambitions(change, owner_person_id, wijken);
  big_city_activities(change, ambitions, partners, wijken);
  big_city_contributions(change, ambitions, partners);
  big_city_actions(change, owner_person_id, partners);
}

}  // namespace kompas::cli
