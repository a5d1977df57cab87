#include <cstring>

#include "surfzone/snmp/ber.hpp"

namespace surfzone::snmp::ber {
namespace {

std::size_t LengthSize(std::size_t len) {
  if (len < 0x80) return 1;
  std::size_t n = 1;
  while (len) {
    ++n;
    len >>= 8;
  }
  return n;
}

std::size_t TlvSize(std::size_t content) { return 1 + LengthSize(content) + content; }

std::size_t SignedSize(std::int64_t v) {
  std::size_t n = 1;
  // Drop leading bytes while the next byte still carries the sign.
  while (n < 8) {
    const std::int64_t shifted = v >> (8 * n - 1);
    if (shifted == 0 || shifted == -1) break;
    ++n;
  }
  return n;
}

std::size_t UnsignedSize(std::uint64_t v) {
  std::size_t n = 1;
  while (n < 9 && (v >> (8 * n - 1)) != 0) ++n;  // one extra 0x00 when the top bit is set
  return n;
}

std::size_t SubIdSize(std::uint64_t v) {
  std::size_t n = 1;
  while (v >>= 7) ++n;
  return n;
}

std::uint64_t FirstSubId(const snmp::Oid& oid) {
  if (oid.size() == 0) return 0;
  const std::uint64_t x = oid[0];
  return x * 40 + (oid.size() > 1 ? oid[1] : 0);
}

std::size_t OidContentSize(const snmp::Oid& oid) {
  std::size_t n = SubIdSize(FirstSubId(oid));
  for (std::size_t i = 2; i < oid.size(); ++i) n += SubIdSize(oid[i]);
  return n;
}

std::uint8_t ValueTag(snmp::ValueType t) {
  using snmp::ValueType;
  switch (t) {
    case ValueType::kNull:
      return tag::kNull;
    case ValueType::kInteger:
      return tag::kInteger;
    case ValueType::kOctetString:
      return tag::kOctetString;
    case ValueType::kObjectId:
      return tag::kObjectId;
    case ValueType::kIpAddress:
      return tag::kIpAddress;
    case ValueType::kCounter32:
      return tag::kCounter32;
    case ValueType::kGauge32:
      return tag::kGauge32;
    case ValueType::kTimeTicks:
      return tag::kTimeTicks;
    case ValueType::kOpaque:
      return tag::kOpaque;
    case ValueType::kCounter64:
      return tag::kCounter64;
    case ValueType::kNoSuchObject:
      return tag::kNoSuchObject;
    case ValueType::kNoSuchInstance:
      return tag::kNoSuchInstance;
    case ValueType::kEndOfMibView:
      return tag::kEndOfMibView;
  }
  return tag::kNull;
}

// 32-bit application types are truncated to 32 bits, as an agent's counters wrap.
std::uint64_t UnsignedOf(const snmp::Value& v) {
  return v.type == snmp::ValueType::kCounter64 ? v.unsigned_ : (v.unsigned_ & 0xffffffffu);
}

std::size_t ValueContentSize(const snmp::Value& v) {
  using snmp::ValueType;
  switch (v.type) {
    case ValueType::kInteger:
      return SignedSize(v.integer);
    case ValueType::kOctetString:
    case ValueType::kOpaque:
    case ValueType::kIpAddress:
      return v.bytes.size();
    case ValueType::kObjectId:
      return OidContentSize(v.oid);
    case ValueType::kCounter32:
    case ValueType::kGauge32:
    case ValueType::kTimeTicks:
    case ValueType::kCounter64:
      return UnsignedSize(UnsignedOf(v));
    default:
      return 0;
  }
}

// Appends TLVs to a byte vector. Constructed items reserve a 3-byte length and are fixed up
// (shifted) in End(), so nothing is encoded twice.
class Writer {
 public:
  explicit Writer(std::vector<std::uint8_t>& out) : out_(out) {}

  std::size_t Begin(std::uint8_t t) {
    out_.push_back(t);
    const std::size_t pos = out_.size();
    out_.insert(out_.end(), kReserved, 0);
    return pos;
  }

  void End(std::size_t pos) {
    const std::size_t len = out_.size() - pos - kReserved;
    const std::size_t n = LengthSize(len);
    const auto at = out_.begin() + static_cast<std::ptrdiff_t>(pos);
    if (n < kReserved) {
      out_.erase(at + static_cast<std::ptrdiff_t>(n), at + static_cast<std::ptrdiff_t>(kReserved));
    } else if (n > kReserved) {
      out_.insert(at + static_cast<std::ptrdiff_t>(kReserved), n - kReserved, 0);
    }
    PutLength(pos, len, n);
  }

  void Header(std::uint8_t t, std::size_t len) {
    out_.push_back(t);
    const std::size_t pos = out_.size();
    const std::size_t n = LengthSize(len);
    out_.resize(out_.size() + n);
    PutLength(pos, len, n);
  }

  void Signed(std::uint8_t t, std::int64_t v) {
    const std::size_t n = SignedSize(v);
    Header(t, n);
    for (std::size_t i = n; i-- > 0;) {
      out_.push_back(static_cast<std::uint8_t>(static_cast<std::uint64_t>(v) >> (8 * i)));
    }
  }

