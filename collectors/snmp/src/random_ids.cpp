#include "detail/random_ids.hpp"

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <cstddef>
#include <random>

namespace surfzone::snmp::detail {
namespace {

// One getrandom() call per 256 ids (a syscall per request would cost ~0.3 us each at
// 20,000 APs' few thousand requests per second; this costs a hundredth of that).
class IdBuffer {
 public:
  std::uint32_t Next() {
    if (used_ == ids_.size()) Refill();
    return ids_[used_++];
  }

 private:
  void Refill() {
    auto* bytes = reinterpret_cast<unsigned char*>(ids_.data());
    std::size_t have = 0;
    const std::size_t want = sizeof(ids_);
    while (have < want) {
      const ssize_t n = getrandom(bytes + have, want - have, 0);
      if (n > 0) {
        have += static_cast<std::size_t>(n);
      } else if (n < 0 && errno != EINTR) {
        // No getrandom (very old kernel): std::random_device reads /dev/urandom.
        std::random_device dev;
        for (auto& id : ids_) id = dev();
        break;
      }
    }
    used_ = 0;
  }

  std::array<std::uint32_t, 256> ids_{};
  std::size_t used_ = ids_.size();
};

}  // namespace

std::int32_t RandomId() {
  thread_local IdBuffer buffer;
  for (;;) {
    const auto id = static_cast<std::int32_t>(buffer.Next() & 0x7fffffffu);
    if (id != 0) return id;
  }
}

}  // namespace surfzone::snmp::detail
