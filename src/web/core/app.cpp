#include "web/core/app.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>
#include <iterator>
#include <thread>

#include "domain/numbers.h"
#include "domain/text.h"
#include "domain/validation.h"
#include "store/api_tokens_store.h"
#include "store/coalitions_store.h"
#include "store/secrets.h"
#include "store/storage_full.h"
#include "web/core/cached_response.h"
#include "web/core/cookies.h"
#include "web/core/date_text.h"
#include "web/core/layout.h"
#include "web/core/section.h"
#include "web/core/url.h"

namespace kompas::web {
namespace {
std::optional<Viewer> load_viewer(store::Database& db, const Request& req,
                                  const store::SessionPolicy& policy);
}  // namespace

const std::string& Ctx::t(const std::string& key) const {
  return app.catalogue().text(lang, key);
}

std::string Ctx::tf(const std::string& key, const std::map<std::string, std::string>& p) const {
  return app.catalogue().format(lang, key, p);
}

std::string Ctx::number(long long value) const {
  return domain::format_grouped(static_cast<double>(value), decimal_separator(), 0);
}

namespace {

bool from_trusted_proxy(const Ctx& ctx) {
  const auto& proxies = ctx.app.config().trusted_proxies;
  return std::find(proxies.begin(), proxies.end(), ctx.req.remote_addr) != proxies.end();
}

}  // namespace

std::string Ctx::form_token() {
  if (viewer) return viewer->csrf_token;
  auto token = cookie(req, kFormCookie);
  if (token.empty()) {
    token = store::random_token();
    set_cookie(res, is_https(), kFormCookie, token, 0);
  }
  return token;
}

bool Ctx::is_https() const {
  return from_trusted_proxy(*this) && req.get_header_value("X-Forwarded-Proto") == "https";
}

std::string Ctx::client_address() const {
  if (!from_trusted_proxy(*this)) return req.remote_addr;
  // The last header line and its last entry are the proxy's own; earlier ones the client's.
  const auto [begin, end] = req.headers.equal_range("X-Forwarded-For");
  if (begin == end) return req.remote_addr;
  const std::string& forwarded = std::prev(end)->second;
  const auto comma = forwarded.rfind(',');
  const auto address =
      domain::trim(comma == std::string::npos ? forwarded : forwarded.substr(comma + 1));
  return address.empty() ? req.remote_addr : address;
}

std::string Ctx::date(const std::string& iso) const {
  return date_text(app.catalogue(), lang, iso);
}

std::string Ctx::date_time(long long seconds) const {
  std::time_t time = seconds;
  std::tm tm{};
  localtime_r(&time, &tm);
  char iso[16], clock[8];
  std::strftime(iso, sizeof iso, "%Y-%m-%d", &tm);
  std::strftime(clock, sizeof clock, "%H:%M", &tm);
  return date(iso) + ", " + clock;
}

std::string Ctx::field(const std::string& name) const {
  if (req.is_multipart_form_data())
    return req.has_file(name) ? req.get_file_value(name).content : "";
  return req.has_param(name) ? req.get_param_value(name) : "";
}

std::string Ctx::query(const std::string& name) const {
  return req.has_param(name) ? req.get_param_value(name) : "";
}

void Ctx::json_error(int status, const std::string& message_key) {
  res.status = status;
  res.set_content(nlohmann::json{{"error", t(message_key)}}.dump(), "application/json");
}

void Ctx::page(const std::string& view, const std::string& title, nlohmann::json data, int status) {
  res.status = status;
  const auto body = app.views().render(lang, view, data);
  if (!cache_key.empty() && status == 200) {
    auto cached = CachedBody::make(viewer->data_version, title, body, viewer->csrf_token);
    app.body_cache().store(cache_key, cached);
    return send_cached_body(*this, std::move(cached));
  }
  // A form sent back with its problems says so first in the title, which a screen reader
  // reads before anything else (WCAG 3.3.1; the error summary takes the focus).
  const bool refused_form = req.method == "POST" && (status == 422 || status == 409);
  res.set_content(render_layout(*this, refused_form ? t("page.error_prefix") + title : title, body),
                  "text/html; charset=utf-8");
}

void Ctx::redirect(const std::string& location) {
  res.status = 303;
  res.set_header("Location", location);
}

void Ctx::redirect_with_notice(const std::string& location, const std::string& notice_key) {
  // The notice belongs in the query, before any "#fragment" (after it, the browser keeps it).
  const auto hash = location.find('#');
  const auto path = location.substr(0, hash);
  const auto fragment = hash == std::string::npos ? "" : location.substr(hash);
  redirect(path + (path.find('?') == std::string::npos ? "?" : "&") + "melding=" + notice_key +
           fragment);
}

void Ctx::error_page(int status, const std::string& message_key) {
  page("error", t("error.title." + std::to_string(status)),
       {{"status", status}, {"message", t(message_key)}}, status);
}

namespace {

ServerSettings server_settings(const Config& config) {
  auto settings = config.server;
  settings.unlimited_addresses.insert(settings.unlimited_addresses.end(),
                                      config.trusted_proxies.begin(), config.trusted_proxies.end());
  return settings;
}

// Sent with every answer: pages, files and errors alike.
void add_security_headers(Response& res) {
  res.set_header("Content-Security-Policy",
                 "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                 "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "same-origin");
  res.set_header("Cross-Origin-Opener-Policy", "same-origin");
}

// The part of a pattern before its first regular-expression character: a cheap first test.
std::string literal_prefix(const std::string& pattern) {
  return pattern.substr(0, pattern.find_first_of("()[]\\.*+?{}|^$"));
}

}  // namespace

App::App(store::Database& db, Config config)
    : db_(db),
      config_(std::move(config)),
      views_(catalogue_),
      server_(
          server_settings(config_), [this](Request& req, Response& res) { dispatch(req, res); },
          [this](const Request& req, Response& res) { refuse(req, res); }) {
  static_files_.load(config_.static_dir);
  for (const auto& section : sections()) section.register_routes(*this);
}

App::~App() {
  stop();
}

bool App::listen(const std::string& host, int port) {
  if (bind_port(host, port) < 0) return false;
  return listen_after_bind();
}

int App::bind_any_port(const std::string& host) {
  return bind_port(host, 0);
}

int App::bind_port(const std::string& host, int port) {
  port_ = server_.bind(host, port);
  return port_;
}

bool App::listen_after_bind() {
  if (port_ < 0) return false;
  warmer_.start([this](long long coalition_id) {
    for (const auto& section : sections())
      if (section.warm) section.warm(*this, coalition_id);
  });
  try {  // the start does not wait for the database: pages compute what was not done ahead
    store::Connection conn(db_);
    for (const auto& coalition : store::list_coalitions(conn.sql())) warmer_.request(coalition.id);
  } catch (const std::exception& e) {
    spdlog::warn("computing ahead at the start: {}", store::describe_for_log(e));
  }
  server_.run();
  return true;
}

void App::stop() {
  server_.stop();
  warmer_.stop();
}

void App::wait_until_ready() const {
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void App::dispatch(Request& req, Response& res) {
  add_security_headers(res);
  const bool is_post = req.method == "POST";
  if (!is_post && req.method != "GET" && req.method != "HEAD") {
    res.status = 405;
    res.set_header("Allow", "GET, HEAD, POST");
    return refuse(req, res);
  }
  if (!is_post && req.path.starts_with("/static/") && static_files_.serve(req, res)) return;
  for (const auto& route : handlers_) {
    if (route.is_post != is_post) continue;
    if (!route.regex) {
      if (req.path != route.pattern) continue;
      req.matches = {req.path};
    } else {
      std::smatch match;
      if (!req.path.starts_with(route.prefix) || !std::regex_match(req.path, match, *route.regex))
        continue;
      req.matches.assign(match.begin(), match.end());
    }
    return route.handler(req, res);
  }
  res.status = 404;
  refuse(req, res);
}

// An error page for what no handler answered: an unknown page, or a request the server refused
// (too slow, too large, too many headers, too many connections).
void App::refuse(const Request& req, Response& res) {
  add_security_headers(res);
  res.set_header("Cache-Control", "no-store");
  Ctx ctx{*this, req, res};
  ctx.lang = parse_lang(cookie(req, "taal"));
  const int status = res.status;
  // A signed-in person who typed too much or followed a wrong link keeps the menu; for the
  // other refusals the database is not asked (it may be what is unreachable, or under attack).
  if (status == 404 || status == 405 || status == 413) {
    try {
      ctx.viewer = load_viewer(db_, req, config_.sessions);
    } catch (const std::exception&) {
      ctx.viewer.reset();
    }
  }
  const auto size_text = [](std::size_t bytes) {
    return bytes >= (1u << 20) ? std::to_string(bytes >> 20) + " MB"
                               : std::to_string(std::max<std::size_t>(bytes >> 10, 1)) + " kB";
  };
  if (status == 413) {
    const bool upload = req.is_multipart_form_data();
    const auto limit = upload ? config_.server.max_upload_bytes : config_.server.max_form_bytes;
    const auto title = ctx.t("error.title.413");
    return ctx.page("error", title,
                    {{"status", status},
                     {"message", ctx.tf(upload ? "error.too_large_upload" : "error.too_large_form",
                                        {{"size", size_text(limit)}})}},
                    status);
  }
  const std::string key = status == 404   ? "error.not_found"
                          : status == 400 ? "error.bad_request"
                          : status == 405 ? "error.method"
                          : status == 408 ? "error.too_slow"
                          : status == 414 ? "error.url_too_long"
                          : status == 431 ? "error.too_many_headers"
                          : status == 503 ? "error.busy"
                                          : "error.server";
  ctx.error_page(status, key);
}

void App::get(const std::string& pattern, Access access, Handler handler, Caching caching) {
  route(false, pattern, access, std::move(handler), caching);
}

void App::post(const std::string& pattern, Access access, Handler handler) {
  route(true, pattern, access, std::move(handler), Caching::none);
}

namespace {

std::optional<Viewer> load_viewer(store::Database& db, const Request& req,
                                  const store::SessionPolicy& policy) {
  const auto token = cookie(req, kSessionCookie);
  if (token.empty()) return std::nullopt;
  store::Connection conn(db);
  auto session = store::find_session(conn, token, policy);
  if (!session) return std::nullopt;
  return Viewer{std::move(session->person), std::move(session->coalition),
                std::move(session->csrf_token), session->data_version};
}

}  // namespace

std::optional<Viewer> api_viewer(store::Database& db, const Request& req) {
  const auto header = req.get_header_value("Authorization");
  if (!header.starts_with("Bearer ") || header.size() > 200) return std::nullopt;
  store::Connection conn(db);
  auto found = store::find_api_token(conn.sql(), header.substr(7));
  if (!found) return std::nullopt;
  return Viewer{std::move(found->person), std::move(found->coalition), "", found->data_version};
}

namespace {

bool is_form_content(const Request& req) {
  const auto type = req.get_header_value("Content-Type");
  return type.starts_with("application/x-www-form-urlencoded") ||
         type.starts_with("multipart/form-data");
}

// Every field of the query and the form is text (UTF-8); an uploaded file is checked by what
// reads it (a CSV may be Windows-1252). Checked once here, so no handler stores or renders
// bytes that are not text, and no page fails on them.
bool fields_are_text(const Request& req) {
  for (const auto& [name, value] : req.params)
    if (!domain::is_valid_utf8(name) || !domain::is_valid_utf8(value)) return false;
  for (const auto& [name, part] : req.files)
    if (!domain::is_valid_utf8(name) ||
        (part.filename.empty() && !domain::is_valid_utf8(part.content)))
      return false;
  return true;
}

// A form posted after the session ended (WCAG 2.2.1): nothing is saved, and the answer is the
// sign-in page carrying what was typed (as "herhaal.<field>", files excepted) and where it was
// going ("herhaal"), so it can be saved once the person is back (web/account/auth_pages.cpp).
void ask_to_sign_in_again(Ctx& ctx, const std::function<void(Request&, Response&)>& dispatch) {
  Request login;
  login.method = "GET";
  login.target = login.path = "/inloggen";
  login.headers = ctx.req.headers;  // the language cookie
  login.remote_addr = ctx.req.remote_addr;
  for (const auto& [name, value] : ctx.req.params)
    if (name != "_csrf") login.params.emplace("herhaal." + name, value);
  login.params.emplace("herhaal", ctx.req.target);
  dispatch(login, ctx.res);
  ctx.res.status = 401;
}

// Everything a cached body may depend on besides the data version; the day too, because what
// is overdue changes at midnight.
std::string body_cache_key(const Ctx& ctx, Caching caching) {
  const auto& person = ctx.viewer->person;
  return std::to_string(ctx.viewer->coalition.id) + '|' + lang_code(ctx.lang) + '|' +
         domain::word(person.role) + '|' + std::to_string(person.partner_id.value_or(0)) + '|' +
         (caching == Caching::per_person ? std::to_string(person.id) : "") + '|' +
         std::to_string(std::time(nullptr) / 86400) + '|' + ctx.req.target;
}

}  // namespace

void App::route(bool is_post, const std::string& pattern, Access access, Handler handler,
                Caching caching) {
  // A second handler for the same route would never be reached: a programming error.
  for (const auto& known : routes_)
    if (known.pattern == pattern && (known.method == "POST") == is_post)
      throw std::logic_error("route registered twice: " + pattern);
  routes_.push_back({is_post ? "POST" : "GET", pattern, access});
  auto wrapped = [this, is_post, access, caching, handler = std::move(handler)](const Request& req,
                                                                                Response& res) {
    Ctx ctx{*this, req, res};
    ctx.lang = parse_lang(cookie(req, "taal"));
    res.set_header("Cache-Control", "no-store");
    try {
      if (!is_post && !fields_are_text(req)) throw HttpError{400, "error.not_text"};
      if (access == Access::api) {
        ctx.viewer = api_viewer(db_, req);
        if (!ctx.viewer) {
          res.set_header("WWW-Authenticate", "Bearer");
          return ctx.json_error(401, "api.error.token");
        }
        return handler(ctx);
      }
      ctx.viewer = load_viewer(db_, req, config_.sessions);
      if (access != Access::anyone && !ctx.viewer) {
        if (is_post)
          return ask_to_sign_in_again(ctx, [this](Request& q, Response& r) { dispatch(q, r); });
        ctx.redirect("/inloggen?terug=" + encode_query_param(req.target));
        return;
      }
      if (access == Access::beheerder && !ctx.viewer->is_beheerder()) forbidden();
      if (access == Access::editor && !domain::can_add_work(ctx.viewer->person)) forbidden();
      if (is_post) {
        if (!is_form_content(req)) throw HttpError{415, "error.content_type"};
        if (!fields_are_text(req)) throw HttpError{422, "error.not_text"};
        // Signed-in forms carry the session's token; the login form a double-submit cookie.
        const auto expected = ctx.viewer ? ctx.viewer->csrf_token : cookie(req, kFormCookie);
        if (expected.empty() || !store::equal_in_constant_time(ctx.field("_csrf"), expected))
          throw HttpError{403, "error.csrf"};
      }
      if (caching != Caching::none && ctx.viewer) {
        ctx.cache_key = body_cache_key(ctx, caching);
        if (auto hit = body_cache_.find(ctx.cache_key, ctx.viewer->data_version))
          return send_cached_body(ctx, std::move(hit));
      }
      handler(ctx);
      // A form that was saved changed the coalition: what takes long is computed ahead.
      if (is_post && res.status == 303 && ctx.viewer) warmer_.request(ctx.viewer->coalition.id);
    } catch (const HttpError& e) {
      // What the handler set before it gave up (a Location, a gzip encoding) must not stay.
      res = Response{};
      add_security_headers(res);
      res.set_header("Cache-Control", "no-store");
      if (access == Access::api) return ctx.json_error(e.status, e.message_key);
      ctx.error_page(e.status, e.message_key);
    } catch (const std::exception& e) {
      // While the database cannot be reached, say so and when to try again, not "an error".
      res = Response{};
      add_security_headers(res);
      res.set_header("Cache-Control", "no-store");
      const bool full = store::is_storage_full(e);
      const int status = full ? 507 : db_.is_outage(e) ? 503 : 500;
      if (full) {
        spdlog::error("{} {}: storage full: {}", req.method, loggable_target(req),
                      store::describe_for_log(e));
      } else if (status == 503) {
        spdlog::warn("{} {}: database unreachable: {}", req.method, loggable_target(req),
                     store::describe_for_log(e));
        res.set_header("Retry-After", "10");
      } else {
        spdlog::error("{} {}: {}", req.method, loggable_target(req), store::describe_for_log(e));
      }
      ctx.cache_key.clear();
      const auto key = full            ? "error.storage_full"
                       : status == 503 ? "error.database_unreachable"
                                       : "error.server";
      if (access == Access::api) return ctx.json_error(status, key);
      ctx.error_page(status, key);
    }
  };
  const bool plain = literal_prefix(pattern) == pattern;
  handlers_.push_back({is_post, pattern, literal_prefix(pattern),
                       plain ? std::nullopt : std::optional<std::regex>(pattern),
                       std::move(wrapped)});
}

}  // namespace kompas::web
