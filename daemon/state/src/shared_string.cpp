#include "surfzone/state/shared_string.hpp"

namespace surfzone::state {

bool NeedsLabelEscaping(std::string_view text) {
  return text.find_first_of("\\\"\n") != std::string_view::npos;
}

SharedString SharedStringPool::Get(std::string_view text) {
  if (text.empty()) return {};
  if (auto it = texts_.find(text); it != texts_.end()) return it->second;
  if (texts_.size() >= sweep_at_) {
    Sweep();
    sweep_at_ = 2 * texts_.size() + 1024;  // amortised: a sweep per doubling
  }
  SharedString shared{std::string(text)};
  const std::string_view key = shared.str();
  return texts_.emplace(key, std::move(shared)).first->second;
}

void SharedStringPool::Sweep() {
  std::erase_if(texts_, [](const auto& entry) { return entry.second.use_count() == 1; });
}

}  // namespace surfzone::state
