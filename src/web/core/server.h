#pragma once
// The HTTP/1.1 server. One event loop reads requests and writes answers for every connection,
// so a slow, idle or hostile client holds a little memory and no thread; only a complete request
// goes to a worker thread, which runs the handler. Every limit below is answered with its own
// status and a page from `refuse`, and the connection is then closed.
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "web/core/http.h"

namespace kompas::web {

// Two per core, at least four: enough to keep the cores busy while some handlers wait on the
// database, few enough that a request rarely waits for a sleeping thread to wake (with 16 on two
// cores, cached pages ran at 17,000/s instead of 22,000/s).
std::size_t default_worker_threads();

struct ServerSettings {
  std::size_t worker_threads = default_worker_threads();  // handlers running at once
  // Deadlines: for the whole header from its first byte (or from connecting), for the whole
  // body, for the next request on a kept-alive connection, and for a client that takes none of
  // its answer (a slow reader that keeps reading may take longer over a large one).
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{120'000};
  std::chrono::milliseconds idle_timeout{30'000};
  std::chrono::milliseconds write_timeout{60'000};
  // A body that makes no progress this long is closed with 408, whatever time it has left: a
  // minimum transfer rate, so a stalled upload holds a connection seconds, not minutes.
  std::chrono::milliseconds stall_timeout{30'000};
  std::size_t max_url_bytes = 8 << 10;      // request line; more gets 414
  std::size_t max_header_bytes = 32 << 10;  // request line and all headers; more gets 431
  std::size_t max_header_count = 100;       // header lines; more gets 431
  std::size_t max_form_bytes = 1 << 20;     // URL-encoded forms and other bodies; more gets 413
  std::size_t max_upload_bytes = 20 << 20;  // multipart forms (file uploads); more gets 413
  // At the cap a new connection takes the place of a waiting one (between requests, or sending
  // its request) of the address holding the most: the oldest first. Only when every connection
  // is busy with an answer is the new one closed.
  std::size_t max_connections = 10'000;
  std::size_t max_connections_per_address = 256;  // beyond it requests get 503
  // Addresses that speak for many clients (a trusted proxy): no per-address limit.
  std::vector<std::string> unlimited_addresses;
};

class Server {
 public:
  using Handler = std::function<void(Request&, Response&)>;
  // The answer to a request refused before any handler ran: res.status is set (400, 408, 413,
  // 414, 431, 500 or 503) and req holds what could be read of it, perhaps nothing.
  using Refusal = std::function<void(const Request&, Response&)>;

  Server(ServerSettings settings, Handler handler, Refusal refuse);
  ~Server();

  // The bound port (useful with port 0), or -1 when the address cannot be bound.
  int bind(const std::string& host, int port);
  // Serves on the calling thread until stop(). One event loop keeps up with the workers: it
  // only parses and hands over.
  void run();
  void stop();
  bool is_running() const;
  // Open connections now, for tests and the health page.
  std::size_t connection_count() const;

  struct Impl;  // in server.cpp, with the connections

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kompas::web
