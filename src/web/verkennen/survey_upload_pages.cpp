// Uploading a survey (beheerder): a form with the same options as `kompas survey import`, a
// preview of the first rows and of every problem, and only then storage.

#include "domain/survey_import.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "embedded.h"
#include "store/areas_store.h"
#include "web/ui/field_limits.h"
#include "web/ui/form.h"
#include "web/ui/input.h"
#include "web/ui/problems.h"
#include "web/verkennen/pages.h"

namespace kompas::web {
namespace {

constexpr std::size_t kSurveyNameLength = 120;  // a survey's name stands in chart legends

std::vector<FieldSpec> upload_fields(const Ctx& ctx) {
  auto options = [&](std::initializer_list<const char*> values, const std::string& prefix) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* v : values) out.emplace_back(v, ctx.t(prefix + v));
    return out;
  };
  return {
      {"bestand", "upload.file", FieldKind::file, true, "upload.file_hint", {}, ""},
      {.name = "naam",
       .label_key = "upload.name",
       .kind = FieldKind::text,
       .required = true,
       .hint_key = "upload.name_hint",
       .max_length = kSurveyNameLength},
      {"jaar", "upload.year", FieldKind::whole_number, true, "", {}, ""},
      {"schaal", "upload.scale", FieldKind::select, true, "",
       options({"djg11", "djg6", "ucla3"}, "scale."), ""},
      {"bron", "upload.source", FieldKind::select, true, "",
       options({"eigen", "ggd"}, "survey.source."), ""},
      {.name = "weging",
       .label_key = "upload.weight",
       .kind = FieldKind::text,
       .hint_key = "upload.weight_hint",
       .max_length = domain::text_limit::name},
      {.name = "strata",
       .label_key = "upload.strata",
       .kind = FieldKind::text,
       .hint_key = "upload.strata_hint",
       .max_length = domain::text_limit::name},
      {.name = "gebied",
       .label_key = "upload.area",
       .kind = FieldKind::text,
       .hint_key = "upload.area_hint",
       .max_length = domain::text_limit::name},
      {.name = "geslacht",
       .label_key = "upload.sex",
       .kind = FieldKind::text,
       .hint_key = "upload.sex_hint",
       .max_length = domain::text_limit::name},
      {.name = "leeftijd",
       .label_key = "upload.age",
       .kind = FieldKind::text,
       .hint_key = "upload.age_hint",
       .max_length = domain::text_limit::name},
      {.name = "leeftijdsgroepen",
       .label_key = "upload.age_bands",
       .kind = FieldKind::text,
       .hint_key = "upload.age_bands_hint",
       .max_length = domain::text_limit::line},
      {.name = "leeftijdsbereik",
       .label_key = "upload.age_range",
       .kind = FieldKind::text,
       .hint_key = "upload.age_range_hint",
       .max_length = domain::text_limit::name},
      {.name = "koppeling",
       .label_key = "upload.map",
       .kind = FieldKind::text,
       .hint_key = "upload.map_hint",
       .max_length = domain::text_limit::note},
      {.name = "codes",
       .label_key = "upload.codes",
       .kind = FieldKind::text,
       .hint_key = "upload.codes_hint",
       .max_length = domain::text_limit::note},
      {"soepel", "upload.lenient", FieldKind::checkbox, false, "upload.lenient_hint", {}, ""},
  };
}

nlohmann::json default_values() {
  return {{"schaal", "djg11"}, {"bron", "eigen"}, {"leeftijdsgroepen", "18-64,65-74,75+"}};
}

void show_form(Ctx& ctx, const nlohmann::json& values, const domain::FieldErrors& errors,
               const std::vector<std::string>& problems, int status) {
  const auto specs = upload_fields(ctx);
  ctx.page("verkennen/survey_upload", ctx.t("upload.title"),
           {{"problems", problems},
            {"has_problems", !problems.empty()},
            {"problem_count", problems.size()},
            {"summary", error_summary(ctx, specs, errors)},
            {"csrf", ctx.me().csrf_token},
            {"fields", form_fields(ctx, specs, values, errors)}},
           status);
}

