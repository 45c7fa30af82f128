// kompas instrument add: a coalition's own version of the quality check or of the self-scan,
// as a JSON file in the shipped files' format (data/kwaliteit/, data/zelfscan/), without a
// code change. Every problem in the file is named; nothing is stored then.
#include <iostream>

#include "cli/commands.h"
#include "cli/input_file.h"
#include "store/migrations.h"
#include "store/quality_instruments_store.h"

namespace kompas::cli {
namespace {

struct InstrumentOptions {
  std::string db, coalition, file, kind = "kwaliteit";
};

void add_instrument(const InstrumentOptions& o, const Texts& t) {
  const InputFile file(o.file, t);
  if (o.kind != "kwaliteit" && o.kind != "zelfscan")
    throw UserError(t.f("cli.instrument.bad_kind", {{"kind", o.kind}}));
  store::Database db(o.db, 1);
  store::migrate(db);
  const auto coalition = resolve_coalition(db, o.coalition, t);
  store::Change change(db, {coalition.id, std::nullopt, ""});
  const auto kind = o.kind == "kwaliteit" ? store::InstrumentKind::quality_check
                                          : store::InstrumentKind::self_scan;
  const auto problems = store::add_instrument(change, kind, std::string(file.bytes()));
  if (!problems.empty())
    throw_problems(t.f("cli.instrument.problems", {{"file", o.file}}), problems, t);
  change.commit();
  const auto added = store::latest_instrument(change.sql(), kind);
  std::cout << t.f("cli.instrument.added", {{"version", std::to_string(added->version)},
                                            {"themes", std::to_string(added->themes.size())},
                                            {"questions", std::to_string(added->question_count())}})
            << "\n";
}

}  // namespace

void add_instrument_command(CLI::App& app, const Texts& t) {
  auto o = std::make_shared<InstrumentOptions>();
  auto* instrument = app.add_subcommand("instrument", t("cli.instrument.description"));
  instrument->require_subcommand(1);
  auto* add = instrument->add_subcommand("add", t("cli.instrument.add"));
  add->add_option("--db", o->db, t("cli.db"))->required();
  add->add_option("--coalition", o->coalition, t("cli.coalition_option"));
  add->add_option("--kind", o->kind, t("cli.instrument.kind"));
  add->add_option("FILE", o->file, t("cli.instrument.file"))->required();
  add->callback([o, &t] { add_instrument(*o, t); });
}

}  // namespace kompas::cli
