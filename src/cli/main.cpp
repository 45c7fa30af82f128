// kompas: the Coalitiekompas program. `kompas --help` lists the commands.
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"

namespace {

// The language is chosen before the help texts are built: --lang en, or KOMPAS_LANG=en.
kompas::web::Lang choose_language(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--lang") return kompas::web::parse_lang(argv[i + 1]);
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]).starts_with("--lang="))
      return kompas::web::parse_lang(std::string(argv[i]).substr(7));
  const char* env = std::getenv("KOMPAS_LANG");
  return kompas::web::parse_lang(env ? env : "nl");
}

// Subcommands copy the help flag when they are made; give all of them the translated group.
void translate_groups(CLI::App& app, const std::string& options, const std::string& commands) {
  if (auto* help = app.get_help_ptr()) help->group(options);
  for (auto* sub : app.get_subcommands({})) {
    sub->group(commands);
    translate_groups(*sub, options, commands);
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kompas::cli;
  Texts t{kompas::web::Catalogue(), choose_language(argc, argv)};
  CLI::App app{t("cli.description"), "kompas"};
  app.option_defaults()->group(t("cli.label.Options"));
  app.set_help_flag("-h,--help", t("cli.help"));
  app.set_help_all_flag("--help-all", t("cli.help_all"));
  std::string lang;
  app.add_option("--lang", lang, t("cli.lang"))->check(CLI::IsMember({"nl", "en"}));
  app.require_subcommand(1);
  app.footer(t("cli.footer"));
  // CLI11's own words in the help text, translated too.
  for (const char* label : {"Usage", "OPTIONS", "SUBCOMMAND", "Positionals", "REQUIRED", "TEXT",
                            "INT", "UINT", "Excludes", "Needs"})
    app.get_formatter()->label(label, t(std::string("cli.label.") + label));
  add_serve_command(app, t);
  add_database_commands(app, t);
  add_coalition_commands(app, t);
  add_demo_command(app, t);
  add_survey_commands(app, t);
  add_figures_command(app, t);
  add_instrument_command(app, t);
  translate_groups(app, t("cli.label.Options"), t("cli.label.Subcommands"));
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << t("cli.error") << t("cli.parse_error") << " (" << e.what() << ")\n"
              << t("cli.see_help") << "\n";
    return 2;
  } catch (const UserError& e) {
    std::cerr << t("cli.error") << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << t("cli.error") << e.what() << "\n";
    return 2;
  }
  return 0;
}