// "18+" or "65-84"; empty is fine: then the ages asked stay unknown.
bool read_age_range(const std::string& text, store::Survey& survey) {
  const std::string range = domain::trim(text);
  if (range.empty()) return true;
  std::vector<domain::Problem> ignored;
  const auto bands = domain::parse_age_bands(range, ignored);
  if (!bands || bands->size() != 1) return false;
  survey.age_from = bands->front().from;
  if (!range.ends_with('+')) survey.age_to = bands->front().to;
  return true;
}

std::string answer_word(domain::Scale scale, domain::AnswerCode code) {
  static const char* djg[] = {"", "nee!", "nee", "min of meer", "ja", "ja!"};
  static const char* ucla[] = {"", "(bijna) nooit", "soms", "vaak"};
  if (code == domain::missing_answer) return "–";
  return scale == domain::Scale::ucla3 ? ucla[code] : djg[code];
}

std::string decimal(const Ctx& ctx, double value) {
  return domain::format_grouped(value, ctx.decimal_separator(), 3);
}

// The first rows as they will be stored, and what is left out.
nlohmann::json preview(const Ctx& ctx, const domain::PreparedSurvey& prepared) {
  const auto& data = prepared.read.data;
  const auto items = domain::default_item_columns(data.scale);
  nlohmann::json columns = nlohmann::json::array();
  auto group_name = [&](std::optional<std::size_t> g) {
    return g ? data.groups[*g].name : std::string();
  };
  const std::string area = group_name(prepared.columns.area),
                    sex = group_name(prepared.columns.sex);
  if (!area.empty()) columns.push_back(area);
  if (!sex.empty()) columns.push_back(sex);
  if (!data.ages.empty())
    columns.push_back(ctx.tf("upload.preview.age", {{"column", prepared.age_column}}));
  if (!data.weights.empty())
    columns.push_back(ctx.tf("upload.preview.weight", {{"column", prepared.weight_column}}));
  if (!data.strata.ids.empty()) columns.push_back(data.strata.name);
  for (const auto& item : items) columns.push_back(item);
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t r = 0; r < std::min<std::size_t>(10, data.respondents); ++r) {
    nlohmann::json cells = nlohmann::json::array();
    auto group_value = [&](std::optional<std::size_t> g) {
      const auto& group = data.groups[*g];
      return group.ids[r] == domain::CategoryColumn::no_value ? std::string("–")
                                                              : group.values[group.ids[r]];
    };
    if (!area.empty()) cells.push_back(group_value(prepared.columns.area));
    if (!sex.empty()) cells.push_back(group_value(prepared.columns.sex));
    if (!data.ages.empty()) cells.push_back(data.ages[r] < 0 ? "–" : std::to_string(data.ages[r]));
    if (!data.weights.empty()) cells.push_back(decimal(ctx, data.weights[r]));
    if (!data.strata.ids.empty()) cells.push_back(data.strata.values[data.strata.ids[r]]);
    for (std::size_t k = 0; k < data.items; ++k)
      cells.push_back(answer_word(data.scale, data.answers[r * data.items + k]));
    rows.push_back(cells);
  }
  // Every column of the file that is not used is named, so the beheerder sees it is left out.
  nlohmann::json left_out = nlohmann::json::array();
  for (const auto& name : prepared.header) {
    bool used = std::find(columns.begin(), columns.end(), name) != columns.end();
    for (const auto* other : {&data.strata.name, &prepared.weight_column, &prepared.age_column})
      used = used || domain::lower_ascii(name) == domain::lower_ascii(*other);
    for (const auto& group : data.groups) used = used || group.name == name;
    if (!used) left_out.push_back(name);
  }
  // Each number column's range, so a misread (a weight of 1251 for 1,251) is visible at once.
  nlohmann::json ranges = nlohmann::json::array();
  if (!data.weights.empty()) {
    const auto [low, high] = std::minmax_element(data.weights.begin(), data.weights.end());
    double sum = 0;
    for (const double w : data.weights) sum += w;
    ranges.push_back(
        ctx.tf("upload.range.weight",
               {{"column", prepared.weight_column},
                {"low", decimal(ctx, *low)},
                {"high", decimal(ctx, *high)},
                {"mean", decimal(ctx, sum / static_cast<double>(data.weights.size()))}}));
  }
  if (prepared.youngest)
    ranges.push_back(ctx.tf("upload.range.age", {{"column", prepared.age_column},
                                                 {"low", std::to_string(*prepared.youngest)},
                                                 {"high", std::to_string(*prepared.oldest)}}));
  return {{"columns", columns},
          {"rows", rows},
          {"ranges", ranges},
          {"left_out", left_out},
          {"has_left_out", !left_out.empty()}};
}

