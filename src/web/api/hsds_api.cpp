// The sociale kaart's HSDS 3.0 API (issue 13) under /api/hsds/<gemeente>/, as the
// specification's openapi.json describes it: the API's version, paginated lists in its Page
// object (or all at once as NDJSON) and every record fully nested. Public when the coalition
// publishes its kaart; otherwise it needs a personal API token of that coalition, as /api/v1.

#include "domain/hsds_read.h"
#include "embedded.h"
#include "store/coalitions_store.h"
#include "store/hsds_store.h"
#include "web/api/pages.h"
#include "web/deskundigheid/map_views.h"
#include "web/ui/addresses.h"

namespace kompas::web {
namespace {

using domain::hsds::Record;

struct ApiError {
  int status;
  std::string message_key;
};

struct HsdsRequest {
  Ctx& ctx;
  domain::Coalition coalition;
  std::shared_ptr<const domain::SocialMap> map;
  const domain::hsds::Directory& directory() const { return map->directory(); }
};

// The coalition of the address, when its kaart is public or the token is one of its people's.
HsdsRequest open_request(Ctx& ctx) {
  store::Connection conn(ctx.app.db());
  auto coalition = store::find_coalition_by_code(conn.sql(), ctx.path_param(1));
  if (!coalition) throw ApiError{404, "error.not_found"};
  if (!coalition->public_map) {
    const auto viewer = api_viewer(ctx.app.db(), ctx.req);
    if (!viewer || viewer->coalition.id != coalition->id) {
      ctx.res.set_header("WWW-Authenticate", "Bearer");
      throw ApiError{401, "api.error.token"};
    }
  }
  auto map = social_map(ctx.app, coalition->id);
  return {ctx, std::move(*coalition), std::move(map)};
}

void hsds_route(App& app, const std::string& path, std::function<void(HsdsRequest&)> handler) {
  app.get(R"(/api/hsds/(GM\d{4}))" + path, Access::anyone, [handler](Ctx& ctx) {
    try {
      auto request = open_request(ctx);
      handler(request);
    } catch (const ApiError& e) {
      ctx.json_error(e.status, e.message_key);
    }
  });
}

int whole_param(Ctx& ctx, const std::string& name, int fallback, int lowest, int highest) {
  const auto text = ctx.query(name);
  if (text.empty()) return fallback;
  if (text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos)
    throw ApiError{400, "api.error.whole_number"};
  const int value = std::stoi(text);
  if (value < lowest || value > highest) throw ApiError{400, "api.error.whole_number"};
  return value;
}

// A record with the records it links to one-to-one, each with its own fields: the form of the
// specification's paginated lists (a service with its organization and program).
nlohmann::ordered_json listed(const domain::hsds::Directory& d, const Record& record) {
  auto out = d.flat(record);
  for (const auto* n : record.table->nested)
    if (!n->many)
      if (const auto* child = d.find(n->child, record.text(n->field)))
        out[std::string(n->property)] = d.flat(*child);
  return out;
}

constexpr int kDefaultPerPage = 50;
constexpr int kMaximumPerPage = 1000;

// The list as the specification's Page object, or every record as one line of NDJSON.
void send_list(HsdsRequest& r, const std::vector<const Record*>& records, bool full) {
  auto& ctx = r.ctx;
  const auto& d = r.directory();
  if (ctx.query("format") == "ndjson") {
    std::string body;
    body.reserve(records.size() * 4096);  // a service with what hangs under it: ~3 kB
    for (const auto* record : records) {
      d.append_nested(body, *record);
      body += '\n';
    }
    ctx.res.set_content(std::move(body), "application/x-ndjson");
    return;
  }
  if (!ctx.query("format").empty() && ctx.query("format") != "json")
    throw ApiError{400, "api.error.format"};
  const int per_page = whole_param(ctx, "per_page", kDefaultPerPage, 1, kMaximumPerPage);
  const int page = whole_param(ctx, "page", 1, 1, 1'000'000'000);
  const auto total = static_cast<long long>(records.size());
  const long long pages = std::max<long long>(1, (total + per_page - 1) / per_page);
  nlohmann::ordered_json contents = nlohmann::ordered_json::array();
  for (long long i = static_cast<long long>(page - 1) * per_page;
       i < total && i < static_cast<long long>(page) * per_page; ++i)
    contents.push_back(full ? nlohmann::ordered_json::parse(d.nested_json(*records[i]))
                            : listed(d, *records[i]));
  nlohmann::ordered_json body = {{"total_items", total},    {"total_pages", pages},
                                 {"page_number", page},     {"size", contents.size()},
                                 {"first_page", page == 1}, {"last_page", page >= pages},
                                 {"empty", total == 0},     {"contents", std::move(contents)}};
  ctx.res.set_content(body.dump(), "application/json");
}

bool flag(Ctx& ctx, const std::string& name) {
  const auto value = ctx.query(name);
  if (value.empty() || value == "false") return false;
  if (value == "true") return true;
  throw ApiError{400, "api.error.boolean"};
}

void send_one(HsdsRequest& r, std::string_view table) {
  const auto* record = r.directory().find(table, r.ctx.path_param(2));
  if (!record) throw ApiError{404, "error.not_found"};
  r.ctx.res.set_content(r.directory().nested_json(*record), "application/json");
}

// modified_after: a date or a date and time; compared with last_modified as text, which works
// for the ISO forms the specification uses.
std::string modified_after(Ctx& ctx) {
  const auto text = ctx.query("modified_after");
  if (text.empty()) return {};
  if (!domain::hsds::is_date(text) && !domain::hsds::is_date_time(text))
    throw ApiError{400, "api.error.modified_after"};
  return text;
}

void services(HsdsRequest& r) {
  auto& ctx = r.ctx;
  domain::MapQuery query;
  query.text = ctx.query("search");
  query.organization_id = ctx.query("organization_id");
  query.taxonomy_id = ctx.query("taxonomy_id");
  if (const auto term = ctx.query("taxonomy_term_id"); !term.empty()) query.term_ids = {term};
  if (const auto typed = ctx.query("postcode"); !typed.empty()) {
    const auto postcode = domain::read_postcode(typed);
    if (!postcode) throw ApiError{400, "api.error.postcode"};
    query.postcode = *postcode;
  }
  query.modified_after = modified_after(ctx);
  if (ctx.query("format") == "ndjson" && query.text.empty() && query.organization_id.empty() &&
      query.taxonomy_id.empty() && query.term_ids.empty() && query.postcode.empty() &&
      query.modified_after.empty())
    return send_all_services(ctx, r.coalition.id);
  std::vector<const Record*> records;
  for (const auto* s : r.map->search(query)) records.push_back(s->record);
  send_list(r, records, flag(ctx, "full"));
}

// Records of a table whose words hold every typed word (name and description), in order.
std::vector<const Record*> matching(HsdsRequest& r, std::string_view table,
                                    const std::function<bool(const Record&)>& keep) {
  const auto words = domain::search_stems(r.ctx.query("search"), domain::SearchLanguage::dutch);
  std::vector<const Record*> found;
  for (const auto* record : r.directory().of(table)) {
    if (!keep(*record)) continue;
    if (!words.empty()) {
      const auto stems = domain::search_stems(
          record->text("name") + " " + record->text("description"), domain::SearchLanguage::dutch);
      if (!std::all_of(words.begin(), words.end(), [&](const std::string& w) {
            return std::find(stems.begin(), stems.end(), w) != stems.end();
          }))
        continue;
    }
    found.push_back(record);
  }
  return found;
}

}  // namespace

void register_hsds_api(App& app) {
  app.get("/api/hsds/openapi.json", Access::anyone, [](Ctx& ctx) {
    auto doc = nlohmann::ordered_json::parse(embedded::file("data/hsds/openapi.json"));
    doc["info"] = {
        {"title", "Coalitiekompas — sociale kaart (HSDS 3.0)"},
        {"version", "1.0"},
        {"description", ctx.t("hsds.api_description")},
        {"license",
         {{"name", "CC BY-SA 4.0"}, {"url", "https://creativecommons.org/licenses/by-sa/4.0/"}}}};
    // The specification's document gives /service_at_locations/{id} the service schema; its
    // own example of that answer is a service-at-location, which is what we send.
    doc["paths"]["/service_at_locations/{id}"]["get"]["responses"]["200"]["content"]
       ["application/json"]["schema"]["$ref"] =
           "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/"
           "service_at_location.json";
    ctx.res.set_content(doc.dump(), "application/json");
  });
  hsds_route(app, "/?", [](HsdsRequest& r) {
    const auto base = site_address(r.ctx);
    nlohmann::ordered_json body = {{"version", domain::hsds::kVersion},
                                   {"openapi_url", base + "/api/hsds/openapi.json"}};
    r.ctx.res.set_content(body.dump(), "application/json");
  });
  hsds_route(app, "/services", services);
  const std::string id = "/([A-Za-z0-9._:-]{1,100})";
  hsds_route(app, "/services" + id, [](HsdsRequest& r) { send_one(r, "service"); });
  hsds_route(app, "/organizations", [](HsdsRequest& r) {
    const bool full = flag(r.ctx, "full") || flag(r.ctx, "full_service");
    send_list(r, matching(r, "organization", [](const Record&) { return true; }), full);
  });
  hsds_route(app, "/organizations" + id, [](HsdsRequest& r) { send_one(r, "organization"); });
  hsds_route(app, "/taxonomies", [](HsdsRequest& r) {
    send_list(r, matching(r, "taxonomy", [](const Record&) { return true; }), false);
  });
  hsds_route(app, "/taxonomies" + id, [](HsdsRequest& r) { send_one(r, "taxonomy"); });
  hsds_route(app, "/taxonomy_terms", [](HsdsRequest& r) {
    auto& ctx = r.ctx;
    const auto taxonomy = ctx.query("taxonomy_id");
    const auto parent = ctx.query("parent_id");
    const bool top_only = flag(ctx, "top_only");
    send_list(r,
              matching(r, "taxonomy_term",
                       [&](const Record& term) {
                         return (taxonomy.empty() || term.text("taxonomy_id") == taxonomy) &&
                                (parent.empty() || term.text("parent_id") == parent) &&
                                (!top_only || term.text("parent_id").empty());
                       }),
              false);
  });
  hsds_route(app, "/taxonomy_terms" + id, [](HsdsRequest& r) { send_one(r, "taxonomy_term"); });
  hsds_route(app, "/service_at_locations", [](HsdsRequest& r) {
    auto& ctx = r.ctx;
    const auto service = ctx.query("service_id");
    const auto location = ctx.query("location_id");
    send_list(r,
              matching(r, "service_at_location",
                       [&](const Record& sal) {
                         return (service.empty() || sal.text("service_id") == service) &&
                                (location.empty() || sal.text("location_id") == location);
                       }),
              flag(ctx, "full"));
  });
  hsds_route(app, "/service_at_locations" + id,
             [](HsdsRequest& r) { send_one(r, "service_at_location"); });
}

}  // namespace kompas::web
