#pragma once
// The pager/ticket end of the Alertmanager routing for tests: an HTTP server on 127.0.0.1:<free
// port> (Boost.Beast on its own thread) that answers 200 to every POST and keeps the
// notifications (path, parsed JSON body, arrival time) for assertions.

#include <boost/json/value.hpp>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace surfzone::deploy_test {

struct Notification {
  std::string path;         // e.g. /surfzone/page
  boost::json::value body;  // Alertmanager's webhook payload
  std::chrono::system_clock::time_point received;
};

class WebhookReceiver {
 public:
  WebhookReceiver();
  ~WebhookReceiver();
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  unsigned short port() const { return port_; }
  /// "http://127.0.0.1:<port>/"
  std::string base_url() const;

  /// Every notification so far.
  std::vector<Notification> Received() const;
  /// Waits until some notification satisfies `pred` (true) or `limit` passes (false).
  bool WaitFor(const std::function<bool(const Notification&)>& pred,
               std::chrono::milliseconds limit) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  unsigned short port_ = 0;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::vector<Notification> received_;
  std::thread thread_;
};

}  // namespace surfzone::deploy_test
