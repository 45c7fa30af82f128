// Meetings (issue 12, point 7): what the agenda proposal takes from the data, and when a
// decision becomes an action.
#include <gtest/gtest.h>

#include "domain/meetings.h"

namespace kompas::domain {
namespace {

std::vector<std::string> keys(const std::vector<AgendaItem>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) out.push_back(i.source_key);
  return out;
}

Action action(long long id, std::string due, ActionStatus status = ActionStatus::open) {
  Action a;
  a.id = id;
  a.title = "Actie " + std::to_string(id);
  a.due_date = std::move(due);
  a.status = status;
  return a;
}

Activity running(long long id, std::vector<std::string> degrees, std::vector<std::string> areas) {
  Activity a;
  a.id = id;
  a.degrees = std::move(degrees);
  a.areas = std::move(areas);
  return a;
}

TEST(Agenda, IndicatorsBehindComeFirstThenThoseNotDistinguishable) {
  AgendaInputs in;
  in.indicators = {{1, 10, "Op koers", IndicatorStatus::op_koers},
                   {2, 10, "Twijfel", IndicatorStatus::niet_te_onderscheiden},
                   {3, 11, "Achter", IndicatorStatus::achter},
                   {4, 11, "Geen gegevens", IndicatorStatus::geen_gegevens},
                   {5, 11, "Gehaald", IndicatorStatus::gehaald}};
  const auto items = propose_agenda(in, {});
  EXPECT_EQ(keys(items), (std::vector<std::string>{"indicator:3", "indicator:2"}));
  EXPECT_EQ(items[0].reason, AgendaReason::achter);
  EXPECT_EQ(items[0].ambition_id, 11);
  EXPECT_EQ(items[1].reason, AgendaReason::niet_te_onderscheiden);
}

TEST(Agenda, OverdueActionsAndNewImprovementActionsFromChecks) {
  AgendaInputs in;
  in.today = "2026-12-01";
  auto from_check = action(3, "2027-01-15");
  from_check.round_id = 7;
  from_check.activity_id = 4;
  auto discussed = action(4, "2027-01-15");
  discussed.round_id = 7;
  auto finished = action(5, "2027-01-15", ActionStatus::klaar);
  finished.round_id = 7;
  in.actions = {action(1, "2026-11-30"),  // overdue
                action(2, "2026-12-01"),  // due today: not overdue
                from_check,
                discussed,
                finished,
                action(6, "2026-01-01", ActionStatus::vervallen)};
  in.discussed = {"actie:4"};
  const auto items = propose_agenda(in, {});
  EXPECT_EQ(keys(items), (std::vector<std::string>{"actie:1", "actie:3"}));
  EXPECT_EQ(items[0].reason, AgendaReason::te_laat);
  EXPECT_EQ(items[0].detail, "2026-11-30");
  EXPECT_EQ(items[1].reason, AgendaReason::nieuwe_verbeteractie);
  EXPECT_EQ(items[1].activity_id, 4);
}

TEST(Agenda, AnOverdueImprovementActionIsProposedOnceAsOverdue) {
  AgendaInputs in;
  in.today = "2026-12-01";
  auto late = action(1, "2026-10-01");
  late.round_id = 7;
  in.actions = {late};
  const auto items = propose_agenda(in, {});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].reason, AgendaReason::te_laat);
}

TEST(Agenda, ActivitiesWithoutACheckOrWithALowScore) {
  AgendaInputs in;
  in.running_activities = {{1, "Zonder check", false, std::nullopt},
                           {2, "Laag", true, 5.5},
                           {3, "Net voldoende", true, kLowCheckMedian},
                           {4, "Te weinig mensen voor een cijfer", true, std::nullopt}};
  auto items = propose_agenda(in, {});
  EXPECT_EQ(keys(items), (std::vector<std::string>{"activiteit:1", "activiteit:2"}));
  EXPECT_EQ(items[0].reason, AgendaReason::geen_check);
  EXPECT_EQ(items[0].subject, "Zonder check");
  EXPECT_EQ(items[0].activity_id, 1);
  EXPECT_EQ(items[1].reason, AgendaReason::lage_score);
  EXPECT_EQ(items[1].detail, "5.5");
  // Several without a check are one item that names them all.
  in.running_activities.push_back({5, "Ook zonder", false, std::nullopt});
  items = propose_agenda(in, {});
  EXPECT_EQ(keys(items), (std::vector<std::string>{"geen_check", "activiteit:2"}));
  EXPECT_EQ(items[0].subject, "Zonder check, Ook zonder");
  EXPECT_FALSE(items[0].activity_id);
}

TEST(Agenda, BlindSpotsPerDegreeNameTheWijken) {
  AgendaInputs in;
  in.wijk_codes = {"WK01", "WK02"};
  in.wijk_names = {"Noord", "Zuid"};
  auto stopped = running(3, {"ernstig"}, {});
  stopped.status = ActivityStatus::gestopt;
  in.activities = {running(1, {"preventie", "verhoogd_risico", "matig"}, {}),
                   running(2, {"ernstig"}, {"WK02"}), stopped};
  const auto items = propose_agenda(in, {});
  ASSERT_EQ(keys(items), (std::vector<std::string>{"blinde_vlek:ernstig"}));
  EXPECT_EQ(items[0].subject, "ernstig");
  EXPECT_EQ(items[0].detail, "Noord");
}

