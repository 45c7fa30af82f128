// kompas figures import: published figures per area (e.g. RIVM's model estimates).
#include <iostream>

#include "cli/commands.h"
#include "cli/input_file.h"
#include "domain/published_figures.h"
#include "store/areas_store.h"
#include "store/migrations.h"
#include "store/published_figures_store.h"

namespace kompas::cli {

namespace {

struct FiguresOptions {
  std::string db, coalition, file, source;
  bool direct = false;
};

void import_figures(const FiguresOptions& o, const Texts& t) {
  const InputFile file(o.file, t);
  store::Database db(o.db, 1);
  store::migrate(db);
  const auto coalition = resolve_coalition(db, o.coalition, t);
  store::Change change(db, {coalition.id, std::nullopt, ""});
  const auto parsed = domain::parse_published_figures(
      file.bytes(), store::area_codes(change.sql(), coalition.id), o.source, !o.direct);
  if (!parsed.problems.empty())
    throw_problems(t.f("cli.figures.problems", {{"file", o.file}}), parsed.problems, t);
  const auto counts = store::save_published_figures(change, parsed.figures);
  change.commit();
  std::cout << t.f("notice.figures_imported", {{"nieuw", std::to_string(counts.created)},
                                               {"gewijzigd", std::to_string(counts.updated)}})
            << "\n";
}

}  // namespace

void add_figures_command(CLI::App& app, const Texts& t) {
  auto o = std::make_shared<FiguresOptions>();
  auto* figures = app.add_subcommand("figures", t("cli.figures.description"));
  figures->require_subcommand(1);
  auto* import = figures->add_subcommand("import", t("cli.figures.import"));
  import->add_option("--db", o->db, t("cli.db"))->required();
  import->add_option("--coalition", o->coalition, t("cli.coalition_option"));
  import->add_option("FILE", o->file, t("cli.figures.file"))->required();
  import->add_option("--source", o->source, t("cli.figures.source"));
  import->add_flag("--direct", o->direct, t("cli.figures.direct"));
  import->callback([o, &t] { import_figures(*o, t);
});
}  // namespace kompas::cli

}  // namespace kompas::cli
