#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "store/migrations.h"
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

struct ServeOptions {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  std::string static_dir;
  std::size_t threads = web::default_worker_threads();
  std::vector<std::string> trusted_proxies;
};

void serve(const ServeOptions& o, const Texts& t) {
  const auto [host, port] = split_listen(o.listen, t);
  web::Config config;
  config.static_dir = o.static_dir.empty() ? default_static_dir() : o.static_dir;
  config.server.worker_threads = o.threads;
  config.trusted_proxies = o.trusted_proxies;
  if (!std::filesystem::exists(std::filesystem::path(config.static_dir) / "kompas.css"))
    spdlog::warn("{}", t.f("cli.serve.no_assets", {{"dir", config.static_dir}}));
  store::Database db(o.db, std::min<std::size_t>(o.threads, 32));
  store::migrate(db);
  web::App app(db, config);

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
  cmd->add_option("--threads", options->threads, t("cli.serve.threads"))
      ->check(CLI::Range(2, 512))
      ->capture_default_str();
  cmd->add_option("--trusted-proxy", options->trusted_proxies, t("cli.serve.trusted_proxy"))
      ->delimiter(',');
  cmd->callback([options, &t] { serve(*options, t); });
}

}  // namespace kompas::cli