TEST(Agenda, MismatchesButNotTheSevereOneTwiceAndNewStories) {
  AgendaInputs in;
  in.wijk_codes = {"WK01"};
  in.wijk_names = {"Noord"};
  in.activities = {running(1, {"preventie", "verhoogd_risico", "matig", "ernstig"}, {})};
  in.mismatches = {{"WK01", MismatchKind::emotioneel_zonder_aanbod, {}},
                   {"WK01", MismatchKind::ernstig_zonder_aanbod, {}}};
  in.stories = {{8, 10, "Eenzaam", 2}, {9, 10, "Zonder nieuws", 0}};
  const auto items = propose_agenda(in, {});
  EXPECT_EQ(keys(items),
            (std::vector<std::string>{"mismatch:WK01:emotioneel_zonder_aanbod", "verhaal:8"}));
  EXPECT_EQ(items[0].subject, "Noord");
  EXPECT_EQ(items[1].detail, "2");
}

TEST(Agenda, ItemsAlreadyOnTheAgendaAreNotProposedAgain) {
  AgendaInputs in;
  in.indicators = {{3, 11, "Achter", IndicatorStatus::achter}};
  in.running_activities = {{1, "Zonder check", false, std::nullopt}};
  EXPECT_EQ(keys(propose_agenda(in, {"indicator:3"})), (std::vector<std::string>{"activiteit:1"}));
}

TEST(MeetingRecord, ADecisionWithAnOwnerNeedsADateAndBecomesAnActionOnce) {
  AgendaItem item;
  EXPECT_TRUE(validate_record(item).empty());
  EXPECT_FALSE(makes_action(item));
  item.decision_owner_id = 4;
  EXPECT_EQ(validate_record(item).at("decision_owner"), "meeting.owner_without_decision");
  item.decision = "We vragen de wethouder om geld.";
  EXPECT_EQ(validate_record(item).at("decision_due"), "meeting.due_required");
  item.decision_due = "2027-02-30";
  EXPECT_EQ(validate_record(item).at("decision_due"), "error.date");
  item.decision_due = "2027-02-28";
  EXPECT_TRUE(validate_record(item).empty());
  EXPECT_TRUE(makes_action(item));
  item.decision_action_id = 12;
  EXPECT_FALSE(makes_action(item));
  // A decision without an owner is recorded, not made into an action.
  AgendaItem noted;
  noted.decision = "We wachten de nieuwe meting af.";
  EXPECT_TRUE(validate_record(noted).empty());
  EXPECT_FALSE(makes_action(noted));
  AgendaItem dated;
  dated.decision_due = "2027-01-01";
  EXPECT_EQ(validate_record(dated).at("decision_due"), "meeting.due_without_decision");
  noted.must_improve = std::string(4001, 'x');
  EXPECT_EQ(validate_record(noted).at("must_improve"), "error.too_long");
}

TEST(MeetingRecord, ADecisionBecomesAnActionWithWhatTheItemWasAbout) {
  AgendaItem item;
  item.decision = "Wijkteam Noord start een rouwgroep";
  item.decision_owner_id = 4;
  item.decision_due = "2027-03-01";
  item.ambition_id = 2;
  item.activity_id = 9;
  const auto a = action_from_decision(item, "Besluit van Overleg op 2026-12-10", 7);
  EXPECT_EQ(a.title, "Wijkteam Noord start een rouwgroep");
  EXPECT_EQ(a.description, "Besluit van Overleg op 2026-12-10: Wijkteam Noord start een rouwgroep");
  EXPECT_EQ(a.owner_person_id, 4);
  EXPECT_EQ(a.partner_id, 7);
  EXPECT_EQ(a.ambition_id, 2);
  EXPECT_EQ(a.activity_id, 9);
  EXPECT_EQ(a.due_date, "2027-03-01");
  EXPECT_EQ(a.status, ActionStatus::open);
  EXPECT_TRUE(validate(a).empty());
  // A long decision is cut at a word, within 200 bytes, never inside "ë".
  std::string decision;
  while (decision.size() < 400) decision += "overleg met de financiën ";
  item.decision = decision;
  const auto long_one = action_from_decision(item, "Besluit", std::nullopt);
  EXPECT_LE(long_one.title.size(), 200u);
  ASSERT_TRUE(long_one.title.ends_with("…"));
  const auto kept = long_one.title.substr(0, long_one.title.size() - std::string("…").size());
  EXPECT_TRUE(decision.starts_with(kept));
  EXPECT_EQ(decision[kept.size()], ' ') << long_one.title;  // cut between words
  EXPECT_TRUE(validate(long_one).empty());
}

TEST(MeetingRecord, AMeetingNeedsARealDateAndATitle) {
  EXPECT_TRUE(validate(Meeting{0, "2026-12-10", "Coalitieoverleg", {}}).empty());
  const auto errors = validate(Meeting{0, "10 december", "", {}});
  EXPECT_EQ(errors.at("held_on"), "error.date");
  EXPECT_EQ(errors.at("title"), "error.required");
}

}  // namespace
}  // namespace kompas::domain
