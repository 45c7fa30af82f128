#include "web/core/server.h"

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core/buffers_suffix.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http.hpp>
#include <ctime>
#include <limits>
#include <list>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "web/core/encoding.h"
#include "web/core/multipart.h"
#include "web/core/url.h"

namespace kompas::web {
namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using Message = http::request<http::string_body>;

namespace {

std::string_view view(boost::beast::string_view text) {
  return {text.data(), text.size()};
}

// The Date header, formatted once a second per thread.
const std::string& http_date() {
  thread_local std::time_t last = 0;
  thread_local std::string text;
  const auto now = std::time(nullptr);
  if (now != last) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    text = buffer;
    last = now;
  }
  return text;
}

// The status line and headers; the body follows as it is.
std::string serialize_head(const Response& res, std::size_t body_size, bool keep_alive) {
  std::string head = "HTTP/1.1 " + std::to_string(res.status) + " ";
  head += view(http::obsolete_reason(static_cast<http::status>(res.status)));
  head += "\r\nDate: " + http_date();
  for (const auto& [name, value] : res.headers) head += "\r\n" + name + ": " + value;
  head += "\r\nContent-Length: " + std::to_string(body_size);
  head += keep_alive ? "\r\n\r\n" : "\r\nConnection: close\r\n\r\n";
  return head;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         boost::beast::iequals(boost::beast::string_view(text.data(), prefix.size()),
                               boost::beast::string_view(prefix.data(), prefix.size()));
}

constexpr std::size_t kMaxFields = 10'000;

// The headers, and for a whole request its path, query and form; false when the request
// cannot be read (a path that is not one, a broken multipart body).
bool fill_request(Message& message, bool whole, Request& req) {
  req.method = std::string(message.method_string());
  req.target = std::string(message.target());
  // "http://host/path" (absolute form, as some proxies send it) means "/path".
  if (const auto scheme = req.target.find("://");
      scheme != std::string::npos && req.target.find('/') == scheme + 1) {
    const auto path = req.target.find('/', scheme + 3);
    req.target = path == std::string::npos ? "/" : req.target.substr(path);
  }
  for (const auto& field : message)
    req.headers.emplace(std::string(field.name_string()), std::string(field.value()));
  const auto question = req.target.find('?');
  req.path = decode_url(std::string_view(req.target).substr(0, question), false);
  if (!req.target.starts_with('/')) return false;
  if (question != std::string::npos)
    parse_query(std::string_view(req.target).substr(question + 1), req.params);
  if (!whole) return true;
  req.body = std::move(message.body());
  const auto type = req.get_header_value("Content-Type");
  if (starts_with_ci(type, "application/x-www-form-urlencoded")) {
    parse_query(req.body, req.params);
  } else if (starts_with_ci(type, "multipart/form-data")) {
    const auto boundary = multipart_boundary(type);
    if (!boundary || !parse_multipart(req.body, *boundary, req.files)) return false;
  }
  // No form has more than a few hundred fields; a million tiny ones only cost memory.
  return req.params.size() <= kMaxFields && req.files.size() <= kMaxFields;
}

// The client sent something that is not HTTP; a connection that merely ended is no error.
bool is_malformed(error_code ec) {
  return ec.category() == make_error_code(http::error::bad_target).category() &&
         ec != http::error::end_of_stream && ec != http::error::partial_message;
}

// The address a client is known by: IPv4 as it is (also when it arrives mapped into IPv6), and
// IPv6 by its /64, since one home or office gets a whole /64 to choose addresses from.
std::string client_address(const asio::ip::address& address) {
  if (address.is_v4()) return address.to_string();
  const auto v6 = address.to_v6();
  if (v6.is_v4_mapped()) return asio::ip::make_address_v4(asio::ip::v4_mapped, v6).to_string();
  auto bytes = v6.to_bytes();
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  return asio::ip::address_v6(bytes).to_string() + "/64";
}

// Lets the server hold as many connections as the system allows this process.
void raise_open_file_limit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

// A connection as the server sees it at its cap: whether it waits on its client (for the next
// request, or while the client sends one), and a way to close it.
struct Evictable {
  virtual ~Evictable() = default;
  virtual bool waiting() const = 0;
  virtual void evict() = 0;  // from any thread: the close runs on the connection's strand
};
using EvictableList = std::list<std::weak_ptr<Evictable>>;

struct Server::Impl {
  ServerSettings settings;
  Handler handler;
  Refusal refuse;
  // Declared before the event loop: sessions still count themselves out while it is destroyed.
  mutable std::mutex mutex;
  std::size_t connections = 0;
  // Every connection of each address, oldest first: the list's size is the address's count.
  std::unordered_map<std::string, EvictableList> by_address;
  std::set<std::string> unlimited;
  asio::io_context io;
  tcp::acceptor acceptor{io};
  asio::thread_pool workers;
  std::atomic<bool> running{false};
  std::atomic<bool> stopping{false};

