// The sociale kaart (issue 13): frontline workers search services by words, wijk or postcode,
// term and the day they are open, and each result says how to refer someone. The same pages are
// public at /openbaar/<gemeente>/kaart when the beheerder switches that on.
#include "domain/map_records.h"
#include "domain/map_upkeep.h"
#include "domain/text.h"
#include "store/areas_store.h"
#include "store/coalitions_store.h"
#include "store/conversation_card_store.h"
#include "web/core/url.h"
#include "web/deskundigheid/map_views.h"
#include "web/deskundigheid/pages.h"
#include "web/ui/addresses.h"
#include "web/ui/listing.h"

namespace kompas::web {
namespace {

constexpr std::size_t kResultsPerPage = 20;
constexpr std::array<const char*, 7> kWeekdays = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

// The address word of a facet of the own taxonomy: ?doelgroep=65plus&mate=ernstig.
std::string facet_param(const std::string& facet) {
  if (facet == "target_group") return "doelgroep";
  if (facet == "degree") return "mate";
  if (facet == "element") return "steun";
  return "soort";
}

std::string weekday_names(Ctx& ctx, const std::vector<std::string>& days) {
  std::string out;
  for (const auto* day : kWeekdays)
    if (std::find(days.begin(), days.end(), day) != days.end())
      out += (out.empty() ? "" : ", ") + ctx.t(std::string("weekday.") + day);
  return out;
}

std::string served_areas(Ctx& ctx, const domain::MapService& s,
                         const std::map<std::string, std::string>& names) {
  if (s.area_codes.empty() && s.postcodes.empty()) return ctx.t("map.everywhere");
  std::string out;
  for (const auto& code : s.area_codes) {
    const auto found = names.find(code);
    out += (out.empty() ? "" : ", ") + (found == names.end() ? code : found->second);
  }
  // "postcodegebied 9902", never a bare number.
  for (const auto& postcode : s.postcodes)
    out += (out.empty() ? "" : ", ") + ctx.tf("map.postcode_area", {{"postcode", postcode}});
  return out;
}

nlohmann::json referral_view(const domain::MapReferral& r) {
  return {{"contact", r.contact},
          {"phone", r.phone},
          {"phone_href", tel_href(r.phone)},
          {"email", r.email},
          {"how", r.how},
          {"any", !(r.contact.empty() && r.phone.empty() && r.email.empty() && r.how.empty())}};
}

void search_page(Ctx& ctx, const MapPlace& place) {
  const auto map = social_map(ctx.app, place.coalition.id);
  const auto names = [&] {
    store::Connection conn(ctx.app.db());
    return store::area_names(conn.sql(), place.coalition.id);
  }();
  domain::MapQuery query;
  query.text = domain::utf8_prefix(ctx.query("q"), 200);
  query.active_only = true;
  std::string problem;
  if (const auto wijk = ctx.query("wijk"); !wijk.empty()) {
    if (names.contains(wijk))
      query.area_code = wijk;
    else
      problem = ctx.t("map.unknown_wijk");
  }
  const auto typed_postcode = domain::utf8_prefix(ctx.query("postcode"), 20);
  if (!typed_postcode.empty()) {
    const auto postcode = domain::read_postcode(typed_postcode);
    if (!postcode)
      problem = ctx.t("map.bad_postcode");
    else if (!map->knows_postcode(*postcode))
      problem = ctx.tf("map.unknown_postcode",
                       {{"postcode", *postcode}, {"gemeente", place.coalition.name}});
    else
      query.postcode = *postcode;
  }
  const auto day = ctx.query("dag");
  if (std::find(kWeekdays.begin(), kWeekdays.end(), day) != kWeekdays.end()) query.weekday = day;
  // The own taxonomy's facets by their words (?mate=ernstig), any other term by its id.
  nlohmann::json facets = nlohmann::json::array();
  for (const auto& facet : domain::map_facets()) {
    const auto chosen = ctx.query(facet_param(facet.code));
    nlohmann::json options = nlohmann::json::array(
        {{{"value", ""}, {"label", ctx.t("map.any_" + facet.code)}, {"selected", false}}});
    for (const auto& word : facet.words) {
      options.push_back({{"value", word},
                         {"label", ctx.t(facet.code + "." + word)},
                         {"selected", word == chosen}});
      if (word == chosen) query.term_ids.push_back(domain::own_term_id(facet.code, word));
    }
    facets.push_back({{"name", facet_param(facet.code)},
                      {"label", ctx.t("map.facet." + facet.code)},
                      {"options", options}});
  }
  if (const auto term = ctx.query("term"); !term.empty()) query.term_ids.push_back(term);

  const bool searched = !query.text.empty() || !query.area_code.empty() ||
                        !query.postcode.empty() || !query.weekday.empty() ||
                        !query.term_ids.empty();
  const auto found =
      problem.empty() ? map->search(query) : std::vector<const domain::MapService*>{};
  const auto page = choose_page(ctx, found.size(), kResultsPerPage);
  nlohmann::json results = nlohmann::json::array();
  for (auto i = page.first; i < page.end; ++i) {
    const auto& s = *found[i];
    results.push_back({{"href", service_href(place, s.record->id)},
                       {"name", s.name},
                       {"organization", s.organization},
                       {"summary", domain::cut_between_words(s.description, 220)},
                       {"areas", served_areas(ctx, s, names)},
                       {"days", weekday_names(ctx, s.weekdays)},
                       {"stale", stale_note(ctx, s)},
                       {"referral", referral_view(s.referral)}});
  }
  nlohmann::json wijken = nlohmann::json::array(
      {{{"value", ""}, {"label", ctx.t("map.any_wijk")}, {"selected", false}}});
  for (const auto& [code, name] : names)
    if (code.starts_with("WK"))
      wijken.push_back({{"value", code}, {"label", name}, {"selected", code == query.area_code}});
  nlohmann::json days = nlohmann::json::array(
      {{{"value", ""}, {"label", ctx.t("map.any_day")}, {"selected", false}}});
  for (const auto* d : kWeekdays)
    days.push_back({{"value", d},
                    {"label", ctx.t(std::string("weekday.") + d)},
                    {"selected", query.weekday == d}});
  nlohmann::json terms = nlohmann::json::array(
      {{{"value", ""}, {"label", ctx.t("map.any_term")}, {"selected", false}}});
  for (const auto* term : map->directory().of("taxonomy_term"))
    if (term->text("taxonomy_id") != domain::kOwnTaxonomyId)
      terms.push_back({{"value", term->id},
                       {"label", term->text("name")},
                       {"selected", term->id == ctx.query("term")}});

  // The same search on the next page: every field but the page number.
  std::string link = place.base + "?q=" + encode_query_param(query.text) +
                     "&wijk=" + encode_query_param(query.area_code) +
                     "&postcode=" + encode_query_param(typed_postcode) + "&dag=" + query.weekday +
                     "&term=" + encode_query_param(ctx.query("term"));
  for (const auto& facet : domain::map_facets())
    link += "&" + facet_param(facet.code) + "=" +
            encode_query_param(ctx.query(facet_param(facet.code)));
  link += "&pagina=";
  ctx.page(
      "deskundigheid/map", ctx.t("map.title"),
      {{"base", place.base},
       {"is_public", place.is_public},
       {"q", query.text},
       {"postcode", typed_postcode},
       {"wijken", wijken},
       {"days", days},
       {"terms", terms},
       {"facets", facets},
       {"has_terms", terms.size() > 1},
       {"problem", problem.empty() ? nlohmann::json() : nlohmann::json(problem)},
       {"searched", searched},
       {"count",
        found.empty() ? ctx.t("map.count_none")
        : found.size() == 1
            ? ctx.t("map.count_one")
            : ctx.tf("map.count", {{"count", ctx.number(static_cast<long long>(found.size()))}})},
       {"results", results},
       {"can_download", !place.is_public},
       {"can_import", !place.is_public && ctx.me().is_beheerder()},
       {"can_keep", !place.is_public && domain::can_add_work(ctx.me().person)},
       {"total", ctx.tf("map.total",
                        {{"count", ctx.number(static_cast<long long>(map->services().size()))}})},
       {"pager", pager(ctx, link, page.page, page.pages)}});
}

// An own term in the reader's language (its code is the message key); others as they came.
std::string term_name(Ctx& ctx, const domain::hsds::Record& term) {
  if (term.text("taxonomy_id") == domain::kOwnTaxonomyId) {
    const auto key = term.text("code");
    if (ctx.app.catalogue().has(ctx.lang, key)) return ctx.t(key);
  }
  return term.text("name");
}

std::string address_text(const domain::hsds::Record& a) {
  std::string out = a.text("address_1");
  for (const char* field : {"address_2", "postal_code", "city"})
    if (!a.text(field).empty()) out += (out.empty() ? "" : ", ") + a.text(field);
  return out;
}

nlohmann::json schedule_view(Ctx& ctx, const domain::hsds::Record& s) {
  const auto days = domain::weekdays_of(s);
  std::string times;
  if (!s.text("opens_at").empty())
    times = s.text("opens_at").substr(0, 5) + "–" + s.text("closes_at").substr(0, 5);
  return {
      {"days", weekday_names(ctx, days)}, {"times", times}, {"description", s.text("description")}};
}

void service_page(Ctx& ctx, const MapPlace& place) {
  const auto map = social_map(ctx.app, place.coalition.id);
  const auto* s = &service_of_address(ctx, place, *map);
  const auto& d = map->directory();
  const auto& r = *s->record;
  nlohmann::json locations = nlohmann::json::array();
  nlohmann::json schedules = nlohmann::json::array();
  for (const auto* sch : d.children(domain::hsds::nesting("service", "schedules"), r.id))
    schedules.push_back(schedule_view(ctx, *sch));
  for (const auto* sal :
       d.children(domain::hsds::nesting("service", "service_at_locations"), r.id)) {
    for (const auto* sch :
         d.children(domain::hsds::nesting("service_at_location", "schedules"), sal->id))
      schedules.push_back(schedule_view(ctx, *sch));
    const auto* loc = d.find("location", sal->text("location_id"));
    if (!loc) continue;
    std::string address;
    for (const auto* a : d.children(domain::hsds::nesting("location", "addresses"), loc->id))
      if (address.empty()) address = address_text(*a);
    locations.push_back({{"name", loc->text("name")},
                         {"address", address},
                         {"transport", loc->text("transportation")}});
  }
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& id : s->term_ids)
    if (const auto* term = d.find("taxonomy_term", id)) terms.push_back(term_name(ctx, *term));
  const auto [names, on_card] = [&] {
    store::Connection conn(ctx.app.db());
    const auto chosen = store::card_service_ids(conn.sql(), place.coalition.id);
    return std::pair{store::area_names(conn.sql(), place.coalition.id),
                     std::find(chosen.begin(), chosen.end(), r.id) != chosen.end()};
  }();
  // The beheerder puts a place on the gesprekskaart from here; its owner confirms it is right.
  nlohmann::json card, keep;
  if (!place.is_public && ctx.me().is_beheerder())
    card = {{"id", r.id}, {"on_card", on_card}, {"csrf", ctx.me().csrf_token}};
  if (!place.is_public && may_keep(ctx, *s))
    keep = {{"confirm_href", service_href(place, r.id) + "/klopt-nog"},
            {"edit_href", service_href(place, r.id) + "/bewerken"},
            {"csrf", ctx.me().csrf_token}};
  const auto complete = domain::completeness(*s, today_date());
  ctx.page("deskundigheid/map_service", service_title(*s),
           {{"name", s->name},
            {"back", place.base},
            {"organization", s->organization},
            {"description", s->description},
            {"alert", r.text("alert")},
            {"referral", referral_view(s->referral)},
            {"url", web_address(r.text("url"))},
            {"eligibility", r.text("eligibility_description")},
            {"fees", r.text("fees_description")},
            {"areas", served_areas(ctx, *s, names)},
            {"locations", locations},
            {"schedules", schedules},
            {"has_schedules", !schedules.empty()},
            {"terms", terms},
            {"has_terms", !terms.empty()},
            {"card", card},
            {"keep", keep},
            {"keeper", keeper_view(ctx, place, *s)},
            {"stale", stale_note(ctx, *s)},
            {"completeness", completeness_view(ctx, complete)},
            {"correct_href", service_href(place, r.id) + "/klopt-niet"},
            {"assured", s->assured_date.empty() ? nlohmann::json()
                                                : nlohmann::json(ctx.date(s->assured_date))},
            {"api_href", place.coalition.public_map
                             ? nlohmann::json("/api/hsds/" + place.coalition.gemeente_code +
                                              "/services/" + encode_query_param(r.id))
                             : nlohmann::json()}});
}

}  // namespace

void register_map_pages(App& app) {
  app.get(
      "/deskundigheid/kaart", Access::signed_in,
      [](Ctx& ctx) { search_page(ctx, signed_in_place(ctx)); }, Caching::body);
  app.get(R"(/deskundigheid/kaart/dienst/([A-Za-z0-9._:-]{1,100}))", Access::signed_in,
          [](Ctx& ctx) { service_page(ctx, signed_in_place(ctx)); }, Caching::body);
  app.get(R"(/openbaar/(GM\d{4})/kaart)", Access::anyone,
          [](Ctx& ctx) { search_page(ctx, public_place(ctx)); });
  app.get(R"(/openbaar/(GM\d{4})/kaart/dienst/([A-Za-z0-9._:-]{1,100}))", Access::anyone,
          [](Ctx& ctx) { service_page(ctx, public_place(ctx)); });
}

}  // namespace kompas::web
