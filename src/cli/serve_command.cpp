#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

#include "cli/commands.h"
#include "store/migrations.h"
#include "store/signals_store.h"
#include "web/core/app.h"

namespace kompas::cli {
namespace {

// The built stylesheet lives next to the binary (build/static), unless told otherwise.
std::string default_static_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? "static" : (exe.parent_path() / "static").string();
}

std::pair<std::string, int> split_listen(const std::string& listen, const Texts& t) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw UserError(t.f("cli.serve.bad_listen", {{"value", listen}}));
  const auto host = listen.substr(0, colon);
  int port = -1;
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (...) {
  }
  if (host.empty() || port < 0 || port > 65535)
    throw UserError(t.f("cli.serve.bad_listen", {{"value", listen}}));
  return {host, port};
}

// Signals without a step for half a year are closed, and personal fields of signals closed long
// enough ago erased, at start and then every hour, whether or not anyone opens the signaalpunt.
class SignalEraser {
 public:
  explicit SignalEraser(store::Database& db)
      : thread_([this, &db] {
          std::unique_lock lock(mutex_);
          do {
            try {
              if (const auto closed = store::close_idle_signals(db, store::now_seconds()))
                spdlog::info("signaalpunt: {} signalen vanzelf gesloten", closed);
              if (const auto erased = store::erase_expired_signals(db, store::now_seconds()))
                spdlog::info("signaalpunt: {} signalen gewist", erased);
            } catch (const std::exception& e) {
              spdlog::warn("signaalpunt: wissen mislukt: {}", e.what());
            }
          } while (!wake_.wait_for(lock, std::chrono::hours(1), [this] { return stop_; }));
        }) {}
  ~SignalEraser() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

struct ServeOptions {
  std::string db, key;
  std::string listen = "127.0.0.1:8080";
  std::string static_dir;
  std::size_t threads = web::default_worker_threads();
  std::vector<std::string> trusted_proxies;
  std::string public_url;
};

// "https://kompas.gemeente.nl" without a path or a slash at the end; throws on anything else.
std::string checked_public_url(std::string url, const Texts& t) {
  while (url.ends_with('/')) url.pop_back();
  const auto scheme = url.find("://");
  const bool ok = (url.starts_with("https://") || url.starts_with("http://")) &&
                  url.size() > scheme + 3 && url.find('/', scheme + 3) == std::string::npos &&
                  url.find_first_of(" \"<>?#@") == std::string::npos;
  if (!ok) throw UserError(t.f("cli.serve.bad_public_url", {{"value", url}}));
  return url;
}

void serve(const ServeOptions& o, const Texts& t) {
  const auto [host, port] = split_listen(o.listen, t);
  web::Config config;
  config.static_dir = o.static_dir.empty() ? default_static_dir() : o.static_dir;
  config.server.worker_threads = o.threads;
  config.trusted_proxies = o.trusted_proxies;
  if (!o.public_url.empty()) config.public_url = checked_public_url(o.public_url, t);
  config.listen_address = "http://" +
                          (host.find(':') == std::string::npos ? host : "[" + host + "]") + ":" +
                          std::to_string(port);
  // Behind a proxy, people reach the site at another address than the listen address.
  if (config.public_url.empty() && !o.trusted_proxies.empty())
    spdlog::warn("{}", t.f("cli.serve.no_public_url", {{"url", config.listen_address}}));
  if (!std::filesystem::exists(std::filesystem::path(config.static_dir) / "kompas.css"))
    spdlog::warn("{}", t.f("cli.serve.no_assets", {{"dir", config.static_dir}}));
  store::Database db(o.db, std::min<std::size_t>(o.threads, 32));
  store::migrate(db);
  config.signal_key = std::make_shared<const store::SignalKey>(signal_key_for(db, o.key, t));
  web::App app(db, config);
  SignalEraser eraser(db);

  // SIGINT/SIGTERM stop the server cleanly: a thread waits for them, the others never see them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    app.stop();
  });
  std::cout << t.f("cli.serve.listening",
                   {{"url", "http://" + host + ":" + std::to_string(port) + "/"},
                    {"db", db.location().display}})
            << std::endl;
  const bool ok = app.listen(host, port);
  if (!ok) {
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    throw UserError(t.f("cli.serve.cannot_listen", {{"value", o.listen}}));
  }
  waiter.join();
}

}  // namespace

void add_serve_command(CLI::App& app, const Texts& t) {
  auto options = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", t("cli.serve.description"));
  cmd->add_option("--db", options->db, t("cli.db"))->required();
  cmd->add_option("--listen", options->listen, t("cli.serve.listen"))->capture_default_str();
  cmd->add_option("--static", options->static_dir, t("cli.serve.static"));
  add_key_option(*cmd, options->key, t);
  cmd->add_option("--threads", options->threads, t("cli.serve.threads"))
      ->check(CLI::Range(2, 512))
      ->capture_default_str();
  cmd->add_option("--trusted-proxy", options->trusted_proxies, t("cli.serve.trusted_proxy"))
      ->delimiter(',');
  cmd->add_option("--public-url", options->public_url, t("cli.serve.public_url"));
  cmd->callback([options, &t] { serve(*options, t); });
}

}  // namespace kompas::cli
