#pragma once
// The web application: configuration, routes with their access rule, and the middleware every
// request passes (language, session, role, CSRF, content type, security headers, error pages).
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>

#include "domain/coalition.h"
#include "domain/people.h"
#include "store/change.h"
#include "store/database.h"
#include "store/sessions_store.h"
#include "store/signal_key.h"
#include "web/core/body_cache.h"
#include "web/core/computed_cache.h"
#include "web/core/guess_limiter.h"
#include "web/core/http.h"
#include "web/core/i18n.h"
#include "web/core/layout.h"
#include "web/core/pending_uploads.h"
#include "web/core/server.h"
#include "web/core/static_files.h"
#include "web/core/view.h"
#include "web/core/warmer.h"

namespace kompas::web {

struct Config {
  std::string static_dir;  // built assets (kompas.css, fonts)
  // Threads, time-outs and size limits. Uploads may be 20 MiB: room for a CBS file of a big city.
  ServerSettings server;
  store::SessionPolicy sessions;
  store::ThrottlePolicy throttle;
  // Addresses of reverse proxies (nginx) whose X-Forwarded-For names the real client. From any
  // other address the header is ignored: anyone can send it. They have no per-address limit.
  std::vector<std::string> trusted_proxies;
  // The address people reach this site at ("https://kompas.gemeente.nl"), for every absolute
  // address the application writes: the gesprekskaart's QR code, a volunteer's check link, the
  // API's links. Never taken from the Host header, which anyone can send. Empty: the listen
  // address (`listen_address`).
  std::string public_url;
  std::string listen_address = "http://127.0.0.1:8080";
  // Seals the signaalpunt's personal fields; without it the signaalpunt's pages answer 503.
  std::shared_ptr<const store::SignalKey> signal_key;
};

// Who is asking: the signed-in person with their coalition, or nobody.
struct Viewer {
  domain::Person person;
  domain::Coalition coalition;
  std::string csrf_token;
  long long data_version = 0;  // of the coalition, for the body cache
  bool is_beheerder() const { return person.role == domain::Role::beheerder; }
};

class App;

// The person whose personal API token the request carries ("Authorization: Bearer ..."), for
// routes that are public for one coalition and need the token for another (the HSDS API).
std::optional<Viewer> api_viewer(store::Database& db, const Request& req);

// One request on its way through a handler.
struct Ctx {
  App& app;
  const Request& req;
  Response& res;
  Lang lang = Lang::nl;
  std::optional<Viewer> viewer;
  std::string cache_key;  // set when this page's body may be kept in the body cache

  const Viewer& me() const { return *viewer; }
  // The signed-in person as the author of a change: store::Change change(ctx.app.db(), ctx.actor())
  store::Actor actor() const {
    return {viewer->coalition.id, viewer->person.id, viewer->person.name};
  }
  long long coalition_id() const { return viewer->coalition.id; }
  const std::string& t(const std::string& key) const;
  std::string tf(const std::string& key, const std::map<std::string, std::string>& params) const;
  // A whole number with the thousands separator of the page's language: 12.345 or 12,345.
  std::string number(long long value) const;
  // The decimal separator of the page's language: ',' in Dutch, '.' in English.
  char decimal_separator() const { return lang == Lang::en ? '.' : ','; }
  // The client's address: the connection's, or from a trusted proxy the address it forwards.
  std::string client_address() const;
  // The browser used https: a trusted proxy says so (X-Forwarded-Proto). From anyone else the
  // header means nothing, so a client cannot make cookies Secure-only on a plain connection.
  bool is_https() const;
  // The token a form posts as _csrf: the session's, or without a session (the login form, a
  // volunteer's link) a double-submit cookie, set here when the browser has none yet.
  std::string form_token();
  // A date as people read it: "2026-09-01" -> "1 september 2026" ("1 September 2026" in
  // English); text that is not a date comes back unchanged. Exports keep ISO dates.
  std::string date(const std::string& iso) const;
  // Seconds since the epoch as a local date and time: "1 september 2026, 14:05".
  std::string date_time(long long seconds) const;
  // A form field (urlencoded or multipart), trimmed of nothing: what the user typed.
  std::string field(const std::string& name) const;
  std::string query(const std::string& name) const;
  std::string path_param(std::size_t index) const { return req.matches[index]; }

