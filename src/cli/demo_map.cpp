#include "cli/demo_map.h"

#include "domain/ambitions.h"
#include "domain/dates.h"
#include "domain/map_records.h"
#include "store/activities_store.h"
#include "store/areas_store.h"
#include "store/conversation_card_store.h"
#include "store/hsds_store.h"
#include "store/map_upkeep_store.h"
#include "store/secrets.h"
#include "web/ui/input.h"

namespace kompas::cli {
namespace {

struct DemoService {
  int partner;  // index in the demo partners
  const char* name;
  const char* description;
  const char* area;  // a wijk, a four-digit postcode, or "" for the whole gemeente
  const char* byday;
  const char* opens;
  const char* closes;
  const char* place;
  const char* address;
  const char* postal_code;
  const char* contact;
  const char* phone;
  const char* how;
  const char* target_group;
  const char* degree;
  const char* element;
  int months_since_check;  // over 12: the entry is due for a check
};

// Partners: 1 Welzijn Voorbeeld, 2 Thuiszorg De Linde, 3 Woonstichting Havenstad, 4 Bibliotheek,
// 5 VV Noorderpark, 6 ROC, 7 Supermarkt Het Veld, 8 Vrijwillige Thuishulp, 9 Ervaringsdeskundigen.
const DemoService kServices[] = {
    {1, "Inloopochtend Centrum",
     "Kom binnen voor koffie en een praatje. Er is altijd iemand die luistert.", "WK999901",
     "TU,FR", "09:30", "12:00", "Buurthuis De Kade", "Havenstraat 12", "9901 AB", "Ilse Bakker",
     "010-5550101",
     "Loop binnen of bel Ilse. Zeg dat u iemand wilt meenemen die weinig mensen ziet.", "iedereen",
     "preventie", "ontmoeten", 2},
    {1, "Wandelgroep Noorderpark",
     "Elke week samen een uur wandelen door het park, op een rustig tempo.", "WK999902", "WE",
     "10:00", "11:00", "Ingang Noorderpark", "Parklaan 1", "9902 CD", "Kees Vermeer", "010-5550102",
     "Aanmelden is niet nodig. Bel Kees als iemand graag wordt opgehaald.", "65plus",
     "verhoogd_risico", "bezigheden", 5},
    {1, "Maatje voor een jaar",
     "Een vrijwilliger komt elke week langs voor een wandeling, een spelletje of een gesprek.", "",
     "", "", "", "", "", "", "Nora Smit", "010-5550103",
     "Bel Nora. Vertel wie het is en of de persoon ervan weet. Zij maakt een afspraak voor een "
     "kennismaking.",
     "iedereen", "matig", "betekenisvol_contact", 3},
    {1, "Sociaal werk spreekuur Zuid-West",
     "Vragen over geld, wonen, zorg of eenzaamheid? De sociaal werker denkt mee.", "WK999904",
     "MO,TH", "13:00", "16:00", "Wijkcentrum Het Veld", "Veldweg 40", "9904 EF", "Ahmed Ouali",
     "010-5550104", "Loop binnen tijdens het spreekuur of bel voor een afspraak thuis.", "iedereen",
     "ernstig", "praktisch_ondersteunen", 14},
    {1, "Mannen aan de tafel", "Mannen koken samen en eten daarna aan één tafel.", "WK999903", "TH",
     "16:00", "19:00", "Wijkcentrum Oost", "Beekdalweg 3", "9903 AA", "Henk de Wit", "010-5550105",
     "Bel Henk. De eerste keer is gratis.", "alleenstaanden", "verhoogd_risico", "ontmoeten", 16},
    {2, "Thuiszorg signaleert",
     "Wijkverpleegkundigen letten op signalen van eenzaamheid en bespreken ze met de cliënt.", "",
     "MO,TU,WE,TH,FR", "08:30", "17:00", "", "", "", "Team wijkverpleging", "010-5550201",
     "Bel het team. Zeg dat het over eenzaamheid gaat en of de cliënt ervan weet.", "75plus",
     "matig", "betekenisvol_contact", 6},
    {2, "Dagbesteding De Linde", "Een dag in de week samen bezig zijn: koken, tuinieren, muziek.",
     "WK999904", "MO,WE,FR", "10:00", "15:30", "Zorgcentrum De Linde", "Lindelaan 8", "9904 GH",
     "Marja Kok", "010-5550202",
     "Via de huisarts of de wijkverpleegkundige. Bel Marja voor een proefdag.", "75plus", "ernstig",
     "bezigheden", 18},
    {3, "Huismeester let op",
     "De huismeester ziet bewoners vaak als eerste. Hij kent de buurt en weet de weg.", "WK999904",
     "", "", "", "", "", "", "Huismeester Zuid-West", "010-5550301",
     "Bel de huismeester als u zich zorgen maakt over een bewoner.", "iedereen", "preventie",
     "praktisch_ondersteunen", 7},
    {3, "Buurtkamer Westerduin",
     "Een huiskamer in de flat. Bewoners drinken er koffie en organiseren zelf activiteiten.",
     "WK999904", "TU,SA", "10:00", "13:00", "Flat Westerduin", "Duinstraat 100", "9904 KL",
     "Bewonerscommissie", "010-5550302", "Iedereen is welkom. Neem iemand mee naar de eerste keer.",
     "iedereen", "preventie", "ontmoeten", 20},
    {4, "Taalcafé Bibliotheek", "Nederlands oefenen in een klein groepje, met koffie.", "WK999901",
     "WE", "14:00", "16:00", "Bibliotheek Centrum", "Kerkplein 5", "9901 CD", "Loes van Dam",
     "010-5550401", "Gewoon binnenlopen. Er is geen aanmelding.", "nieuwkomers", "verhoogd_risico",
     "ontmoeten", 1},
    {4, "Digitaal Café",
     "Hulp bij de telefoon, tablet of computer. Zo houdt u contact met familie.", "", "TH", "10:00",
     "12:00", "Bibliotheek Centrum", "Kerkplein 5", "9901 CD", "Loes van Dam", "010-5550401",
     "Binnenlopen met uw eigen apparaat.", "65plus", "preventie", "praktisch_ondersteunen", 8},
    {4, "Leesclub aan huis", "Een vrijwilliger leest voor of praat over boeken, bij iemand thuis.",
     "", "", "", "", "", "", "", "Loes van Dam", "010-5550401",
     "Bel Loes. Vertel of de persoon slecht ziet of slecht ter been is.", "75plus", "matig",
     "betekenisvol_contact", 13},
    {5, "Walking football Noorderpark",
     "Voetbal in wandeltempo voor 55-plussers. Na afloop koffie in de kantine.", "WK999902", "MO",
     "10:00", "11:30", "Sportpark Noorderpark", "Sportlaan 2", "9902 AB", "Gerard Pos",
     "010-5550501", "Kom kijken en doe mee. Sportschoenen zijn genoeg.", "65plus", "preventie",
     "bezigheden", 2},
    {5, "Vrijwilligers gezocht: clubhuis",
     "Bardienst, terreinonderhoud of de jeugd trainen: een rol in de club.", "WK999902", "", "", "",
     "Sportpark Noorderpark", "Sportlaan 2", "9902 AB", "Gerard Pos", "010-5550501",
     "Bel Gerard. Hij zoekt een taak die bij iemand past.", "volwassenen", "verhoogd_risico",
     "betekenisvolle_rol", 11},
    {6, "Studenten op bezoek",
     "Studenten zorg en welzijn komen een middag op bezoek en doen iets samen.", "", "", "", "", "",
     "", "", "Stagebureau ROC", "010-5550601",
     "Mail of bel het stagebureau. Een bezoek start binnen twee weken.", "75plus", "matig",
     "betekenisvol_contact", 9},
    {7, "Koffiehoek Het Veld",
     "In de supermarkt staat een tafel met gratis koffie. Even zitten en praten mag altijd.",
     "WK999904", "MO,TU,WE,TH,FR,SA", "09:00", "12:00", "Supermarkt Het Veld", "Veldweg 12",
     "9904 AB", "Bedrijfsleider", "010-5550701",
     "Kom langs. Het personeel weet de weg naar het wijkcentrum.", "iedereen", "preventie",
     "ontmoeten", 15},
    {8, "Klussenhulp",
     "Vrijwilligers helpen met kleine klussen in huis. En ze blijven even voor een kop koffie.", "",
     "MO,TU,WE,TH,FR", "09:00", "17:00", "", "", "", "Coördinator klussen", "010-5550801",
     "Bel de coördinator. Vertel wat er moet gebeuren.", "65plus", "verhoogd_risico",
     "praktisch_ondersteunen", 3},
    {8, "Boodschappenmaatje",
     "Samen boodschappen doen. Even de deur uit, samen kiezen en afrekenen.", "9902", "TU,FR",
     "10:00", "12:00", "", "", "", "Coördinator boodschappen", "010-5550802",
     "Bel voor een eerste afspraak. Het maatje komt aan de deur.", "75plus", "matig",
     "praktisch_ondersteunen", 19},
    {8, "Telefooncirkel",
     "Elke ochtend belt iemand uit de cirkel. Zo weet u dat er iemand aan u denkt.", "",
     "MO,TU,WE,TH,FR,SA,SU", "09:00", "10:00", "", "", "", "Coördinator telefooncirkel",
     "010-5550803", "Bel de coördinator. Zij legt uit hoe de cirkel werkt.", "75plus", "matig",
     "betekenisvol_contact", 6},
    {9, "Lotgenotengroep eenzaamheid",
     "Mensen die zelf eenzaam waren, praten met wie het nu is. Zonder oordeel.", "", "WE", "19:30",
     "21:00", "Buurthuis De Kade", "Havenstraat 12", "9901 AB", "Ervaringsdeskundige",
     "010-5550901", "Bel of mail. Iemand belt eerst terug voor een kennismaking.", "volwassenen",
     "ernstig", "realistische_verwachtingen", 2},
    {9, "Gesprek met een ervaringsdeskundige",
     "Een gesprek met iemand die weet hoe het voelt. Thuis, of tijdens een wandeling.", "", "", "",
     "", "", "", "", "Ervaringsdeskundige", "010-5550901",
     "Bel en vraag naar een gesprek. Zeg wat u al weet van de persoon.", "iedereen", "ernstig",
     "realistische_verwachtingen", 22},
    {1, "Jongerenplek Oost", "Avond voor jongeren van 16 tot 25: koken, gamen, praten.", "WK999903",
     "WE", "18:00", "21:30", "Jongerencentrum Oost", "Beekdalweg 10", "9903 CD",
     "Jongerenwerker Oost", "010-5550106", "Appen of bellen. Samen binnenkomen mag.", "jongeren",
     "verhoogd_risico", "ontmoeten", 4},
    {1, "Mantelzorgcafé",
     "Mantelzorgers ontmoeten elkaar en krijgen tips. Er is opvang voor wie u verzorgt.", "", "SA",
     "10:00", "12:00", "Buurthuis De Kade", "Havenstraat 12", "9901 AB", "Mantelzorgconsulent",
     "010-5550107", "Bel de consulent. Zij regelt ook vervangende zorg.", "mantelzorgers",
     "verhoogd_risico", "ontmoeten", 12},
    {2, "Respijtzorg aan huis",
     "Een vrijwilliger neemt de zorg een middag over, zodat de mantelzorger even vrij is.", "", "",
     "", "", "", "", "", "Team respijtzorg", "010-5550203",
     "Bel het team. Een intake volgt binnen twee weken.", "mantelzorgers", "matig",
     "praktisch_ondersteunen", 5},
    {1, "Samen eten Centrum",
     "Elke donderdag een warme maaltijd voor een kleine prijs, met anderen aan tafel.", "9901",
     "TH", "17:30", "19:30", "Buurthuis De Kade", "Havenstraat 12", "9901 AB", "Ilse Bakker",
     "010-5550101", "Aanmelden tot woensdag bij Ilse.", "alleenstaanden", "verhoogd_risico",
     "ontmoeten", 1},
    {3, "Welkom in de buurt",
     "Nieuwe huurders krijgen bezoek van een buurtgenoot die de weg wijst.", "", "", "", "", "", "",
     "", "Wijkconsulent", "010-5550303",
     "Bel de wijkconsulent als een nieuwe bewoner niemand kent.", "nieuwkomers", "preventie",
     "betekenisvolle_rol", 10},
};

// Help lines for the whole country, as examples: the beheerder checks and edits them.
struct NationalLine {
  const char* organization;
  const char* name;
  const char* description;
  const char* phone;
  const char* how;
  const char* degree;
};
const NationalLine kNationalLines[] = {
    {"De Luisterlijn", "De Luisterlijn",
     "Dag en nacht iemand om mee te praten, anoniem. Aan de telefoon, via chat of mail.",
     "088 0767 000", "Geef het nummer. Iemand kan zelf bellen, dag en nacht.", "matig"},
    {"Nationaal Ouderenfonds", "Ouderenlijn",
     "Een luisterend oor voor ouderen, en hulp bij praktische vragen.", "0800 7654 321",
     "Geef het nummer. Bellen is gratis.", "verhoogd_risico"},
    {"MIND Korrelatie", "MIND Korrelatie", "Anonieme hulp bij psychische en sociale vragen.",
     "0900 1450", "Geef het nummer, of de chat op de website.", "ernstig"},
    {"Alzheimer Nederland", "Alzheimer Telefoon",
     "Voor vragen over dementie, ook voor mantelzorgers.", "0800 5088",
     "Geef het nummer. Bellen is gratis.", "matig"},
    {"113 Zelfmoordpreventie", "113 Zelfmoordpreventie",
     "Wie aan zelfmoord denkt, kan altijd bellen of chatten. Anoniem en gratis.", "0800 0113",
     "Denkt iemand aan zelfmoord? Blijf bij de persoon en bel samen 0800 0113. Bij direct gevaar: "
     "112.",
     "ernstig"},
};

std::string months_ago(int months) {
  return domain::add_months(web::local_date(store::now_seconds()), -months);
}

}  // namespace

void load_demo_map(store::Change& change, const std::vector<domain::Partner>& partners) {
  auto& sql = change.sql();
  const auto coalition_id = change.actor().coalition_id;
  const auto area_names = store::area_names(sql, coalition_id);
  // Every running activity with a lead partner, as its partner would put it there.
  for (const auto& a : store::list_activities(sql, coalition_id)) {
    if (!domain::is_running(a) || !a.lead_partner_id) continue;
    for (const auto& p : partners)
      if (p.id == *a.lead_partner_id)
        store::publish_activity(change, a, p, area_names, p.contact_email);
  }
  std::vector<domain::hsds::Record> records;
  for (const auto& s : kServices) {
    const auto& partner = partners.at(static_cast<std::size_t>(s.partner));
    domain::ServiceDraft d;
    d.id = store::random_uuid();
    d.organization_id = store::partner_organization(change, partner);
    d.name = s.name;
    d.description = s.description;
    d.how_to_apply = s.how;
    const std::string area = s.area;
    if (area.starts_with("WK"))
      d.area_codes = {area};
    else if (!area.empty())
      d.postcodes = {area};
    d.terms = {{"target_group", s.target_group}, {"degree", s.degree}, {"element", s.element}};
    d.byday = s.byday;
    d.opens_at = s.opens;
    d.closes_at = s.closes;
    d.contact = s.contact;
    d.phone = s.phone;
    d.place = s.place;
    d.address = s.address;
    d.postal_code = s.postal_code;
    d.city = "Voorbeeld";
    d.province = "Zuid-Holland";
    d.assured_date = months_ago(s.months_since_check);
    d.assurer_email = partner.contact_email;
    d.last_modified = d.assured_date + "T09:00:00Z";
    for (auto& r : domain::service_records(store::hsds_spec(), d, store::random_uuid))
      records.push_back(std::move(r));
  }
  for (const auto& line : kNationalLines) {
    auto org =
        domain::hsds::make_record(*store::hsds_spec().table("organization"), store::random_uuid());
    org.set("name", line.organization);
    org.set("description", std::string("Landelijke organisatie: ") + line.organization + ".");
    domain::ServiceDraft d;
    d.id = store::random_uuid();
    d.organization_id = org.id;
    d.name = line.name;
    d.description = line.description;
    d.how_to_apply = line.how;
    d.phone = line.phone;
    d.terms = {
        {"target_group", "iedereen"}, {"degree", line.degree}, {"element", "betekenisvol_contact"}};
    d.assured_date = months_ago(2);
    d.last_modified = d.assured_date + "T09:00:00Z";
    records.push_back(std::move(org));
    for (auto& r : domain::service_records(store::hsds_spec(), d, store::random_uuid))
      records.push_back(std::move(r));
  }
  store::save_hsds_records(change, records, "demo");
  // The beheerder's choice for the gesprekskaart: two of the partners' and two national lines.
  for (const std::string name :
       {"Maatje voor een jaar", "Telefooncirkel", "De Luisterlijn", "113 Zelfmoordpreventie"})
    for (const auto& r : records)
      if (r.table->name == "service" && r.text("name") == name)
        store::add_card_service(change, r.id, name);
  // A resident's correction from the public kaart, waiting for the owner.
  for (const auto& r : records)
    if (r.table->name == "service" && r.text("name") == "Telefooncirkel")
      store::add_correction(change, r.id, "Telefooncirkel",
                            "Het telefoonnummer klopt niet meer: ik kreeg een ander bureau aan "
                            "de lijn.",
                            "", "demo");
}

void load_big_city_map(store::Change& change, const std::vector<domain::Partner>& partners,
                       const std::vector<std::string>& wijken) {
  const std::pair<const char*, const char*> kinds[] = {
      {"Koffieochtend", "ontmoeten"},
      {"Wandelgroep", "bezigheden"},
      {"Maatjescontact", "betekenisvol_contact"},
      {"Klussendienst", "praktisch_ondersteunen"},
      {"Training contact maken", "sociale_vaardigheden"},
      {"Gespreksgroep", "realistische_verwachtingen"},
      {"Vrijwilligerswerk", "betekenisvolle_rol"}};
  const char* days[] = {"MO", "TU", "WE", "TH", "FR", "SA", "MO,TH", "TU,FR"};
  const auto& groups = domain::target_groups();
  const auto& degrees = domain::loneliness_degrees();
  std::vector<std::string> organizations;
  for (const auto& p : partners) organizations.push_back(store::partner_organization(change, p));
  std::vector<domain::hsds::Record> records;
  records.reserve(20'000 * 9);
  for (int i = 0; i < 20'000; ++i) {
    const auto& [kind, element] = kinds[i % 7];
    const auto& wijk = wijken[static_cast<std::size_t>(i) % wijken.size()];
    domain::ServiceDraft d;
    d.id = store::random_uuid();
    d.organization_id = organizations[static_cast<std::size_t>(i) % organizations.size()];
    d.name = std::string(kind) + " " + std::to_string(i + 1);
    d.description = "Voor bewoners van wijk " + wijk.substr(6) + " die mensen willen ontmoeten.";
    d.how_to_apply = "Bel de contactpersoon.";
    d.area_codes = {wijk};
    d.terms = {{"target_group", groups[static_cast<std::size_t>(i) % groups.size()]},
               {"degree", degrees[static_cast<std::size_t>(i / 7) % degrees.size()]},
               {"element", std::string(element)}};
    d.byday = days[i % 8];
    d.opens_at = "10:00";
    d.closes_at = "12:00";
    d.contact = "Contactpersoon " + std::to_string(i % 500 + 1);
    d.phone = "010-" + std::to_string(5'000'000 + i);
    d.place = "Wijkcentrum " + wijk.substr(6);
    d.address = "Wijkstraat " + std::to_string(i % 200 + 1);
    d.postal_code = std::to_string(9000 + i % 900) + " AB";
    d.city = "Grootstad";
    d.province = "Zuid-Holland";
    d.assured_date = months_ago(i % 18);
    d.last_modified = d.assured_date + "T09:00:00Z";
    for (auto& r : domain::service_records(store::hsds_spec(), d, store::random_uuid))
      records.push_back(std::move(r));
  }
  store::save_hsds_records(change, records, "demo");
}

}  // namespace kompas::cli
