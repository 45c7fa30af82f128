// The server against slow, idle and hostile clients: time-outs and size limits answer with their
// own status and a page in Dutch, and ordinary visitors are served while hundreds of connections
// sit idle or trickle in their headers. The limits are made small here so the tests stay short.
#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <future>

#include "harness.h"

namespace kompas::test {
namespace {

using std::chrono::milliseconds;
using std::chrono::steady_clock;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// A plain TCP connection to the test server, for what no well-behaved client library sends.
class RawConnection {
 public:
  explicit RawConnection(int port, const char* from = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    inet_pton(AF_INET, from, &local.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server) == 0;
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection(RawConnection&& other) noexcept
      : fd_(std::exchange(other.fd_, -1)), connected_(other.connected_) {}

  bool connected() const { return connected_; }
  // False once the server closed or reset the connection.
  bool send(std::string_view data) {
    while (!data.empty()) {
      const auto sent = ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }
  // What arrives until the server closes the connection, or `wait` passes.
  std::string read_until_closed(milliseconds wait) {
    std::string out;
    const auto until = steady_clock::now() + wait;
    char buffer[65536];
    while (true) {
      const auto left = std::chrono::duration_cast<milliseconds>(until - steady_clock::now());
      if (left.count() <= 0) break;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
      const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) {
        closed_ = true;
        break;
      }
      out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
  }
  // One answer with a Content-Length (the connection stays open).
  std::string read_answer(milliseconds wait) {
    std::string out;
    const auto until = steady_clock::now() + wait;
    char buffer[65536];
    while (true) {
      const auto end = out.find("\r\n\r\n");
      if (end != std::string::npos) {
        const auto at = out.find("Content-Length: ");
        const auto length = at == std::string::npos ? 0 : std::stoul(out.substr(at + 16));
        if (out.size() >= end + 4 + length) return out;
      }
      const auto left = std::chrono::duration_cast<milliseconds>(until - steady_clock::now());
      if (left.count() <= 0) return out;
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return out;
      const auto n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) return out;
      out.append(buffer, static_cast<std::size_t>(n));
    }
  }
  bool closed() const { return closed_; }

 private:
  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
};

std::string request(const std::string& target, const std::string& extra = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
}

long resident_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmRSS:")) return std::stol(line.substr(6));
  return 0;
}

class ServerLimitsTest : public HttpTest {
 protected:
  void configure(web::Config& config) override {
    config.server.header_timeout = milliseconds(600);
    config.server.body_timeout = milliseconds(600);
    config.server.idle_timeout = milliseconds(400);
    config.server.max_url_bytes = 2048;
    config.server.max_header_bytes = 8192;
    config.server.max_form_bytes = 64 << 10;
    config.server.max_upload_bytes = 256 << 10;
    config.server.max_connections_per_address = 2000;
  }
};

TEST_F(ServerLimitsTest, AHeaderSentTooSlowlyGets408AfterItsDeadlineNotAfterEachByte) {
  RawConnection slow(port());
  ASSERT_TRUE(slow.connected());
  const auto start = steady_clock::now();
  // One byte every 100 ms would keep a per-read time-out happy forever.
  std::string answer;
  for (const char c : std::string("GET /inloggen HTTP/1.1\r\nHost: x\r\n")) {
    if (!slow.send(std::string_view(&c, 1))) break;
    answer += slow.read_until_closed(milliseconds(100));
    if (slow.closed()) break;
  }
  answer += slow.read_until_closed(milliseconds(2000));
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 408"));
  EXPECT_THAT(answer, HasSubstr("te langzaam"));
  EXPECT_THAT(answer, HasSubstr("Connection: close"));
  EXPECT_LT(steady_clock::now() - start, milliseconds(3000));
}

TEST_F(ServerLimitsTest, AnIdleConnectionIsClosedWithoutAnAnswer) {
  RawConnection idle(port());
  EXPECT_EQ(idle.read_until_closed(milliseconds(3000)), "");
  EXPECT_TRUE(idle.closed());
  // A kept-alive connection waits for its next request as long as the idle time-out.
  RawConnection kept(port());
  ASSERT_TRUE(kept.send(request("/inloggen")));
  EXPECT_THAT(kept.read_answer(milliseconds(3000)), StartsWith("HTTP/1.1 200"));
  EXPECT_EQ(kept.read_until_closed(milliseconds(3000)), "");
  EXPECT_TRUE(kept.closed());
}

TEST_F(ServerLimitsTest, ABodySentTooSlowlyGets408) {
  RawConnection slow(port());
  ASSERT_TRUE(slow.send(
      "POST /inloggen HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "Content-Length: 100\r\n\r\nemail="));
  const auto answer = slow.read_until_closed(milliseconds(3000));
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 408"));
}

TEST_F(ServerLimitsTest, ALongAddressGets414AndLongOrManyHeadersGet431InDutch) {
  RawConnection long_url(port());
  long_url.send(request("/inloggen?q=" + std::string(3000, 'a')));
  auto answer = long_url.read_until_closed(milliseconds(3000));
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 414"));
  EXPECT_THAT(answer, HasSubstr("Adres te lang"));

  // A request line longer than all headers may be is still a long address.
  RawConnection longer_url(port());
  longer_url.send(request("/inloggen?q=" + std::string(20000, 'a')));
  EXPECT_THAT(longer_url.read_until_closed(milliseconds(3000)), StartsWith("HTTP/1.1 414"));

  RawConnection big_header(port());
  big_header.send(request("/inloggen", "X-Big: " + std::string(9000, 'b') + "\r\n"));
  answer = big_header.read_until_closed(milliseconds(3000));
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 431"));
  EXPECT_THAT(answer, HasSubstr("kopregels"));

  std::string many;
  for (int i = 0; i < 150; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
  RawConnection many_headers(port());
  many_headers.send(request("/inloggen", many));
  EXPECT_THAT(many_headers.read_until_closed(milliseconds(3000)), StartsWith("HTTP/1.1 431"));
}

TEST_F(ServerLimitsTest, AFormMayBeAsLongAsTheFormCapAndAnUploadAsTheUploadCap) {
  // 1,400 "é" is 2,800 bytes of text and 8,400 bytes encoded: over the old 8 KiB form limit.
  std::string statement;
  for (int i = 0; i < 1400; ++i) statement += "é";
  httplib::Params form{
      {"title", "Niemand alleen"}, {"statement", statement}, {"target_group", "mantelzorgers"},
      {"start_year", "2025"},      {"end_year", "2027"},     {"status", "concept"}};
  auto r = post("/doelen", As::beheerder, form);
  EXPECT_EQ(status(r), 303) << body(r).substr(0, 2000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ambitions WHERE statement = '" + statement + "'"), 1);

  // Over the form cap: the message speaks of the form, not of a file.
  r = post("/doelen", As::beheerder, {{"statement", std::string(70 << 10, 'x')}});
  EXPECT_EQ(status(r), 413);
  EXPECT_THAT(body(r), HasSubstr("formulier"));
  EXPECT_THAT(body(r), Not(HasSubstr("bestand")));

  // An upload may be larger than a form, up to its own cap.
  r = post_file("/gebieden/importeren", As::beheerder, "bestand", "groot.csv",
                std::string(100 << 10, 'x'));
  EXPECT_NE(status(r), 413);
  r = post_file("/gebieden/importeren", As::beheerder, "bestand", "groot.csv",
                std::string(300 << 10, 'x'));
  EXPECT_EQ(status(r), 413);
  EXPECT_THAT(body(r), HasSubstr("Een bestand mag hoogstens"));
}

TEST_F(ServerLimitsTest, OrdinaryVisitorsAreServedWhileHundredsOfConnectionsStallTheServer) {
  std::vector<RawConnection> idle, trickling;
  for (int i = 0; i < 300; ++i) idle.emplace_back(port());
  for (int i = 0; i < 64; ++i) {
    trickling.emplace_back(port());
    trickling.back().send("G");
  }
  auto trickle = std::async(std::launch::async, [&] {
    for (int round = 0; round < 4; ++round) {
      std::this_thread::sleep_for(milliseconds(100));
      for (auto& c : trickling) c.send("E");
    }
  });
  auto keep_alive = client();
  keep_alive.set_keep_alive(true);
  auto slowest = milliseconds(0);
  for (int i = 0; i < 40; ++i) {
    const auto start = steady_clock::now();
    httplib::Client fresh("127.0.0.1", port());
    const auto r = (i % 2 ? keep_alive : fresh).Get("/inloggen");
    slowest =
        std::max(slowest, std::chrono::duration_cast<milliseconds>(steady_clock::now() - start));
    ASSERT_EQ(status(r), 200) << "request " << i;
  }
  trickle.wait();
  EXPECT_LT(slowest, milliseconds(5000));  // liveness: a thread per connection waited forever
  EXPECT_GE(app().connection_count(), 300u);
}

TEST_F(ServerLimitsTest, HugeHeadersFromManyClientsAtOnceDoNotGrowTheServer) {
  const auto before = resident_kib();
  const std::string chunk(1 << 20, 'h');
  std::vector<std::future<std::string>> attackers;
  for (int i = 0; i < 8; ++i)
    attackers.push_back(std::async(std::launch::async, [&] {
      RawConnection c(port());
      c.send("GET /inloggen HTTP/1.1\r\nHost: x\r\nX-Huge: ");
      for (int mb = 0; mb < 20 && c.send(chunk); ++mb) {
      }
      return c.read_until_closed(milliseconds(3000));
    }));
  for (auto& a : attackers) EXPECT_THAT(a.get(), StartsWith("HTTP/1.1 431"));
  EXPECT_LT(resident_kib() - before, 100 * 1024);
  EXPECT_EQ(status(client().Get("/inloggen")), 200);
}

TEST_F(ServerLimitsTest, HeadPipeliningAndExpectContinueWork) {
  RawConnection c(port());
  // Two requests in one packet get two answers, in order; HEAD has the length but no body.
  c.send(request("/inloggen") + "HEAD /inloggen HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto both = c.read_until_closed(milliseconds(3000));
  EXPECT_THAT(both, StartsWith("HTTP/1.1 200"));
  const auto second_at = both.find("HTTP/1.1 ", 1);
  ASSERT_NE(second_at, std::string::npos) << both.substr(0, 300);
  const auto second = both.substr(second_at);
  EXPECT_THAT(second, StartsWith("HTTP/1.1 200"));
  EXPECT_THAT(second, HasSubstr("Connection: close"));
  EXPECT_THAT(second, HasSubstr("Content-Length: "));
  EXPECT_THAT(second, Not(HasSubstr("<html")));

  RawConnection expecting(port());
  expecting.send(
      "POST /inloggen HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "Content-Length: 5\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_THAT(expecting.read_answer(milliseconds(3000)), StartsWith("HTTP/1.1 100 Continue"));
  expecting.send("a=b&c");
  EXPECT_THAT(expecting.read_answer(milliseconds(3000)), HasSubstr("HTTP/1.1 403"));

  RawConnection other_method(port());
  other_method.send("DELETE /inloggen HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_THAT(other_method.read_answer(milliseconds(3000)), StartsWith("HTTP/1.1 405"));

  // A body of unknown length would be read as the next request (smuggling): refused.
  RawConnection smuggler(port());
  smuggler.send(
      "POST /inloggen HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"
      "GET /beheer HTTP/1.1\r\nHost: x\r\n\r\n");
  const auto smuggled = smuggler.read_until_closed(milliseconds(3000));
  EXPECT_THAT(smuggled, StartsWith("HTTP/1.1 400"));
  EXPECT_EQ(smuggled.find("HTTP/1.1", 5), std::string::npos);  // one answer, then closed

  // The absolute form some proxies send is the same page.
  RawConnection absolute(port());
  absolute.send("GET http://localhost/inloggen HTTP/1.1\r\nHost: localhost\r\n\r\n");
  EXPECT_THAT(absolute.read_answer(milliseconds(3000)), StartsWith("HTTP/1.1 200"));

  RawConnection garbage(port());
  garbage.send("HELLO\x01\x02 WORLD\r\n\r\n");
  EXPECT_THAT(garbage.read_until_closed(milliseconds(3000)), StartsWith("HTTP/1.1 400"));
}

class ConnectionsPerAddressTest : public HttpTest {
 protected:
  void configure(web::Config& config) override {
    config.server.max_connections_per_address = 3;
    config.trusted_proxies = {"127.0.0.2"};
  }
};

TEST_F(ConnectionsPerAddressTest, OneAddressMayNotTakeEveryConnection) {
  const int port = this->port();
  std::vector<RawConnection> held;
  for (int i = 0; i < 3; ++i) held.emplace_back(port);
  RawConnection fourth(port);
  fourth.send(request("/inloggen", "Cookie: taal=en\r\n"));
  const auto answer = fourth.read_until_closed(milliseconds(3000));
  EXPECT_THAT(answer, StartsWith("HTTP/1.1 503"));
  EXPECT_THAT(answer, HasSubstr("Retry-After: "));
  EXPECT_THAT(answer, HasSubstr("too many connections"));
  // Another address is served, and so is the trusted proxy however many it holds.
  RawConnection other(port, "127.0.0.3");
  other.send(request("/inloggen"));
  EXPECT_THAT(other.read_answer(milliseconds(3000)), StartsWith("HTTP/1.1 200"));
  std::vector<RawConnection> proxy;
  for (int i = 0; i < 5; ++i) proxy.emplace_back(port, "127.0.0.2");
  proxy.back().send(request("/inloggen"));
  EXPECT_THAT(proxy.back().read_answer(milliseconds(3000)), StartsWith("HTTP/1.1 200"));
  // Once the address's connections close, it is served again.
  held.clear();
  std::this_thread::sleep_for(milliseconds(200));
  EXPECT_EQ(status(client().Get("/inloggen")), 200);
}

// At the connection cap, a newcomer takes the place of a waiting connection of the address that
// holds the most (issue 25, point 24), and a body that stops coming is closed after the stall
// time, not at the end of its whole time. The cap is small here; the bench (bench/clients) runs
// the 44 addresses against the real 10,000.
class FairConnectionsTest : public HttpTest {
 protected:
  void configure(web::Config& config) override {
    config.server.max_connections = 60;
    config.server.max_connections_per_address = 2000;
    config.server.header_timeout = milliseconds(20'000);
    config.server.body_timeout = milliseconds(20'000);
    config.server.stall_timeout = milliseconds(500);
  }
};

TEST_F(FairConnectionsTest, AFreshAddressIsServedWhileManyAddressesHoldStalledRequests) {
  const int port = this->port();
  std::vector<RawConnection> stalled;
  for (int a = 0; a < 44; ++a)
    for (int i = 0; i < 3; ++i) {  // 132 stalled requests against a cap of 60
      stalled.emplace_back(port, ("127.0.0." + std::to_string(10 + a)).c_str());
      stalled.back().send("GET /inloggen HTTP/1.1\r\nHost: x\r\n");
    }
  int answered = 0;
  for (int i = 0; i < 100; ++i) {
    RawConnection fresh(port, "127.0.0.200");
    fresh.send(request("/inloggen", "Connection: close\r\n"));
    if (fresh.read_until_closed(milliseconds(5000)).starts_with("HTTP/1.1 200")) ++answered;
  }
  EXPECT_GE(answered, 99);
}

TEST_F(FairConnectionsTest, ABodyThatStopsComingIsClosedAfterTheStallTime) {
  RawConnection slow(port());
  ASSERT_TRUE(slow.send(
      "POST /inloggen HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
      "Content-Length: 100\r\n\r\nemail="));
  const auto start = steady_clock::now();
  EXPECT_THAT(slow.read_until_closed(milliseconds(10'000)), StartsWith("HTTP/1.1 408"));
  EXPECT_LT(steady_clock::now() - start, milliseconds(5000));  // liveness: the body had 20 s
}

class DatabaseOutageTest : public HttpTest {
 protected:
  // Several requests at once, so that several pooled sessions are used, as in a busy moment.
  std::vector<int> statuses_at_once(const std::string& path, int how_many) {
    std::vector<std::future<int>> answers;
    for (int i = 0; i < how_many; ++i)
      answers.push_back(
          std::async(std::launch::async, [&] { return status(get(path, As::lezer)); }));
    std::vector<int> out;
    for (auto& answer : answers) out.push_back(answer.get());
    return out;
  }
};

TEST_F(DatabaseOutageTest, WhileTheDatabaseIsDownPagesSay503AndAfterwardsAllIsWell) {
  const char* control = std::getenv("KOMPAS_TEST_PG_CTL");
  if (!on_postgres() || control == nullptr) GTEST_SKIP() << "only a PostgreSQL server can stop";
  const std::vector<int> all_fine(12, 200);
  ASSERT_EQ(statuses_at_once("/doelen", 12), all_fine);  // every pooled session connected

  ASSERT_EQ(std::system((std::string(control) + " stop").c_str()), 0);
  auto r = get("/doelen", As::lezer);
  EXPECT_EQ(status(r), 503);
  EXPECT_TRUE(r && r->has_header("Retry-After"));
  EXPECT_THAT(body(r), HasSubstr("niet bereikbaar"));
  EXPECT_EQ(status(get("/healthz", As::anonymous)), 503);
  EXPECT_EQ(status(get("/inloggen", As::anonymous)), 200);  // needs no database

  ASSERT_EQ(std::system((std::string(control) + " start").c_str()), 0);
  // No pooled session that the restart broke may fail a request.
  EXPECT_EQ(statuses_at_once("/doelen", 12), all_fine);
  EXPECT_EQ(statuses_at_once("/acties", 12), all_fine);
  EXPECT_EQ(status(get("/healthz", As::anonymous)), 200);
}

}  // namespace
}  // namespace kompas::test