  // Renders templates/<view>.mustache inside the page layout.
  void page(const std::string& view, const std::string& title, nlohmann::json data,
            int status = 200);
  void redirect(const std::string& location);
  // Redirects after a successful POST, showing a short notice on the next page.
  void redirect_with_notice(const std::string& location, const std::string& notice_key);
  void error_page(int status, const std::string& message_key);
  // {"error": message} with the status, for the API.
  void json_error(int status, const std::string& message_key);
};

// Thrown by handlers; the middleware turns it into the matching error page.
struct HttpError {
  int status;
  std::string message_key;
};
[[noreturn]] inline void not_found() {
  throw HttpError{404, "error.not_found"};
}
[[noreturn]] inline void forbidden() {
  throw HttpError{403, "error.forbidden"};
}

// editor: signed in and allowed to add the plan's work (not a lezer; domain::can_add_work).
// api: a personal token in "Authorization: Bearer ..." instead of a session; answers are JSON.
enum class Access { anyone, signed_in, editor, beheerder, api };

// GET pages whose body depends only on the coalition's data, the language, the role, the
// partner, the day and the URL may be cached (body); forms in them are fine, each hit gets the
// asking session's own CSRF token. A page that also depends on who asks (a round's team sees its
// members' scores) is cached per person (per_person).
enum class Caching { none, body, per_person };

class App {
 public:
  App(store::Database& db, Config config);
  ~App();

  // Serves until stop(); returns false when the address cannot be bound.
  bool listen(const std::string& host, int port);
  int bind_any_port(const std::string& host);  // for tests; then call listen_after_bind()
  bool listen_after_bind();
  void stop();
  void wait_until_ready() const;
  std::size_t connection_count() const { return server_.connection_count(); }

  using Handler = std::function<void(Ctx&)>;
  void get(const std::string& pattern, Access access, Handler handler,
           Caching caching = Caching::none);
  void post(const std::string& pattern, Access access, Handler handler);

  struct RouteInfo {
    std::string method, pattern;
    Access access;
  };
  // Every registered route, so tests can check that each one is covered.
  const std::vector<RouteInfo>& routes() const { return routes_; }

  store::Database& db() { return db_; }
  const Catalogue& catalogue() const { return catalogue_; }
  const Views& views() const { return views_; }
  const Config& config() const { return config_; }
  BodyCache& body_cache() { return body_cache_; }
  ComputedCache& computed() { return computed_; }
  LayoutSkeletons& layout_skeletons() { return layout_skeletons_; }
  PendingUploads& pending_uploads() { return pending_uploads_; }
  // Wrong signal codes per address on the public status page.
  GuessLimiter& code_guesses() { return code_guesses_; }

 private:
  using RawHandler = std::function<void(const Request&, Response&)>;
  struct Route {
    bool is_post;
    std::string pattern;
    std::string prefix;               // what every matching path starts with
    std::optional<std::regex> regex;  // none when the pattern is a plain path
    RawHandler handler;
  };
  void route(bool is_post, const std::string& pattern, Access access, Handler handler,
             Caching caching);
  int bind_port(const std::string& host, int port);
  void dispatch(Request& req, Response& res);
  void refuse(const Request& req, Response& res);

  store::Database& db_;
  Config config_;
  Catalogue catalogue_;
  Views views_;
  std::vector<RouteInfo> routes_;
  std::vector<Route> handlers_;
  StaticFiles static_files_;
  BodyCache body_cache_;
  ComputedCache computed_;
  LayoutSkeletons layout_skeletons_;
  PendingUploads pending_uploads_;
  GuessLimiter code_guesses_{10, std::chrono::minutes(15)};
  Warmer warmer_;  // before the server: it stops after the last request that asks it
  Server server_;  // last: stopped and gone before anything its handlers use
  int port_ = -1;
};

}  // namespace kompas::web
