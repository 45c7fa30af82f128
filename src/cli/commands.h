#pragma once
// The command line: one function per command. Each returns the process exit code; problems are
// printed to stderr in plain words (Dutch by default) and give exit code 2.
#include <CLI/CLI.hpp>
#include <stdexcept>
#include <string>

#include "domain/coalition.h"
#include "domain/problem.h"
#include "store/database.h"
#include "store/signal_key.h"
#include "web/core/i18n.h"

namespace kompas::cli {

// A problem the user can fix; main prints the message and exits with code 2.
struct UserError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Texts {
  web::Catalogue catalogue;
  web::Lang lang = web::Lang::nl;
  const std::string& operator()(const std::string& key) const { return catalogue.text(lang, key); }
  std::string f(const std::string& key, const std::map<std::string, std::string>& p) const {
    return catalogue.format(lang, key, p);
  }
};

// Throws UserError: the heading, then each problem on its own line in the chosen language.
[[noreturn]] void throw_problems(const std::string& heading,
                                 const std::vector<domain::Problem>& problems, const Texts& t);

// Which coalition a command works on: the one named (GMxxxx), or the only one there is.
domain::Coalition resolve_coalition(store::Database& db, const std::string& code, const Texts& t);

// The signaalpunt's key file (store/signal_key.h): `option` or the default beside the database.
// Made when missing (and said so), except when the database already holds signals: those need
// their own key, so a missing file is then an error. Returns the key.
store::SignalKey signal_key_for(store::Database& db, const std::string& option, const Texts& t);
// The --key option of init, demo and serve.
void add_key_option(CLI::App& command, std::string& key, const Texts& t);

void add_serve_command(CLI::App& app, const Texts& t);
void add_database_commands(CLI::App& app, const Texts& t);  // init, backup
void add_coalition_commands(CLI::App& app,
                            const Texts& t);  // coalition add, user add, areas import
void add_demo_command(CLI::App& app, const Texts& t);
void add_survey_commands(CLI::App& app, const Texts& t);  // survey analyze, import, list, delete
void add_survey_storage_commands(CLI::App& survey, const Texts& t);  // import, list, delete
void add_figures_command(CLI::App& app, const Texts& t);             // figures import
void add_instrument_command(CLI::App& app, const Texts& t);  // instrument add (own versions)

}  // namespace kompas::cli
