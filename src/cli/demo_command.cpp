// `kompas demo`: a fictional municipality to click through, and with --grote-stad a big city
// for benchmarks. Every name is made up; e-mail addresses use the reserved .example domain.
#include <iostream>

#include "cli/commands.h"
#include "cli/demo_map.h"
#include "cli/demo_meetings.h"
#include "cli/demo_plan.h"
#include "cli/demo_quality.h"
#include "cli/demo_self_scan.h"
#include "cli/demo_signals.h"
#include "cli/demo_training.h"
#include "domain/geojson.h"
#include "domain/published_figures.h"
#include "domain/survey_import.h"
#include "embedded.h"
#include "store/areas_store.h"
#include "store/boundaries_store.h"
#include "store/closed_years_store.h"
#include "store/coalitions_store.h"
#include "store/meetings_store.h"
#include "store/migrations.h"
#include "store/partners_store.h"
#include "store/people_store.h"
#include "store/published_figures_store.h"
#include "store/secrets.h"
#include "store/surveys_store.h"
#include "web/ui/input.h"
#include "web/verbetercyclus/year_snapshot.h"

namespace kompas::cli {
namespace {

constexpr const char* kDemoPassword = "welkom-bij-kompas";

struct DemoPartner {
  const char* name;
  const char* type;
  const char* contact;
  const char* mandate;
  const char* interests;
  const char* brings;
};

const DemoPartner kPartners[] = {
    {"Gemeente Voorbeeld, team Sociaal Domein", "gemeente", "Anouk de Vries",
     "Beslist over subsidie en inzet van het sociaal team.",
     "Minder inwoners die zich ernstig eenzaam voelen; goede verantwoording aan de raad.",
     "Subsidie, de GGD-cijfers en een kartrekker voor twee dagen per week."},
    {"Welzijn Voorbeeld", "welzijn", "Mohamed El Amrani",
     "Beslist over de inzet van opbouwwerkers en vrijwilligers.",
     "Bereik van inwoners die nu buiten beeld blijven.",
     "Opbouwwerkers in elke wijk en een poule van 120 vrijwilligers."},
    {"Thuiszorg De Linde", "zorg", "Ingrid Smit", "Teamleiders wijkverpleging beslissen per wijk.",
     "Signalen van eenzaamheid bij cliënten goed kunnen doorgeven.",
     "Wijkverpleegkundigen die dagelijks bij ouderen thuis komen."},
    {"Woonstichting Havenstad", "woningcorporatie", "Sanne Jansen",
     "Mag huurdersprojecten en ruimte in buurtpanden toezeggen.",
     "Prettig samenleven in complexen voor ouderen.",
     "Ruimtes in buurtpanden en huismeesters die signalen zien."},
    {"Bibliotheek Voorbeeld", "sport_cultuur", "Kees van Dijk",
     "Programmering en gebruik van de vestigingen.", "Laagdrempelige ontmoeting en taalcafés.",
     "Vestigingen in drie wijken en het taalcafé."},
    {"VV Noorderpark", "sport_cultuur", "Ricardo Martina",
     "Het bestuur beslist over nieuwe activiteiten.", "Meer leden boven de 60, walking football.",
     "Het veld en de kantine op doordeweekse ochtenden."},
    {"ROC Voorbeeld, opleiding Zorg en Welzijn", "onderwijs", "Lotte Hendriks",
     "Mag stageplaatsen en projectweken toezeggen.", "Praktijkleren voor studenten.",
     "Studenten die huisbezoeken afleggen."},
    {"Supermarkt Het Veld", "bedrijf", "Dennis Kok", "De eigenaar beslist zelf.",
     "Een koffiehoek waar klanten elkaar ontmoeten.", "Een koffiehoek en een mededelingenbord."},
    {"Stichting Vrijwillige Thuishulp", "vrijwilligersorganisatie", "Marja Peters",
     "Coördinator koppelt vrijwilligers.", "Genoeg vrijwilligers voor huisbezoeken.",
     "Vrijwilligers voor thuishulp en boodschappen."},
    {"Ervaringsdeskundigen Eenzaamheid Voorbeeld", "ervaringsdeskundigen", "Fatma Yilmaz",
     "Spreekt voor de eigen groep, niet voor alle inwoners.",
     "Dat de stem van inwoners zelf meetelt in de plannen.",
     "Ervaring van inwoners zelf, en meelezen met plannen en teksten."},
};

struct DemoPerson {
  const char* name;
  const char* email;
  const char* role;
  int partner;  // index in kPartners, or -1
};

const DemoPerson kPeople[] = {
    {"Anouk de Vries", "beheerder@voorbeeld.example", "beheerder", 0},
    {"Jeroen Visser", "jeroen.visser@voorbeeld.example", "beheerder", 0},
    {"Mohamed El Amrani", "mohamed@welzijn-voorbeeld.example", "partner", 1},
    {"Sanne Jansen", "sanne@havenstad.example", "partner", 3},
    {"Ricardo Martina", "ricardo@vvnoorderpark.example", "partner", 5},
    {"Fatma Yilmaz", "fatma@ervaringsdeskundigen.example", "partner", 9},
    {"Pieter Bakker", "pieter.bakker@raad-voorbeeld.example", "lezer", -1},
    {"Esther de Boer", "esther.deboer@ggd-voorbeeld.example", "lezer", -1},
};

struct Saved {
  std::vector<long long> partners;
  long long first_person = 0;  // leads the demo plan
};

Saved save_partners_and_people(store::Change& change, const std::vector<domain::Partner>& partners,
                               const std::vector<DemoPerson>& people) {
  std::vector<long long> ids;
  for (const auto& p : partners) ids.push_back(store::create_partner(change, p));
  // One hash for all demo accounts: they share the documented demo password.
  const auto hash = store::hash_password(kDemoPassword);
  long long first_person = 0;
  for (const auto& person : people) {
    domain::Person p;
    p.name = person.name;
    p.email = person.email;
    p.role = *domain::parse_word<domain::Role>(person.role);
    if (person.partner >= 0) p.partner_id = ids.at(person.partner);
    const auto id = store::create_person(change, p, hash);
    if (!first_person) first_person = id;
  }
  return {ids, first_person};
}

void load_areas(store::Change& change, const std::string& csv, const std::string& gemeente) {
  const auto parsed = domain::parse_area_csv(csv, gemeente, {});
  if (!parsed.problems.empty()) throw std::runtime_error("demo areas do not parse");
  store::save_areas(change, parsed.areas);
}

// Two resident surveys, read through the same path as an upload: the GGD's of 2022 (5-point
// answers, no design) and the coalition's own of 2024 (weights and strata).
void load_surveys(store::Change& change, long long coalition_id) {
  struct DemoSurvey {
    const char* file;
    const char* name;
    int year;
    const char* source;
    bool designed;
  };
  const DemoSurvey surveys[] = {
      {"data/voorbeeld-enquete-2022.csv", "Gezondheidsmonitor 2022", 2022, "ggd", false},
      {"data/voorbeeld-enquete-2024.csv", "Buurtenquête 2024", 2024, "eigen", true}};
  const auto areas = store::area_names(change.sql(), coalition_id);
  for (const auto& s : surveys) {
    domain::SurveyImportSettings settings;
    if (s.designed) {
      settings.weight = "weging";
      settings.strata = "stratum";
    }
    const auto prepared = domain::prepare_survey(embedded::file(s.file), settings, areas);
    if (!prepared.read.ok()) throw std::runtime_error("demo survey does not read");
    store::Survey survey;
    survey.name = s.name;
    survey.year = s.year;
    survey.source = s.source;
    survey.age_from = 18;
    survey.age_bands = settings.age_bands;
    store::save_survey(change, survey, prepared.read.data, prepared.columns);
  }
}

void voorbeeld(store::Database& db, const store::SignalKey& key) {
  store::Change change(db, {});
  const auto coalition_id = store::create_coalition(
      change,
      {0, "Gemeente Voorbeeld", "GM9999", "Gemeente Voorbeeld, team Sociaal Domein", "2026-01-01"});
  // The demo shows the public kennisbank, kaart, gesprekskaart and signaalpunt, which a new
  // coalition has off.
  auto coalition = *store::find_coalition(change.sql(), coalition_id);
  coalition.public_knowledge = true;
  coalition.public_map = true;
  coalition.public_card = true;
  coalition.public_signals = true;
  store::update_coalition(change, coalition);
  load_areas(change, std::string(embedded::file("data/voorbeeld-gebieden.csv")), "GM9999");
  load_surveys(change, coalition_id);
  const auto figures =
      domain::parse_published_figures(embedded::file("data/voorbeeld-rivm-2022.csv"),
                                      store::area_codes(change.sql(), coalition_id), "", true);
  if (!figures.problems.empty()) throw std::runtime_error("demo figures do not parse");
  store::save_published_figures(change, figures.figures);
  const auto boundaries = domain::parse_boundaries(embedded::file("data/voorbeeld-grenzen.geojson"),
                                                   store::area_codes(change.sql(), coalition_id));
  if (!boundaries.problems.empty()) throw std::runtime_error("demo boundaries do not parse");
  store::save_boundaries(change, boundaries.geometries);
  std::vector<domain::Partner> partners;
  for (const auto& p : kPartners)
    partners.push_back({0, p.name, p.type, p.contact, "", p.mandate, p.interests, true, p.brings});
  const auto saved = save_partners_and_people(
      change, partners, std::vector<DemoPerson>(std::begin(kPeople), std::end(kPeople)));
  load_demo_plan(change, saved.first_person, saved.partners);
  load_demo_self_scans(change);
  // Last year closed as the plan then stood, before this year's checks and meetings, so this
  // year's jaarverslag has a year beside it.
  const int last_year = web::current_year() - 1;
  store::close_year(
      change, last_year,
      web::build_year_snapshot(change.sql(), *store::find_coalition(change.sql(), coalition_id),
                               last_year));
  load_demo_checks(change, 6);
  load_demo_meetings(change);
  load_demo_training(change, saved.partners);
  for (std::size_t i = 0; i < partners.size(); ++i) partners[i].id = saved.partners[i];
  load_demo_map(change, partners);
  load_demo_signals(change, key, saved.partners);
  change.commit();
}

// 40 wijken with 500 buurten, 200 partners and 50 people: a city the size of a G4 municipality.
void grootstad(store::Database& db) {
  store::Change change(db, {});
  store::create_coalition(change,
                          {0, "Gemeente Grootstad", "GM9998", "Gemeente Grootstad", "2026-01-01"});
  std::string csv = "gwb_code;regio;a_inw;a_65_oo;a_1p_hh\nGM9998;Grootstad;;;\n";
  const int wijken_count = 40, buurten = 500;
  for (int w = 1; w <= wijken_count; ++w)
    csv += "WK9998" + std::string(w < 10 ? "0" : "") + std::to_string(w) + ";Wijk " +
           std::to_string(w) + ";;;\n";
  for (int b = 0; b < buurten; ++b) {
    const int w = b % wijken_count + 1, n = b / wijken_count + 1;
    const auto wk = std::string(w < 10 ? "0" : "") + std::to_string(w);
    const auto bu = std::string(n < 10 ? "0" : "") + std::to_string(n);
    const int inhabitants = 800 + (b * 7919) % 6200;
    csv += "BU9998" + wk + bu + ";Buurt " + std::to_string(w) + "." + std::to_string(n) + ";" +
           std::to_string(inhabitants) + ";" + std::to_string(inhabitants * (12 + b % 15) / 100) +
           ";" + std::to_string(inhabitants * (18 + b % 20) / 100) + "\n";
  }
  load_areas(change, csv, "GM9998");
  std::vector<domain::Partner> partners;
  for (int i = 0; i < 200; ++i) {
    const auto& type = domain::partner_types()[i % domain::partner_types().size()];
    partners.push_back({0, "Organisatie " + std::to_string(i + 1) + " (" + type + ")", type,
                        "Contactpersoon " + std::to_string(i + 1), "", "Mandaat volgens afspraak.",
                        "Samen eenzaamheid verminderen.", i % 9 != 0});
  }
  std::vector<std::string> names, emails;
  for (int i = 0; i < 50; ++i) {
    names.push_back("Medewerker " + std::to_string(i + 1));
    emails.push_back(i == 0 ? "beheerder@grootstad.example"
                            : "medewerker" + std::to_string(i + 1) + "@grootstad.example");
  }
  std::vector<DemoPerson> people;
  for (int i = 0; i < 50; ++i)
    people.push_back({names[i].c_str(), emails[i].c_str(),
                      i < 3    ? "beheerder"
                      : i < 35 ? "partner"
                               : "lezer",
                      i < 35 ? i : -1});
  const auto saved = save_partners_and_people(change, partners, people);
  std::vector<std::string> wijken;
  for (int w = 1; w <= wijken_count; ++w)
    wijken.push_back("WK9998" + std::string(w < 10 ? "0" : "") + std::to_string(w));
  load_big_city_plan(change, saved.first_person, saved.partners, wijken);
  load_big_city_training(change, saved.partners, wijken);
  for (std::size_t i = 0; i < partners.size(); ++i) partners[i].id = saved.partners[i];
  load_big_city_map(change, partners, wijken);
  load_demo_checks(change, 500);
  // A meeting next month: its page proposes the agenda from all of the above.
  store::create_meeting(
      change, {0, web::local_date(store::now_seconds() + 30 * 24 * 3600), "Coalitieoverleg", {}});
  change.commit();
}

struct DemoOptions {
  std::string db, key;
  bool big_city = false;
};

void demo(const DemoOptions& o, const Texts& t) {
  store::Database db(o.db, 1);
  store::migrate(db);
  const auto key = signal_key_for(db, o.key, t);
  const std::string code = o.big_city ? "GM9998" : "GM9999";
  {
    store::Connection conn(db);
    if (store::find_coalition_by_code(conn.sql(), code)) {
      std::cout << t.f("cli.demo.exists", {{"code", code}}) << "\n";
      return;
    }
  }
  o.big_city ? grootstad(db) : voorbeeld(db, key);
  std::cout << t.f("cli.demo.created", {{"code", code},
                                        {"email", o.big_city ? "beheerder@grootstad.example"
                                                             : "beheerder@voorbeeld.example"},
                                        {"password", kDemoPassword}})
            << "\n";
}

}  // namespace

void add_demo_command(CLI::App& app, const Texts& t) {
  auto options = std::make_shared<DemoOptions>();
  auto* cmd = app.add_subcommand("demo", t("cli.demo.description"));
  cmd->add_option("--db", options->db, t("cli.db"))->required();
  cmd->add_flag("--grote-stad", options->big_city, t("cli.demo.big_city"));
  add_key_option(*cmd, options->key, t);
  cmd->callback([options, &t] { demo(*options, t); });
}

}  // namespace kompas::cli
