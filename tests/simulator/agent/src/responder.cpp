#include "surfzone/sim/responder.hpp"

#include <algorithm>

namespace surfzone::sim {
namespace {

using snmp::Oid;
using snmp::Value;
using snmp::ValueType;
using snmp::Varbind;

std::optional<Value> GetVisible(const MibView& mib, const Oid& oid, int version) {
  auto v = mib.Get(oid);
  if (v && version == ber::kVersion1 && v->type == ValueType::kCounter64) return std::nullopt;
  return v;
}

std::optional<Varbind> NextVisible(const MibView& mib, const Oid& oid, int version) {
  auto next = mib.Next(oid);
  // v1 has no Counter64: walk past such instances (bounded by the MIB's size).
  while (next && version == ber::kVersion1 && next->value.type == ValueType::kCounter64) {
    next = mib.Next(next->oid);
  }
  return next;
}

// snmpd's distinction: noSuchInstance when the object (the OID minus its last arc) has instances.
ValueType AbsentKind(const MibView& mib, const Oid& oid) {
  if (oid.size() < 2) return ValueType::kNoSuchObject;
  const Oid parent(std::vector<std::uint32_t>(oid.arcs().begin(), oid.arcs().end() - 1));
  auto next = mib.Next(parent);
  return next && next->oid.StartsWith(parent) ? ValueType::kNoSuchInstance
                                              : ValueType::kNoSuchObject;
}

void EchoWithError(const ber::Message& request, std::int32_t status, std::size_t index,
                   ber::Message& response) {
  response.error_status = status;
  response.error_index = static_cast<std::int32_t>(index);
  response.varbinds = request.varbinds;
}

void Get(const ber::Message& request, const MibView& mib, ber::Message& response) {
  for (std::size_t i = 0; i < request.varbinds.size(); ++i) {
    const Oid& oid = request.varbinds[i].oid;
    auto v = GetVisible(mib, oid, request.version);
    if (!v) {
      if (request.version == ber::kVersion1) {
        return EchoWithError(request, ber::error_status::kNoSuchName, i + 1, response);
      }
      v = Value::Exception(AbsentKind(mib, oid));
    }
    response.varbinds.push_back(Varbind{oid, std::move(*v)});
  }
}

void GetNext(const ber::Message& request, const MibView& mib, ber::Message& response) {
  for (std::size_t i = 0; i < request.varbinds.size(); ++i) {
    const Oid& oid = request.varbinds[i].oid;
    auto next = NextVisible(mib, oid, request.version);
    if (!next) {
      if (request.version == ber::kVersion1) {
        return EchoWithError(request, ber::error_status::kNoSuchName, i + 1, response);
      }
      next = Varbind{oid, Value::Exception(ValueType::kEndOfMibView)};
    }
    response.varbinds.push_back(std::move(*next));
  }
}

Varbind NextOrEnd(const MibView& mib, const Oid& oid) {
  auto next = mib.Next(oid);
  return next ? std::move(*next) : Varbind{oid, Value::Exception(ValueType::kEndOfMibView)};
}

void GetBulk(const ber::Message& request, const MibView& mib, std::size_t budget,
             ber::Message& response) {
  const std::size_t count = request.varbinds.size();
  const std::size_t non_rep =
      std::min(count, static_cast<std::size_t>(std::max(request.non_repeaters(), 0)));
  const std::size_t reps = static_cast<std::size_t>(std::max(request.max_repetitions(), 0));
  const std::size_t width = count - non_rep;
  std::size_t used = 0;
  for (std::size_t i = 0; i < non_rep; ++i) {
    response.varbinds.push_back(NextOrEnd(mib, request.varbinds[i].oid));
    used += ber::EncodedSize(response.varbinds.back());
  }
  // Non-repeaters alone must fit; otherwise the caller answers tooBig.
  if (used > budget || width == 0) return;
  for (std::size_t row = 0; row < reps; ++row) {
    const std::size_t row_start = response.varbinds.size();
    std::size_t row_bytes = 0;
    bool all_end = true;
    for (std::size_t c = 0; c < width; ++c) {
      const Varbind& prev =
          row == 0 ? request.varbinds[non_rep + c] : response.varbinds[row_start - width + c];
      Varbind vb = prev.value.type == ValueType::kEndOfMibView && row > 0
                       ? Varbind{prev.oid, prev.value}
                       : NextOrEnd(mib, prev.oid);
      all_end = all_end && vb.value.type == ValueType::kEndOfMibView;
      row_bytes += ber::EncodedSize(vb);
      response.varbinds.push_back(std::move(vb));
    }
    if (used + row_bytes > budget) {
      // Only whole rows: a client resumes from the last complete row.
      response.varbinds.resize(row_start);
      return;
    }
    used += row_bytes;
    if (all_end) return;
  }
}

}  // namespace

bool Respond(const ber::Message& request, const MibView& mib, const std::string& community,
             const ResponderOptions& options, ber::Message& response) {
  if (request.community != community) return false;
  response.version = request.version;
  response.community = request.community;
  response.type = ber::PduType::kResponse;
  response.request_id = request.request_id;
  response.error_status = ber::error_status::kNoError;
  response.error_index = 0;
  response.varbinds.clear();
  const std::size_t envelope = ber::EncodedEnvelopeSize(response, options.max_message_size);
  const std::size_t budget =
      options.max_message_size > envelope ? options.max_message_size - envelope : 0;
  switch (request.type) {
    case ber::PduType::kGet:
      Get(request, mib, response);
      break;
    case ber::PduType::kGetNext:
      GetNext(request, mib, response);
      break;
    case ber::PduType::kGetBulk:
      GetBulk(request, mib, budget, response);
      break;
    default:
      return false;
  }
  std::size_t bytes = 0;
  for (const auto& vb : response.varbinds) bytes += ber::EncodedSize(vb);
  if (bytes > budget) {
    response.error_status = ber::error_status::kTooBig;
    response.error_index = 0;
    response.varbinds.clear();
    return ber::EncodedEnvelopeSize(response, 0) <= options.max_message_size;
  }
  return true;
}

}  // namespace surfzone::sim
