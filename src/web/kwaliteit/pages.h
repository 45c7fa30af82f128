#pragma once
// The pages of this section, registered by its section.cpp.
#include "domain/quality_instrument.h"
#include "store/quality_rounds_store.h"
#include "web/ui/input.h"

namespace kompas::web {

void register_quality_pages(App& app);        // the activities' checks and the check's questions
void register_picture_pages(App& app);        // the coalition's quality picture
void register_round_pages(App& app);          // an activity's rounds, starting one, the team
void register_answer_pages(App& app);         // answering: signed in, or through a personal link
void register_score_pages(App& app);          // a round's score overview
void register_self_scan_pages(App& app);      // the coalition's yearly self-scan
void register_collaboration_pages(App& app);  // block 0: partners and the list of terms

// A round as titles name it: its activity and the day it started ("Walking football, 3 maart
// 2026"), as an activity has a round a year.
inline std::string round_label(const Ctx& ctx, const std::string& activity,
                               const domain::CheckRound& round) {
  return activity + ", " + ctx.date(local_date(round.started_at));
}

// A text of the instrument in the page's language.
inline const std::string& in_language(const Ctx& ctx, const domain::LocalText& text) {
  return ctx.lang == Lang::en ? text.en : text.nl;
}

// The instrument a round was answered with, read and parsed once: a stored version never
// changes. Throws when the database lacks it.
domain::Instrument instrument_version(const Ctx& ctx, soci::session& sql, int version);

// An answer form's questions by theme (partials/score_question: choices 1–10 and n.v.t., the
// reason, any error), numbered throughout, and links to the questions with an error or left
// open (`missing`), for the check and the self-scan alike.
struct AnswerSheet {
  nlohmann::json themes, problems;
};
AnswerSheet answer_sheet(const Ctx& ctx, const domain::Instrument& instrument,
                         const store::Answers& answers, const domain::FieldErrors& errors,
                         const std::vector<std::string>& missing);
// What such a form posted (q_<code> and r_<code>); errors[code] for a bad answer.
store::Answers read_answer_sheet(const Ctx& ctx, const domain::Instrument& instrument,
                                 domain::FieldErrors& errors);

// A score or median as people read it: "7,5".
std::string score_text(const Ctx& ctx, double value);

// A round in a list: when it started, whether it is open, how many of its team handed in.
nlohmann::json round_summary(const Ctx& ctx, const domain::CheckRound& round,
                             const store::TeamCount& team, const std::string& today);

// Running activities and whether each had a check in the last 12 months (section.cpp's step).
struct CheckCoverage {
  std::size_t running = 0, checked = 0;
};
CheckCoverage check_coverage(soci::session& sql, long long coalition_id);

}  // namespace kompas::web