  Impl(ServerSettings s, Handler h, Refusal r)
      : settings(std::move(s)),
        handler(std::move(h)),
        refuse(std::move(r)),
        unlimited(settings.unlimited_addresses.begin(), settings.unlimited_addresses.end()),
        workers(settings.worker_threads) {}

  void accept();
  void start_session(tcp::socket socket);
  std::shared_ptr<Evictable> take_place_locked();
  void count_out(const std::string& address, EvictableList::iterator entry) {
    std::lock_guard lock(mutex);
    --connections;
    const auto it = by_address.find(address);
    it->second.erase(entry);
    if (it->second.empty()) by_address.erase(it);
  }
};

// At the cap: the oldest waiting connection of the address that holds the most (the next
// address when all of its connections are busy), moved to the back of its list so the next
// newcomer takes another; none when every connection is busy with an answer.
std::shared_ptr<Evictable> Server::Impl::take_place_locked() {
  std::vector<EvictableList*> holders;
  for (auto& [address, list] : by_address) holders.push_back(&list);
  std::sort(holders.begin(), holders.end(),
            [](const auto* a, const auto* b) { return a->size() > b->size(); });
  for (auto* list : holders)
    for (auto it = list->begin(); it != list->end(); ++it)
      if (auto connection = it->lock(); connection && connection->waiting()) {
        list->splice(list->end(), *list, it);
        return connection;
      }
  return nullptr;
}

namespace {

// One connection: reads a request on the connection's strand and hands it to a worker, which
// runs the handler, writes the answer and starts the wait for the next request. The two never
// overlap: while the worker has the request, nothing is pending on the connection.
class Session : public Evictable, public std::enable_shared_from_this<Session> {
 public:
  // `entry`: where the server lists this connection under its address.
  Session(Server::Impl& server, tcp::socket socket, std::string address, bool over_limit,
          EvictableList::iterator entry)
      : server_(server),
        socket_(std::move(socket)),
        deadline_(socket_.get_executor()),
        address_(std::move(address)),
        over_limit_(over_limit),
        entry_(entry) {}
  ~Session() override { server_.count_out(address_, entry_); }

  bool waiting() const override { return waiting_; }
  void evict() override {
    asio::post(socket_.get_executor(), [self = shared_from_this()] {
      if (self->waiting_) self->close();  // a request that came in meanwhile is answered
    });
  }

  void start() {
    error_code ignored;
    socket_.non_blocking(true, ignored);  // so a worker's write never waits for a slow reader
    read_header();
  }

 private:
  const ServerSettings& settings() const { return server_.settings; }

  // A deadline cancels the pending read or write; the handler then sees timed_out_. A wait that
  // expired just as its operation finished may still be queued after cancel(): the generation
  // tells it that it no longer counts, so it never touches a socket a worker is using.
  void set_deadline(std::chrono::milliseconds after) {
    timed_out_ = false;
    const auto generation = ++deadline_generation_;
    deadline_.expires_after(after);
    deadline_.async_wait([self = shared_from_this(), generation](error_code ec) {
      if (ec || generation != self->deadline_generation_) return;  // moved or cancelled
      self->timed_out_ = true;
      error_code ignored;
      self->socket_.cancel(ignored);
    });
  }

