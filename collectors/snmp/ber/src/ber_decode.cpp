#include <limits>

#include "surfzone/snmp/ber.hpp"

namespace surfzone::snmp::ber {
namespace {

using Bytes = std::span<const std::uint8_t>;

// A cursor over one TLV's content. Every read is bounds-checked against the span.
class Reader {
 public:
  explicit Reader(Bytes b) : b_(b) {}
  bool AtEnd() const { return pos_ == b_.size(); }

  DecodeStatus Tlv(std::uint8_t* tag, Bytes* content) {
    if (pos_ >= b_.size()) return DecodeStatus::kTruncated;
    *tag = b_[pos_++];
    // Multi-byte (high-tag-number) tags never occur in SNMP.
    if ((*tag & 0x1f) == 0x1f) return DecodeStatus::kBadTag;
    if (pos_ >= b_.size()) return DecodeStatus::kTruncated;
    std::size_t len = b_[pos_++];
    if (len & 0x80) {
      const std::size_t n = len & 0x7f;
      if (n == 0) return DecodeStatus::kBadTag;  // indefinite form is not allowed in SNMP
      if (n > 4) return DecodeStatus::kBadLength;
      if (n > b_.size() - pos_) return DecodeStatus::kTruncated;
      len = 0;
      for (std::size_t i = 0; i < n; ++i) len = (len << 8) | b_[pos_++];
    }
    if (len > b_.size() - pos_) return DecodeStatus::kTruncated;
    *content = b_.subspan(pos_, len);
    pos_ += len;
    return DecodeStatus::kOk;
  }

  // Skips one TLV; false if it does not parse.
  bool Skip() {
    std::uint8_t t = 0;
    Bytes ignored;
    return Tlv(&t, &ignored) == DecodeStatus::kOk;
  }

  DecodeStatus Expect(std::uint8_t want, Bytes* content) {
    std::uint8_t t = 0;
    if (auto s = Tlv(&t, content); s != DecodeStatus::kOk) return s;
    return t == want ? DecodeStatus::kOk : DecodeStatus::kBadTag;
  }

