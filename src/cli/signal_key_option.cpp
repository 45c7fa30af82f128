#include <iostream>

#include "cli/commands.h"
#include "store/signals_store.h"

namespace kompas::cli {

store::SignalKey signal_key_for(store::Database& db, const std::string& option, const Texts& t) {
  const auto file = option.empty() ? store::default_signal_key_file(db.location())
                                   : std::filesystem::path(option);
  const std::map<std::string, std::string> path{{"path", file.string()}};
  if (!std::filesystem::exists(file)) {
    if (store::has_signals(db)) throw UserError(t.f("cli.key.missing", path));
    try {
      if (store::SignalKey::create(file)) std::cout << t.f("cli.key.created", path) << std::endl;
    } catch (const std::runtime_error&) {
      throw UserError(t.f("cli.key.cannot_write", path));
    }
  }
  if (store::open_to_others(file)) throw UserError(t.f("cli.key.open_to_others", path));
  std::optional<store::SignalKey> key;
  try {
    key = store::SignalKey::read(file);
  } catch (const std::runtime_error&) {
    throw UserError(t.f("cli.key.unreadable", path));
  }
  if (!store::key_opens_signals(db, *key)) throw UserError(t.f("cli.key.wrong", path));
  return *key;
}

void add_key_option(CLI::App& command, std::string& key, const Texts& t) {
  command.add_option("--key", key, t("cli.key.option"));
}

}  // namespace kompas::cli
