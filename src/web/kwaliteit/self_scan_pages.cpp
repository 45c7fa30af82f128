// The coalition's yearly self-scan on the five pillars (/kwaliteit/zelfscan): the beheerder
// answers it, alone or with the core team, can save and come back, and finishes it once. Every
// signed-in member sees each pillar's score beside last year's, with the tips.
#include "domain/self_scan.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/quality_instruments_store.h"
#include "store/self_scans_store.h"
#include "web/kwaliteit/pages.h"
#include "web/ui/charts.h"
#include "web/ui/downloads.h"
#include "web/ui/field_limits.h"

namespace kompas::web {
namespace {

using store::InstrumentKind;

domain::Instrument scan_instrument(const Ctx& ctx, soci::session& sql, int version) {
  return ctx.app.computed().get<domain::Instrument>(
      "self_scan.instrument." + std::to_string(version), 0, [&] {
        auto instrument = store::find_instrument(sql, InstrumentKind::self_scan, version);
        if (!instrument) throw std::runtime_error("self-scan version missing");
        return *instrument;
      });
}

std::string scan_href(int year) {
  return "/kwaliteit/zelfscan/" + std::to_string(year);
}

int year_param(const Ctx& ctx) {
  return static_cast<int>(id_param(ctx));  // four digits, by the route
}

domain::SelfScan load_scan(soci::session& sql, const Ctx& ctx, int year) {
  auto scan = store::find_self_scan(sql, ctx.coalition_id(), year);
  if (!scan) not_found();
  return *scan;
}

nlohmann::json state_of(const Ctx& ctx, const domain::SelfScan& scan) {
  return scan.completed_at ? ctx.tf("self_scan.completed_on",
                                    {{"date", ctx.date(local_date(*scan.completed_at))}})
                           : ctx.t("self_scan.draft");
}

void overview(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto scans = store::list_self_scans(conn.sql(), ctx.coalition_id());
  nlohmann::json rows = nlohmann::json::array();
  std::set<int> taken;
  for (const auto& scan : scans) {
    taken.insert(scan.year);
    rows.push_back({{"year", scan.year},
                    {"href", scan_href(scan.year)},
                    {"state", state_of(ctx, scan)},
                    {"participants", scan.participants}});
  }
  nlohmann::json years = nlohmann::json::array();
  const int this_year = current_year();
  for (const int year : {this_year, this_year - 1})
    if (!taken.contains(year)) years.push_back(year);
  ctx.page("kwaliteit/self_scans", ctx.t("self_scan.title"),
           {{"rows", rows},
            {"any", !rows.empty()},
            {"can_start", ctx.me().is_beheerder() && !years.empty()},
            {"years", years},
            {"csrf", ctx.form_token()}});
}

void start(Ctx& ctx) {
  const auto year = parse_id(ctx.field("jaar"));
  if (!year || !domain::is_this_or_last_year(static_cast<int>(*year), current_year()))
    return ctx.error_page(422, "self_scan.bad_year");
  store::Change change(ctx.app.db(), ctx.actor());
  const auto instrument = store::latest_instrument(change.sql(), InstrumentKind::self_scan);
  if (!instrument) throw std::runtime_error("no self-scan instrument");
  // A scan that exists already is simply opened: two beheerders starting at once meet there.
  if (store::create_self_scan(change, static_cast<int>(*year), instrument->version))
    change.commit();
  ctx.redirect(scan_href(static_cast<int>(*year)) + "/invullen");
}

void show_form(Ctx& ctx, soci::session& sql, const domain::SelfScan& scan,
               const store::Answers& answers, const domain::FieldErrors& errors,
               const std::vector<std::string>& missing = {}, int status = 200) {
  const auto sheet = answer_sheet(ctx, scan_instrument(ctx, sql, scan.instrument_version), answers,
                                  errors, missing);
  ctx.page(
      "kwaliteit/self_scan_form",
      ctx.tf("self_scan.year_title", {{"year", std::to_string(scan.year)}}),
      {{"year", scan.year},
       {"heading", ctx.tf("self_scan.year_title", {{"year", std::to_string(scan.year)}})},
       {"action", scan_href(scan.year) + "/invullen"},
       {"participants", scan.participants},
       {"participants_max", domain::text_limit::line},
       {"participants_error", errors.count("participants")
                                  ? nlohmann::json(field_message(ctx, errors.at("participants"),
                                                                 domain::text_limit::line))
                                  : nlohmann::json()},
       {"themes", sheet.themes},
       {"problems", sheet.problems},
       {"has_problems", !sheet.problems.empty()},
       {"csrf", ctx.form_token()}},
      status);
}

// Each pillar's score against last year's, and per question its answer and tip.
void show_result(Ctx& ctx, soci::session& sql, const domain::SelfScan& scan) {
  const auto instrument = scan_instrument(ctx, sql, scan.instrument_version);
  const auto answers = store::self_scan_answers(sql, scan.id);
  const auto scores = domain::pillar_scores(instrument, answers);
  std::map<std::string, std::optional<double>> before;
  const auto previous = store::find_self_scan(sql, ctx.coalition_id(), scan.year - 1);
  if (previous && previous->completed_at) {
    const auto previous_instrument = scan_instrument(ctx, sql, previous->instrument_version);
    for (const auto& p :
         domain::pillar_scores(previous_instrument, store::self_scan_answers(sql, previous->id)))
      before[p.code] = p.score;
  }
  std::vector<Bar> bars;
  nlohmann::json pillars = nlohmann::json::array();
  for (std::size_t i = 0; i < instrument.themes.size(); ++i) {
    const auto& theme = instrument.themes[i];
    const auto& score = scores[i];
    const auto title = in_language(ctx, theme.title);
    bars.push_back({.label = title, .value = score.score, .note = ctx.t("self_scan.no_score")});
    const auto last = before.find(theme.code);
    const auto last_score = last == before.end() ? std::nullopt : last->second;
    const auto trend = domain::compare_medians(score.score, last_score);
    nlohmann::json questions = nlohmann::json::array();
    for (const auto& q : theme.questions) {
      const auto found = answers.find(q.code);
      const auto answer = found == answers.end() ? domain::CheckAnswer{} : found->second;
      questions.push_back(
          {{"text", in_language(ctx, q.text)},
           {"answer", answer.score ? std::to_string(*answer.score)
                                   : ctx.t(answer.not_applicable ? "quality.not_applicable"
                                                                 : "self_scan.unanswered")},
           {"reason", answer.reason},
           {"tip", answer.score
                       ? nlohmann::json(in_language(
                             ctx, q.tips[static_cast<std::size_t>(domain::band_of(*answer.score))]))
                       : nlohmann::json()}});
    }
    pillars.push_back({{"title", title},
                       {"score", score.score ? score_text(ctx, *score.score) : "–"},
                       {"last", last_score ? score_text(ctx, *last_score) : "–"},
                       {"trend", trend ? ctx.t("quality.trend." + domain::word(*trend)) : "–"},
                       {"questions", questions}});
  }
  ctx.page("kwaliteit/self_scan",
           ctx.tf("self_scan.year_title", {{"year", std::to_string(scan.year)}}),
           {{"year", scan.year},
            {"heading", ctx.tf("self_scan.year_title", {{"year", std::to_string(scan.year)}})},
            {"state", state_of(ctx, scan)},
            {"participants", scan.participants},
            {"draft", !scan.completed_at},
            {"can_edit", !scan.completed_at && ctx.me().is_beheerder()},
            {"edit_href", scan_href(scan.year) + "/invullen"},
            {"previous_year", scan.year - 1},
            {"has_previous", !before.empty()},
            {"chart",
             score_chart_svg(bars, ctx.t("self_scan.chart_title"), ctx.t("self_scan.chart_desc"))},
            {"pillars", pillars}});
}

// The scan's answers with each pillar's score, to download.
void download(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto& sql = conn.sql();
  const auto scan = load_scan(sql, ctx, year_param(ctx));
  const auto instrument = scan_instrument(ctx, sql, scan.instrument_version);
  const auto answers = store::self_scan_answers(sql, scan.id);
  const auto scores = domain::pillar_scores(instrument, answers);
  DownloadTable table{
      "zelfscan-" + std::to_string(scan.year),
      {ctx.t("self_scan.col_pillar"), ctx.t("self_scan.col_pillar_score"),
       ctx.t("quality.col_question"), ctx.t("self_scan.answer"), ctx.t("quality.reason")},
      {}};
  for (std::size_t i = 0; i < instrument.themes.size(); ++i)
    for (const auto& q : instrument.themes[i].questions) {
      const auto found = answers.find(q.code);
      const auto answer = found == answers.end() ? domain::CheckAnswer{} : found->second;
      table.rows.push_back({in_language(ctx, instrument.themes[i].title),
                            scores[i].score ? DownloadCell(*scores[i].score) : DownloadCell(),
                            in_language(ctx, q.text),
                            answer.score ? DownloadCell(static_cast<double>(*answer.score))
                            : answer.not_applicable ? DownloadCell(ctx.t("quality.not_applicable"))
                                                    : DownloadCell(),
                            answer.reason.empty() ? DownloadCell() : DownloadCell(answer.reason)});
    }
  send_download(ctx, table, ctx.path_param(2));
}

void result_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  show_result(ctx, conn.sql(), load_scan(conn.sql(), ctx, year_param(ctx)));
}

void form_page(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const auto scan = load_scan(conn.sql(), ctx, year_param(ctx));
  if (scan.completed_at) return ctx.error_page(409, "self_scan.already_completed");
  show_form(ctx, conn.sql(), scan, store::self_scan_answers(conn.sql(), scan.id), {});
}

void save(Ctx& ctx) {
  store::Change change(ctx.app.db(), ctx.actor());
  auto scan = load_scan(change.sql(), ctx, year_param(ctx));
  if (scan.completed_at) return ctx.error_page(409, "self_scan.already_completed");
  const auto instrument = scan_instrument(ctx, change.sql(), scan.instrument_version);
  domain::FieldErrors errors;
  const auto answers = read_answer_sheet(ctx, instrument, errors);
  scan.participants = domain::trim(ctx.field("deelnemers"));
  domain::check_length(errors, "participants", scan.participants, domain::text_limit::line);
  const bool complete = ctx.field("actie") == "afronden";
  const auto missing =
      complete ? domain::unanswered(instrument, answers) : std::vector<std::string>{};
  if (!errors.empty() || !missing.empty())
    return show_form(ctx, change.sql(), scan, answers, errors, missing, 422);
  if (!store::save_self_scan(change, scan, answers, complete))
    return ctx.error_page(409, "self_scan.already_completed");
  change.commit();
  ctx.redirect_with_notice(scan_href(scan.year) + (complete ? "" : "/invullen"),
                           complete ? "self_scan_completed" : "answers_saved");
}

}  // namespace

void register_self_scan_pages(App& app) {
  app.get("/kwaliteit/zelfscan", Access::signed_in, overview);
  app.post("/kwaliteit/zelfscan", Access::beheerder, start);
  app.get(R"(/kwaliteit/zelfscan/(\d{4}))", Access::signed_in, result_page, Caching::body);
  app.get(R"(/kwaliteit/zelfscan/(\d{4})\.(csv|xlsx))", Access::signed_in, download);
  app.get(R"(/kwaliteit/zelfscan/(\d{4})/invullen)", Access::beheerder, form_page);
  app.post(R"(/kwaliteit/zelfscan/(\d{4})/invullen)", Access::beheerder, save);
}

}  // namespace kompas::web
