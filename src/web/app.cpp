#include "web/app.h"

#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <ctime>
#include <iterator>

#include "domain/numbers.h"
#include "domain/text.h"
#include "domain/validation.h"
#include "store/api_tokens_store.h"
#include "store/secrets.h"
#include "web/cached_response.h"
#include "web/cookies.h"
#include "web/layout.h"

namespace kompas::web {
namespace {
std::optional<Viewer> load_viewer(store::Database& db, const httplib::Request& req,
                                  const store::SessionPolicy& policy);
std::optional<Viewer> load_api_viewer(store::Database& db, const httplib::Request& req);
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
  if (!domain::is_valid_date(iso)) return iso;
  return std::to_string(std::stoi(iso.substr(8, 2))) + " " +
         t("month." + std::to_string(std::stoi(iso.substr(5, 2)))) + " " + iso.substr(0, 4);
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
  res.set_content(render_layout(*this, title, body), "text/html; charset=utf-8");
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

App::App(store::Database& db, Config config)
    : db_(db), config_(std::move(config)), views_(catalogue_) {
  server_.set_tcp_nodelay(true);  // otherwise each response waits ~40 ms for Nagle
  server_.set_socket_options([this](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket_ = sock;
  });
  server_.set_keep_alive_max_count(10000);
  server_.set_payload_max_length(config_.max_body_bytes);
  const auto threads = config_.threads;
  server_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  install_middleware();
  register_routes(*this);
}

App::~App() {
  stop();
}

bool App::listen(const std::string& host, int port) {
  if (!server_.bind_to_port(host, port)) return false;
  widen_backlog();
  return server_.listen_after_bind();
}

int App::bind_any_port(const std::string& host) {
  const int port = server_.bind_to_any_port(host);
  widen_backlog();
  return port;
}

// cpp-httplib listens with a backlog of 5, so a burst of new connections overflows the queue
// and waits for TCP retransmits (200 ms and more). Listening again on the bound socket widens it.
void App::widen_backlog() {
  if (listen_socket_ >= 0) ::listen(listen_socket_, SOMAXCONN);
}
bool App::listen_after_bind() {
  return server_.listen_after_bind();
}
void App::stop() {
  if (server_.is_running()) server_.stop();
}
void App::wait_until_ready() const {
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void App::install_middleware() {
  // The packaged cpp-httplib compresses with brotli at its slowest setting (tens of ms for a
  // list page); gzip is almost as small and a hundred times cheaper. The request is ours to
  // change here: httplib hands it to this hook before it decides how to compress.
  server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    // No browser sends more than a few dozen headers; thousands are an attack on our time.
    if (req.headers.size() > config_.max_header_count) {
      Ctx ctx{*this, req, res};
      ctx.error_page(431, "error.too_many_headers");
      return httplib::Server::HandlerResponse::Handled;
    }
    auto& headers = const_cast<httplib::Request&>(req).headers;
    const auto it = headers.find("Accept-Encoding");
    if (it != headers.end() && it->second.find("br") != std::string::npos) {
      std::string kept;
      std::size_t pos = 0;
      while (pos <= it->second.size()) {
        auto end = it->second.find(',', pos);
        if (end == std::string::npos) end = it->second.size();
        auto item = it->second.substr(pos, end - pos);
        item.erase(0, item.find_first_not_of(' '));
        if (!item.starts_with("br")) kept += (kept.empty() ? "" : ", ") + item;
        pos = end + 1;
      }
      it->second = kept;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Sent with every response, pages, files and errors alike.
  server_.set_default_headers({
      {"Content-Security-Policy",
       "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "same-origin"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
  });
  if (!config_.static_dir.empty()) server_.set_mount_point("/static", config_.static_dir);
  server_.set_file_request_handler([](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "public, max-age=3600");
  });
  // Errors that never reached a handler (unknown route, body too large) get a page too.
  server_.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        Ctx ctx{*this, req, res};
        ctx.lang = parse_lang(cookie(req, "taal"));
        const int status = res.status;
        const std::string key = status == 404   ? "error.not_found"
                                : status == 413 ? "error.too_large"
                                : status == 400 ? "error.bad_request"
                                                : "error.server";
        ctx.error_page(status, key);
        return httplib::Server::HandlerResponse::Handled;
      }));
  server_.set_exception_handler(
      [this](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
        try {
          if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
          spdlog::error("{} {}: {}", req.method, req.path, e.what());
        }
        res.status = 500;
        res.body.clear();
      });
}

void App::get(const std::string& pattern, Access access, Handler handler, Caching caching) {
  route(false, pattern, access, std::move(handler), caching);
}

void App::post(const std::string& pattern, Access access, Handler handler) {
  route(true, pattern, access, std::move(handler), Caching::none);
}

namespace {

std::optional<Viewer> load_viewer(store::Database& db, const httplib::Request& req,
                                  const store::SessionPolicy& policy) {
  const auto token = cookie(req, kSessionCookie);
  if (token.empty()) return std::nullopt;
  store::Connection conn(db);
  auto session = store::find_session(conn.sql(), token, policy);
  if (!session) return std::nullopt;
  return Viewer{std::move(session->person), std::move(session->coalition),
                std::move(session->csrf_token), session->data_version};
}

std::optional<Viewer> load_api_viewer(store::Database& db, const httplib::Request& req) {
  const auto header = req.get_header_value("Authorization");
  if (!header.starts_with("Bearer ") || header.size() > 200) return std::nullopt;
  store::Connection conn(db);
  auto found = store::find_api_token(conn.sql(), header.substr(7));
  if (!found) return std::nullopt;
  return Viewer{std::move(found->person), std::move(found->coalition), "", found->data_version};
}

bool is_form_content(const httplib::Request& req) {
  const auto type = req.get_header_value("Content-Type");
  return type.starts_with("application/x-www-form-urlencoded") ||
         type.starts_with("multipart/form-data");
}

// Everything a cached body may depend on besides the data version; the day too, because what
// is overdue changes at midnight.
std::string body_cache_key(const Ctx& ctx) {
  const auto& person = ctx.viewer->person;
  return std::to_string(ctx.viewer->coalition.id) + '|' + lang_code(ctx.lang) + '|' +
         domain::role_name(person.role) + '|' + std::to_string(person.partner_id.value_or(0)) +
         '|' + std::to_string(std::time(nullptr) / 86400) + '|' + ctx.req.target;
}

}  // namespace

void App::route(bool is_post, const std::string& pattern, Access access, Handler handler,
                Caching caching) {
  // A second handler for the same route would never be reached: a programming error.
  for (const auto& known : routes_)
    if (known.pattern == pattern && (known.method == "POST") == is_post)
      throw std::logic_error("route registered twice: " + pattern);
  routes_.push_back({is_post ? "POST" : "GET", pattern, access});
  auto wrapped = [this, is_post, access, caching, handler = std::move(handler)](
                     const httplib::Request& req, httplib::Response& res) {
    Ctx ctx{*this, req, res};
    ctx.lang = parse_lang(cookie(req, "taal"));
    res.set_header("Cache-Control", "no-store");
    try {
      if (access == Access::api) {
        ctx.viewer = load_api_viewer(db_, req);
        if (!ctx.viewer) {
          res.set_header("WWW-Authenticate", "Bearer");
          return ctx.json_error(401, "api.error.token");
        }
        return handler(ctx);
      }
      ctx.viewer = load_viewer(db_, req, config_.sessions);
      if (access != Access::anyone && !ctx.viewer) {
        if (is_post) throw HttpError{401, "error.signed_out"};
        ctx.redirect("/inloggen?terug=" + httplib::detail::encode_query_param(req.target));
        return;
      }
      if (access == Access::beheerder && !ctx.viewer->is_beheerder()) forbidden();
      if (is_post) {
        if (!is_form_content(req)) throw HttpError{415, "error.content_type"};
        // Signed-in forms carry the session's token; the login form a double-submit cookie.
        const auto expected = ctx.viewer ? ctx.viewer->csrf_token : cookie(req, kFormCookie);
        if (expected.empty() || !store::equal_in_constant_time(ctx.field("_csrf"), expected))
          throw HttpError{403, "error.csrf"};
      }
      if (caching == Caching::body && ctx.viewer) {
        ctx.cache_key = body_cache_key(ctx);
        if (auto hit = body_cache_.find(ctx.cache_key, ctx.viewer->data_version))
          return send_cached_body(ctx, std::move(hit));
      }
      handler(ctx);
    } catch (const HttpError& e) {
      if (access == Access::api) return ctx.json_error(e.status, e.message_key);
      ctx.error_page(e.status, e.message_key);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.path, e.what());
      if (access == Access::api) return ctx.json_error(500, "error.server");
      ctx.error_page(500, "error.server");
    }
  };
  if (is_post)
    server_.Post(pattern, std::move(wrapped));
  else
    server_.Get(pattern, std::move(wrapped));
}

}  // namespace kompas::web
