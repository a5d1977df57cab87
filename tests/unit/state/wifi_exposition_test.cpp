#include "surfzone/state/exposition.hpp"

#include <gtest/gtest.h>

namespace surfzone::state {
namespace {

const prometheus::MetricFamily* Find(const std::vector<prometheus::MetricFamily>& f,
                                     const std::string& name) {
  for (const auto& family : f) {
    if (family.name == name) return &family;
  }
  return nullptr;
}

std::string Label(const prometheus::ClientMetric& m, const std::string& name) {
  for (const auto& l : m.label) {
    if (l.name == name) return l.value;
  }
  return "<none>";
}

TEST(WifiExposition, ClientAndControllerFamilies) {
  Snapshot s;
  ApSnapshot ap;
  ap.name = "ap-1";
  ap.location = "Torget";
  ap.clients = 7;
  ap.radios = {{"0", "2.4GHz", 3}, {"1", "5GHz", 4}};
  s.aps.push_back(ap);
  ApSnapshot unknown;  // no count: no surfzone_ap_clients sample
  unknown.name = "ap-2";
  unknown.location = "Torget";
  s.aps.push_back(unknown);
  LocationSnapshot l;
  l.name = "Torget";
  l.kind = "square";
  l.clients = 7;
  l.ssid_clients = {{"city-free", 7}};
  s.locations.push_back(l);
  ControllerSnapshot c;
  c.name = "wlc";
  c.up = true;
  c.aps_up = 3;
  c.aps_down = 1;
  c.clients = 23;
  s.controllers.push_back(c);

  const std::vector<prometheus::MetricFamily> out = RenderSnapshot(s);
  for (const char* name : {"surfzone_ap_clients", "surfzone_ap_radio_clients",
                           "surfzone_ssid_clients", "surfzone_location_clients",
                           "surfzone_controller_up", "surfzone_controller_aps",
                           "surfzone_controller_clients"}) {
    EXPECT_NE(Find(out, name), nullptr) << name;
  }
  const auto* ap_clients = Find(out, "surfzone_ap_clients");
  ASSERT_NE(ap_clients, nullptr);
  ASSERT_EQ(ap_clients->metric.size(), 1u);
  EXPECT_EQ(ap_clients->metric[0].gauge.value, 7);
  const auto* radios = Find(out, "surfzone_ap_radio_clients");
  ASSERT_EQ(radios->metric.size(), 2u);
  EXPECT_EQ(Label(radios->metric[1], "band"), "5GHz");
  EXPECT_EQ(radios->metric[1].gauge.value, 4);
  const auto* ssid = Find(out, "surfzone_ssid_clients");
  EXPECT_EQ(Label(ssid->metric[0], "ssid"), "city-free");
  EXPECT_EQ(Find(out, "surfzone_location_clients")->metric[0].gauge.value, 7);
  const auto* aps = Find(out, "surfzone_controller_aps");
  ASSERT_EQ(aps->metric.size(), 2u);
  EXPECT_EQ(Label(aps->metric[1], "state"), "down");
  EXPECT_EQ(aps->metric[1].gauge.value, 1);
  EXPECT_EQ(Find(out, "surfzone_controller_clients")->metric[0].gauge.value, 23);

  // The text fast path writes the same Wi-Fi samples.
  std::string text;
  WriteSnapshotText(s, text);
  EXPECT_NE(text.find("surfzone_ap_radio_clients{ap=\"ap-1\",location=\"Torget\",radio=\"1\",band=\"5GHz\"} 4\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("surfzone_controller_clients{controller=\"wlc\"} 23\n"), std::string::npos);
  EXPECT_TRUE(RenderSnapshot(Snapshot{}).empty());
}

}  // namespace
}  // namespace surfzone::state
