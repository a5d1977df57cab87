#!/usr/bin/env bash
# Makes deploy/demo/prometheus.png, the picture in README.md: the demo (simulated Helsingborg
# fleet at 60x real time) scraped by a real Prometheus for a few minutes, a fault injected at
# Stortorget, and Prometheus' graph of clients per kind of location rendered by headless
# Chromium. Needs a build (deploy/scripts/demo.sh builds one) and the Debian packages
# prometheus and chromium. Everything listens on 127.0.0.1 only.
#
#   deploy/scripts/demo-screenshot.sh [OUT.png]   (default: deploy/demo/prometheus.png)
set -euo pipefail
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo_root"
out=${1:-deploy/demo/prometheus.png}
run_s=${SURFZONE_SHOT_SECONDS:-240}
tmp=$(mktemp -d)
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

SURFZONE_DEMO_SKIP_BUILD=1 SURFZONE_DEMO_LISTEN=127.0.0.1:19877 \
  SURFZONE_DEMO_SIM_LISTEN=127.0.0.1:19878 SURFZONE_DEMO_BASE_PORT=26100 \
  SURFZONE_DEMO_INTERVAL=5s SURFZONE_DEMO_DURATION=$((run_s + 60)) \
  deploy/scripts/demo.sh >"$tmp/demo.log" 2>&1 &
pids+=($!)
cat >"$tmp/prometheus.yml" <<YAML
global: {scrape_interval: 5s, evaluation_interval: 5s}
scrape_configs:
  - job_name: surfzone
    static_configs: [{targets: ["127.0.0.1:19877"]}]
YAML
prometheus --config.file="$tmp/prometheus.yml" --storage.tsdb.path="$tmp/data" \
  --web.listen-address=127.0.0.1:19090 >"$tmp/prometheus.log" 2>&1 &
pids+=($!)
for _ in $(seq 120); do curl -fs http://127.0.0.1:19877/-/ready >/dev/null && break; sleep 1; done
sleep $((run_s / 2))
# Half-way: Stortorget loses power for 30 simulated minutes.
curl -fs -X POST -d 'location=Stortorget&kind=down&duration=1800' http://127.0.0.1:19878/faults
sleep $((run_s / 2))
expr='sum by (kind) (surfzone_location_clients)'
url="http://127.0.0.1:19090/graph?g0.expr=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1]))' "$expr")&g0.tab=0&g0.stacked=1&g0.range_input=$((run_s / 60))m"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,880 \
  --virtual-time-budget=15000 --screenshot="$tmp/shot.png" "$url" 2>"$tmp/chromium.log"
cp "$tmp/shot.png" "$out"
echo "wrote $out"