  void cancel_deadline() {
    ++deadline_generation_;
    deadline_.cancel();
  }

  void wait_for_next_request() {
    if (buffer_.size() > 0) return read_header();  // pipelined: the next one is here already
    waiting_ = true;
    set_deadline(settings().idle_timeout);
    socket_.async_read_some(buffer_.prepare(4096),
                            [self = shared_from_this()](error_code ec, std::size_t n) {
                              if (ec) return self->close();
                              self->buffer_.commit(n);
                              self->read_header();
                            });
  }

  void read_header() {
    waiting_ = true;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(settings().max_header_bytes));
    // The body's limit depends on its type; it is checked once the header is read.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    // Over its address's limit a connection only waits to be told so (503); briefly, so that
    // it does not hold one of the server's connections for long.
    set_deadline(over_limit_ ? std::min(settings().header_timeout, std::chrono::milliseconds(1000))
                             : settings().header_timeout);
    http::async_read_header(socket_, buffer_, *parser_,
                            [self = shared_from_this()](error_code ec, std::size_t used) {
                              self->on_header(ec, used);
                            });
  }

  // used: what the parser took from the buffer; it takes the request line once that is whole.
  void on_header(error_code ec, std::size_t used) {
    if (timed_out_) return buffer_.size() > 0 ? refuse(408) : close();
    if (ec == http::error::header_limit) return refuse(used > 0 ? 431 : 414);
    if (ec == http::error::body_limit) return refuse(413);
    if (ec) return is_malformed(ec) ? refuse(400) : close();
    const auto& message = parser_->get();
    if (message.target().size() > settings().max_url_bytes) return refuse(414);
    if (static_cast<std::size_t>(std::distance(message.begin(), message.end())) >
        settings().max_header_count)
      return refuse(431);
    // A body whose length cannot be known (a Transfer-Encoding other than chunked) would be
    // read as the next request: refused, as HTTP/1.1 demands.
    if (message.count(http::field::transfer_encoding) > 0 && !parser_->chunked())
      return refuse(400);
    if (over_limit_) return refuse(503);
    const bool upload =
        starts_with_ci(view(message[http::field::content_type]), "multipart/form-data");
    const auto limit = upload ? settings().max_upload_bytes : settings().max_form_bytes;
    if (parser_->content_length().value_or(0) > limit) return refuse(413);
    parser_->body_limit(limit);
    if (parser_->is_done()) return dispatch();
    if (boost::beast::iequals(message[http::field::expect], "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      set_deadline(settings().write_timeout);
      return asio::async_write(socket_, asio::buffer(kContinue.data(), kContinue.size()),
                               [self = shared_from_this()](error_code ec, std::size_t) {
                                 if (ec) return self->close();
                                 self->read_body();
                               });
    }
    read_body();
  }

  // The body within its deadline, and in pieces, so that a body that stops coming is closed
  // after stall_timeout without progress rather than at the end of its whole time.
  void read_body() {
    body_due_ = std::chrono::steady_clock::now() + settings().body_timeout;
    read_body_part();
  }

  void read_body_part() {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        body_due_ - std::chrono::steady_clock::now());
    set_deadline(std::clamp(left, std::chrono::milliseconds(0), settings().stall_timeout));
    http::async_read_some(socket_, buffer_, *parser_,
                          [self = shared_from_this()](error_code ec, std::size_t) {
                            if (self->timed_out_) return self->refuse(408);
                            if (ec == http::error::body_limit) return self->refuse(413);
                            if (ec) return is_malformed(ec) ? self->refuse(400) : self->close();
                            if (self->parser_->is_done()) return self->dispatch();
                            self->read_body_part();
                          });
  }

  // A complete request: the handler runs on a worker, which also writes the answer.
  void dispatch() {
    waiting_ = false;
    cancel_deadline();
    const bool keep_alive = parser_->get().keep_alive();
    asio::post(server_.workers, [self = shared_from_this(), message = parser_->release(),
                                 keep_alive]() mutable { self->handle(message, keep_alive); });
  }