// The survey's own fields (name, year, scale, source, ages) from the form, with what is wrong.
store::Survey survey_from_form(Ctx& ctx, const nlohmann::json& values,
                               domain::FieldErrors& errors) {
  store::Survey survey;
  survey.name = domain::trim(values.at("naam").get<std::string>());
  if (survey.name.empty()) errors["naam"] = "upload.error.name";
  const auto year = parse_year(values.at("jaar").get<std::string>());
  if (year < 1990 || year > 2100) errors["jaar"] = "upload.error.year";
  survey.year = year;
  const auto scale = domain::parse_scale(values.at("schaal").get<std::string>());
  if (!scale) errors["schaal"] = "upload.error.scale";
  survey.instrument = scale.value_or(survey.instrument);
  survey.source = values.at("bron").get<std::string>();
  if (survey.source != "eigen" && survey.source != "ggd") errors["bron"] = "upload.error.source";
  if (!read_age_range(values.at("leeftijdsbereik").get<std::string>(), survey))
    errors["leeftijdsbereik"] = "upload.error.age_range";
  return survey;
}

domain::SurveyImportSettings import_settings(const nlohmann::json& values) {
  domain::SurveyImportSettings settings;
  settings.scale = values.at("schaal").get<std::string>();
  settings.weight = values.at("weging").get<std::string>();
  settings.strata = values.at("strata").get<std::string>();
  settings.area = values.at("gebied").get<std::string>();
  settings.sex = values.at("geslacht").get<std::string>();
  settings.age = values.at("leeftijd").get<std::string>();
  settings.age_bands = values.at("leeftijdsgroepen").get<std::string>();
  settings.map = values.at("koppeling").get<std::string>();
  settings.codes = values.at("codes").get<std::string>();
  settings.lenient = values.at("soepel").get<bool>();
  return settings;
}

// What the preview says besides the tables: the survey, notices, and what would be lost.
void describe_preview(Ctx& ctx, const store::Survey& survey, const std::string& scale,
                      const domain::PreparedSurvey& prepared, nlohmann::json& data) {
  std::vector<std::string> notices;
  for (const auto& notice : prepared.read.notices)
    notices.push_back(problem_text(ctx.app.catalogue(), ctx.lang, notice));
  std::string outside;
  for (const auto& code : prepared.unknown_areas) outside += (outside.empty() ? "" : ", ") + code;
  data["survey"] = {
      {"name", survey.name},
      {"year", survey.year},
      {"instrument", ctx.t("scale." + scale)},
      {"respondents", ctx.number(static_cast<long long>(prepared.read.data.respondents))}};
  data["notices"] = notices;
  data["has_notices"] = !notices.empty();
  data["unknown_answers"] =
      ctx.tf("upload.unknown_answers",
             {{"count", ctx.number(static_cast<long long>(prepared.read.data.unknown_answers))}});
  // Saving without areas loses every figure per wijk and buurt: the page says so plainly.
  if (!prepared.columns.area)
    data["no_areas"] = ctx.t("upload.no_area_column");
  else if (prepared.respondents_with_area == 0)
    data["no_areas"] = ctx.tf("upload.no_area_matched", {{"codes", outside}});
  else if (prepared.respondents_outside > 0)
    data["outside"] =
        ctx.tf("upload.outside",
               {{"count", ctx.number(static_cast<long long>(prepared.respondents_outside))},
                {"codes", outside}});
}

