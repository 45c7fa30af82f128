#include "web/signaalpunt/signal_views.h"

#include "domain/text.h"
#include "store/areas_store.h"
#include "store/partners_store.h"
#include "web/ui/input.h"

namespace kompas::web {

const store::SignalKey& signal_key(const Ctx& ctx) {
  const auto& key = ctx.app.config().signal_key;
  if (!key) throw HttpError{503, "signal.no_key"};
  return *key;
}

std::vector<std::pair<std::string, std::string>> wijk_options(Ctx& ctx, long long coalition_id) {
  std::vector<std::pair<std::string, std::string>> out;
  store::Connection conn(ctx.app.db());
  for (const auto& area : store::list_areas(conn.sql(), coalition_id))
    if (area.level == domain::AreaLevel::wijk) out.emplace_back(area.code, area.name);
  return out;
}

std::map<long long, std::string> partner_names(Ctx& ctx, long long coalition_id) {
  std::map<long long, std::string> out;
  store::Connection conn(ctx.app.db());
  for (const auto& p : store::list_partners(conn.sql(), coalition_id)) out[p.id] = p.name;
  return out;
}

std::string signal_place(const Ctx& ctx, const store::SignalSummary& signal,
                         const std::map<std::string, std::string>& wijk_names) {
  std::string out;
  if (!signal.wijk.empty()) {
    const auto name = wijk_names.find(signal.wijk);
    out = name == wijk_names.end() ? signal.wijk : name->second;
  }
  if (!signal.postcode.empty())
    out +=
        (out.empty() ? "" : ", ") + ctx.tf("signal.postcode_of", {{"postcode", signal.postcode}});
  return out;
}

std::string signal_kinds_text(const Ctx& ctx, const std::string& kinds) {
  std::string out;
  for (const auto& kind : domain::split(kinds, ','))
    if (!kind.empty()) out += (out.empty() ? "" : ", ") + ctx.t("signal.kind." + std::string(kind));
  return out;
}

std::vector<domain::SignalFact> signal_facts(const std::vector<store::SignalSummary>& signals) {
  std::vector<domain::SignalFact> facts;
  for (const auto& s : signals)
    facts.push_back({s.wijk, domain::quarter_of(local_date(s.created_at)), s.close_reason,
                     s.created_at, s.first_contact_at, s.referred_at, s.closed_at});
  return facts;
}

std::string closes_by_itself_on(const Ctx& ctx, const store::SignalSummary& signal) {
  constexpr long long day = 86400;
  if (signal.status == "afgesloten" ||
      store::now_seconds() - signal.last_step_at < domain::kSignalIdleWarningDays * day)
    return "";
  return ctx.date(local_date(signal.last_step_at + domain::kSignalIdleDays * day));
}

nlohmann::json signal_row(const Ctx& ctx, const store::SignalSummary& signal,
                          const std::map<std::string, std::string>& wijk_names) {
  return {{"number", signal.id},
          {"href", "/signaalpunt/" + std::to_string(signal.id)},
          {"date", ctx.date_time(signal.created_at)},
          {"place", signal_place(ctx, signal, wijk_names)},
          {"kinds", signal_kinds_text(ctx, signal.kinds)},
          {"status", ctx.t("signal.status." + signal.status)},
          {"is_new", signal.status == "nieuw"},
          {"closes_on", closes_by_itself_on(ctx, signal)}};
}

}  // namespace kompas::web
