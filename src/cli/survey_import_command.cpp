// kompas survey import | list | delete: surveys stored in a coalition's database.
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/input_file.h"
#include "domain/survey_import.h"
#include "domain/text.h"
#include "store/areas_store.h"
#include "store/migrations.h"
#include "store/surveys_store.h"
#include "web/ui/problems.h"

namespace kompas::cli {

namespace {

struct ImportOptions {
  std::string db, coalition, file, name, source = "eigen", age_range;
  int year = 0;
  domain::SurveyImportSettings settings;
};

struct ListOptions {
  std::string db, coalition;
  long long id = 0;
};

// "18-" "18+" "65-84": the ages the survey asked.
void parse_age_range(const std::string& text, store::Survey& survey, const Texts& t) {
  int from = 0, to = 0;
  char rest = 0;
  if (std::sscanf(text.c_str(), "%d-%d%c", &from, &to, &rest) == 2 && from <= to) {
    survey.age_from = from;
    survey.age_to = to;
  } else if (std::sscanf(text.c_str(), "%d%c%c", &from, &rest, &rest) == 2 && rest == '+') {
    survey.age_from = from;
  } else {
    throw UserError(t.f("cli.survey.bad_age_range", {{"value", text}}));
  }
}

// Saving a million respondents takes seconds: show how far it is. On a terminal one line is
// rewritten; in a log every tenth appears on its own line.
void show_progress(std::size_t done, std::size_t total, const Texts& t) {
  static const bool terminal = ::isatty(STDERR_FILENO);
  static std::size_t last_tenth = 0;
  const std::size_t percent = done * 100 / total;
  if (terminal) {
    std::cerr << "\r" << t("cli.survey.saving") << " " << percent << "% (" << done << "/" << total
              << ")" << (done == total ? "\n" : "") << std::flush;
  } else if (percent / 10 > last_tenth || done == total) {
    last_tenth = percent / 10;
    std::cerr << t("cli.survey.saving") << " " << percent << "% (" << done << "/" << total << ")\n";
  }
}

void import_survey(const ImportOptions& o, const Texts& t) {
  const InputFile file(o.file, t);
  store::Database db(o.db, 1);
  store::migrate(db);
  const auto coalition = resolve_coalition(db, o.coalition, t);
  store::Change change(db, {coalition.id, std::nullopt, ""});
  const auto prepared = domain::prepare_survey(file.bytes(), o.settings,
                                               store::area_names(change.sql(), coalition.id));
  if (!prepared.read.ok())
    throw_problems(t.f("cli.survey.not_imported", {{"file", o.file}}), prepared.read.problems, t);
  for (const auto& notice : prepared.read.notices)
    std::cerr << web::problem_text(t.catalogue, t.lang, notice) << "\n";
  if (prepared.respondents_outside > 0) {
    std::string codes;
    for (const auto& code : prepared.unknown_areas) codes += (codes.empty() ? "" : ", ") + code;
    std::cerr << t.f("cli.survey.outside_areas",
                     {{"count", std::to_string(prepared.respondents_outside)}, {"codes", codes}})
              << "\n";
  }
  store::Survey survey;
  survey.name = domain::trim(o.name);
  survey.year = o.year;
  survey.instrument = *domain::parse_scale(o.settings.scale);
  survey.source = o.source;
  survey.age_bands = prepared.columns.age_band ? o.settings.age_bands : "";
  // Without a stated range the ages asked stay unknown: the youngest and oldest who answered
  // (18 and 92, say) are not what was asked, and would make equal surveys look different.
  if (!o.age_range.empty()) parse_age_range(o.age_range, survey, t);
  if (survey.name.empty()) throw UserError(t("cli.survey.name_required"));
  if (store::survey_exists(change.sql(), coalition.id, survey.name, survey.year))
    throw UserError(t("upload.error.duplicate"));
  const auto id = store::save_survey(
      change, survey, prepared.read.data, prepared.columns,
      [&](std::size_t done, std::size_t total) { show_progress(done, total, t); });
  change.commit();
  std::cout << t.f("cli.survey.imported",
                   {{"id", std::to_string(id)},
                    {"name", survey.name},
                    {"count", std::to_string(prepared.read.data.respondents)}})
            << "\n";
}

void list_surveys(const ListOptions& o, const Texts& t) {
  store::Database db(o.db, 1);
  store::migrate(db);
  const auto coalition = resolve_coalition(db, o.coalition, t);
  store::Connection conn(db);
  for (const auto& s : store::list_surveys(conn.sql(), coalition.id))
    std::cout << s.id << "\t" << s.year << "\t" << domain::scale_name(s.instrument) << "\t"
              << s.respondents << "\t" << s.name << "\n";
}

void delete_survey(const ListOptions& o, const Texts& t) {
  store::Database db(o.db, 1);
  store::migrate(db);
  const auto coalition = resolve_coalition(db, o.coalition, t);
  store::Change change(db, {coalition.id, std::nullopt, ""});
  const auto survey = store::find_survey(change.sql(), coalition.id, o.id);
  if (!survey) throw UserError(t.f("cli.survey.unknown", {{"id", std::to_string(o.id)}}));
  store::delete_survey(change, *survey);
  change.commit();
  std::cout << t.f("cli.survey.deleted", {{"name", survey->name}}) << "\n";
}

}  // namespace

void add_survey_storage_commands(CLI::App& survey, const Texts& t) {
  auto o = std::make_shared<ImportOptions>();
  auto* import = survey.add_subcommand("import", t("cli.survey.import"));
  import->add_option("--db", o->db, t("cli.db"))->required();
  import->add_option("--coalition", o->coalition, t("cli.coalition_option"));
  import->add_option("FILE", o->file, t("cli.survey.file"))->required();
  import->add_option("--name", o->name, t("cli.survey.name"))->required();
  import->add_option("--year", o->year, t("cli.survey.year"))
      ->required()
      ->check(CLI::Range(1990, 2100));
  import->add_option("--scale", o->settings.scale, t("cli.survey.scale"))
      ->required()
      ->check(CLI::IsMember({"djg11", "djg6", "ucla3"}));
  import->add_option("--source", o->source, t("cli.survey.source"))
      ->check(CLI::IsMember({"eigen", "ggd"}))
      ->capture_default_str();
  import->add_option("--weight", o->settings.weight, t("cli.survey.weight"));
  import->add_option("--strata", o->settings.strata, t("cli.survey.strata"));
  import->add_option("--area", o->settings.area, t("cli.survey.area"));
  import->add_option("--sex", o->settings.sex, t("cli.survey.sex"));
  import->add_option("--age", o->settings.age, t("cli.survey.age"));
  import->add_option("--age-bands", o->settings.age_bands, t("cli.survey.age_bands"))
      ->capture_default_str();
  import->add_option("--age-range", o->age_range, t("cli.survey.age_range"));
  import->add_option("--map", o->settings.map, t("cli.survey.map"));
  import->add_option("--codes", o->settings.codes, t("cli.survey.codes"));
  import->add_flag("--lenient", o->settings.lenient, t("cli.survey.lenient"));
  import->callback([o, &t] { import_survey(*o, t);
});

auto l = std::make_shared<ListOptions>();
auto* list = survey.add_subcommand("list", t("cli.survey.list"));
list->add_option("--db", l->db, t("cli.db"))->required();
list->add_option("--coalition", l->coalition, t("cli.coalition_option"));
list->callback([l, &t] { list_surveys(*l, t); });

auto d = std::make_shared<ListOptions>();
auto* del = survey.add_subcommand("delete", t("cli.survey.delete"));
del->add_option("--db", d->db, t("cli.db"))->required();
del->add_option("--coalition", d->coalition, t("cli.coalition_option"));
del->add_option("--id", d->id, t("cli.survey.id"))->required();
del->callback([d, &t] { delete_survey(*d, t); });
}  // namespace kompas::cli

}  // namespace kompas::cli
