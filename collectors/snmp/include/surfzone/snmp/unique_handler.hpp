#pragma once
/// A move-only, type-erased completion handler.
///
/// Boost 1.81's any_completion_handler re-wraps itself when moved through its converting
/// constructor (unbounded recursion, fixed upstream later), so sessions erase handlers with this
/// instead. Handlers are always invoked on the session's own executor (single-threaded).

#include <memory>
#include <utility>

namespace surfzone::snmp {

template <typename Signature>
class UniqueHandler;

template <typename... Args>
class UniqueHandler<void(Args...)> {
 public:
  UniqueHandler() = default;
  template <typename H>
  requires(!std::is_same_v<std::decay_t<H>, UniqueHandler>) explicit UniqueHandler(H&& h)
      : impl_(std::make_unique<Impl<std::decay_t<H>>>(std::forward<H>(h))) {}

  explicit operator bool() const { return impl_ != nullptr; }

  /// Invokes and empties the handler.
  void operator()(Args... args) && {
    auto impl = std::move(impl_);
    impl->Call(std::move(args)...);
  }

 private:
  struct Base {
    virtual ~Base() = default;
    virtual void Call(Args... args) = 0;
  };
  template <typename H>
  struct Impl final : Base {
    explicit Impl(H h) : handler(std::move(h)) {}
    void Call(Args... args) override { std::move(handler)(std::move(args)...); }
    H handler;
  };
  std::unique_ptr<Base> impl_;
};

}  // namespace surfzone::snmp
