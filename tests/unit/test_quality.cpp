// The quality check's rules (issue 12): the instrument file, answers, bands, medians, spread,
// strongest and improvement points, comparisons.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "domain/activities.h"
#include "domain/dates.h"
#include "domain/quality_rounds.h"
#include "domain/quality_scores.h"

namespace kompas::domain {
namespace {

std::string shipped_instrument() {
  std::ifstream in(std::string(KOMPAS_FIXTURES) + "/../../data/kwaliteit/instrument-1.json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> codes(const std::vector<Problem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.code);
  return out;
}

TEST(QualityInstrument, TheShippedVersionReadsWithEveryThemeAndElement) {
  const auto read = read_instrument(shipped_instrument());
  ASSERT_TRUE(read.problems.empty()) << read.problems.front().code;
  const auto& instrument = *read.instrument;
  EXPECT_EQ(instrument.version, 1);
  ASSERT_EQ(instrument.themes.size(), 6u);
  EXPECT_EQ(instrument.themes.front().code, "ondersteunen");
  EXPECT_EQ(instrument.question_count(), 20u);
  // The first theme asks about each of the seven effective elements.
  std::vector<std::string> elements;
  for (const auto& q : instrument.themes.front().questions) elements.push_back(q.element);
  EXPECT_EQ(elements, effective_elements());
  const auto* method = instrument.find("methode");
  ASSERT_NE(method, nullptr);
  EXPECT_FALSE(method->tips[static_cast<std::size_t>(Band::laag)].en.empty());
  EXPECT_EQ(instrument.find("bestaat_niet"), nullptr);
}

TEST(QualityInstrument, EveryProblemInAFileIsNamed) {
  const auto read = read_instrument(R"({
    "version": 0,
    "name": {"nl": "Check"},
    "themes": [
      {"code": "a", "title": {"nl": "A", "en": "A"}, "questions": [
        {"code": "q1", "element": "toveren", "text": {"nl": "V", "en": "Q"},
         "help": {"nl": "H", "en": "H"},
         "tips": {"laag": {"nl": "t", "en": "t"}, "midden": {"nl": "t", "en": "t"}}},
        {"code": "Q 2", "text": {"nl": "V", "en": "Q"}, "help": {"nl": "H", "en": "H"},
         "tips": {"laag": {"nl": "t", "en": "t"}, "midden": {"nl": "t", "en": "t"},
                  "hoog": {"nl": "t", "en": "t"}}}]},
      {"code": "a", "title": {"nl": "B", "en": "B"}, "questions": [
        {"code": "q1", "text": {"nl": "V", "en": "Q"}, "help": {"nl": "H", "en": "H"},
         "tips": {"laag": {"nl": "t", "en": "t"}, "midden": {"nl": "t", "en": "t"},
                  "hoog": {"nl": "t", "en": "t"}}}]},
      {"code": "leeg", "title": {"nl": "C", "en": "C"}, "questions": []}
    ]})");
  EXPECT_FALSE(read.instrument);
  EXPECT_EQ(codes(read.problems),
            (std::vector<std::string>{"instrument.version", "instrument.missing_text",
                                      "instrument.unknown_element", "instrument.missing_text",
                                      "instrument.code", "instrument.duplicate_theme",
                                      "instrument.duplicate_question", "instrument.no_questions"}));
  EXPECT_EQ(read.problems[1].params.at("place"), "name");
  EXPECT_EQ(read.problems[3].params.at("place"), "a/q1 tips.hoog");
  EXPECT_EQ(read.problems[6].params.at("code"), "q1");
}

TEST(QualityInstrument, AFileThatIsNoInstrumentSaysSo) {
  EXPECT_EQ(codes(read_instrument("{\"version\": 1,").problems),
            std::vector<std::string>{"instrument.json"});
  EXPECT_EQ(codes(read_instrument("[1, 2]").problems), std::vector<std::string>{"instrument.json"});
  EXPECT_EQ(codes(read_instrument(R"({"version": 1, "name": {"nl": "a", "en": "a"}})").problems),
            std::vector<std::string>{"instrument.no_themes"});
}

TEST(QualityScores, BandsFollowDutchMarks) {
  EXPECT_EQ(band_of(1), Band::laag);
  EXPECT_EQ(band_of(5), Band::laag);
  EXPECT_EQ(band_of(6), Band::midden);
  EXPECT_EQ(band_of(7), Band::midden);
  EXPECT_EQ(band_of(8), Band::hoog);
  EXPECT_EQ(band_of(10), Band::hoog);
  EXPECT_EQ(band_of_median(5.5), Band::laag);  // half a point counts down
  EXPECT_EQ(band_of_median(7.5), Band::midden);
  EXPECT_EQ(band_of_median(8.0), Band::hoog);
}

TEST(QualityScores, AnAnswerIsAScoreFromOneToTenOrNotApplicableWithAReason) {
  FieldErrors errors;
  EXPECT_EQ(read_answer("", "", "q", errors), CheckAnswer{});
  EXPECT_EQ(read_answer(" 7 ", "", "q", errors).score, 7);
  EXPECT_EQ(read_answer("1", "", "q", errors).score, 1);
  EXPECT_EQ(read_answer("10", "", "q", errors).score, 10);
  EXPECT_TRUE(errors.empty());
  for (const char* bad : {"0", "11", "5,5", "zeven", "-3", "100"}) {
    FieldErrors e;
    EXPECT_FALSE(read_answer(bad, "", "q", e).answered()) << bad;
    EXPECT_EQ(e.at("q"), "error.score") << bad;
  }
  FieldErrors e;
  EXPECT_TRUE(read_answer("nvt", "  ", "q", e).not_applicable);
  EXPECT_EQ(e.at("q"), "error.reason_required");
  FieldErrors fine;
  const auto nvt = read_answer("nvt", "We werken alleen met groepen.", "q", fine);
  EXPECT_TRUE(fine.empty());
  EXPECT_EQ(nvt.reason, "We werken alleen met groepen.");
  EXPECT_FALSE(nvt.score);
  // An explanation is kept with a score, and without a choice yet: saving loses nothing.
  EXPECT_EQ(read_answer("8", " Goed geregeld. ", "q", fine).reason, "Goed geregeld.");
  const auto later = read_answer("", "Nog navragen bij Sam.", "q", fine);
  EXPECT_FALSE(later.answered());
  EXPECT_EQ(later.reason, "Nog navragen bij Sam.");
  EXPECT_TRUE(fine.empty());
}

TEST(QualityScores, MedianSpreadAndWhatToDiscuss) {
  EXPECT_FALSE(median({}));
  EXPECT_EQ(median({7}), 7);
  EXPECT_EQ(median({9, 3, 5}), 5);
  EXPECT_EQ(median({6, 5, 8, 7}), 6.5);

  const auto close = summarise({{6, false, ""}, {9, false, ""}, {{}, true, "geen groep"}, {}});
  EXPECT_EQ(close.median, 7.5);
  EXPECT_EQ(close.lowest, 6);
  EXPECT_EQ(close.highest, 9);
  EXPECT_EQ(close.not_applicable, 1u);
  EXPECT_FALSE(close.discuss);                                       // 3 apart
  EXPECT_TRUE(summarise({{5, false, ""}, {9, false, ""}}).discuss);  // 4 apart
  const auto none = summarise({{{}, true, "geen groep"}});
  EXPECT_FALSE(none.median);
  EXPECT_FALSE(none.discuss);
  EXPECT_EQ(none.lowest, 0);
}

TEST(QualityScores, StrongestAndImprovementPoints) {
  Instrument instrument;
  instrument.themes.push_back({"t", {}, {}});
  for (const char* code : {"a", "b", "c", "d", "e", "f"})
    instrument.themes.back().questions.push_back({code, "", {}, {}, {}});
  std::map<std::string, QuestionSummary> by_code;
  const std::map<std::string, double> medians = {{"a", 8}, {"b", 9.5}, {"c", 7.5},
                                                 {"d", 4}, {"e", 7.5}, {"f", 8}};
  for (const auto& [code, m] : medians) by_code[code].median = m;
  const auto strong = strongest_points(instrument, by_code);
  ASSERT_EQ(strong.size(), 3u);
  EXPECT_EQ(strong[0].code, "b");
  EXPECT_EQ(strong[1].code, "a");  // equal to f: the instrument's order
  EXPECT_EQ(strong[2].code, "f");
  const auto improve = improvement_points(instrument, by_code);
  ASSERT_EQ(improve.size(), 3u);
  EXPECT_EQ(improve[0].code, "d");
  EXPECT_EQ(improve[1].code, "c");
  EXPECT_EQ(improve[2].code, "e");
  // A question nobody scored is neither.
  by_code["d"].median.reset();
  EXPECT_EQ(improvement_points(instrument, by_code).size(), 2u);
}

TEST(QualityScores, ComparisonsWithThePreviousRoundAndTheCoalition) {
  EXPECT_EQ(compare_medians(7, 6.5), Trend::hoger);
  EXPECT_EQ(compare_medians(6, 6.5), Trend::lager);
  EXPECT_EQ(compare_medians(6.5, 6.5), Trend::gelijk);
  EXPECT_FALSE(compare_medians(std::nullopt, 6));
  EXPECT_FALSE(compare_medians(6, std::nullopt));
  EXPECT_FALSE(coalition_median({7, 8}));  // two activities are too few to compare with
  EXPECT_EQ(coalition_median({7, 8, 4}), 7);
}

TEST(QualityRounds, ARoundRunsUntilTheEndOfItsLastDayOrUntilClosed) {
  CheckRound round;
  round.ends_on = "2026-12-31";
  EXPECT_TRUE(is_open(round, "2026-12-31"));
  EXPECT_FALSE(is_open(round, "2027-01-01"));
  round.closed_at = 1;
  EXPECT_FALSE(is_open(round, "2026-12-01"));

  EXPECT_TRUE(validate(round, "2026-12-31").empty());  // ending today is fine
  EXPECT_EQ(validate(round, "2027-01-01").at("ends_on"), "error.date_past");
  round.ends_on = "2027-12-01";
  EXPECT_TRUE(validate(round, "2026-12-01").empty());  // 365 days
  EXPECT_EQ(validate(round, "2026-11-30").at("ends_on"), "error.round_too_long");
  round.ends_on = "2027-02-30";
  EXPECT_EQ(validate(round, "2026-12-01").at("ends_on"), "error.date");
  EXPECT_EQ(days_between("2024-02-28", "2024-03-01"), 2);  // a leap year
  EXPECT_EQ(days_between("2026-03-01", "2026-02-28"), -1);
}

TEST(QualityRounds, ALinkAnswersOnlyWhileEverythingAllowsIt) {
  CheckRound round;
  round.ends_on = "2026-12-31";
  Respondent volunteer;
  volunteer.name = "Vera";
  volunteer.link_expires_at = 1000;
  const auto state = [&](long long now, const std::string& today) {
    return answer_state(volunteer, round, now, today);
  };
  EXPECT_EQ(state(999, "2026-12-01"), AnswerState::open);
  EXPECT_EQ(state(1000, "2026-12-01"), AnswerState::link_expired);
  EXPECT_EQ(state(999, "2027-01-01"), AnswerState::round_closed);
  volunteer.revoked_at = 500;
  EXPECT_EQ(state(999, "2026-12-01"), AnswerState::link_revoked);
  volunteer.submitted_at = 400;  // what was handed in stays handed in
  EXPECT_EQ(state(999, "2026-12-01"), AnswerState::submitted);
  Respondent member;  // with an account: no link to expire
  member.person_id = 7;
  EXPECT_EQ(answer_state(member, round, 1'000'000'000, "2026-12-01"), AnswerState::open);
  EXPECT_EQ(validate(Respondent{}).at("name"), "error.required");
}

TEST(QualityRounds, SubmittingNeedsEveryQuestionAnswered) {
  Instrument instrument;
  instrument.themes.push_back({"t", {}, {}});
  for (const char* code : {"a", "b", "c"})
    instrument.themes.back().questions.push_back({code, "", {}, {}, {}});
  std::map<std::string, CheckAnswer> answers = {{"a", {8, false, ""}}, {"c", {}}};
  EXPECT_EQ(unanswered(instrument, answers), (std::vector<std::string>{"b", "c"}));
  answers["b"] = {{}, true, "past niet"};
  answers["c"] = {1, false, ""};
  EXPECT_TRUE(unanswered(instrument, answers).empty());
}

TEST(QualityRounds, WhoStartsRoundsAndWhoSeesIndividualScores) {
  Activity activity;
  activity.lead_partner_id = 3;
  Person partner;
  partner.id = 10;
  partner.role = Role::partner;
  partner.partner_id = 3;
  EXPECT_TRUE(may_start_round(partner, activity));
  partner.partner_id = 4;
  EXPECT_FALSE(may_start_round(partner, activity));
  Person beheerder;
  beheerder.role = Role::beheerder;
  EXPECT_TRUE(may_start_round(beheerder, activity));

  std::vector<Respondent> team(2);
  team[0].person_id = 10;
  EXPECT_TRUE(may_see_individual_scores(partner, team));  // in the team
  EXPECT_TRUE(may_see_individual_scores(beheerder, team));
  Person lezer;
  lezer.id = 11;
  EXPECT_FALSE(may_see_individual_scores(lezer, team));
}

TEST(QualityRound, ScoresShowFromOneForTheTeamAndFromThreeForOthers) {
  Person member, lezer, beheerder;
  member.id = 10;
  member.role = Role::partner;
  lezer.id = 11;
  beheerder.id = 12;
  beheerder.role = Role::beheerder;
  Respondent in_team;
  in_team.person_id = 10;
  std::vector<Respondent> team = {in_team, Respondent{}, Respondent{}};
  EXPECT_FALSE(may_see_round_scores(member, team));  // nobody handed in
  team[0].submitted_at = 1;
  EXPECT_TRUE(may_see_round_scores(member, team));
  EXPECT_TRUE(may_see_round_scores(beheerder, team));
  EXPECT_FALSE(may_see_round_scores(lezer, team));
  team[1].submitted_at = 2;
  EXPECT_FALSE(may_see_round_scores(lezer, team));  // two are too few for an aggregate
  team[2].submitted_at = 3;
  EXPECT_TRUE(may_see_round_scores(lezer, team));
}

TEST(QualityInstrument, AnOwnVersionMustBeNewerThanTheNewestStored) {
  EXPECT_FALSE(check_new_version(1, std::nullopt));
  EXPECT_FALSE(check_new_version(2, 1));
  const auto same = check_new_version(1, 1);
  ASSERT_TRUE(same);
  EXPECT_EQ(same->code, "instrument.version_not_newer");
  EXPECT_EQ(same->params.at("latest"), "1");
  EXPECT_TRUE(check_new_version(1, 3));
}

}  // namespace
}  // namespace kompas::domain
