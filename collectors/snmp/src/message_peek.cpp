#include "surfzone/snmp/message_peek.hpp"

namespace surfzone::snmp {
namespace {

class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> b) : b_(b) {}

  // Reads a tag and a definite length; returns the content span.
  std::optional<std::span<const std::uint8_t>> Tlv(std::uint8_t* tag) {
    if (pos_ >= b_.size()) return std::nullopt;
    *tag = b_[pos_++];
    if (pos_ >= b_.size()) return std::nullopt;
    std::size_t len = b_[pos_++];
    if (len & 0x80) {
      const std::size_t n = len & 0x7f;
      if (n == 0 || n > 4 || pos_ + n > b_.size()) return std::nullopt;  // no indefinite form
      len = 0;
      for (std::size_t i = 0; i < n; ++i) len = (len << 8) | b_[pos_++];
    }
    if (len > b_.size() - pos_) return std::nullopt;
    auto content = b_.subspan(pos_, len);
    pos_ += len;
    return content;
  }

 private:
  std::span<const std::uint8_t> b_;
  std::size_t pos_ = 0;
};

std::optional<std::int64_t> Integer(std::span<const std::uint8_t> c) {
  if (c.empty() || c.size() > 8) return std::nullopt;
  std::int64_t v = (c[0] & 0x80) ? -1 : 0;
  for (auto byte : c) v = static_cast<std::int64_t>((static_cast<std::uint64_t>(v) << 8) | byte);
  return v;
}

}  // namespace

std::optional<MessagePeek> PeekMessage(std::span<const std::uint8_t> bytes) {
  Reader outer(bytes);
  std::uint8_t tag = 0;
  auto msg = outer.Tlv(&tag);
  if (!msg || tag != 0x30) return std::nullopt;
  Reader r(*msg);
  auto ver = r.Tlv(&tag);
  if (!ver || tag != 0x02) return std::nullopt;
  auto version = Integer(*ver);
  if (!version) return std::nullopt;
  MessagePeek out;
  out.version = static_cast<long>(*version);
  if (out.version == 3) {
    auto global = r.Tlv(&tag);  // msgGlobalData
    if (!global || tag != 0x30) return std::nullopt;
    return out;
  }
  if (out.version != 0 && out.version != 1) return std::nullopt;
  auto community = r.Tlv(&tag);
  if (!community || tag != 0x04) return std::nullopt;
  auto pdu = r.Tlv(&tag);
  if (!pdu || tag < 0xA0 || tag > 0xA8) return std::nullopt;
  out.pdu_type = tag;
  Reader p(*pdu);
  auto reqid = p.Tlv(&tag);
  if (!reqid || tag != 0x02) return std::nullopt;
  out.request_id = Integer(*reqid);
  if (!out.request_id) return std::nullopt;
  return out;
}

}  // namespace surfzone::snmp
