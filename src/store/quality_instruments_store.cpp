#include "store/quality_instruments_store.h"

#include <stdexcept>

#include "embedded.h"

namespace kompas::store {
namespace {

struct KindPlace {
  const char* folder;  // of the shipped files
  const char* table;
};
KindPlace place_of(InstrumentKind kind) {
  return kind == InstrumentKind::quality_check
             ? KindPlace{"data/kwaliteit/", "quality_instruments"}
             : KindPlace{"data/zelfscan/", "self_scan_instruments"};
}

domain::Instrument read_or_throw(const std::string& name, std::string_view content) {
  auto read = domain::read_instrument(content);
  if (!read.instrument)
    throw std::runtime_error(name + ": " + read.problems.front().code + " (" +
                             std::to_string(read.problems.size()) + " problems)");
  return *read.instrument;
}

std::optional<domain::Instrument> select_instrument(soci::session& sql, InstrumentKind kind,
                                                    const std::string& where, int version) {
  std::string content;
  int found_version = 0;
  auto st = select_rows(sql,
                        std::string("SELECT version, content FROM ") + place_of(kind).table +
                            " WHERE " + where + " ORDER BY version DESC",
                        soci::use(version), soci::into(found_version), soci::into(content));
  if (!st.fetch()) return std::nullopt;
  return read_or_throw("instrument " + std::to_string(found_version), content);
}

}  // namespace

std::vector<std::string> load_shipped_instruments(soci::session& sql) {
  std::vector<std::string> loaded;
  for (const auto kind : {InstrumentKind::quality_check, InstrumentKind::self_scan}) {
    const auto [folder, table] = place_of(kind);
    for (const auto& path : embedded::list(folder)) {
      const auto content = std::string(embedded::file(path));
      // "data/kwaliteit/instrument-1.json" is "kwaliteit/instrument-1".
      auto name = path.substr(std::string_view("data/").size());
      name.resize(name.size() - std::string_view(".json").size());
      const auto instrument = read_or_throw(name, content);
      std::string stored;
      soci::indicator ind = soci::i_null;
      sql << std::string("SELECT content FROM ") + table + " WHERE version = :v",
          soci::use(instrument.version), soci::into(stored, ind);
      if (sql.got_data()) {
        if (stored != content)
          throw std::runtime_error(name + ": version " + std::to_string(instrument.version) +
                                   " is stored with another text; a changed instrument needs a "
                                   "new version number");
        continue;
      }
      const auto now = now_seconds();
      sql << std::string("INSERT INTO ") + table +
                 " (version, content, loaded_at) VALUES (:v, :c, :t)",
          soci::use(instrument.version), soci::use(content), soci::use(now);
      loaded.push_back(name);
    }
  }
  return loaded;
}

std::vector<domain::Problem> add_instrument(Change& change, InstrumentKind kind,
                                            const std::string& content) {
  const auto read = domain::read_instrument(content);
  if (!read.instrument) return read.problems;
  const auto latest = latest_instrument(change.sql(), kind);
  if (const auto problem = domain::check_new_version(
          read.instrument->version, latest ? std::optional<int>(latest->version) : std::nullopt))
    return {*problem};
  const auto now = now_seconds();
  change.sql() << std::string("INSERT INTO ") + place_of(kind).table +
                      " (version, content, loaded_at) VALUES (:v, :c, :t)",
      soci::use(read.instrument->version), soci::use(content), soci::use(now);
  change.record("aanmaken", "instrument", std::to_string(read.instrument->version),
                read.instrument->name.nl, nullptr,
                {{"kind", kind == InstrumentKind::quality_check ? "kwaliteit" : "zelfscan"},
                 {"version", read.instrument->version},
                 {"themes", read.instrument->themes.size()},
                 {"questions", read.instrument->question_count()}});
  return {};
}

std::optional<domain::Instrument> find_instrument(soci::session& sql, InstrumentKind kind,
                                                  int version) {
  return select_instrument(sql, kind, "version = :v", version);
}

std::optional<domain::Instrument> latest_instrument(soci::session& sql, InstrumentKind kind) {
  return select_instrument(sql, kind, "version >= :v", 1);
}

}  // namespace kompas::store
