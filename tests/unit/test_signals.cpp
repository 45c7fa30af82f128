// The signaalpunt's rules (issue 13): the form's checks, routing, steps, who reads a signal, the
// counts and the yearly values a signaalpunt indicator takes.
#include <gtest/gtest.h>

#include "domain/indicators.h"
#include "domain/signals.h"

namespace kompas::domain {
namespace {

TEST(Signals, AFormNeedsAPlaceAKindAndConsentAndIsTidied) {
  SignalDraft d;
  auto errors = validate(d);
  EXPECT_EQ(errors.at("wijk"), "signal.error.where");
  EXPECT_EQ(errors.at("kinds"), "signal.error.kinds");
  EXPECT_EQ(errors.at("consent"), "error.choose");
  d = {"", " 9902 ab ", {SignalKind::buiten}, "akkoord", "  Gordijnen dicht. ", "", "", "", ""};
  EXPECT_TRUE(validate(d).empty());
  EXPECT_EQ(d.postcode, "9902");
  EXPECT_EQ(d.note, "Gordijnen dicht.");
  d.postcode = "99";
  EXPECT_EQ(validate(d).at("postcode"), "error.postcode");
  d.postcode = "9902";
  d.note = std::string(kSignalNoteLength + 1, 'x');
  EXPECT_EQ(validate(d).at("note"), "error.too_long");
  d.note = std::string(kSignalNoteLength, 'x');
  EXPECT_TRUE(validate(d).empty());
}

TEST(Signals, ThePostcodeGoesBeforeTheWijkAndTheWijkBeforeTheRest) {
  const std::vector<SignalRoute> routes = {{1, "", 10}, {2, "WK999901", 11}, {3, "9903", 12}};
  EXPECT_EQ(choose_route(routes, "WK999901", "9903").partner_id, 12);
  EXPECT_EQ(choose_route(routes, "WK999901", "").partner_id, 11);
  EXPECT_EQ(choose_route(routes, "WK999902", "").partner_id, 10);
  // A postcode without a route of its own goes to the wijk's route, else to the rest's.
  EXPECT_EQ(choose_route(routes, "", "1234").partner_id, 10);
  EXPECT_FALSE(choose_route(routes, "", "1234").unknown_postcode);
  EXPECT_EQ(choose_route(routes, "WK999901", "1234").partner_id, 11);
  // Without a route for the rest, it is unknown: the form asks for the wijk.
  const auto unknown = choose_route({{2, "WK999901", 11}}, "", "1234");
  EXPECT_TRUE(unknown.unknown_postcode);
  EXPECT_FALSE(unknown.partner_id);
  EXPECT_FALSE(choose_route({}, "WK999901", "").partner_id);
  EXPECT_EQ(route_area(""), RouteArea::rest);
  EXPECT_EQ(route_area("WK999901"), RouteArea::wijk);
  EXPECT_EQ(route_area("9903"), RouteArea::postcode);
}

TEST(Signals, StepsNeedWhatTheyNameAndAClosedSignalTakesNone) {
  SignalStep refer{"doorverwezen", "", "", ""};
  EXPECT_EQ(validate(refer, SignalStatus::nieuw).at("service"), "signal.error.service");
  refer.service = "svc-1";
  EXPECT_TRUE(validate(refer, SignalStatus::contact_gelegd).empty());
  SignalStep close{"afgesloten", "svc-1", "", " Klaar "};
  EXPECT_EQ(validate(close, SignalStatus::doorverwezen).at("reason"), "signal.error.reason");
  close.reason = "verlopen";  // only the signaalpunt itself closes for that reason
  EXPECT_EQ(validate(close, SignalStatus::doorverwezen).at("reason"), "signal.error.reason");
  close.reason = "al_bekend";
  EXPECT_TRUE(validate(close, SignalStatus::doorverwezen).empty());
  EXPECT_EQ(close.service, "");  // only a referral names a service
  EXPECT_EQ(close.note, "Klaar");
  SignalStep again{"contact_gelegd", "", "", ""};
  EXPECT_EQ(validate(again, SignalStatus::afgesloten).at("status"), "error.choose");
  SignalStep back{"nieuw", "", "", ""};
  EXPECT_EQ(validate(back, SignalStatus::contact_gelegd).at("status"), "error.choose");
  // A contact after a referral is a step; the signal stays referred.
  EXPECT_EQ(status_after(SignalStatus::doorverwezen, SignalStatus::contact_gelegd),
            SignalStatus::doorverwezen);
  EXPECT_EQ(status_after(SignalStatus::contact_gelegd, SignalStatus::afgesloten),
            SignalStatus::afgesloten);
}

TEST(Signals, OnlyTheReceivingPartnersStaffReadASignal) {
  Person staff{1, 1, "Mo", "mo@x.example", Role::partner, 7, true};
  EXPECT_TRUE(may_read_signal(staff, 7));
  EXPECT_FALSE(may_read_signal(staff, 8));
  Person beheerder{2, 1, "Anouk", "a@x.example", Role::beheerder, std::nullopt, true};
  EXPECT_FALSE(may_read_signal(beheerder, 7));
  beheerder.partner_id = 7;  // a beheerder who works at the receiving partner
  EXPECT_TRUE(may_read_signal(beheerder, 7));
  Person lezer{3, 1, "Lotte", "l@x.example", Role::lezer, 7, true};
  EXPECT_FALSE(may_read_signal(lezer, 7));
  staff.active = false;
  EXPECT_FALSE(may_read_signal(staff, 7));
}

TEST(Signals, CountsAndYearlyValues) {
  const long long day = 86400;
  // wijk, quarter, reason, created, first contact, referred, closed
  const std::vector<SignalFact> facts = {
      {"WK1", "2025-K4", "al_bekend", 0, 2 * day, 0, 3 * day},
      {"WK1", "2026-K1", "hulp_gevonden", 0, 4 * day, 5 * day, 6 * day},
      {"WK2", "2026-K1", "", 0, 1 * day, 0, 0},
      {"WK2", "2026-K2", "", 0, 0, 0, 0},
  };
  const auto f = signal_figures(facts);
  EXPECT_EQ(f.total, 4);
  EXPECT_EQ(f.closed, 2);
  EXPECT_DOUBLE_EQ(*f.median_days_to_contact, 2);
  EXPECT_DOUBLE_EQ(*f.share_referred, 0.25);
  EXPECT_DOUBLE_EQ(*f.share_not_known, 0.5);
  EXPECT_EQ((f.per_wijk_quarter.at({"WK2", "2026-K1"})), 1);

  EXPECT_EQ(signal_yearly_values(facts, "aantal", ""),
            (std::map<int, double>{{2025, 1}, {2026, 3}}));
  EXPECT_EQ(signal_yearly_values(facts, "aantal", "WK2"), (std::map<int, double>{{2026, 2}}));
  EXPECT_EQ(signal_yearly_values(facts, "dagen_tot_contact", ""),
            (std::map<int, double>{{2025, 2}, {2026, 2.5}}));
  EXPECT_EQ(signal_yearly_values(facts, "aandeel_doorverwezen", "WK1"),
            (std::map<int, double>{{2025, 0}, {2026, 100}}));
  // A year without closed signals has no share of them.
  EXPECT_EQ(signal_yearly_values(facts, "aandeel_onbekend", "WK2"), (std::map<int, double>{}));
  EXPECT_EQ(quarter_of("2026-11-30"), "2026-K4");

  // A signal that closed by itself (no step for half a year) counts as closed, but says nothing
  // about whether a partner knew the resident.
  auto with_idle = facts;
  with_idle.push_back({"WK2", "2026-K2", "verlopen", 0, 0, 0, 190 * day});
  const auto g = signal_figures(with_idle);
  EXPECT_EQ(g.closed, 3);
  EXPECT_DOUBLE_EQ(*g.share_not_known, 0.5);
  EXPECT_EQ(signal_yearly_values(with_idle, "aandeel_onbekend", "WK2"), (std::map<int, double>{}));
  EXPECT_EQ(quarter_of("2026-01-01"), "2026-K1");
}

TEST(Signals, AnIndicatorOfTheSignaalpuntNamesAMeasureInItsUnit) {
  Indicator ind;
  ind.name = "Signalen";
  ind.kind = "signaalpunt";
  ind.unit = "procent";
  ind.targets = {{2027, 10}};
  EXPECT_EQ(validate(ind, {}).at("signal_measure"), "error.choose");
  ind.signal_measure = "aantal";
  EXPECT_EQ(validate(ind, {}).at("unit"), "error.signal_unit_aantal");
  ind.unit = "aantal";
  EXPECT_TRUE(validate(ind, {}).empty());
  ind.area_code = "WK999901";
  EXPECT_EQ(validate(ind, {}).at("area_code"), "error.unknown_area");
  EXPECT_TRUE(validate(ind, {"WK999901"}).empty());
  EXPECT_EQ(signal_measure_question("aantal"), "hoeveel");
  EXPECT_EQ(signal_measure_unit("aandeel_onbekend"), "procent");
}

TEST(Signals, CodesAreReadAsPeopleTypeThem) {
  EXPECT_EQ(format_signal_code("ABCDEFGH"), "ABCD-EFGH");
  EXPECT_EQ(normalise_signal_code(" abcd-efgh "), "ABCDEFGH");
  EXPECT_EQ(normalise_signal_code(std::string(40, 'A')), "");
}

}  // namespace
}  // namespace kompas::domain
