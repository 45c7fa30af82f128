// The plan of Gemeente Voorbeeld for the demo: four ambitions with indicators of both kinds,
// several years of values and a few stories, saved through the same store calls as the pages.
#include "cli/demo_plan.h"

#include "store/ambitions_store.h"
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
        "vastgesteld",
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
        "vastgesteld",
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
        "concept",
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
        "vastgesteld",
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

}  // namespace

void load_demo_plan(store::Change& change, long long owner_person_id) {
  for (auto& demo : demo_ambitions()) {
    demo.ambition.owner_person_id = owner_person_id;
    const auto ambition_id = store::create_ambition(change, demo.ambition);
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
}

}  // namespace kompas::cli
