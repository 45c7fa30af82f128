// An indicator of an ambition: its form, its page with status, turn-the-curve chart and table,
// entering values by hand, and the stories behind the figures.
#include "domain/activities.h"
#include "domain/indicator_values_csv.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "domain/year_values.h"
#include "store/activities_store.h"
#include "store/ambitions_store.h"
#include "store/areas_store.h"
#include "store/indicators_store.h"
#include "web/doelen/pages.h"
#include "web/doelen/plan_views.h"
#include "web/ui/downloads.h"
#include "web/ui/form.h"
#include "web/ui/page_title.h"
#include "web/verbetercyclus/decisions.h"

namespace kompas::web {
namespace {

template <typename List>
std::vector<std::pair<std::string, std::string>> options(const Ctx& ctx, const List& values,
                                                         const std::string& prefix) {
  std::vector<std::pair<std::string, std::string>> result;
  for (const auto& v : values) result.emplace_back(v, ctx.t(prefix + v));
  return result;
}

// The age bands the coalition's surveys were analysed in: a population indicator can only
// get figures for one of these.
std::set<std::string> survey_age_bands(soci::session& sql, long long coalition_id) {
  std::set<std::string> bands;
  for (const auto& survey : store::list_surveys(sql, coalition_id))
    for (const auto& band : domain::split_words(survey.age_bands)) bands.insert(band);
  return bands;
}

// `current_age_band`: kept as a choice (marked) when no survey has it, so an edit shows it.
std::vector<FieldSpec> indicator_fields(Ctx& ctx, const std::string& current_age_band = "") {
  store::Connection conn(ctx.app.db());
  std::vector<std::pair<std::string, std::string>> areas;
  for (const auto& a : store::list_areas(conn.sql(), ctx.coalition_id()))
    if (a.level != domain::AreaLevel::gemeente)
      areas.emplace_back(a.code, a.name + " (" + a.code + ")");
  std::vector<std::pair<std::string, std::string>> age_bands;
  const auto bands = survey_age_bands(conn.sql(), ctx.coalition_id());
  for (const auto& band : bands) age_bands.emplace_back(band, band);
  if (!current_age_band.empty() && !bands.contains(current_age_band))
    age_bands.emplace_back(current_age_band,
                           ctx.tf("ind.age_band_not_in_surveys", {{"band", current_age_band}}));
  std::vector<FieldSpec> fields = {
      {.name = "name",
       .label_key = "ind.name",
       .kind = FieldKind::text,
       .required = true,
       .hint_key = "ind.name_hint",
       .autocomplete = "off",
       .max_length = domain::text_limit::name},
      {"kind", "ind.kind", FieldKind::select, true, "ind.kind_hint",
       options(ctx, domain::indicator_kinds(), "ind.kind."), ""},
      {"survey_indicator", "ind.survey_indicator", FieldKind::select, false,
       "ind.survey_indicator_hint", options(ctx, domain::survey_indicator_names(), "indicator."),
       ""},
      {"signal_measure", "ind.signal_measure", FieldKind::select, false, "ind.signal_measure_hint",
       options(ctx, domain::signal_measures(), "ind.signal_measure."), ""},
      {"area_code", "ind.area_code", FieldKind::select, false, "ind.area_code_hint", areas, ""},
      {"age_band", "ind.age_band", FieldKind::select, false, "ind.age_band_hint", age_bands, ""},
      {"question", "ind.question", FieldKind::select, false, "ind.question_hint",
       options(ctx, domain::rba_questions(), "ind.question."), ""},
      {"unit", "ind.unit", FieldKind::select, true, "",
       options(ctx, domain::indicator_units(), "ind.unit."), ""},
      {"polarity", "ind.polarity", FieldKind::select, true, "",
       options(ctx, std::vector<std::string>{"lager", "hoger"}, "ind.polarity."), ""},
      {"baseline_value",
       "ind.baseline_value",
       FieldKind::number,
       false,
       "ind.baseline_value_hint",
       {},
       "off"},
      {.name = "baseline_date",
       .label_key = "ind.baseline_date",
       .kind = FieldKind::date,
       .autocomplete = "off",
       .needed_when_key = "ind.baseline_date_needed"},
      {.name = "baseline_source",
       .label_key = "ind.baseline_source",
       .kind = FieldKind::text,
       .autocomplete = "off",
       .max_length = domain::text_limit::line},
      {.name = "targets",
       .label_key = "ind.targets",
       .kind = FieldKind::textarea,
       .required = true,
       .hint_key = "ind.targets_hint",
       .max_length = domain::text_limit::line},
      {.name = "forecast",
       .label_key = "ind.forecast",
       .kind = FieldKind::textarea,
       .hint_key = "ind.forecast_hint",
       .max_length = domain::text_limit::line},
  };
  for (auto& field : fields)
    if (field.name == "age_band") field.empty_option_key = "ind.all_ages";
  return fields;
}

nlohmann::json form_values(const Ctx& ctx, const domain::Indicator& ind) {
  return {{"name", ind.name},
          {"kind", ind.kind},
          {"survey_indicator", ind.survey_indicator},
          {"signal_measure", ind.signal_measure},
          {"area_code", ind.area_code},
          {"age_band", ind.age_band},
          {"question", ind.question},
          {"unit", ind.unit},
          {"polarity", domain::word(ind.polarity)},
          {"baseline_value", ind.baseline_value ? domain::format_decimal(*ind.baseline_value,
                                                                         ctx.decimal_separator(), 4)
                                                : ""},
          {"baseline_date", ind.baseline_date},
          {"baseline_source", ind.baseline_source},
          {"targets", domain::format_year_values(ind.targets, ctx.decimal_separator())},
          {"forecast", domain::format_year_values(ind.forecast, ctx.decimal_separator())}};
}

// The indicator as typed; fields that cannot be read become errors.
domain::Indicator indicator_from(const Ctx& ctx, const nlohmann::json& v, long long id,
                                 long long ambition_id, domain::FieldErrors& errors) {
  domain::Indicator ind;
  ind.id = id;
  ind.ambition_id = ambition_id;
  ind.name = domain::trim(v["name"].get<std::string>());
  ind.kind = v["kind"].get<std::string>();
  const bool population = ind.kind == "bevolking", signals = ind.kind == "signaalpunt";
  ind.survey_indicator = population ? v["survey_indicator"].get<std::string>() : "";
  ind.signal_measure = signals ? v["signal_measure"].get<std::string>() : "";
  ind.area_code = population || signals ? v["area_code"].get<std::string>() : "";
  ind.age_band = population ? domain::trim(v["age_band"].get<std::string>()) : "";
  // Training coverage answers "how well do we do it"; a signaalpunt measure says which it is.
  ind.question = population                    ? ""
                 : ind.kind == "deskundigheid" ? "hoe_goed"
                 : signals                     ? domain::signal_measure_question(ind.signal_measure)
                                               : v["question"].get<std::string>();
  ind.unit = v["unit"].get<std::string>();
  const auto polarity = domain::parse_word<domain::Polarity>(v["polarity"].get<std::string>());
  if (!polarity) errors["polarity"] = "error.choose";
  ind.polarity = polarity.value_or(domain::Polarity::lower_is_better);
  const bool percent = ind.unit == "procent";
  ind.baseline_value = read_number_field(ctx, v["baseline_value"].get<std::string>(),
                                         "baseline_value", errors, percent);
  ind.baseline_date = domain::trim(v["baseline_date"].get<std::string>());
  ind.baseline_source = domain::trim(v["baseline_source"].get<std::string>());
  for (const auto& [field, list] :
       {std::pair{"targets", &ind.targets}, std::pair{"forecast", &ind.forecast}}) {
    const auto parsed =
        domain::parse_year_values(v[field].get<std::string>(), number_style(ctx), percent);
    if (parsed)
      *list = *parsed;
    else
      errors[field] = "error.year_values";
    domain::check_length(errors, field, v[field].get<std::string>(), domain::text_limit::line);
  }
  return ind;
}

domain::Indicator load_indicator(Ctx& ctx, long long id) {
  store::Connection conn(ctx.app.db());
  auto ind = store::find_indicator(conn.sql(), ctx.coalition_id(), id);
  if (!ind) not_found();
  return *ind;
}

domain::Ambition load_ambition(Ctx& ctx, long long id) {
  store::Connection conn(ctx.app.db());
  auto ambition = store::find_ambition(conn.sql(), ctx.coalition_id(), id);
  if (!ambition) not_found();
  return *ambition;
}

void show_form(Ctx& ctx, const domain::Ambition& ambition, long long id,
               const nlohmann::json& values, const domain::FieldErrors& errors, int status = 200) {
  const auto action = id == 0 ? "/doelen/" + std::to_string(ambition.id) + "/indicatoren"
                              : "/indicatoren/" + std::to_string(id);
  const auto cancel = id == 0 ? "/doelen/" + std::to_string(ambition.id) : action;
  FormPage page{id == 0 ? title_naming(ctx.t("indicators.new_title"), ambition.title)
                        : title_naming(ctx.t("indicators.edit_title"), values.value("name", "")),
                action, cancel, ctx.tf("indicators.form_intro", {{"ambition", ambition.title}})};
  if (id != 0) page.delete_href = action + "/verwijderen";
  page.delete_label = ctx.t("indicators.delete_title");
  auto fields = indicator_fields(ctx, values.value("age_band", ""));
  if (id != 0) {  // the latest value beside the targets, so a target is set knowing where we are
    store::Connection conn(ctx.app.db());
    if (const auto ind = store::find_indicator(conn.sql(), ctx.coalition_id(), id)) {
      const auto series = indicator_series(conn.sql(), ctx.me().coalition, *ind, ambition.end_year);
      if (!series.measurements.empty())
        for (auto& field : fields)
          if (field.name == "targets")
            field.extra_hint =
                ctx.tf("indicators.current_value",
                       {{"year", std::to_string(series.measurements.back().year)},
                        {"value", value_text(ctx, series.measurements.back().value, ind->unit)},
                        {"polarity", ctx.t("ind.polarity." + domain::word(ind->polarity))}});
    }
  }
  show_form_page(ctx, page, fields, values, errors, status);
}

void save(Ctx& ctx, const domain::Ambition& ambition, long long id) {
  const auto values = read_form(ctx, indicator_fields(ctx));
  domain::FieldErrors errors;
  auto ind = indicator_from(ctx, values, id, ambition.id, errors);
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  for (const auto& [field, key] :
       domain::validate(ind, store::area_codes(change.sql(), me.coalition.id)))
    errors.emplace(field, key);
  // A band no survey has is refused, unless the indicator already had it (a survey was
  // deleted since): then the page warns, and other fields can still be saved.
  const auto stored =
      id == 0 ? std::nullopt : store::find_indicator(change.sql(), me.coalition.id, id);
  if (!ind.age_band.empty() && !(stored && stored->age_band == ind.age_band) &&
      !survey_age_bands(change.sql(), me.coalition.id).contains(ind.age_band))
    errors.emplace("age_band", "error.age_band_unknown");
  if (!errors.empty()) return show_form(ctx, ambition, id, values, errors, 422);
  if (id == 0)
    id = store::create_indicator(change, ind);
  else
    store::update_indicator(change, ind);
  change.commit();
  ctx.redirect_with_notice("/indicatoren/" + std::to_string(id), "saved");
}

// Targets on the worse side of the start ask for a decline; usually "Wat is beter?" or a
// target was typed the wrong way round, so the page says so instead of calling it gehaald.
nlohmann::json target_warning(const Ctx& ctx, const domain::Indicator& ind,
                              const IndicatorSeries& series) {
  const auto years = domain::targets_worse_than_start(ind, series.path);
  if (years.empty()) return nullptr;
  std::string listed;
  for (const int year : years)
    listed += (listed.empty() ? "" : ", ") + std::to_string(year) + ": " +
              value_text(ctx, ind.targets.at(year), ind.unit);
  return ctx.tf("indicators.target_worse_than_start",
                {{"targets", listed},
                 {"start", value_text(ctx, series.path.front().value, ind.unit)},
                 {"polarity", ctx.t("ind.polarity." + domain::word(ind.polarity))}});
}

// The beheerder enters values of every indicator; a partner those of the activity measures of
// ambitions that its own activities (led or shared) serve. Survey figures are never typed in.
bool may_enter_values(Ctx& ctx, const domain::Indicator& ind) {
  // Their values come from the training register and the signaalpunt.
  if (ind.kind == "deskundigheid" || ind.kind == "signaalpunt") return false;
  const auto& person = ctx.me().person;
  if (person.role == domain::Role::beheerder) return true;
  if (person.role != domain::Role::partner || !person.partner_id || ind.kind != "activiteit")
    return false;
  store::Connection conn(ctx.app.db());
  return domain::ambitions_of_partner(store::list_activities(conn.sql(), ctx.coalition_id()),
                                      *person.partner_id)
      .contains(ind.ambition_id);
}

// The typed value form and story, with their errors, when a post comes back.
struct Typed {
  nlohmann::json value = {{"year", ""}, {"value", ""}, {"comment", ""}, {"source", ""}};
  domain::FieldErrors value_errors;
  std::string story;
  domain::FieldErrors story_errors;
};

// The value form's texts (its year and number are drawn with the unit beside them).
const std::vector<FieldSpec> kValueTextFields = {{.name = "source",
                                                  .label_key = "ind.source",
                                                  .autocomplete = "off",
                                                  .max_length = domain::text_limit::line},
                                                 {.name = "comment",
                                                  .label_key = "ind.comment",
                                                  .kind = FieldKind::textarea,
                                                  .max_length = domain::text_limit::note}};

const FieldSpec kStoryField{.name = "story",
                            .label_key = "indicators.story_label",
                            .kind = FieldKind::textarea,
                            .required = true,
                            .hint_key = "indicators.story_hint",
                            .max_length = domain::text_limit::text};

void detail(Ctx& ctx, const domain::Indicator& ind, const Typed& typed = {}, int status = 200) {
  store::Connection conn(ctx.app.db());
  const auto ambition = store::find_ambition(conn.sql(), ctx.coalition_id(), ind.ambition_id);
  const auto series =
      indicator_series(conn.sql(), ctx.me().coalition, ind, ambition ? ambition->end_year : 0);
  std::string domain_text;
  if (ind.kind == "bevolking") {
    std::string area = ctx.t("ambition.whole_municipality");
    for (const auto& a : store::list_areas(conn.sql(), ctx.coalition_id()))
      if (a.code == ind.area_code) area = a.name;
    domain_text = ctx.t("indicator." + ind.survey_indicator) + " · " + area + " · " +
                  (ind.age_band.empty() ? ctx.t("ind.all_ages") : ind.age_band);
  }
  if (ind.kind == "deskundigheid") domain_text = ctx.t("ind.from_register");
  if (ind.kind == "signaalpunt") {
    std::string area = ctx.t("ambition.whole_municipality");
    for (const auto& a : store::list_areas(conn.sql(), ctx.coalition_id()))
      if (a.code == ind.area_code) area = a.name;
    domain_text =
        ctx.tf("ind.from_signals",
               {{"measure", ctx.t("ind.signal_measure." + ind.signal_measure)}, {"area", area}});
  }
  nlohmann::json stories = nlohmann::json::array();
  for (const auto& s : store::indicator_stories(conn.sql(), ind.id))
    stories.push_back(
        {{"author", s.author}, {"text", s.text}, {"at", ctx.date_time(s.written_at)}});
  const auto decisions = decisions_view(ctx, conn.sql(), store::DecisionsAbout::indicator, ind.id);
  nlohmann::json value_form = typed.value;
  for (const auto& [field, key] : typed.value_errors) value_form[field + "_error"] = ctx.t(key);
  value_form["has_errors"] = !typed.value_errors.empty();
  value_form["fields"] = form_fields(ctx, kValueTextFields, typed.value, typed.value_errors);
  ctx.page(
      "doelen/indicator_detail", ind.name,
      {{"id", ind.id},
       {"name", ind.name},
       {"ambition", ambition ? nlohmann::json({{"id", ambition->id}, {"title", ambition->title}})
                             : nlohmann::json()},
       {"kind", ctx.t("ind.kind." + ind.kind)},
       {"question", ind.question.empty() ? nlohmann::json()
                                         : nlohmann::json(ctx.t("ind.question." + ind.question))},
       {"domain", domain_text.empty() ? nlohmann::json() : nlohmann::json(domain_text)},
       {"unit", ctx.t("ind.unit." + ind.unit)},
       {"polarity", ctx.t("ind.polarity." + domain::word(ind.polarity))},
       {"baseline", ind.baseline_value
                        ? nlohmann::json(value_text(ctx, *ind.baseline_value, ind.unit) + " (" +
                                         ctx.date(ind.baseline_date) + ")")
                        : nlohmann::json()},
       {"baseline_missing",
        ctx.t(series.baseline_from_first_value ? "indicators.baseline_first_value"
                                               : "indicators.baseline_none_yet")},
       {"baseline_source", ind.baseline_source},
       {"target_warning", target_warning(ctx, ind, series)},
       {"age_band_warning",
        ind.kind == "bevolking" && !ind.age_band.empty() &&
                !survey_age_bands(conn.sql(), ctx.coalition_id()).contains(ind.age_band)
            ? nlohmann::json(ctx.tf("indicators.age_band_without_data", {{"band", ind.age_band}}))
            : nlohmann::json()},
       {"status", status_view(ctx, ind, series)},
       {"curve", curve_view(ctx, ind, series)},
       {"stories", stories},
       {"decisions", decisions},
       {"has_decisions", !decisions.empty()},
       {"has_stories", !stories.empty()},
       {"story_form",
        {{"fields",
          form_fields(ctx, {kStoryField}, {{"story", typed.story}}, typed.story_errors)}}},
       {"value_form", value_form},
       {"can_edit", ctx.me().is_beheerder()},
       {"can_enter_values", may_enter_values(ctx, ind)},
       {"csrf", ctx.me().csrf_token}},
      status);
}

void add_value(Ctx& ctx) {
  const auto ind = load_indicator(ctx, id_param(ctx));
  if (!may_enter_values(ctx, ind)) forbidden();
  Typed typed;
  for (const char* field : {"year", "value", "comment", "source"})
    typed.value[field] = ctx.field(field);
  domain::EnteredValue value;
  value.year = parse_year(ctx.field("year"));
  domain::FieldErrors number_errors;
  const auto number =
      read_number_field(ctx, ctx.field("value"), "value", number_errors, ind.unit == "procent");
  value.value = number.value_or(0);
  value.comment = domain::trim(ctx.field("comment"));
  value.source = domain::trim(ctx.field("source"));
  typed.value_errors = domain::validate(value, ind.unit, current_year());
  if (!number)
    typed.value_errors["value"] = number_errors.empty() ? "error.number" : number_errors["value"];
  if (!typed.value_errors.empty()) return detail(ctx, ind, typed, 422);
  store::Change change(ctx.app.db(), ctx.actor());
  store::save_indicator_values(change, ind, {value});
  change.commit();
  ctx.redirect_with_notice("/indicatoren/" + std::to_string(ind.id), "saved");
}

void delete_value(Ctx& ctx) {
  const auto ind = load_indicator(ctx, id_param(ctx));
  if (!may_enter_values(ctx, ind)) forbidden();
  const int year = parse_year(ctx.field("year"));
  if (year == 0) {
    Typed typed;
    typed.value_errors["year"] = "error.year";
    return detail(ctx, ind, typed, 422);
  }
  store::Change change(ctx.app.db(), ctx.actor());
  store::delete_indicator_value(change, ind, year);
  change.commit();
  ctx.redirect_with_notice("/indicatoren/" + std::to_string(ind.id), "deleted");
}

void add_story(Ctx& ctx) {
  const auto ind = load_indicator(ctx, id_param(ctx));
  Typed typed;
  typed.story = domain::trim(ctx.field("story"));
  if (typed.story.empty()) typed.story_errors["story"] = "error.required";
  domain::check_length(typed.story_errors, "story", typed.story, kStoryField.max_length);
  if (!typed.story_errors.empty()) return detail(ctx, ind, typed, 422);
  store::Change change(ctx.app.db(), ctx.actor());
  store::add_story(change, ind, typed.story);
  change.commit();
  ctx.redirect_with_notice("/indicatoren/" + std::to_string(ind.id) + "#verhalen", "story_added");
}

// Importing values of many indicators at once, from a CSV file made from the template.
const std::vector<FieldSpec> kImportFields = {
    {"bestand", "values.file", FieldKind::file, true, "values.file_hint", {}, ""},
};

FormPage import_page(const Ctx& ctx) {
  return {ctx.t("values.import_title"), "/doelen/waarden-inlezen", "/doelen",
          ctx.t("values.import_intro"), "values.import_submit",    true};
}

void import_values(Ctx& ctx) {
  const auto values = read_form(ctx, kImportFields);
  if (!ctx.req.has_file("bestand") || ctx.req.get_file_value("bestand").content.empty())
    return show_form_page(ctx, import_page(ctx), kImportFields, values,
                          {{"bestand", "upload.error.file"}}, 422);
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto indicators = store::list_indicators(change.sql(), me.coalition.id);
  std::map<long long, std::string> units;
  for (const auto& ind : indicators) units[ind.id] = ind.unit;
  const auto parsed = domain::parse_indicator_values(ctx.req.get_file_value("bestand").content,
                                                     units, current_year());
  if (!parsed.problems.empty())
    return show_import_problems(ctx, import_page(ctx), kImportFields, values, parsed.problems);
  for (const auto& ind : indicators) {
    std::vector<domain::EnteredValue> mine;
    for (const auto& v : parsed.values)
      if (v.indicator_id == ind.id) mine.push_back(v.value);
    if (!mine.empty()) store::save_indicator_values(change, ind, mine);
  }
  change.commit();
  ctx.redirect("/doelen?melding=values_imported&aantal=" + std::to_string(parsed.values.size()));
}

// One row per indicator for last year, with the columns the import reads.
void values_template(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  const int last_year = current_year() - 1;
  DownloadTable table{
      "indicatorwaarden", {"indicator", "naam", "jaar", "waarde", "toelichting", "bron"}, {}};
  for (const auto& ind : store::list_indicators(conn.sql(), ctx.coalition_id()))
    table.rows.push_back({static_cast<double>(ind.id), ind.name, static_cast<double>(last_year),
                          std::monostate{}, std::string(), std::string()});
  send_download(ctx, table, "csv");
}

void confirm_delete(Ctx& ctx) {
  const auto ind = load_indicator(ctx, id_param(ctx));
  store::Connection conn(ctx.app.db());
  const auto values = store::indicator_values(conn.sql(), ctx.coalition_id(), ind.id)[ind.id];
  const auto stories = store::indicator_stories(conn.sql(), ind.id);
  const auto href = "/indicatoren/" + std::to_string(ind.id);
  show_delete_confirmation(
      ctx, {title_naming(ctx.t("indicators.delete_title"), ind.name),
            ctx.tf("indicators.delete_question", {{"name", ind.name}}),
            {ctx.tf("indicators.delete_consequence",
                    {{"values", ctx.number(static_cast<long long>(values.size()))},
                     {"stories", ctx.number(static_cast<long long>(stories.size()))}}),
             ctx.t("indicators.delete_keeps_surveys")},
            href + "/verwijderen",
            href,
            ctx.t("indicators.delete_submit")});
}

void remove(Ctx& ctx) {
  const auto& me = ctx.me();
  store::Change change(ctx.app.db(), ctx.actor());
  const auto ind = store::find_indicator(change.sql(), me.coalition.id, id_param(ctx));
  if (!ind) not_found();
  require_delete_confirmation(ctx);
  store::delete_indicator(change, *ind);
  change.commit();
  ctx.redirect_with_notice("/doelen/" + std::to_string(ind->ambition_id), "indicator_deleted");
}

}  // namespace

void register_indicator_pages(App& app) {
  app.get("/doelen/waarden-inlezen", Access::beheerder, [](Ctx& ctx) {
    show_form_page(ctx, import_page(ctx), kImportFields, nlohmann::json::object(), {});
  });
  app.post("/doelen/waarden-inlezen", Access::beheerder, import_values);
  app.get(R"(/doelen/waarden-sjabloon\.csv)", Access::beheerder, values_template);
  app.get(R"(/doelen/(\d+)/indicatoren/nieuw)", Access::beheerder, [](Ctx& ctx) {
    const auto ambition = load_ambition(ctx, id_param(ctx));
    domain::Indicator blank;
    blank.kind = "";
    blank.unit = "";
    auto values = form_values(ctx, blank);
    values["polarity"] = "";
    show_form(ctx, ambition, 0, values, {});
  });
  app.post(R"(/doelen/(\d+)/indicatoren)", Access::beheerder,
           [](Ctx& ctx) { save(ctx, load_ambition(ctx, id_param(ctx)), 0); });
  app.get(R"(/indicatoren/(\d+))", Access::signed_in,
          [](Ctx& ctx) { detail(ctx, load_indicator(ctx, id_param(ctx))); }, Caching::body);
  app.get(R"(/indicatoren/(\d+)/bewerken)", Access::beheerder, [](Ctx& ctx) {
    const auto ind = load_indicator(ctx, id_param(ctx));
    show_form(ctx, load_ambition(ctx, ind.ambition_id), ind.id, form_values(ctx, ind), {});
  });
  app.post(R"(/indicatoren/(\d+))", Access::beheerder, [](Ctx& ctx) {
    const auto ind = load_indicator(ctx, id_param(ctx));
    save(ctx, load_ambition(ctx, ind.ambition_id), ind.id);
  });
  // A partner enters values too, for the activity measures of ambitions its activities serve.
  app.post(R"(/indicatoren/(\d+)/waarden)", Access::editor, add_value);
  app.post(R"(/indicatoren/(\d+)/waarden/verwijderen)", Access::editor, delete_value);
  app.post(R"(/indicatoren/(\d+)/verhalen)", Access::signed_in, add_story);
  app.get(R"(/indicatoren/(\d+)/verwijderen)", Access::beheerder, confirm_delete);
  app.post(R"(/indicatoren/(\d+)/verwijderen)", Access::beheerder, remove);
}

}  // namespace kompas::web
