#pragma once
// Work done ahead, off the request path: after a change, and once at the start, one background
// thread recomputes what pages of a coalition read that takes long to build (the sociale kaart's
// search index of a big city takes two seconds), so no visitor waits for it (issue 25, point 28).
// Requests for a coalition already waiting are one; a failure is logged and never reaches a page,
// which then computes the value itself as before.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

namespace kompas::web {

class Warmer {
 public:
  using Work = std::function<void(long long coalition_id)>;
  ~Warmer() { stop(); }

  // Starts the thread; `work` runs for each coalition asked for, one at a time.
  void start(Work work);
  void request(long long coalition_id);
  // Lets the current work finish, drops what waits, and joins the thread.
  void stop();

 private:
  void run();
  Work work_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::set<long long> waiting_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kompas::web
