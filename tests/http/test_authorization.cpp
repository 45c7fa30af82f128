// Every route called as anonymous, lezer, partner (own and other partner's records), beheerder,
// and as a beheerder of another coalition. Posts send an empty form, so callers who may post get
// a validation answer (422) and nothing changes; the others are turned away.
#include <gmock/gmock.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "harness.h"
#include "web/core/section.h"

namespace kompas::test {
namespace {

constexpr const char* kService = "ac148810-d857-441c-9679-408f346de14b";

struct Expect {
  std::string method, pattern, path;
  int anonymous, lezer, partner, beheerder, other_coalition;
};

class AuthorizationTest : public HttpTest {
 protected:
  std::vector<Expect> matrix() const {
    const auto own = std::to_string(seed.own_partner);
    const auto other = std::to_string(seed.other_partner);
    const auto lezer = std::to_string(seed.lezer);
    const auto survey = "/verkennen/metingen/" + std::to_string(seed.survey);
    const auto ambition = "/doelen/" + std::to_string(seed.ambition);
    const auto indicator = "/indicatoren/" + std::to_string(seed.indicator);
    const auto activity = "/wie-doet-wat/activiteiten/" + std::to_string(seed.activity);
    const auto own_contribution =
        "/wie-doet-wat/bijdragen/" + std::to_string(seed.own_contribution);
    const auto other_contribution =
        "/wie-doet-wat/bijdragen/" + std::to_string(seed.other_contribution);
    const auto action = "/acties/" + std::to_string(seed.action);
    const auto quality_activity = "/kwaliteit/activiteiten/" + std::to_string(seed.activity);
    const auto round = "/kwaliteit/rondes/" + std::to_string(seed.round);
    const auto link = "/check/" + seed.link_token;
    const auto scan = "/kwaliteit/zelfscan/" + std::to_string(seed.scan_year);
    const auto term = "/kwaliteit/begrippen/" + std::to_string(seed.term);
    const auto meeting = "/verbetercyclus/overleggen/" + std::to_string(seed.meeting);
    const auto agenda_item = "/verbetercyclus/punten/" + std::to_string(seed.agenda_item);
    const auto report = "/verbetercyclus/jaarverslag/" + std::to_string(seed.scan_year);
    const std::string article = "/deskundigheid/kennisbank/wat-is-eenzaamheid";
    const auto training = "/deskundigheid/training/" + std::to_string(seed.training);
    const auto session = "/deskundigheid/sessies/" + std::to_string(seed.session);
    const auto signal = "/signaalpunt/" + std::to_string(seed.signal);
    constexpr int R = 303;  // anonymous: sent to the login page
    return {
        {"GET", "/", "/", R, 200, 200, 200, 200},
        {"GET", "/mijn-organisatie", "/mijn-organisatie", R, 404, 200, 404, 404},
        {"GET", "/inloggen", "/inloggen", 200, 303, 303, 303, 303},
        {"GET", "/healthz", "/healthz", 200, 200, 200, 200, 200},
        {"GET", "/taal", "/taal?lang=en", 303, 303, 303, 303, 303},
        {"GET", "/profiel", "/profiel", R, 200, 200, 200, 200},
        {"GET", "/sessie", "/sessie", R, 204, 204, 204, 204},
        {"GET", "/verkennen", "/verkennen", R, 200, 200, 200, 200},
        {"GET", "/doelen", "/doelen", R, 200, 200, 200, 200},
        {"GET", "/doelen/nieuw", "/doelen/nieuw", R, 403, 403, 200, 200},
        {"GET", R"(/doelen/(\d+))", ambition, R, 200, 200, 200, 404},
        {"GET", R"(/doelen/(\d+)/bewerken)", ambition + "/bewerken", R, 403, 403, 200, 404},
        {"GET", R"(/doelen/(\d+)/versies)", ambition + "/versies", R, 200, 200, 200, 404},
        {"GET", R"(/doelen/(\d+)/verwijderen)", ambition + "/verwijderen", R, 403, 403, 200, 404},
        {"GET", R"(/doelen/(\d+)/indicatoren/nieuw)", ambition + "/indicatoren/nieuw", R, 403, 403,
         200, 404},
        {"GET", R"(/indicatoren/(\d+))", indicator, R, 200, 200, 200, 404},
        {"GET", R"(/indicatoren/(\d+)/bewerken)", indicator + "/bewerken", R, 403, 403, 200, 404},
        {"GET", R"(/indicatoren/(\d+)/verwijderen)", indicator + "/verwijderen", R, 403, 403, 200,
         404},
        {"GET", "/doelen/waarden-inlezen", "/doelen/waarden-inlezen", R, 403, 403, 200, 200},
        {"GET", R"(/doelen/waarden-sjabloon\.csv)", "/doelen/waarden-sjabloon.csv", R, 403, 403,
         200, 200},
        {"GET", "/wie-doet-wat", "/wie-doet-wat", R, 200, 200, 200, 200},
        {"GET", "/wie-doet-wat/dekking", "/wie-doet-wat/dekking", R, 200, 200, 200, 200},
        {"GET", "/wie-doet-wat/activiteiten/nieuw", "/wie-doet-wat/activiteiten/nieuw", R, 403, 200,
         200, 200},
        {"GET", R"(/wie-doet-wat/activiteiten/(\d+))", activity, R, 200, 200, 200, 404},
        {"GET", R"(/wie-doet-wat/activiteiten/(\d+)/bewerken)", activity + "/bewerken", R, 403, 200,
         200, 404},
        {"GET", R"(/wie-doet-wat/activiteiten/(\d+)/verwijderen)", activity + "/verwijderen", R,
         403, 200, 200, 404},
        {"GET", "/wie-doet-wat/bijdragen", "/wie-doet-wat/bijdragen", R, 200, 200, 200, 200},
        {"GET", "/wie-doet-wat/bijdragen/nieuw", "/wie-doet-wat/bijdragen/nieuw", R, 403, 200, 200,
         200},
        {"GET", R"(/wie-doet-wat/bijdragen/(\d+)/bewerken)", own_contribution + "/bewerken", R, 403,
         200, 200, 404},
        {"GET", R"(/wie-doet-wat/bijdragen/(\d+)/bewerken)", other_contribution + "/bewerken", R,
         403, 403, 200, 404},
        {"GET", R"(/wie-doet-wat/bijdragen/(\d+)/verwijderen)", own_contribution + "/verwijderen",
         R, 403, 200, 200, 404},
        {"GET", R"(/wie-doet-wat/bijdragen/(\d+)/verwijderen)", other_contribution + "/verwijderen",
         R, 403, 403, 200, 404},
        {"GET", "/acties", "/acties", R, 200, 200, 200, 200},
        {"GET", "/kwaliteit", "/kwaliteit", R, 200, 200, 200, 200},
        {"GET", "/kwaliteit/vragen", "/kwaliteit/vragen", R, 200, 200, 200, 200},
        {"GET", "/kwaliteit/beeld", "/kwaliteit/beeld", R, 200, 200, 200, 200},
        {"GET", R"(/kwaliteit/beeld\.xlsx)", "/kwaliteit/beeld.xlsx", R, 200, 200, 200, 200},
        {"GET",
         R"(/kwaliteit/beeld/(elementen_per_wijk|elementen_per_graad|methoden|zonder_check)\.csv)",
         "/kwaliteit/beeld/methoden.csv", R, 200, 200, 200, 200},
        {"GET", "/kwaliteit/zelfscan", "/kwaliteit/zelfscan", R, 200, 200, 200, 200},
        {"GET", R"(/kwaliteit/zelfscan/(\d{4}))", scan, R, 200, 200, 200, 404},
        {"GET", R"(/kwaliteit/zelfscan/(\d{4})\.(csv|xlsx))", scan + ".xlsx", R, 200, 200, 200,
         404},
        {"GET", R"(/kwaliteit/zelfscan/(\d{4})/invullen)", scan + "/invullen", R, 403, 403, 200,
         404},
        {"GET", "/resultaten", "/resultaten", R, 200, 200, 200, 200},
        {"GET", R"(/resultaten\.csv)", "/resultaten.csv", R, 200, 200, 200, 200},
        {"GET", R"(/resultaten\.xlsx)", "/resultaten.xlsx", R, 200, 200, 200, 200},
        {"GET", "/verbetercyclus", "/verbetercyclus", R, 200, 200, 200, 200},
        {"GET", "/verbetercyclus/jaarverslag", "/verbetercyclus/jaarverslag", R, 200, 200, 200,
         200},
        {"GET", R"(/verbetercyclus/jaarverslag/(\d{4}))", report, R, 200, 200, 200, 200},
        {"GET",
         R"(/verbetercyclus/jaarverslag/(\d{4})/(lokaal_beeld|indicatoren|bijdragen|kwaliteit|besluiten|verhalen)\.csv)",
         report + "/besluiten.csv", R, 200, 200, 200, 200},
        {"GET", R"(/verbetercyclus/jaarverslag/(\d{4})\.xlsx)", report + ".xlsx", R, 200, 200, 200,
         200},
        {"GET", "/verbetercyclus/overleggen/nieuw", "/verbetercyclus/overleggen/nieuw", R, 403, 403,
         200, 200},
        {"GET", R"(/verbetercyclus/overleggen/(\d+))", meeting, R, 200, 200, 200, 404},
        {"GET", R"(/verbetercyclus/overleggen/(\d+)/notulen)", meeting + "/notulen", R, 200, 200,
         200, 404},
        {"GET", R"(/verbetercyclus/overleggen/(\d+)/bewerken)", meeting + "/bewerken", R, 403, 403,
         200, 404},
        {"GET", R"(/verbetercyclus/overleggen/(\d+)/verwijderen)", meeting + "/verwijderen", R, 403,
         403, 200, 404},
        {"GET", R"(/verbetercyclus/punten/(\d+))", agenda_item, R, 403, 403, 200, 404},
        {"GET", "/kwaliteit/samenwerking", "/kwaliteit/samenwerking", R, 200, 200, 200, 200},
        {"GET", "/kwaliteit/begrippen/nieuw", "/kwaliteit/begrippen/nieuw", R, 403, 403, 200, 200},
        {"GET", R"(/kwaliteit/begrippen/(\d+))", term, R, 403, 403, 200, 404},
        {"GET", R"(/kwaliteit/begrippen/(\d+)/verwijderen)", term + "/verwijderen", R, 403, 403,
         200, 404},
        {"GET", R"(/kwaliteit/activiteiten/(\d+))", quality_activity, R, 200, 200, 200, 404},
        {"GET", R"(/kwaliteit/activiteiten/(\d+)/ronde)", quality_activity + "/ronde", R, 403, 200,
         200, 404},
        {"GET", R"(/kwaliteit/rondes/(\d+))", round, R, 200, 200, 200, 404},
        {"GET", R"(/kwaliteit/rondes/(\d+)/overzicht)", round + "/overzicht", R, 200, 200, 200,
         404},
        {"GET", R"(/kwaliteit/rondes/(\d+)/verbeterplan)", round + "/verbeterplan", R, 200, 200,
         200, 404},
        // Only the team answers: the partner person is in it, the beheerder is not.
        {"GET", R"(/kwaliteit/rondes/(\d+)/invullen)", round + "/invullen", R, 403, 200, 403, 404},
        {"GET", R"(/kwaliteit/rondes/(\d+)/overzicht\.(csv|xlsx))", round + "/overzicht.csv", R,
         200, 200, 200, 404},
        {"GET", R"(/kwaliteit/rondes/(\d+)/sluiten)", round + "/sluiten", R, 403, 200, 200, 404},
        // A link is the volunteer's, whoever holds it; an unknown one is not found.
        {"GET", R"(/check/([A-Za-z0-9_-]{1,100}))", link, 200, 200, 200, 200, 200},
        {"GET", R"(/check/([A-Za-z0-9_-]{1,100}))", "/check/onbekend", 404, 404, 404, 404, 404},
        {"GET", "/acties/nieuw", "/acties/nieuw", R, 403, 403, 200, 200},
        {"GET", R"(/acties/(\d+))", action, R, 200, 200, 200, 404},
        {"GET", R"(/acties/(\d+)/bewerken)", action + "/bewerken", R, 403, 403, 200, 404},
        {"GET", R"(/acties/(\d+)/verwijderen)", action + "/verwijderen", R, 403, 403, 200, 404},
        {"GET", "/plan", "/plan", R, 200, 200, 200, 200},
        {"GET", R"(/plan\.xlsx)", "/plan.xlsx", R, 200, 200, 200, 200},
        {"GET", R"(/plan/(ambities|indicatoren|waarden|activiteiten|bijdragen|acties)\.csv)",
         "/plan/waarden.csv", R, 200, 200, 200, 200},
        {"GET", R"(/openbaar/(GM\d{4}))", "/openbaar/GM9999", 404, 404, 404, 404, 404},
        {"GET", "/deskundigheid", "/deskundigheid", R, 200, 200, 200, 200},
        {"GET", "/deskundigheid/kennisbank", "/deskundigheid/kennisbank", R, 200, 200, 200, 200},
        {"GET", "/deskundigheid/kennisbank/nieuw", "/deskundigheid/kennisbank/nieuw", R, 403, 403,
         200, 200},
        // Every coalition has the shipped articles: another coalition's beheerder sees its own.
        {"GET", "/deskundigheid/kennisbank/([a-z0-9-]{1,80})", article, R, 200, 200, 200, 200},
        {"GET", "/deskundigheid/kennisbank/([a-z0-9-]{1,80})/bewerken", article + "/bewerken", R,
         403, 403, 200, 200},
        {"GET", "/deskundigheid/kennisbank/([a-z0-9-]{1,80})/versies", article + "/versies", R, 403,
         403, 200, 200},
        {"GET", R"(/deskundigheid/kennisbank/([a-z0-9-]{1,80})/versies/(\d{1,9}))",
         article + "/versies/1", R, 403, 403, 200, 200},
        {"GET", "/deskundigheid/training", "/deskundigheid/training", R, 200, 200, 200, 200},
        {"GET", "/deskundigheid/training/nieuw", "/deskundigheid/training/nieuw", R, 403, 200, 200,
         200},
        {"GET", R"(/deskundigheid/training/(\d+))", training, R, 200, 200, 200, 404},
        {"GET", R"(/deskundigheid/training/(\d+)/bewerken)", training + "/bewerken", R, 403, 200,
         200, 404},
        {"GET", R"(/deskundigheid/training/(\d+)/sessies/nieuw)", training + "/sessies/nieuw", R,
         403, 200, 200, 404},
        {"GET", R"(/deskundigheid/sessies/(\d+))", session, R, 200, 200, 200, 404},
        {"GET", R"(/deskundigheid/sessies/(\d+)/bewerken)", session + "/bewerken", R, 403, 200, 200,
         404},
        {"GET", "/deskundigheid/bereik", "/deskundigheid/bereik", R, 200, 200, 200, 200},
        {"GET", "/deskundigheid/aantallen", "/deskundigheid/aantallen", R, 403, 200, 200, 200},
        // Off until the beheerder switches the public kennisbank on.
        {"GET", R"(/openbaar/(GM\d{4})/kennisbank)", "/openbaar/GM9999/kennisbank", 404, 404, 404,
         404, 404},
        {"GET", R"(/openbaar/(GM\d{4})/kennisbank/([a-z0-9-]{1,80}))",
         "/openbaar/GM9999/kennisbank/doorverwijzen", 404, 404, 404, 404, 404},
        {"GET", "/deskundigheid/kaart", "/deskundigheid/kaart", R, 200, 200, 200, 200},
        {"GET", R"(/deskundigheid/kaart/dienst/([A-Za-z0-9._:-]{1,100}))",
         "/deskundigheid/kaart/dienst/" + std::string(kService), R, 404, 404, 404, 404},
        {"GET", "/deskundigheid/kaart/bestanden", "/deskundigheid/kaart/bestanden", R, 403, 403,
         200, 200},
        {"GET", "/deskundigheid/kaart/diensten.ndjson", "/deskundigheid/kaart/diensten.ndjson", R,
         200, 200, 200, 200},
        {"GET", "/deskundigheid/kaart/datapakket.zip", "/deskundigheid/kaart/datapakket.zip", R,
         200, 200, 200, 200},
        // Off until the beheerder publishes the kaart.
        {"GET", R"(/openbaar/(GM\d{4})/kaart)", "/openbaar/GM9999/kaart", 404, 404, 404, 404, 404},
        {"GET", R"(/openbaar/(GM\d{4})/kaart/dienst/([A-Za-z0-9._:-]{1,100}))",
         "/openbaar/GM9999/kaart/dienst/" + std::string(kService), 404, 404, 404, 404, 404},
        {"GET", "/deskundigheid/gesprekskaart", "/deskundigheid/gesprekskaart", R, 200, 200, 200,
         200},
        {"GET", "/deskundigheid/kaart/onderhoud", "/deskundigheid/kaart/onderhoud", R, 403, 200,
         200, 200},
        // A real service's owner and other roles: in test_social_map.cpp.
        {"GET", R"(/deskundigheid/kaart/dienst/([A-Za-z0-9._:-]{1,100})/bewerken)",
         "/deskundigheid/kaart/dienst/" + std::string(kService) + "/bewerken", R, 403, 404, 404,
         404},
        {"GET", R"(/deskundigheid/kaart/dienst/([A-Za-z0-9._:-]{1,100})/klopt-niet)",
         "/deskundigheid/kaart/dienst/" + std::string(kService) + "/klopt-niet", R, 404, 404, 404,
         404},
        {"GET", R"(/openbaar/(GM\d{4})/kaart/dienst/([A-Za-z0-9._:-]{1,100})/klopt-niet)",
         "/openbaar/GM9999/kaart/dienst/" + std::string(kService) + "/klopt-niet", 404, 404, 404,
         404, 404},
        // Off until the beheerder switches the public gesprekskaart on.
        {"GET", R"(/openbaar/(GM\d{4})/gesprekskaart)", "/openbaar/GM9999/gesprekskaart", 404, 404,
         404, 404, 404},
        // Signals: only the receiving partner's staff open one (the beheerder has no partner).
        {"GET", "/signaalpunt", "/signaalpunt", R, 200, 200, 200, 200},
        {"GET", "/signaalpunt/nieuw", "/signaalpunt/nieuw", R, 200, 200, 200, 200},
        {"GET", R"(/signaalpunt/(\d+))", signal, R, 403, 200, 403, 404},
        {"GET", "/signaalpunt/routes", "/signaalpunt/routes", R, 403, 403, 200, 200},
        // Off until the beheerder switches the public signaalpunt on.
        {"GET", R"(/openbaar/(GM\d{4})/signaal)", "/openbaar/GM9999/signaal", 404, 404, 404, 404,
         404},
        {"GET", R"(/openbaar/(GM\d{4})/signaal/status)", "/openbaar/GM9999/signaal/status", 404,
         404, 404, 404, 404},
        {"GET", "/api/hsds/openapi.json", "/api/hsds/openapi.json", 200, 200, 200, 200, 200},
        // Without a published kaart, HSDS needs an API token of the coalition: a session is none.
        {"GET", R"(/api/hsds/(GM\d{4})/?)", "/api/hsds/GM9999/", 401, 401, 401, 401, 401},
        {"GET", R"(/api/hsds/(GM\d{4})/services)", "/api/hsds/GM9999/services", 401, 401, 401, 401,
         401},
        {"GET", R"(/api/hsds/(GM\d{4})/services/([A-Za-z0-9._:-]{1,100}))",
         "/api/hsds/GM9999/services/" + std::string(kService), 401, 401, 401, 401, 401},
        {"GET", R"(/api/hsds/(GM\d{4})/organizations)", "/api/hsds/GM9999/organizations", 401, 401,
         401, 401, 401},
        {"GET", R"(/api/hsds/(GM\d{4})/organizations/([A-Za-z0-9._:-]{1,100}))",
         "/api/hsds/GM9999/organizations/" + std::string(kService), 401, 401, 401, 401, 401},
        {"GET", R"(/api/hsds/(GM\d{4})/taxonomies)", "/api/hsds/GM9999/taxonomies", 401, 401, 401,
         401, 401},
        {"GET", R"(/api/hsds/(GM\d{4})/taxonomies/([A-Za-z0-9._:-]{1,100}))",
         "/api/hsds/GM9999/taxonomies/" + std::string(kService), 401, 401, 401, 401, 401},
        {"GET", R"(/api/hsds/(GM\d{4})/taxonomy_terms)", "/api/hsds/GM9999/taxonomy_terms", 401,
         401, 401, 401, 401},
        {"GET", R"(/api/hsds/(GM\d{4})/taxonomy_terms/([A-Za-z0-9._:-]{1,100}))",
         "/api/hsds/GM9999/taxonomy_terms/" + std::string(kService), 401, 401, 401, 401, 401},
        {"GET", R"(/api/hsds/(GM\d{4})/service_at_locations)",
         "/api/hsds/GM9999/service_at_locations", 401, 401, 401, 401, 401},
        {"GET", R"(/api/hsds/(GM\d{4})/service_at_locations/([A-Za-z0-9._:-]{1,100}))",
         "/api/hsds/GM9999/service_at_locations/" + std::string(kService), 401, 401, 401, 401, 401},
        {"GET", "/api/v1/openapi.json", "/api/v1/openapi.json", 200, 200, 200, 200, 200},
        // A session cookie is no API token: the API answers 401 to every caller here.
        {"GET", "/api/v1/ambitions", "/api/v1/ambitions", 401, 401, 401, 401, 401},
        {"GET", "/api/v1/indicators", "/api/v1/indicators", 401, 401, 401, 401, 401},
        {"GET", R"(/api/v1/indicators/(\d+)/values)",
         "/api/v1/indicators/" + std::to_string(seed.indicator) + "/values", 401, 401, 401, 401,
         401},
        {"GET", "/api/v1/activities", "/api/v1/activities", 401, 401, 401, 401, 401},
        {"GET", "/api/v1/contributions", "/api/v1/contributions", 401, 401, 401, 401, 401},
        {"GET", "/api/v1/check-rounds", "/api/v1/check-rounds", 401, 401, 401, 401, 401},
        {"GET", "/api/v1/quality-picture", "/api/v1/quality-picture", 401, 401, 401, 401, 401},
        {"GET", "/api/v1/self-scans", "/api/v1/self-scans", 401, 401, 401, 401, 401},
        {"GET", "/api/v1/meetings", "/api/v1/meetings", 401, 401, 401, 401, 401},
        {"GET", "/partners", "/partners", R, 200, 200, 200, 200},
        {"GET", "/partners/nieuw", "/partners/nieuw", R, 403, 403, 200, 200},
        {"GET", R"(/partners/(\d+))", "/partners/" + own, R, 200, 200, 200, 404},
        {"GET", R"(/partners/(\d+))", "/partners/" + other, R, 200, 200, 200, 404},
        {"GET", R"(/partners/(\d+)/bewerken)", "/partners/" + own + "/bewerken", R, 403, 200, 200,
         404},
        {"GET", R"(/partners/(\d+)/bewerken)", "/partners/" + other + "/bewerken", R, 403, 403, 200,
         404},
        {"GET", "/mensen", "/mensen", R, 200, 200, 200, 200},
        {"GET", "/mensen/nieuw", "/mensen/nieuw", R, 403, 403, 200, 200},
        {"GET", R"(/mensen/(\d+)/bewerken)", "/mensen/" + lezer + "/bewerken", R, 403, 403, 200,
         404},
        {"GET", "/gebieden", "/gebieden", R, 200, 200, 200, 200},
        {"GET", "/gebieden/importeren", "/gebieden/importeren", R, 403, 403, 200, 200},
        {"GET", "/gebieden/kaart", "/gebieden/kaart", R, 403, 403, 200, 200},
        {"GET", "/verkennen/metingen/nieuw", "/verkennen/metingen/nieuw", R, 403, 403, 200, 200},
        {"GET", R"(/verkennen/metingen/(\d+))", survey, R, 200, 200, 200, 404},
        {"GET",
         R"(/verkennen/metingen/(\d+)/(wijk|buurt|leeftijd|wijk_leeftijd|geslacht)\.(csv|xlsx))",
         survey + "/geslacht.csv", R, 200, 200, 200, 404},
        {"GET", R"(/verkennen/metingen/(\d+)/verwijderen)", survey + "/verwijderen", R, 403, 403,
         200, 404},
        {"GET", "/verkennen/cijfers", "/verkennen/cijfers", R, 200, 200, 200, 200},
        {"GET", "/verkennen/trend", "/verkennen/trend", R, 200, 200, 200, 200},
        {"GET", R"(/verkennen/trend\.(csv|xlsx))", "/verkennen/trend.xlsx", R, 200, 200, 200, 200},
        {"GET", R"(/verkennen/cijfers\.(csv|xlsx))", "/verkennen/cijfers.csv", R, 200, 200, 200,
         200},
        {"GET", "/verkennen/cijfers/importeren", "/verkennen/cijfers/importeren", R, 403, 403, 200,
         200},
        {"GET", "/beheer", "/beheer", R, 403, 403, 200, 200},
        {"GET", "/beheer/logboek", "/beheer/logboek", R, 403, 403, 200, 200},
        {"POST", "/partners", "/partners", 401, 403, 403, 422, 422},
        {"POST", R"(/partners/(\d+))", "/partners/" + own, 401, 403, 422, 422, 404},
        {"POST", R"(/partners/(\d+))", "/partners/" + other, 401, 403, 403, 422, 404},
        {"POST", "/mensen", "/mensen", 401, 403, 403, 422, 422},
        {"POST", R"(/mensen/(\d+))", "/mensen/" + lezer, 401, 403, 403, 422, 404},
        {"POST", "/gebieden/importeren", "/gebieden/importeren", 401, 403, 403, 422, 422},
        {"POST", "/gebieden/kaart", "/gebieden/kaart", 401, 403, 403, 422, 422},
        {"POST", "/verkennen/metingen/nieuw", "/verkennen/metingen/nieuw", 401, 403, 403, 422, 422},
        {"GET", R"(/verkennen/metingen/voorbeeld\.csv)", "/verkennen/metingen/voorbeeld.csv", R,
         403, 403, 200, 200},
        {"POST", "/verkennen/metingen/bevestigen", "/verkennen/metingen/bevestigen", 401, 403, 403,
         422, 422},
        {"POST", R"(/verkennen/metingen/(\d+)/verwijderen)", survey + "/verwijderen", 401, 403, 403,
         422, 404},
        {"POST", "/verkennen/cijfers/importeren", "/verkennen/cijfers/importeren", 401, 403, 403,
         422, 422},
        {"POST", "/doelen", "/doelen", 401, 403, 403, 422, 422},
        {"POST", "/doelen/waarden-inlezen", "/doelen/waarden-inlezen", 401, 403, 403, 422, 422},
        {"POST", R"(/doelen/(\d+))", ambition, 401, 403, 403, 422, 404},
        {"POST", R"(/doelen/(\d+)/verwijderen)", ambition + "/verwijderen", 401, 403, 403, 422,
         404},
        {"POST", R"(/doelen/(\d+)/indicatoren)", ambition + "/indicatoren", 401, 403, 403, 422,
         404},
        {"POST", R"(/indicatoren/(\d+))", indicator, 401, 403, 403, 422, 404},
        {"POST", R"(/indicatoren/(\d+)/verwijderen)", indicator + "/verwijderen", 401, 403, 403,
         422, 404},
        {"POST", R"(/indicatoren/(\d+)/waarden)", indicator + "/waarden", 401, 403, 403, 422, 404},
        {"POST", R"(/indicatoren/(\d+)/waarden/verwijderen)", indicator + "/waarden/verwijderen",
         401, 403, 403, 422, 404},
        {"POST", R"(/indicatoren/(\d+)/verhalen)", indicator + "/verhalen", 401, 422, 422, 422,
         404},
        {"POST", "/wie-doet-wat/activiteiten", "/wie-doet-wat/activiteiten", 401, 403, 422, 422,
         422},
        {"POST", R"(/wie-doet-wat/activiteiten/(\d+))", activity, 401, 403, 422, 422, 404},
        {"POST", R"(/wie-doet-wat/activiteiten/(\d+)/verwijderen)", activity + "/verwijderen", 401,
         403, 422, 422, 404},
        {"POST", "/wie-doet-wat/bijdragen", "/wie-doet-wat/bijdragen", 401, 403, 422, 422, 422},
        {"POST", R"(/wie-doet-wat/bijdragen/(\d+))", own_contribution, 401, 403, 422, 422, 404},
        {"POST", R"(/wie-doet-wat/bijdragen/(\d+))", other_contribution, 401, 403, 403, 422, 404},
        {"POST", R"(/wie-doet-wat/bijdragen/(\d+)/verwijderen)", own_contribution + "/verwijderen",
         401, 403, 422, 422, 404},
        {"POST", R"(/wie-doet-wat/bijdragen/(\d+)/verwijderen)",
         other_contribution + "/verwijderen", 401, 403, 403, 422, 404},
        {"POST", "/acties", "/acties", 401, 403, 403, 422, 422},
        {"POST", R"(/kwaliteit/activiteiten/(\d+)/ronde)", quality_activity + "/ronde", 401, 403,
         422, 422, 404},
        {"POST", R"(/kwaliteit/rondes/(\d+)/team)", round + "/team", 401, 403, 422, 422, 404},
        {"POST", R"(/kwaliteit/rondes/(\d+)/acties)", round + "/acties", 401, 403, 422, 422, 404},
        {"POST", R"(/kwaliteit/rondes/(\d+)/vrijwilliger)", round + "/vrijwilliger", 401, 403, 422,
         422, 404},
        // These change something even with an empty form: QualityPagesTest calls them.
        {"POST", R"(/kwaliteit/rondes/(\d+)/team/(\d+)/intrekken)", "", 0, 0, 0, 0, 0},
        {"POST", R"(/kwaliteit/rondes/(\d+)/sluiten)", "", 0, 0, 0, 0, 0},
        {"POST", R"(/kwaliteit/rondes/(\d+)/invullen)", "", 0, 0, 0, 0, 0},
        {"POST", R"(/check/([A-Za-z0-9_-]{1,100}))", "", 0, 0, 0, 0, 0},
        {"POST", "/kwaliteit/zelfscan", "/kwaliteit/zelfscan", 401, 403, 403, 422, 422},
        {"POST", "/deskundigheid/training/nieuw", "/deskundigheid/training/nieuw", 401, 403, 422,
         422, 422},
        {"POST", R"(/deskundigheid/training/(\d+)/bewerken)", training + "/bewerken", 401, 403, 422,
         422, 404},
        {"POST", R"(/deskundigheid/training/(\d+)/sessies/nieuw)", training + "/sessies/nieuw", 401,
         403, 422, 422, 404},
        {"POST", R"(/deskundigheid/sessies/(\d+)/bewerken)", session + "/bewerken", 401, 403, 422,
         422, 404},
        {"POST", R"(/deskundigheid/sessies/(\d+)/deelnemers)", session + "/deelnemers", 401, 403,
         422, 422, 404},
        {"POST", R"(/deskundigheid/sessies/(\d+)/importeren)", session + "/importeren", 401, 403,
         422, 422, 404},
        // An empty post says nobody attended: a change, tested in its own test.
        {"POST", R"(/deskundigheid/sessies/(\d+)/aanwezigheid)", "", 0, 0, 0, 0, 0},
        {"POST", "/deskundigheid/aantallen", "/deskundigheid/aantallen", 401, 403, 422, 422, 422},
        {"POST", "/deskundigheid/rollen", "/deskundigheid/rollen", 401, 403, 403, 422, 422},
        // Putting an activity on the kaart is a change: tested in its own test.
        {"POST", R"(/wie-doet-wat/activiteiten/(\d+)/op-de-kaart)", "", 0, 0, 0, 0, 0},
        {"POST", "/deskundigheid/kaart/bestanden", "/deskundigheid/kaart/bestanden", 401, 403, 403,
         422, 422},
        {"POST", "/deskundigheid/gesprekskaart/diensten", "/deskundigheid/gesprekskaart/diensten",
         401, 403, 403, 422, 422},
        {"POST", R"(/deskundigheid/kaart/dienst/([A-Za-z0-9._:-]{1,100})/klopt-nog)",
         "/deskundigheid/kaart/dienst/" + std::string(kService) + "/klopt-nog", 401, 403, 404, 404,
         404},
        {"POST", R"(/deskundigheid/kaart/dienst/([A-Za-z0-9._:-]{1,100})/bewerken)",
         "/deskundigheid/kaart/dienst/" + std::string(kService) + "/bewerken", 401, 403, 404, 404,
         404},
        {"POST", R"(/deskundigheid/kaart/dienst/([A-Za-z0-9._:-]{1,100})/bijhouder)",
         "/deskundigheid/kaart/dienst/" + std::string(kService) + "/bijhouder", 401, 403, 403, 404,
         404},
        {"POST", R"(/deskundigheid/kaart/dienst/([A-Za-z0-9._:-]{1,100})/klopt-niet)",
         "/deskundigheid/kaart/dienst/" + std::string(kService) + "/klopt-niet", 401, 404, 404, 404,
         404},
        // Public, with the login form's double-submit token: tested in its own test.
        {"POST", R"(/openbaar/(GM\d{4})/kaart/dienst/([A-Za-z0-9._:-]{1,100})/klopt-niet)", "", 0,
         0, 0, 0, 0},
        {"POST", "/signaalpunt/nieuw", "/signaalpunt/nieuw", 401, 422, 422, 422, 422},
        {"POST", R"(/signaalpunt/(\d+)/stap)", signal + "/stap", 401, 403, 422, 403, 404},
        // Not held: accepting changes nothing (303); a batch without confirmation is refused.
        {"POST", R"(/signaalpunt/(\d+)/aannemen)", signal + "/aannemen", 401, 403, 303, 403, 404},
        {"POST", "/signaalpunt/voorbehoud/verwijderen", "/signaalpunt/voorbehoud/verwijderen", 401,
         403, 303, 403, 403},
        {"POST", "/signaalpunt/routes", "/signaalpunt/routes", 401, 403, 403, 422, 422},
        {"GET", R"(/signaalpunt/routes/(\d+)/verwijderen)",
         "/signaalpunt/routes/999999/verwijderen", R, 403, 403, 404, 404},
        {"POST", R"(/signaalpunt/routes/(\d+)/verwijderen)",
         "/signaalpunt/routes/999999/verwijderen", 401, 403, 403, 404, 404},
        // Public, with the login form's double-submit token: tested in test_signals.cpp.
        {"POST", R"(/openbaar/(GM\d{4})/signaal)", "", 0, 0, 0, 0, 0},
        {"POST", R"(/openbaar/(GM\d{4})/signaal/status)", "", 0, 0, 0, 0, 0},
        {"POST", R"(/deskundigheid/kaart/correcties/(\d+)/afgehandeld)",
         "/deskundigheid/kaart/correcties/999999/afgehandeld", 401, 403, 404, 404, 404},
        {"POST", "/deskundigheid/kennisbank/nieuw", "/deskundigheid/kennisbank/nieuw", 401, 403,
         403, 422, 422},
        {"POST", "/deskundigheid/kennisbank/([a-z0-9-]{1,80})/bewerken", article + "/bewerken", 401,
         403, 403, 422, 422},
        // An empty post saves the scan as it is: a change, so it is tested in its own test.
        {"POST", R"(/kwaliteit/zelfscan/(\d{4})/invullen)", "", 0, 0, 0, 0, 0},
        {"POST", "/verbetercyclus/jaarverslag", "/verbetercyclus/jaarverslag", 401, 403, 403, 422,
         422},
        {"POST", "/verbetercyclus/overleggen", "/verbetercyclus/overleggen", 401, 403, 403, 422,
         422},
        {"POST", R"(/verbetercyclus/overleggen/(\d+))", meeting, 401, 403, 403, 422, 404},
        {"POST", R"(/verbetercyclus/overleggen/(\d+)/verwijderen)", meeting + "/verwijderen", 401,
         403, 403, 422, 404},
        {"POST", R"(/verbetercyclus/overleggen/(\d+)/agenda)", meeting + "/agenda", 401, 403, 403,
         422, 404},
        // An empty post records an empty item: a change, tested in its own test.
        {"POST", R"(/verbetercyclus/punten/(\d+))", "", 0, 0, 0, 0, 0},
        {"POST", "/kwaliteit/begrippen", "/kwaliteit/begrippen", 401, 403, 403, 422, 422},
        {"POST", R"(/kwaliteit/begrippen/(\d+))", term, 401, 403, 403, 422, 404},
        {"POST", R"(/kwaliteit/begrippen/(\d+)/verwijderen)", term + "/verwijderen", 401, 403, 403,
         422, 404},
        {"POST", R"(/acties/(\d+))", action, 401, 403, 403, 422, 404},
        {"POST", R"(/acties/(\d+)/verwijderen)", action + "/verwijderen", 401, 403, 403, 422, 404},
        {"POST", R"(/acties/(\d+)/status)", action + "/status", 401, 403, 422, 422, 404},
        {"POST", "/beheer/coalitie", "/beheer/coalitie", 401, 403, 403, 422, 422},
        {"POST", "/profiel/sleutels", "/profiel/sleutels", 401, 422, 422, 422, 422},
        {"POST", R"(/profiel/sleutels/(\d+)/intrekken)", "/profiel/sleutels/999999/intrekken", 401,
         404, 404, 404, 404},
        {"POST", "/profiel/wachtwoord", "/profiel/wachtwoord", 401, 422, 422, 422, 422},
        // Logging out and logging in are tested on their own (they change sessions).
        {"POST", "/uitloggen", "", 0, 0, 0, 0, 0},
        {"POST", "/inloggen", "", 0, 0, 0, 0, 0},
    };
  }
};

// What a lezer may post, declared once for this test and the browser walk as lezer.
std::set<std::string> lezer_may_post() {
  std::ifstream in(std::string(KOMPAS_TESTS_DIR) + "/roles/lezer_may_post.json");
  const auto declared = nlohmann::json::parse(in);
  return declared.at("patterns").get<std::set<std::string>>();
}

// A lezer writes nothing of the coalition's work: every POST route but the declared few turns
// a lezer away before it looks at what was sent, whatever the address names.
TEST_F(AuthorizationTest, ALezerPostsOnlyWhatIsDeclared) {
  const auto allowed = lezer_may_post();
  std::set<std::string> posts;
  for (const auto& r : app().routes())
    if (r.method == "POST") posts.insert(r.pattern);
  for (const auto& pattern : allowed) EXPECT_TRUE(posts.count(pattern)) << "no route " << pattern;
  const int audit_before = count("SELECT COUNT(*) FROM audit_log");
  for (const auto& pattern : posts) {
    if (allowed.count(pattern)) continue;
    const auto path = sample_path(pattern);
    ASSERT_TRUE(std::regex_match(path, std::regex(pattern))) << pattern << " -> " << path;
    EXPECT_EQ(status(post(path, As::lezer, {{"name", "x"}, {"confirm", "1"}})), 403) << path;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log"), audit_before);
}

TEST_F(AuthorizationTest, EveryRouteIsInTheMatrix) {
  std::set<std::string> covered, registered;
  for (const auto& e : matrix()) covered.insert(e.method + " " + e.pattern);
  for (const auto& r : app().routes()) registered.insert(r.method + " " + r.pattern);
  EXPECT_EQ(covered, registered);
}

// The menu each person sees is the list of sections: every item a section shows to their role,
// in that order, and nothing else (one's organisation and Beheer beside the name); each item
// opens for them, with its own item marked.
TEST_F(AuthorizationTest, TheMenuIsTheListOfSections) {
  struct Caller {
    As who;
    bool is_beheerder, has_partner;
  };
  for (const auto& caller : {Caller{As::lezer, false, false}, Caller{As::partner, false, true},
                             Caller{As::beheerder, true, false}}) {
    std::vector<std::string> expected, expected_beside_name;
    for (const auto& section : web::sections()) {
      if (section.path.empty()) continue;
      if (section.shown == web::Shown::beheerder && !caller.is_beheerder) continue;
      if (section.shown == web::Shown::with_partner && !caller.has_partner) continue;
      (section.beside_name ? expected_beside_name : expected).push_back(section.path);
    }
    const auto page = body(get("/", caller.who));
    const auto nav_start = page.find("<nav class=\"kompas-nav\"");
    ASSERT_NE(nav_start, std::string::npos);
    const auto nav = page.substr(nav_start, page.find("</nav>", nav_start) - nav_start);
    const auto links = [](const std::string& html, const std::regex& link) {
      std::vector<std::string> out;
      for (auto it = std::sregex_iterator(html.begin(), html.end(), link);
           it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
      return out;
    };
    EXPECT_EQ(links(nav, std::regex(R"re(href="([^"]+)")re")), expected);
    EXPECT_EQ(links(page, std::regex(
                              R"re(class="utrecht-link kompas-header__section" href="([^"]+)")re")),
              expected_beside_name);
    expected.insert(expected.end(), expected_beside_name.begin(), expected_beside_name.end());
    for (const auto& path : expected) {
      const auto r = get(path, caller.who);
      EXPECT_EQ(status(r), 200) << path;
      EXPECT_THAT(body(r), ::testing::HasSubstr("href=\"" + path + "\" aria-current=\"page\""))
          << path;
    }
  }
}

TEST_F(AuthorizationTest, EachCallerGetsWhatTheirRoleAllows) {
  const std::pair<As, int Expect::*> callers[] = {{As::anonymous, &Expect::anonymous},
                                                  {As::lezer, &Expect::lezer},
                                                  {As::partner, &Expect::partner},
                                                  {As::beheerder, &Expect::beheerder},
                                                  {As::other_coalition, &Expect::other_coalition}};
  const int partners_before = count("SELECT COUNT(*) FROM partners");
  const int audit_before = count("SELECT COUNT(*) FROM audit_log");
  for (const auto& e : matrix()) {
    if (e.path.empty()) continue;
    for (const auto& [who, expected] : callers) {
      const auto r = e.method == "GET" ? get(e.path, who) : post(e.path, who, {});
      EXPECT_EQ(status(r), e.*expected)
          << e.method << " " << e.path << " as caller " << static_cast<int>(who);
    }
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM partners"), partners_before);
  // Nothing changed; the log holds only the two times the partner opened the signal (the page,
  // and the page again with the empty step's errors): every viewing of a signal is logged.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action <> 'bekijken'"), audit_before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'bekijken'"), 2);
}

}  // namespace
}  // namespace kompas::test
