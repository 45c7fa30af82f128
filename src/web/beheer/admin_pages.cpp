#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>

#include "domain/numbers.h"
#include "domain/text.h"
#include "domain/text_limits.h"
#include "store/audit_store.h"
#include "store/coalitions_store.h"
#include "web/beheer/pages.h"
#include "web/core/section.h"
#include "web/core/url.h"
#include "web/ui/form.h"
#include "web/ui/listing.h"

namespace kompas::web {
namespace {

const std::vector<FieldSpec> kCoalitionFields = {
    {.name = "name",
     .label_key = "coalition.name",
     .kind = FieldKind::text,
     .required = true,
     .autocomplete = "off",
     .max_length = domain::text_limit::name},
    {.name = "kartrekker",
     .label_key = "coalition.kartrekker",
     .kind = FieldKind::text,
     .hint_key = "coalition.kartrekker_hint",
     .autocomplete = "off",
     .max_length = domain::text_limit::name},
    {"cycle_start",
     "coalition.cycle_start",
     FieldKind::date,
     false,
     "coalition.cycle_start_hint",
     {},
     "off"},
    {"plan_adopted_on",
     "coalition.plan_adopted_on",
     FieldKind::date,
     false,
     "coalition.plan_adopted_on_hint",
     {},
     "off"},
    {"min_cell_size",
     "coalition.min_cell_size",
     FieldKind::whole_number,
     true,
     "coalition.min_cell_size_hint",
     {},
     "off"},
    {"public_dashboard",
     "coalition.public_dashboard",
     FieldKind::checkbox,
     false,
     "coalition.public_dashboard_hint",
     {},
     ""},
    {"public_knowledge",
     "coalition.public_knowledge",
     FieldKind::checkbox,
     false,
     "coalition.public_knowledge_hint",
     {},
     ""},
    {"public_map",
     "coalition.public_map",
     FieldKind::checkbox,
     false,
     "coalition.public_map_hint",
     {},
     ""},
    {"public_card",
     "coalition.public_card",
     FieldKind::checkbox,
     false,
     "coalition.public_card_hint",
     {},
     ""},
    {"public_signals",
     "coalition.public_signals",
     FieldKind::checkbox,
     false,
     "coalition.public_signals_hint",
     {},
     ""},
};

void admin_home(Ctx& ctx, const nlohmann::json& values, const domain::FieldErrors& errors,
                int status = 200) {
  store::Connection conn(ctx.app.db());
  // Read fresh: the session carries only part of the coalition (not whether the page is on).
  const auto c = store::find_coalition(conn.sql(), ctx.coalition_id()).value();
  ctx.page("beheer/index", ctx.t("admin.title"),
           {{"gemeente_code", c.gemeente_code},
            {"public_href", "/openbaar/" + c.gemeente_code},
            {"public_on", c.public_dashboard},
            {"knowledge_href", "/openbaar/" + c.gemeente_code + "/kennisbank"},
            {"knowledge_on", c.public_knowledge},
            {"map_href", "/openbaar/" + c.gemeente_code + "/kaart"},
            {"map_on", c.public_map},
            {"card_href", "/openbaar/" + c.gemeente_code + "/gesprekskaart"},
            {"card_on", c.public_card},
            {"signals_href", "/openbaar/" + c.gemeente_code + "/signaal"},
            {"signals_on", c.public_signals},
            {"csrf", ctx.me().csrf_token},
            {"summary", error_summary(ctx, kCoalitionFields, errors)},
            {"fields", form_fields(ctx, kCoalitionFields, values, errors)}},
           status);
}

void save_coalition(Ctx& ctx) {
  const auto values = read_form(ctx, kCoalitionFields);
  const auto& me = ctx.me();
  auto coalition = me.coalition;
  coalition.name = domain::trim(values["name"].get<std::string>());
  coalition.kartrekker = domain::trim(values["kartrekker"].get<std::string>());
  coalition.cycle_start = domain::trim(values["cycle_start"].get<std::string>());
  coalition.plan_adopted_on = domain::trim(values["plan_adopted_on"].get<std::string>());
  // Read by the whole-number rule; what it refuses counts as 0 for validation, and its own
  // message (a comma, not a number) wins over the range.
  domain::FieldErrors number_errors;
  coalition.min_cell_size = read_whole_number_field(ctx, values["min_cell_size"].get<std::string>(),
                                                    "min_cell_size", number_errors)
                                .value_or(0);
  coalition.public_dashboard = values["public_dashboard"].get<bool>();
  coalition.public_knowledge = values["public_knowledge"].get<bool>();
  coalition.public_map = values["public_map"].get<bool>();
  coalition.public_card = values["public_card"].get<bool>();
  coalition.public_signals = values["public_signals"].get<bool>();
  auto errors = domain::validate(coalition);
  for (const auto& [field, key] : number_errors) errors[field] = key;
  if (!errors.empty()) return admin_home(ctx, values, errors, 422);
  store::Change change(ctx.app.db(), ctx.actor());
  store::update_coalition(change, coalition);
  change.commit();
  ctx.redirect_with_notice("/beheer", "saved");
}

// A date field as seconds at local midnight; 0 when empty or not a date.
long long day_start(const std::string& date) {
  if (!domain::is_valid_date(date)) return 0;
  std::tm tm{};
  tm.tm_year = std::stoi(date.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(date.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(date.substr(8, 2));
  tm.tm_isdst = -1;
  return std::mktime(&tm);
}

// A recorded value as people read it: yes/no, Dutch dates and numbers, lists joined; years and
// record numbers without a thousands separator ("2026", not "2.026").
std::string audit_value_text(const Ctx& ctx, const std::string& field, const nlohmann::json& v) {
  if (v.is_null()) return "";
  if (v.is_boolean()) return ctx.t(v.get<bool>() ? "audit.yes" : "audit.no");
  if (v.is_string()) return ctx.date(v.get<std::string>());
  if (field.ends_with("_at") && v.is_number_integer()) return ctx.date_time(v.get<long long>());
  const bool plain = field.ends_with("year") || field.ends_with("_id") || field.starts_with("age_");
  if (v.is_number_integer())
    return plain ? std::to_string(v.get<long long>()) : ctx.number(v.get<long long>());
  if (v.is_number()) return domain::format_grouped(v.get<double>(), ctx.decimal_separator(), 4);
  // Records that went with a removed one (its values, stories, versions): how many.
  if (v.is_array() && !v.empty() && v.front().is_object())
    return ctx.number(static_cast<long long>(v.size()));
  std::string out;
  if (v.is_array())
    for (const auto& item : v)
      out += (out.empty() ? "" : ", ") + audit_value_text(ctx, field, item);
  else if (v.is_object())  // per year, as "2025: 40"
    for (auto it = v.begin(); it != v.end(); ++it)
      out +=
          (out.empty() ? "" : "; ") + it.key() + ": " + audit_value_text(ctx, it.key(), it.value());
  return out;
}

// A stored word in the reader's language ("bezig" -> "Bezig"), a list of words word by word;
// a word without a text (from an older version of the program) as it was stored.
std::string worded_text(const Ctx& ctx, const std::string& prefix, const std::string& words) {
  std::string out;
  for (const auto& word : domain::split_words(words)) {
    const auto key = prefix + word;
    out += (out.empty() ? "" : ", ") + (ctx.app.catalogue().has(ctx.lang, key) ? ctx.t(key) : word);
  }
  return out;
}

// The fields of an entry in the order its section declares them; any other (from an older
// version of the program) after them.
std::vector<std::string> field_order(const AuditedKind* kind, const nlohmann::json& changes) {
  std::vector<std::string> order;
  if (kind)
    for (const auto& field : kind->fields)
      if (changes.contains(field)) order.push_back(field);
  for (auto it = changes.begin(); it != changes.end(); ++it)
    if (std::find(order.begin(), order.end(), it.key()) == order.end()) order.push_back(it.key());
  return order;
}

// Names of the records the entries on one page refer to, each kind read once, the first time an
// entry needs it. A reference to a record that is gone reads "(verwijderd)", never its id.
class References {
 public:
  References(const Ctx& ctx, soci::session& sql) : ctx_(ctx), sql_(sql) {}

  // One id or code, or several in one value ("3,5", "WK999901 WK999902", [3, 5]).
  std::string names(const std::string& kind, const nlohmann::json& value) {
    std::vector<std::string> keys;
    if (value.is_array()) {
      for (const auto& item : value) keys.push_back(key_text(item));
    } else if (value.is_string()) {
      std::string word;
      for (const char c : value.get<std::string>() + ",")
        if (c == ',' || c == ' ') {
          if (!word.empty()) keys.push_back(word);
          word.clear();
        } else {
          word += c;
        }
    } else if (!value.is_null()) {
      keys.push_back(key_text(value));
    }
    // An empty area is the whole gemeente; no other reference is empty and said.
    if (keys.empty())
      return kind == "area" && value.is_string() ? ctx_.t("audit.whole_gemeente") : "";
    auto [loaded, fresh] = loaded_.try_emplace(kind);
    if (fresh) loaded->second = store::record_names(sql_, ctx_.coalition_id(), kind);
    std::string out;
    for (const auto& key : keys) out += (out.empty() ? "" : ", ") + name(kind, key, loaded->second);
    return out;
  }

 private:
  std::string name(const std::string& kind, const std::string& key,
                   const std::map<std::string, std::string>& known) const {
    if (const auto found = known.find(key); found != known.end()) return found->second;
    if (kind == "area") {  // the gemeente itself, the rest of it (a route), or a postcode
      if (key == ctx_.me().coalition.gemeente_code) return ctx_.me().coalition.name;
      if (key == "*") return ctx_.t("audit.whole_gemeente");
      if (key.size() == 4 &&
          std::all_of(key.begin(), key.end(), [](unsigned char c) { return std::isdigit(c); }))
        return ctx_.tf("audit.postcode", {{"postcode", key}});
    }
    return ctx_.t("audit.removed");
  }
  static std::string key_text(const nlohmann::json& v) {
    return v.is_string() ? v.get<std::string>() : v.dump();
  }
  const Ctx& ctx_;
  soci::session& sql_;
  std::map<std::string, std::map<std::string, std::string>> loaded_;
};

// Field names and values in the person's language; a new record lists only what was filled in.
nlohmann::json describe_changes(const Ctx& ctx, References& references, const std::string& entity,
                                const std::string& changes_json) {
  nlohmann::json out = nlohmann::json::array();
  const auto changes = nlohmann::json::parse(changes_json, nullptr, false);
  if (!changes.is_object()) return out;
  const auto* kind = audited_kind(entity);
  for (const auto& field : field_order(kind, changes)) {
    const auto& change = changes[field];
    if (!change.is_array() || change.size() != 2) continue;
    const std::string *prefix = nullptr, *refers = nullptr;
    if (kind) {
      if (const auto found = kind->worded.find(field); found != kind->worded.end())
        prefix = &found->second;
      if (const auto found = kind->refers.find(field); found != kind->refers.end())
        refers = &found->second;
    }
    const auto text = [&](const nlohmann::json& value) {
      if (refers) return references.names(*refers, value);
      if (prefix && value.is_string()) return worded_text(ctx, *prefix, value.get<std::string>());
      if (prefix && value.is_object()) {  // counts per word: "Telefoonnummer: 30, Dienst: 12"
        std::string out;
        for (auto it = value.begin(); it != value.end(); ++it)
          out += (out.empty() ? "" : ", ") + worded_text(ctx, *prefix, it.key()) + ": " +
                 audit_value_text(ctx, field, it.value());
        return out;
      }
      return audit_value_text(ctx, field, value);
    };
    const auto old_text = text(change[0]), new_text = text(change[1]);
    if (old_text.empty() && new_text.empty()) continue;
    const auto label_key = "audit.field." + field;
    out.push_back(
        {{"field", ctx.app.catalogue().has(ctx.lang, label_key) ? ctx.t(label_key) : field},
         {"old", old_text},
         {"new", new_text}});
  }
  return out;
}

void audit_log(Ctx& ctx) {
  store::AuditFilter filter;
  filter.entity = ctx.query("soort");
  const auto kinds = audited_kinds();
  if (std::find(kinds.begin(), kinds.end(), filter.entity) == kinds.end()) filter.entity.clear();
  filter.person_name = ctx.query("persoon");
  const auto from = ctx.query("van"), until = ctx.query("tot");
  filter.from = day_start(from);
  filter.until = day_start(until) ? day_start(until) + 24 * 3600 : 0;
  const int page_size = 50;
  int page = 1;
  try {
    page = std::max(1, std::min(100000, std::stoi(ctx.query("pagina"))));
  } catch (...) {
  }
  filter.limit = page_size;
  filter.offset = (page - 1) * page_size;

  store::Connection conn(ctx.app.db());
  const auto total = store::count_audit(conn.sql(), ctx.coalition_id(), filter);
  nlohmann::json rows = nlohmann::json::array();
  References references(ctx, conn.sql());
  for (const auto& e : store::list_audit(conn.sql(), ctx.coalition_id(), filter))
    rows.push_back(
        {{"at", ctx.date_time(e.at)},
         {"person", e.person_name.empty()                      ? ctx.t("audit.system")
                    : e.person_name == store::kPublicFormActor ? ctx.t("audit.public_form")
                                                               : e.person_name},
         {"action", ctx.t("audit.action." + e.action)},
         {"entity", ctx.t("audit.entity." + e.entity)},
         {"label", e.label.empty() ? e.entity_id : e.label},
         {"changes", describe_changes(ctx, references, e.entity, e.changes)}});
  nlohmann::json entities = nlohmann::json::array();
  for (const auto& entity : kinds)
    entities.push_back({{"value", entity},
                        {"label", ctx.t("audit.entity." + entity)},
                        {"selected", filter.entity == entity}});
  const std::string filter_query = "soort=" + encode_query_param(filter.entity) +
                                   "&persoon=" + encode_query_param(filter.person_name) +
                                   "&van=" + encode_query_param(from) +
                                   "&tot=" + encode_query_param(until);
  nlohmann::json data = {
      {"rows", rows},
      {"empty", rows.empty()},
      {"total", total},
      {"total_text", ctx.tf("audit.entries_count", {{"count", ctx.number(total)}})},
      {"entities", entities},
      {"person", filter.person_name},
      {"from", from},
      {"until", until},
      {"page", page}};
  data["pager"] = pager(ctx, "/beheer/logboek?" + filter_query + "&pagina=", page,
                        std::max(1, (total + page_size - 1) / page_size));
  ctx.page("beheer/audit", ctx.t("audit.title"), data);
}

}  // namespace

void register_admin_pages(App& app) {
  app.get("/beheer", Access::beheerder, [](Ctx& ctx) {
    store::Connection conn(ctx.app.db());
    const auto c = store::find_coalition(conn.sql(), ctx.coalition_id()).value();
    admin_home(ctx,
               {{"name", c.name},
                {"kartrekker", c.kartrekker},
                {"cycle_start", c.cycle_start},
                {"plan_adopted_on", c.plan_adopted_on},
                {"min_cell_size", std::to_string(c.min_cell_size)},
                {"public_dashboard", c.public_dashboard},
                {"public_knowledge", c.public_knowledge},
                {"public_map", c.public_map},
                {"public_card", c.public_card},
                {"public_signals", c.public_signals}},
               {});
  });
  app.post("/beheer/coalitie", Access::beheerder, save_coalition);
  app.get("/beheer/logboek", Access::beheerder, audit_log, Caching::body);
}

}  // namespace kompas::web
