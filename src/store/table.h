#pragma once
// One description per aggregate of how its fields map to columns, so a field is named once for
// SELECT, INSERT, UPDATE and the audit log's JSON. A store declares its table with
//
//   const Table<domain::Action> kActions{"actions", "due_date, id",
//                                        {column<&domain::Action::title>("title"), ...}};
//
// and reads and writes with select_records / insert_record / update_record / record_json.
// The id column is implied: every table has an `id` primary key that the record's `id` holds.
// A column's JSON name is its column name, and its JSON value what it stores (words as text,
// flags as true/false), so the audit log shows what the database holds.
#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "domain/text.h"
#include "domain/words.h"
#include "store/database.h"

namespace kompas::store {

// One value on its way to or from the database, in the one form its column stores.
struct Cell {
  std::string text;
  long long integer = 0;
  double real = 0;
  soci::indicator ind = soci::i_ok;
};

enum class Stored { text, integer, real };

struct ColumnOptions {
  bool fixed = false;  // written when the record is created, never by an update
  bool logged = true;  // part of the record's JSON (a version counter is not)
};

template <typename Record>
struct Column {
  const char* name;
  Stored stored;
  ColumnOptions options;
  void (*read)(const Cell&, Record&);
  void (*write)(const Record&, Cell&);
  nlohmann::json (*json)(const Record&);
};

template <typename Record>
struct Table {
  const char* name;
  const char* order_by;
  std::vector<Column<Record>> columns;
};

namespace detail {

template <typename T>
struct MemberOf;
template <typename Record, typename Field>
struct MemberOf<Field Record::*> {
  using record = Record;
  using field = Field;
};

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <typename Field>
constexpr Stored stored_as() {
  if constexpr (std::is_same_v<Field, std::optional<double>> || std::is_floating_point_v<Field>)
    return Stored::real;
  else if constexpr (std::is_integral_v<Field> || IsOptional<Field>::value)
    return Stored::integer;
  else
    return Stored::text;  // text, words, and a list of words
}

}  // namespace detail

// The column for one field: text, whole numbers, real numbers, flags (stored 0/1), optional
// numbers (NULL when empty), worded enumerations (stored as their word) and lists of words
// (stored space-separated).
template <auto Member>
Column<typename detail::MemberOf<decltype(Member)>::record> column(const char* name,
                                                                   ColumnOptions options = {}) {
  using Record = typename detail::MemberOf<decltype(Member)>::record;
  using Field = typename detail::MemberOf<decltype(Member)>::field;
  Column<Record> c{name, detail::stored_as<Field>(), options, nullptr, nullptr, nullptr};
  if constexpr (std::is_same_v<Field, std::string>) {
    c.read = [](const Cell& cell, Record& r) { r.*Member = cell.text; };
    c.write = [](const Record& r, Cell& cell) { cell.text = r.*Member; };
    c.json = [](const Record& r) { return nlohmann::json(r.*Member); };
  } else if constexpr (std::is_same_v<Field, bool>) {
    c.read = [](const Cell& cell, Record& r) { r.*Member = cell.integer != 0; };
    c.write = [](const Record& r, Cell& cell) { cell.integer = r.*Member ? 1 : 0; };
    c.json = [](const Record& r) { return nlohmann::json(r.*Member); };
  } else if constexpr (std::is_arithmetic_v<Field>) {
    c.read = [](const Cell& cell, Record& r) {
      if constexpr (std::is_floating_point_v<Field>)
        r.*Member = static_cast<Field>(cell.real);
      else
        r.*Member = static_cast<Field>(cell.integer);
    };
    c.write = [](const Record& r, Cell& cell) {
      if constexpr (std::is_floating_point_v<Field>)
        cell.real = r.*Member;
      else
        cell.integer = r.*Member;
    };
    c.json = [](const Record& r) { return nlohmann::json(r.*Member); };
  } else if constexpr (detail::IsOptional<Field>::value) {
    c.read = [](const Cell& cell, Record& r) {
      if (cell.ind != soci::i_ok)
        r.*Member = std::nullopt;
      else if constexpr (std::is_floating_point_v<typename Field::value_type>)
        r.*Member = cell.real;
      else
        r.*Member = cell.integer;
    };
    c.write = [](const Record& r, Cell& cell) {
      cell.ind = (r.*Member) ? soci::i_ok : soci::i_null;
      if constexpr (std::is_floating_point_v<typename Field::value_type>)
        cell.real = (r.*Member).value_or(0);
      else
        cell.integer = (r.*Member).value_or(0);
    };
    c.json = [](const Record& r) {
      return (r.*Member) ? nlohmann::json(*(r.*Member)) : nlohmann::json();
    };
  } else if constexpr (domain::Worded<Field>) {
    // A word the program no longer knows reads as the first value rather than failing the page.
    c.read = [](const Cell& cell, Record& r) {
      r.*Member = domain::parse_word<Field>(cell.text).value_or(Field{});
    };
    c.write = [](const Record& r, Cell& cell) { cell.text = domain::word(r.*Member); };
    c.json = [](const Record& r) { return nlohmann::json(domain::word(r.*Member)); };
  } else {
    static_assert(std::is_same_v<Field, std::vector<std::string>>, "no column kind for this field");
    c.read = [](const Cell& cell, Record& r) { r.*Member = domain::split_words(cell.text); };
    c.write = [](const Record& r, Cell& cell) { cell.text = domain::join_words(r.*Member); };
    c.json = [](const Record& r) { return nlohmann::json(domain::join_words(r.*Member)); };
  }
  return c;
}

// Values a store writes beside the record's own columns: coalition_id, updated_at, ...
using Extra = std::vector<std::pair<const char*, std::variant<long long, std::string>>>;

namespace detail {

inline void bind_into(soci::statement& st, Stored stored, Cell& cell) {
  if (stored == Stored::text)
    st.exchange(soci::into(cell.text, cell.ind));
  else if (stored == Stored::integer)
    st.exchange(soci::into(cell.integer, cell.ind));
  else
    st.exchange(soci::into(cell.real, cell.ind));
}

inline void bind_use(soci::statement& st, Stored stored, Cell& cell) {
  if (stored == Stored::text)
    st.exchange(soci::use(cell.text, cell.ind));
  else if (stored == Stored::integer)
    st.exchange(soci::use(cell.integer, cell.ind));
  else
    st.exchange(soci::use(cell.real, cell.ind));
}

// The record's columns (all, or only those an update may change) as cells to bind, then the
// extra values.
template <typename Record>
std::vector<std::pair<std::string, Stored>> written_columns(const Table<Record>& table,
                                                            const Extra& extra, bool update) {
  std::vector<std::pair<std::string, Stored>> names;
  for (const auto& c : table.columns)
    if (!update || !c.options.fixed) names.emplace_back(c.name, c.stored);
  for (const auto& [name, value] : extra)
    names.emplace_back(name, value.index() == 0 ? Stored::integer : Stored::text);
  return names;
}

template <typename Record>
std::vector<Cell> written_cells(const Table<Record>& table, const Record& record,
                                const Extra& extra, bool update) {
  std::vector<Cell> cells;
  for (const auto& c : table.columns)
    if (!update || !c.options.fixed) c.write(record, cells.emplace_back());
  for (const auto& [name, value] : extra) {
    auto& cell = cells.emplace_back();
    if (value.index() == 0)
      cell.integer = std::get<0>(value);
    else
      cell.text = std::get<1>(value);
  }
  return cells;
}

}  // namespace detail

// "id, title, ...": the columns SELECT reads, in the order select_records binds them.
template <typename Record>
std::string column_list(const Table<Record>& table) {
  std::string list = "id";
  for (const auto& c : table.columns) list += std::string(", ") + c.name;
  return list;
}

// The records matching `where` (with its placeholders' values given as soci::use(...)) in the
// table's order. `where` may be empty for every row.
template <typename Record, typename... Uses>
std::vector<Record> select_records(soci::session& sql, const Table<Record>& table,
                                   const std::string& where, Uses&&... uses) {
  std::vector<Cell> cells(table.columns.size());
  Record record;
  soci::statement st(sql);
  (st.exchange(std::forward<Uses>(uses)), ...);
  st.exchange(soci::into(record.id));
  for (std::size_t i = 0; i < cells.size(); ++i)
    detail::bind_into(st, table.columns[i].stored, cells[i]);
  st.alloc();
  st.prepare("SELECT " + column_list(table) + " FROM " + table.name +
                 (where.empty() ? "" : " WHERE " + where) + " ORDER BY " + table.order_by,
             soci::details::st_one_time_query);
  st.define_and_bind();
  st.execute(false);
  std::vector<Record> found;
  while (st.fetch()) {
    for (std::size_t i = 0; i < cells.size(); ++i) table.columns[i].read(cells[i], record);
    found.push_back(record);
  }
  return found;
}

// INSERT of every column and the extra values; returns the new id.
template <typename Record>
long long insert_record(soci::session& sql, const Table<Record>& table, const Record& record,
                        const Extra& extra) {
  const auto names = detail::written_columns(table, extra, false);
  auto cells = detail::written_cells(table, record, extra, false);
  std::string columns, values;
  for (std::size_t i = 0; i < names.size(); ++i) {
    columns += (i ? ", " : "") + names[i].first;
    values += (i ? ", :" : ":") + names[i].first;
  }
  long long id = 0;
  soci::statement st(sql);
  for (std::size_t i = 0; i < cells.size(); ++i) detail::bind_use(st, names[i].second, cells[i]);
  st.exchange(soci::into(id));
  st.alloc();
  st.prepare(std::string("INSERT INTO ") + table.name + " (" + columns + ") VALUES (" + values +
             ") RETURNING id");
  st.define_and_bind();
  st.execute(true);
  return id;
}

// UPDATE of every column that is not fixed and the extra values, for the record's id and
// `where` (e.g. "coalition_id = :c", its values given as soci::use(...)).
template <typename Record, typename... Uses>
void update_record(soci::session& sql, const Table<Record>& table, const Record& record,
                   const Extra& extra, const std::string& where, Uses&&... uses) {
  const auto names = detail::written_columns(table, extra, true);
  auto cells = detail::written_cells(table, record, extra, true);
  std::string assignments;
  for (std::size_t i = 0; i < names.size(); ++i)
    assignments += (i ? ", " : "") + names[i].first + " = :" + names[i].first;
  soci::statement st(sql);
  for (std::size_t i = 0; i < cells.size(); ++i) detail::bind_use(st, names[i].second, cells[i]);
  st.exchange(soci::use(record.id));
  (st.exchange(std::forward<Uses>(uses)), ...);
  st.alloc();
  st.prepare(std::string("UPDATE ") + table.name + " SET " + assignments + " WHERE id = :id" +
             (where.empty() ? "" : " AND " + where));
  st.define_and_bind();
  st.execute(true);
}

// The record as the audit log keeps it: {column: value}.
template <typename Record>
nlohmann::json record_json(const Table<Record>& table, const Record& record) {
  nlohmann::json json = nlohmann::json::object();
  for (const auto& c : table.columns)
    if (c.options.logged) json[c.name] = c.json(record);
  return json;
}

// The record back from its JSON (a saved version); fields the JSON lacks keep their defaults.
template <typename Record>
Record record_from_json(const Table<Record>& table, const nlohmann::json& json) {
  Record record;
  for (const auto& c : table.columns) {
    if (!json.contains(c.name)) continue;
    const nlohmann::json& value = json.at(c.name);
    Cell cell;
    if (value.is_null())
      cell.ind = soci::i_null;
    else if (value.is_string())
      cell.text = value.get<std::string>();
    else if (value.is_boolean())
      cell.integer = value.get<bool>() ? 1 : 0;
    else if (value.is_number()) {
      cell.integer = value.get<long long>();
      cell.real = value.get<double>();
    }
    c.read(cell, record);
  }
  return record;
}

}  // namespace kompas::store