  // On a worker. Nothing may escape a worker's task: the thread pool would end the process.
  void handle(Message& message, bool keep_alive) noexcept {
    auto req = std::make_shared<Request>();
    auto res = std::make_shared<Response>();
    req->remote_addr = address_;
    try {
      if (fill_request(message, true, *req)) {
        server_.handler(*req, *res);
      } else {
        refuse_safely(*req, *res, 400);
      }
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req->method, loggable_target(*req), e.what());
      refuse_safely(*req, *res, 500);
    } catch (...) {
      spdlog::error("{} {}: unknown exception", req->method, loggable_target(*req));
      refuse_safely(*req, *res, 500);
    }
    answer_from_worker(std::move(req), std::move(res), keep_alive && !server_.stopping);
  }

  // Refused before a handler: the page is made on a worker too, then the connection closes.
  void refuse(int status) {
    waiting_ = false;
    cancel_deadline();
    auto req = std::make_shared<Request>();
    req->remote_addr = address_;
    if (parser_ && parser_->is_header_done()) {
      auto message = parser_->release();
      message.body().clear();
      fill_request(message, false, *req);
    }
    asio::post(server_.workers, [self = shared_from_this(), req, status]() mutable {
      auto res = std::make_shared<Response>();
      self->refuse_safely(*req, *res, status);
      self->answer_from_worker(std::move(req), std::move(res), false);
    });
  }

  // The refusal's page; if even that fails, the bare status.
  void refuse_safely(const Request& req, Response& res, int status) noexcept {
    try {
      res = Response{};
      res.status = status;
      server_.refuse(req, res);
      if (status == 503) res.set_header("Retry-After", "10");
    } catch (...) {
      res = Response{};
      res.status = status;
    }
  }

  // Runs on the worker, while no operation on this connection is pending: the event loop
  // touches it again only through what is started here. Most answers fit in the socket's send
  // buffer and are written at once, and the wait for the next request starts here too, so a
  // request wakes the event loop once, not twice.
  void answer_from_worker(std::shared_ptr<Request> req, std::shared_ptr<Response> res,
                          bool keep_alive) noexcept {
    try {
      compress_if_accepted(*req, *res);
      apply_range(*req, *res);
    } catch (const std::exception& e) {  // no memory for the compressed copy
      spdlog::error("{} {}: {}", req->method, loggable_target(*req), e.what());
      refuse_safely(*req, *res, 500);
      keep_alive = false;
    }
    auto head = std::make_shared<std::string>(serialize_head(*res, res->body_size(), keep_alive));
    std::vector<asio::const_buffer> buffers{asio::buffer(*head)};
    if (req->method != "HEAD") {
      if (res->pieces.empty()) {
        buffers.push_back(asio::buffer(res->body));
      } else {
        for (const auto piece : res->pieces)
          buffers.push_back(asio::buffer(piece.data(), piece.size()));
      }
    }
    error_code ec;
    const auto written = asio::write(socket_, buffers, ec);  // the socket does not block
    if (!ec) return after_answer(keep_alive);
    if (ec != asio::error::would_block && ec != asio::error::try_again) return close();
    // A slow reader: the rest is written as the client takes it.
    auto rest = std::make_shared<Unsent>(Unsent{std::move(res), std::move(head), {}});
    rest->buffers = boost::beast::buffers_suffix<std::vector<asio::const_buffer>>(buffers);
    rest->buffers.consume(written);
    write_rest(std::move(rest), keep_alive);
  }

  // What a slow reader has not taken yet, with what keeps those bytes alive.
  struct Unsent {
    std::shared_ptr<Response> res;
    std::shared_ptr<std::string> head;
    boost::beast::buffers_suffix<std::vector<asio::const_buffer>> buffers;
  };