  void Unsigned(std::uint8_t t, std::uint64_t v) {
    const std::size_t n = UnsignedSize(v);
    Header(t, n);
    for (std::size_t i = n; i-- > 0;) {
      out_.push_back(i >= 8 ? 0 : static_cast<std::uint8_t>(v >> (8 * i)));
    }
  }

  void Bytes(std::uint8_t t, std::string_view s) {
    Header(t, s.size());
    out_.insert(out_.end(), s.begin(), s.end());
  }

  void ObjectId(const snmp::Oid& oid) {
    Header(tag::kObjectId, OidContentSize(oid));
    SubId(FirstSubId(oid));
    for (std::size_t i = 2; i < oid.size(); ++i) SubId(oid[i]);
  }

  void Value(const snmp::Value& v) {
    using snmp::ValueType;
    const std::uint8_t t = ValueTag(v.type);
    switch (v.type) {
      case ValueType::kInteger:
        Signed(t, v.integer);
        break;
      case ValueType::kOctetString:
      case ValueType::kOpaque:
      case ValueType::kIpAddress:
        Bytes(t, v.bytes);
        break;
      case ValueType::kObjectId:
        ObjectId(v.oid);
        break;
      case ValueType::kCounter32:
      case ValueType::kGauge32:
      case ValueType::kTimeTicks:
      case ValueType::kCounter64:
        Unsigned(t, UnsignedOf(v));
        break;
      default:
        Header(t, 0);
        break;
    }
  }

 private:
  static constexpr std::size_t kReserved = 3;

  void PutLength(std::size_t pos, std::size_t len, std::size_t n) {
    if (n == 1) {
      out_[pos] = static_cast<std::uint8_t>(len);
      return;
    }
    out_[pos] = static_cast<std::uint8_t>(0x80 | (n - 1));
    for (std::size_t i = 1; i < n; ++i) {
      out_[pos + i] = static_cast<std::uint8_t>(len >> (8 * (n - 1 - i)));
    }
  }

  void SubId(std::uint64_t v) {
    for (std::size_t i = SubIdSize(v); i-- > 0;) {
      const auto byte = static_cast<std::uint8_t>((v >> (7 * i)) & 0x7f);
      out_.push_back(i ? (byte | 0x80) : byte);
    }
  }

  std::vector<std::uint8_t>& out_;
};

}  // namespace

std::size_t EncodedSize(const snmp::Varbind& vb) {
  const std::size_t name = TlvSize(OidContentSize(vb.oid));
  const std::size_t value = TlvSize(ValueContentSize(vb.value));
  return TlvSize(name + value);
}

std::size_t EncodedEnvelopeSize(const Message& msg, std::size_t varbind_bytes) {
  const std::size_t pdu = TlvSize(SignedSize(msg.request_id)) +
                          TlvSize(SignedSize(msg.error_status)) +
                          TlvSize(SignedSize(msg.error_index)) + TlvSize(varbind_bytes);
  const std::size_t body =
      TlvSize(SignedSize(msg.version)) + TlvSize(msg.community.size()) + TlvSize(pdu);
  return TlvSize(body) - varbind_bytes;
}

namespace {

// message { version, community, pdu { request-id, two integers, varbind list } }: the envelope
// both encoders share. `each_varbind(w, item)` writes one varbind's name and value.
template <typename Items, typename EachVarbind>
void WriteMessage(Writer& w, int version, std::string_view community, std::uint8_t pdu_type,
                  std::int32_t request_id, std::int32_t second, std::int32_t third,
                  const Items& items, EachVarbind&& each_varbind) {
  const std::size_t message = w.Begin(tag::kSequence);
  w.Signed(tag::kInteger, version);
  w.Bytes(tag::kOctetString, community);
  const std::size_t pdu = w.Begin(pdu_type);
  w.Signed(tag::kInteger, request_id);
  w.Signed(tag::kInteger, second);
  w.Signed(tag::kInteger, third);
  const std::size_t list = w.Begin(tag::kSequence);
  for (const auto& item : items) {
    const std::size_t seq = w.Begin(tag::kSequence);
    each_varbind(w, item);
    w.End(seq);
  }
  w.End(list);
  w.End(pdu);
  w.End(message);
}

}  // namespace

void EncodeRequest(const RequestFields& fields, std::span<const snmp::Oid> oids,
                   std::vector<std::uint8_t>& out) {
  out.clear();
  // An upper bound (5 bytes per arc, 3-byte reserved lengths), so the writer never reallocates.
  std::size_t bound = 40 + fields.community.size();
  for (const auto& oid : oids) bound += 12 + 5 * oid.size();
  out.reserve(bound);
  Writer w(out);
  WriteMessage(w, fields.version, fields.community, static_cast<std::uint8_t>(fields.type),
               fields.request_id, fields.non_repeaters, fields.max_repetitions, oids,
               [](Writer& vw, const snmp::Oid& oid) {
                 vw.ObjectId(oid);
                 vw.Header(tag::kNull, 0);
               });
}

void EncodeMessage(const Message& msg, std::vector<std::uint8_t>& out) {
  out.clear();
  Writer w(out);
  WriteMessage(w, msg.version, msg.community, static_cast<std::uint8_t>(msg.type), msg.request_id,
               msg.error_status, msg.error_index, msg.varbinds,
               [](Writer& vw, const snmp::Varbind& vb) {
                 vw.ObjectId(vb.oid);
                 vw.Value(vb.value);
               });
}

}  // namespace surfzone::snmp::ber