 private:
  Bytes b_;
  std::size_t pos_ = 0;
};

bool Signed(Bytes c, std::int64_t* out) {
  if (c.empty() || c.size() > 8) return false;
  std::uint64_t v = (c[0] & 0x80) ? ~std::uint64_t{0} : 0;
  for (auto byte : c) v = (v << 8) | byte;
  *out = static_cast<std::int64_t>(v);
  return true;
}

// Unsigned application types as net-snmp's asn_parse_unsigned_int(64) read them: at most 8
// content bytes, or 9 when the first is 0x00; the bytes are the magnitude (no sign, also when
// an agent forgot the leading zero); the result is cut to `bits`.
bool Unsigned(Bytes c, unsigned bits, std::uint64_t* out) {
  if (c.empty() || c.size() > 9 || (c.size() == 9 && c[0] != 0)) return false;
  std::uint64_t v = 0;
  for (auto byte : c) v = (v << 8) | byte;
  *out = bits >= 64 ? v : (v & ((std::uint64_t{1} << bits) - 1));
  return true;
}

bool Int32(Bytes c, std::int32_t* out) {
  std::int64_t v = 0;
  if (!Signed(c, &v)) return false;
  if (v < std::numeric_limits<std::int32_t>::min() ||
      v > std::numeric_limits<std::int32_t>::max()) {
    return false;
  }
  *out = static_cast<std::int32_t>(v);
  return true;
}

bool DecodeOid(Bytes c, snmp::Oid* out) {
  if (c.empty()) return false;
  std::vector<std::uint32_t> arcs;
  arcs.reserve(c.size() + 1);  // every byte ends at most one arc; the first holds two
  std::size_t i = 0;
  bool first = true;
  while (i < c.size()) {
    if (c[i] == 0x80) return false;  // non-minimal sub-identifier
    std::uint64_t v = 0;
    unsigned n = 0;
    for (;;) {
      if (i >= c.size() || ++n > 5) return false;
      const std::uint8_t byte = c[i++];
      v = (v << 7) | (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    if (first) {
      // The first sub-identifier packs the first two arcs: 40 * x + y.
      const std::uint64_t x = v < 40 ? 0 : (v < 80 ? 1 : 2);
      const std::uint64_t y = v - 40 * x;
      if (y > std::numeric_limits<std::uint32_t>::max()) return false;
      arcs.push_back(static_cast<std::uint32_t>(x));
      arcs.push_back(static_cast<std::uint32_t>(y));
      first = false;
    } else {
      if (v > std::numeric_limits<std::uint32_t>::max()) return false;
      arcs.push_back(static_cast<std::uint32_t>(v));
    }
    if (arcs.size() > kMaxOidArcs) return false;
  }
  *out = snmp::Oid(std::move(arcs));
  return true;
}

DecodeStatus DecodeValue(std::uint8_t t, Bytes c, snmp::Value* v) {
  using snmp::ValueType;
  v->bytes.clear();
  switch (t) {
    case tag::kNull:
      *v = snmp::Value{};
      return c.empty() ? DecodeStatus::kOk : DecodeStatus::kBadValue;
    case tag::kInteger: {
      std::int64_t i = 0;
      if (!Signed(c, &i)) return DecodeStatus::kBadInteger;
      *v = snmp::Value::Integer(i);
      return DecodeStatus::kOk;
    }
    case tag::kOctetString:
    case tag::kOpaque:
    case tag::kIpAddress:
      if (t == tag::kIpAddress && c.size() != 4) return DecodeStatus::kBadValue;  // as net-snmp
      v->type = t == tag::kOctetString
                    ? ValueType::kOctetString
                    : (t == tag::kOpaque ? ValueType::kOpaque : ValueType::kIpAddress);
      v->integer = 0;
      v->unsigned_ = 0;
      v->oid = snmp::Oid();
      v->bytes.assign(c.begin(), c.end());
      return DecodeStatus::kOk;
    case tag::kObjectId: {
      snmp::Oid oid;
      if (!DecodeOid(c, &oid)) return DecodeStatus::kBadOid;
      *v = snmp::Value::ObjectId(std::move(oid));
      return DecodeStatus::kOk;
    }
    case tag::kCounter32:
    case tag::kGauge32:
    case tag::kTimeTicks:
    case tag::kCounter64: {
      std::uint64_t u = 0;
      if (!Unsigned(c, t == tag::kCounter64 ? 64 : 32, &u)) return DecodeStatus::kBadInteger;
      const ValueType type = t == tag::kCounter32   ? ValueType::kCounter32
                             : t == tag::kGauge32   ? ValueType::kGauge32
                             : t == tag::kTimeTicks ? ValueType::kTimeTicks
                                                    : ValueType::kCounter64;
      *v = snmp::Value::Unsigned(type, u);
      return DecodeStatus::kOk;
    }
    case tag::kNoSuchObject:
    case tag::kNoSuchInstance:
    case tag::kEndOfMibView:
      if (!c.empty()) return DecodeStatus::kBadValue;
      *v = snmp::Value::Exception(t == tag::kNoSuchObject     ? ValueType::kNoSuchObject
                                  : t == tag::kNoSuchInstance ? ValueType::kNoSuchInstance
                                                              : ValueType::kEndOfMibView);
      return DecodeStatus::kOk;
    default:
      return DecodeStatus::kBadValue;
  }
}

DecodeStatus Decode(Bytes bytes, Message& out, bool requests_only) {
  MessageHeader h;
  if (auto s = DecodeHeader(bytes, h); s != DecodeStatus::kOk) return s;
  switch (h.pdu_tag) {
    case 0xA0:
    case 0xA1:
      break;
    case 0xA5:
      if (h.version == kVersion1) return DecodeStatus::kBadPduType;
      break;
    case 0xA2:
      if (requests_only) return DecodeStatus::kBadPduType;
      break;
    default:
      return DecodeStatus::kBadPduType;
  }
  out.version = h.version;
  out.community.assign(h.community.begin(), h.community.end());
  out.type = static_cast<PduType>(h.pdu_tag);
  out.request_id = h.request_id;
  out.error_status = h.error_status;
  out.error_index = h.error_index;
  return DecodeVarbindList(h.varbind_list, out.varbinds);
}

}  // namespace

const char* ToString(DecodeStatus status) {
  switch (status) {
    case DecodeStatus::kOk:
      return "ok";
    case DecodeStatus::kTruncated:
      return "truncated";
    case DecodeStatus::kBadTag:
      return "bad tag";
    case DecodeStatus::kBadLength:
      return "bad length";
    case DecodeStatus::kBadVersion:
      return "bad version";
    case DecodeStatus::kBadPduType:
      return "bad PDU type";
    case DecodeStatus::kBadInteger:
      return "bad integer";
    case DecodeStatus::kBadOid:
      return "bad OID";
    case DecodeStatus::kBadValue:
      return "bad value";
    case DecodeStatus::kTrailingBytes:
      return "trailing bytes";
  }
  return "?";
}

DecodeStatus DecodeHeader(std::span<const std::uint8_t> bytes, MessageHeader& out) {
  Reader outer(bytes);
  Bytes msg;
  if (auto s = outer.Expect(tag::kSequence, &msg); s != DecodeStatus::kOk) return s;
  if (!outer.AtEnd()) return DecodeStatus::kTrailingBytes;
  Reader r(msg);
  Bytes field;
  if (auto s = r.Expect(tag::kInteger, &field); s != DecodeStatus::kOk) return s;
  std::int64_t version = -1;
  if (!Signed(field, &version)) return DecodeStatus::kBadInteger;
  if (version != kVersion1 && version != kVersion2c) return DecodeStatus::kBadVersion;
  out.version = static_cast<int>(version);
  if (auto s = r.Expect(tag::kOctetString, &out.community); s != DecodeStatus::kOk) return s;
  Bytes pdu;
  if (auto s = r.Tlv(&out.pdu_tag, &pdu); s != DecodeStatus::kOk) return s;
  if (!r.AtEnd()) return DecodeStatus::kTrailingBytes;
  if ((out.pdu_tag & 0xE0) != 0xA0) return DecodeStatus::kBadPduType;  // not [n] constructed
  Reader p(pdu);
  std::int32_t* ints[] = {&out.request_id, &out.error_status, &out.error_index};
  for (std::int32_t* dst : ints) {
    if (auto s = p.Expect(tag::kInteger, &field); s != DecodeStatus::kOk) return s;
    if (!Int32(field, dst)) return DecodeStatus::kBadInteger;
  }
  if (auto s = p.Expect(tag::kSequence, &out.varbind_list); s != DecodeStatus::kOk) return s;
  if (!p.AtEnd()) return DecodeStatus::kTrailingBytes;
  return DecodeStatus::kOk;
}

DecodeStatus DecodeVarbindList(std::span<const std::uint8_t> list, snmp::Varbinds& out) {
  std::size_t count = 0;
  for (Reader scan(list); !scan.AtEnd() && scan.Skip();) ++count;
  out.reserve(count);
  Reader r(list);
  std::size_t n = 0;
  while (!r.AtEnd()) {
    Bytes vb;
    if (auto s = r.Expect(tag::kSequence, &vb); s != DecodeStatus::kOk) return s;
    Reader vr(vb);
    Bytes name;
    if (auto s = vr.Expect(tag::kObjectId, &name); s != DecodeStatus::kOk) return s;
    std::uint8_t vt = 0;
    Bytes value;
    if (auto s = vr.Tlv(&vt, &value); s != DecodeStatus::kOk) return s;
    if (!vr.AtEnd()) return DecodeStatus::kTrailingBytes;
    if (n == out.size()) out.emplace_back();
    snmp::Varbind& dst = out[n++];
    if (!DecodeOid(name, &dst.oid)) return DecodeStatus::kBadOid;
    if (auto s = DecodeValue(vt, value, &dst.value); s != DecodeStatus::kOk) return s;
  }
  out.resize(n);
  return DecodeStatus::kOk;
}

DecodeStatus DecodeRequest(std::span<const std::uint8_t> bytes, Message& out) {
  return Decode(bytes, out, true);
}

DecodeStatus DecodeMessage(std::span<const std::uint8_t> bytes, Message& out) {
  return Decode(bytes, out, false);
}

}  // namespace surfzone::snmp::ber
