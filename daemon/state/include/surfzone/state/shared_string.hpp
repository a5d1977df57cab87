#pragma once
/// An immutable string shared by reference: copying one copies a pointer, not the text. The
/// snapshot's per-AP labels (name, location, address, sys_descr, ...) are these, pooled, so APs
/// with the same text (location, district, model, firmware, ...) hold one copy between them, and
/// a snapshot being rendered while a new one is built shares its text with it.
/// Thread-safe like std::shared_ptr<const std::string>: the text never changes; assigning a new
/// one only swaps the pointer of this object.

#include <cstddef>
#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace surfzone::state {

/// Whether `text` holds a character a Prometheus label value escapes (backslash, double quote,
/// newline).
bool NeedsLabelEscaping(std::string_view text);

class SharedString {
 public:
  SharedString() = default;
  SharedString(std::string text)  // NOLINT: implicit, like the std::string it replaces
      : text_(text.empty() ? nullptr : std::make_shared<const Text>(std::move(text))) {}
  SharedString(const char* text) : SharedString(std::string(text)) {}       // NOLINT
  SharedString(std::string_view text) : SharedString(std::string(text)) {}  // NOLINT

  const std::string& str() const { return text_ ? text_->str : Empty(); }
  /// Whether the text is written into a label value as it is (no character to escape): known
  /// once per text, so /metrics need not look at it again on every scrape.
  bool label_plain() const { return !text_ || text_->label_plain; }
  operator const std::string&() const { return str(); }  // NOLINT
  operator std::string_view() const { return str(); }    // NOLINT
  std::size_t size() const { return str().size(); }
  bool empty() const { return str().empty(); }
  const char* c_str() const { return str().c_str(); }
  /// Whether both refer to the same shared text (not just equal text).
  bool SharesWith(const SharedString& other) const { return text_ == other.text_; }
  /// How many SharedStrings hold this text (0 for the empty one).
  long use_count() const { return text_.use_count(); }

  friend bool operator==(const SharedString& a, const SharedString& b) {
    return a.text_ == b.text_ || a.str() == b.str();
  }
  friend bool operator==(const SharedString& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedString& a, const char* b) { return a.str() == b; }
  friend bool operator==(const SharedString& a, const std::string& b) { return a.str() == b; }
  friend std::ostream& operator<<(std::ostream& os, const SharedString& s) { return os << s.str(); }

 private:
  static const std::string& Empty() {
    static const std::string empty;
    return empty;
  }
  struct Text {
    explicit Text(std::string s) : str(std::move(s)), label_plain(!NeedsLabelEscaping(str)) {}
    std::string str;
    bool label_plain;
  };
  std::shared_ptr<const Text> text_;
};

/// One SharedString per distinct text, so that APs showing the same location, district, kind,
/// profile, model, firmware or sys_descr hold one copy between them. Not thread-safe (the poll
/// thread's); the SharedStrings it hands out are.
class SharedStringPool {
 public:
  /// The pooled copy of `text` (made on first use).
  SharedString Get(std::string_view text);
  /// Forgets texts that only the pool still holds; Get() sweeps by itself as the pool grows.
  void Sweep();
  std::size_t size() const { return texts_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  // Keys view the value's own text, which never moves (it lives in the shared allocation).
  std::unordered_map<std::string_view, SharedString, Hash, std::equal_to<>> texts_;
  std::size_t sweep_at_ = 1024;
};

/// Makes `field` hold `value` (looked up in `pool` only when it changed) and returns it.
inline const SharedString& Intern(SharedStringPool& pool, SharedString& field,
                                  std::string_view value) {
  if (field.str() != value) field = pool.Get(value);
  return field;
}

}  // namespace surfzone::state
