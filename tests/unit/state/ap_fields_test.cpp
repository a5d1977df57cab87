// Every field of ApSnapshot must reach /metrics: changing it alone must change the exposition.
// A field added to the sample but not to EmitSnapshot (exposition.cpp) fails here; a field that
// is deliberately internal goes into kInternal with the reason. The field count is checked too,
// so that a new field is looked at rather than silently covered by a shifted index.
#include <gtest/gtest.h>

#include <boost/pfr.hpp>
#include <optional>
#include <set>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "surfzone/state/exposition.hpp"
#include "surfzone/state/snapshot.hpp"

namespace surfzone::state {
namespace {

// Field indexes (declaration order in snapshot.hpp) that /metrics does not show by design.
const std::set<std::size_t> kInternal = {
    30,  // ssid_clients: summed into the location's per-SSID clients only
    31,  // labels_at: where the AP's label text is in Snapshot::ap_labels (rendering aid)
    32,  // labels_size: same
    33,  // built_from: the builder's change mark
    34,  // facts_from: the builder's change mark
};
constexpr std::size_t kFields = 35;

Snapshot Baseline() {
  Snapshot s;
  ApSnapshot ap;
  ap.name = "ap-1";
  ap.location = "Torget";
  ap.known = true;
  ap.up = true;
  s.aps.push_back(ap);
  LocationSnapshot l;
  l.name = "Torget";
  l.aps = 1;
  l.aps_up = 1;
  s.locations.push_back(l);
  return s;
}

// Sets `field` to a value that differs from the baseline's.
template <typename T>
void Change(T& field) {
  if constexpr (std::is_same_v<T, SharedString>) {
    field = field.str() + "changed";
  } else if constexpr (std::is_same_v<T, bool>) {
    field = !field;
  } else if constexpr (std::is_same_v<T, std::optional<double>>) {
    field = 1234.5;
  } else if constexpr (std::is_same_v<T, std::optional<std::uint64_t>>) {
    field = 7;
  } else if constexpr (std::is_integral_v<T>) {
    field = static_cast<T>(field + 3);
  } else if constexpr (std::is_same_v<T, std::vector<RadioClientsSnapshot>>) {
    field.push_back({"0", "5GHz", 4});
  } else if constexpr (std::is_same_v<T, std::vector<std::pair<std::string, std::uint64_t>>>) {
    field.emplace_back("city", 4);
  } else {
    static_assert(!sizeof(T), "a new field type: teach Change() how to change it");
  }
}

std::string Text(const Snapshot& s) {
  std::string out;
  WriteSnapshotText(s, out);
  return out;
}

TEST(ApSnapshotFields, EveryFieldReachesTheExposition) {
  ASSERT_EQ(boost::pfr::tuple_size_v<ApSnapshot>, kFields)
      << "ApSnapshot gained or lost a field: add it to EmitSnapshot (exposition.cpp) and "
         "Fleet::BuildSnapshot (fleet_snapshot.cpp), then update kFields/kInternal here";
  const std::string base = Text(Baseline());
  for (std::size_t i = 0; i < kFields; ++i) {
    Snapshot s = Baseline();
    std::size_t at = 0;
    boost::pfr::for_each_field(s.aps[0], [&](auto& field) {
      if (at++ == i) Change(field);
    });
    // A radio list only shows with a client count (clients per radio of an AP that has one).
    if (!s.aps[0].radios.empty()) s.aps[0].clients = 4;
    Snapshot with_clients = Baseline();
    with_clients.aps[0].clients = 4;
    const std::string reference = s.aps[0].radios.empty() ? base : Text(with_clients);
    const bool changed = Text(s) != reference;
    if (kInternal.contains(i)) {
      EXPECT_FALSE(changed) << "field " << i << " is listed as internal but shows in /metrics";
    } else {
      EXPECT_TRUE(changed) << "field " << i << " of ApSnapshot does not reach /metrics";
    }
  }
}

}  // namespace
}  // namespace surfzone::state