void upload(Ctx& ctx) {
  const auto specs = upload_fields(ctx);
  auto values = read_form(ctx, specs);
  domain::FieldErrors errors;
  const bool has_file =
      ctx.req.has_file("bestand") && !ctx.req.get_file_value("bestand").content.empty();
  if (!has_file) errors["bestand"] = "upload.error.file";
  auto survey = survey_from_form(ctx, values, errors);
  check_lengths(specs, values, errors);
  store::Connection conn(ctx.app.db());
  if (errors.empty() &&
      store::survey_exists(conn.sql(), ctx.coalition_id(), survey.name, survey.year))
    errors["naam"] = "upload.error.duplicate";
  if (!errors.empty()) return show_form(ctx, values, errors, {}, 422);

  const auto settings = import_settings(values);
  auto prepared = std::make_shared<domain::PreparedSurvey>(
      domain::prepare_survey(ctx.req.get_file_value("bestand").content, settings,
                             store::area_names(conn.sql(), ctx.coalition_id())));
  if (!prepared->read.ok()) {
    std::vector<std::string> texts;
    for (const auto& problem : prepared->read.problems)
      texts.push_back(problem_text(ctx.app.catalogue(), ctx.lang, problem));
    return show_form(ctx, values, {}, texts, 422);
  }
  survey.age_bands = prepared->columns.age_band ? settings.age_bands : "";
  nlohmann::json data = preview(ctx, *prepared);
  describe_preview(ctx, survey, settings.scale, *prepared, data);
  const auto token =
      ctx.app.pending_uploads().add({ctx.coalition_id(), ctx.me().person.id, survey, prepared, {}});
  if (!token) return show_form(ctx, values, {}, {ctx.t("upload.busy")}, 503);
  data["token"] = *token;
  data["csrf"] = ctx.me().csrf_token;
  ctx.page("verkennen/survey_preview", ctx.t("upload.preview_title"), data);
}

void confirm(Ctx& ctx) {
  const auto& me = ctx.me();
  auto pending = ctx.app.pending_uploads().take(ctx.field("token"), me.coalition.id, me.person.id);
  if (!pending) return show_form(ctx, default_values(), {}, {ctx.t("upload.expired")}, 422);
  store::Change change(ctx.app.db(), ctx.actor());
  // Checked again: the same survey may have been stored since the preview.
  if (store::survey_exists(change.sql(), me.coalition.id, pending->survey.name,
                           pending->survey.year))
    return show_form(ctx, default_values(), {}, {ctx.t("upload.error.duplicate")}, 409);
  const auto id = store::save_survey(change, pending->survey, pending->prepared->read.data,
                                     pending->prepared->columns);
  change.commit();
  ctx.redirect_with_notice("/verkennen/metingen/" + std::to_string(id), "survey_imported");
}

}  // namespace

void register_survey_upload_pages(App& app) {
  app.get("/verkennen/metingen/nieuw", Access::beheerder,
          [](Ctx& ctx) { show_form(ctx, default_values(), {}, {}, 200); });
  app.post("/verkennen/metingen/nieuw", Access::beheerder, upload);
  app.post("/verkennen/metingen/bevestigen", Access::beheerder, confirm);
  // The demo's survey as an example of the file to upload: columns, answers as words, weights.
  app.get(R"(/verkennen/metingen/voorbeeld\.csv)", Access::beheerder, [](Ctx& ctx) {
    ctx.res.set_header("Content-Disposition", "attachment; filename=\"voorbeeld-enquete.csv\"");
    ctx.res.set_content(std::string(embedded::file("data/voorbeeld-enquete-2024.csv")),
                        "text/csv; charset=utf-8");
  });
}

}  // namespace kompas::web
