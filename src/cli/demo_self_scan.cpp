#include "cli/demo_self_scan.h"

#include <stdexcept>

#include "store/quality_instruments_store.h"
#include "store/self_scans_store.h"
#include "web/ui/input.h"

namespace kompas::cli {
namespace {

const domain::Term kTerms[] = {
    {0, "Eenzaamheid",
     "Het gevoel dat iemand contact met anderen mist, of dat de contacten niet zo goed zijn als "
     "hij of zij wil. "
     "Het gaat om hoe iemand het zelf ervaart, niet om het aantal mensen om iemand heen."},
    {0, "Sociale eenzaamheid",
     "Iemand mist een groep mensen om zich heen: vrienden, buren, collega's."},
    {0, "Emotionele eenzaamheid",
     "Iemand mist één persoon met wie hij of zij een hechte band heeft, zoals een partner of "
     "beste vriend."},
    {0, "Kartrekker",
     "De persoon die de coalitie bij elkaar houdt, overleggen plant en afspraken "
     "bijhoudt."},
    {0, "Signaal",
     "Iets wat u ziet of hoort waardoor u denkt dat iemand eenzaam kan zijn. Een "
     "signaal is een reden voor een gesprek, geen oordeel."},
    {0, "Ervaringsdeskundige",
     "Iemand die zelf eenzaam is geweest en die ervaring inzet om anderen en de coalitie te "
     "helpen."},
};

// The first year a 4 to 7 per question, so the pillars differ; the next year one point more
// where it was lowest.
int demo_score(std::size_t question, bool second_year) {
  const int first = 4 + static_cast<int>(question * 5 % 4);
  return second_year && first == 4 ? 5 : first;
}

}  // namespace

void load_demo_self_scans(store::Change& change) {
  for (const auto& term : kTerms) store::create_term(change, term);
  const auto instrument = store::latest_instrument(change.sql(), store::InstrumentKind::self_scan);
  if (!instrument) throw std::runtime_error("no self-scan instrument");
  const int last_year = web::current_year() - 1;
  for (const int year : {last_year - 1, last_year}) {
    const auto id = store::create_self_scan(change, year, instrument->version);
    if (!id) continue;
    store::Answers answers;
    std::size_t n = 0;
    for (const auto& theme : instrument->themes)
      for (const auto& q : theme.questions) answers[q.code] = {demo_score(n++, year == last_year)};
    domain::SelfScan scan{*id,
                          year,
                          instrument->version,
                          "Anouk de Vries met de kerngroep (gemeente, welzijn, corporatie)",
                          0,
                          std::nullopt};
    store::save_self_scan(change, scan, answers, true);
  }
}

}  // namespace kompas::cli