  // The deadline is for progress, not for the whole: a phone on a slow line may take minutes
  // over a large page, as long as it keeps reading.
  void write_rest(std::shared_ptr<Unsent> rest, bool keep_alive) {
    set_deadline(settings().write_timeout);
    socket_.async_write_some(
        rest->buffers, [self = shared_from_this(), rest, keep_alive](error_code ec, std::size_t n) {
          if (ec) return self->close();
          rest->buffers.consume(n);
          if (asio::buffer_size(rest->buffers) == 0) return self->after_answer(keep_alive);
          self->write_rest(rest, keep_alive);
        });
  }

  void after_answer(bool keep_alive) {
    if (keep_alive) return wait_for_next_request();
    linger();
  }

  // After an answer with "Connection: close", read what the client still sends for a moment:
  // closing with unread data would reset the connection and could lose the answer on its way.
  void linger() {
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    set_deadline(std::chrono::milliseconds(2000));
    drain();
  }

  void drain() {
    socket_.async_read_some(asio::buffer(scratch_),
                            [self = shared_from_this()](error_code ec, std::size_t) {
                              if (ec) return self->close();
                              self->drain();
                            });
  }

  void close() {
    cancel_deadline();
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
  }

  Server::Impl& server_;
  tcp::socket socket_;
  asio::steady_timer deadline_;
  std::atomic<unsigned> deadline_generation_{0};
  bool timed_out_ = false;
  std::string address_;
  bool over_limit_;
  std::atomic<bool> waiting_{false};  // read on the accepting thread, at the cap
  EvictableList::iterator entry_;
  std::chrono::steady_clock::time_point body_due_;
  boost::beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::array<char, 8192> scratch_{};
};

}  // namespace

void Server::Impl::accept() {
  acceptor.async_accept(asio::make_strand(io), [this](error_code ec, tcp::socket socket) {
    if (!acceptor.is_open()) return;
    if (!ec) {
      start_session(std::move(socket));
      return accept();
    }
    // Out of file descriptors: try again shortly instead of spinning.
    auto timer = std::make_shared<asio::steady_timer>(io, std::chrono::milliseconds(50));
    timer->async_wait([this, timer](error_code) { accept(); });
  });
}

void Server::Impl::start_session(tcp::socket socket) {
  error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  if (ec) return;
  socket.set_option(tcp::no_delay(true), ec);  // otherwise each answer waits ~40 ms for Nagle
  auto address = client_address(endpoint.address());
  bool over_limit = false;
  std::shared_ptr<Evictable> replaced;
  EvictableList::iterator entry;
  {
    std::lock_guard lock(mutex);
    if (connections >= settings.max_connections && !(replaced = take_place_locked()))
      return;  // every connection is busy: this one is closed as `socket` goes
    ++connections;
    auto& list = by_address[address];
    entry = list.emplace(list.end());  // counted now, filled in below
    over_limit = list.size() > settings.max_connections_per_address && !unlimited.contains(address);
  }
  if (replaced) replaced->evict();
  auto session = std::make_shared<Session>(*this, std::move(socket), address, over_limit, entry);
  {
    std::lock_guard lock(mutex);
    *entry = session;
  }
  session->start();
}

std::size_t default_worker_threads() {
  return std::max<std::size_t>(4, 2 * std::thread::hardware_concurrency());
}

Server::Server(ServerSettings settings, Handler handler, Refusal refuse)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(handler), std::move(refuse))) {
  raise_open_file_limit();
}

Server::~Server() {
  stop();
  impl_->workers.join();
}

int Server::bind(const std::string& host, int port) {
  error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  if (ec) return -1;
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(port));
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    acceptor.close(ec);
    return -1;
  }
  return acceptor.local_endpoint().port();
}

void Server::run() {
  impl_->accept();
  impl_->running = true;
  impl_->io.run();
  impl_->running = false;
}

void Server::stop() {
  if (impl_->stopping.exchange(true)) return;
  asio::post(impl_->io, [impl = impl_.get()] {
    error_code ignored;
    impl->acceptor.close(ignored);
    impl->io.stop();
  });
  // Not running yet (or never): stop the loop directly so run() returns at once.
  if (!impl_->running) impl_->io.stop();
}

bool Server::is_running() const {
  return impl_->running;
}

std::size_t Server::connection_count() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->connections;
}

}  // namespace kompas::web
