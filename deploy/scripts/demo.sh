#!/usr/bin/env bash
# The main command: installs dependencies, builds surfzoned and the fleet simulator, starts the
# simulated Helsingborg fleet (deploy/demo/helsingborg.yaml: 200+ access points at 45 places,
# SNMP on 127.0.0.1) and runs the daemon against it, printing live lines from /metrics until
# Ctrl-C. Everything it started is stopped and its temp dir removed on exit.
#
# Environment:
#   SURFZONE_BUILD_DIR        build directory (default: build)
#   SURFZONE_DEMO_FLEET       fleet file (default: deploy/demo/helsingborg.yaml)
#   SURFZONE_DEMO_LISTEN      daemon listen address (default: 127.0.0.1:9877)
#   SURFZONE_DEMO_SIM_LISTEN  simulator truth/fault API address (default: 127.0.0.1:9878)
#   SURFZONE_DEMO_SPEED       simulated seconds per real second (default: the fleet file's)
#   SURFZONE_DEMO_BASE_PORT   first UDP port of the simulated APs (default: the fleet file's, 16100)
#   SURFZONE_DEMO_INTERVAL    poll interval (default: 10s)
#   SURFZONE_DEMO_EVERY       seconds between metric printouts (default: 5)
#   SURFZONE_DEMO_DURATION    stop by itself after this many seconds (default: 0 = until Ctrl-C)
#   SURFZONE_DEMO_SKIP_BUILD  1 = skip install-deps and build, use the existing binaries
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo_root"

build_dir=${SURFZONE_BUILD_DIR:-build}
fleet=${SURFZONE_DEMO_FLEET:-deploy/demo/helsingborg.yaml}
listen=${SURFZONE_DEMO_LISTEN:-127.0.0.1:9877}
sim_listen=${SURFZONE_DEMO_SIM_LISTEN:-127.0.0.1:9878}
interval=${SURFZONE_DEMO_INTERVAL:-10s}
every=${SURFZONE_DEMO_EVERY:-5}
duration=${SURFZONE_DEMO_DURATION:-0}
daemon_bin=$build_dir/daemon/surfzoned
sim_bin=$build_dir/tests/simulator/app/surfzone-sim

work_dir=""
pids=()
sim_pid=""

log() { printf '[demo] %s\n' "$*"; }

cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null && kill -CONT "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [[ -n $work_dir ]]; then rm -rf "$work_dir"; fi
}
trap cleanup EXIT
trap 'echo; log "stopping"; exit 130' INT TERM

# start_fleet CONFIG: starts surfzone-sim with the fleet file; it also writes the surfzoned
# configuration for exactly that fleet to CONFIG, so the two can never disagree.
start_fleet() {
  local args=(--fleet "$fleet" --write-config "$1" --interval "$interval" --timeout 2s
    --web.listen-address "$sim_listen")
  [[ -n ${SURFZONE_DEMO_SPEED:-} ]] && args+=(--speed "$SURFZONE_DEMO_SPEED")
  [[ -n ${SURFZONE_DEMO_BASE_PORT:-} ]] && args+=(--base-port "$SURFZONE_DEMO_BASE_PORT")
  "$sim_bin" "${args[@]}" </dev/null >"$work_dir/surfzone-sim.log" 2>&1 &
  sim_pid=$!
  pids+=("$sim_pid")
  local tries
  for ((tries = 0; tries < 100; tries++)); do
    curl -sf --max-time 1 -o /dev/null "http://$sim_listen/clock" && break
    if ! kill -0 "$sim_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  if ! curl -sf --max-time 1 -o /dev/null "http://$sim_listen/clock"; then
    log "the simulator did not start; its log:" >&2
    cat "$work_dir/surfzone-sim.log" >&2
    exit 1
  fi
  log "fleet: $(grep -c '^ *- name: ' "$1") access points and controllers ($fleet)"
}

print_metrics() {  # a few live lines: APs up, location states, busiest locations, clients
  local body
  body=$(curl -sf --max-time 5 "http://$listen/metrics") || { log "metrics: no answer"; return; }
  printf -- '--- %s\n' "$(date +%T)"
  awk '
    function loc() { match($0, /location="[^"]*"/); return substr($0, RSTART + 10, RLENGTH - 11) }
    /^surfzone_ap_up\{/ { aps++; up += $NF }
    /^surfzone_location_aps\{/ { total[loc()] = $NF }
    /^surfzone_location_aps_up\{/ { lup[loc()] = $NF }
    /^surfzone_location_traffic_bytes_total\{/ { bytes[loc()] += $NF }
    /^surfzone_location_clients\{/ { clients[loc()] = $NF; city += $NF }
    /^surfzone_controller_up\{/ { ctl++; ctl_up += $NF }
    function top3(arr, fmt, scale,   order, n, i, j, t, out) {
      n = 0
      for (l in arr) order[++n] = l
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (arr[order[j]] > arr[order[i]]) { t = order[i]; order[i] = order[j]; order[j] = t }
      out = ""
      for (i = 1; i <= 3 && i <= n; i++) out = out sprintf(fmt, order[i], arr[order[i]] / scale)
      return out
    }
    END {
      for (l in total) { if (lup[l] == total[l]) nup++; else if (lup[l] > 0) { ndeg++; deg = deg " " l } else { ndown++; down = down " " l } }
      printf "access points up: %d/%d   locations: %d up, %d degraded, %d down   controllers up: %d/%d\n", up, aps, nup, ndeg, ndown, ctl_up, ctl
      if (ndown) printf "  down:%s\n", down
      if (ndeg) printf "  degraded:%s\n", deg
      printf "busiest since start (rx+tx):%s\n", top3(bytes, "  %s %.1f MB", 1e6)
      printf "clients now (surfzoned):     %d in the city;%s\n", city, top3(clients, "  %s %d", 1)
    }' <<<"$body"
  # The simulator's own count, to compare with. It is higher: it includes the clients of the
  # demo's `generic` APs (Olympiastadion, Helsingborg Arena, one at Tropical Beach), whose
  # agents have no Wi-Fi MIB, so no poller can count them; and it changes every simulated
  # minute, so a poll that saw the previous minute differs by a few.
  local clients
  clients=$(curl -sf --max-time 5 "http://$sim_listen/truth/clients") || return 0
  awk -F'\t' '{ total += $1 } END { printf "clients now (simulator truth): %d in the city (incl. generic APs without a client MIB)\n", total }' <<<"$clients"
}

if [[ ${SURFZONE_DEMO_SKIP_BUILD:-0} != 1 ]]; then
  bash deploy/scripts/install-deps.sh
  # A new build directory is configured without the tests (no GoogleTest or promtool needed);
  # an existing one keeps its settings.
  demo_cmake_args=()
  [[ -f $build_dir/CMakeCache.txt ]] || demo_cmake_args=(-DSURFZONE_BUILD_TESTS=OFF)
  SURFZONE_BUILD_TARGETS="surfzoned surfzone-sim" bash deploy/scripts/build.sh "$build_dir" \
    "${demo_cmake_args[@]}"
fi
[[ -x $daemon_bin ]] || { log "no daemon binary at $daemon_bin" >&2; exit 1; }
[[ -x $sim_bin ]] || { log "no simulator binary at $sim_bin" >&2; exit 1; }
if curl -s --max-time 1 -o /dev/null "http://$listen/"; then
  log "something already listens on $listen; set SURFZONE_DEMO_LISTEN" >&2
  exit 1
fi

work_dir=$(mktemp -d "${TMPDIR:-/tmp}/surfzone-demo.XXXXXX")
start_fleet "$work_dir/surfzoned.yaml"
"$daemon_bin" --config.file "$work_dir/surfzoned.yaml" --check-config >/dev/null

"$daemon_bin" --config.file "$work_dir/surfzoned.yaml" --web.listen-address "$listen" \
  --log.level info </dev/null >"$work_dir/surfzoned.log" 2>&1 &
daemon_pid=$!
pids+=("$daemon_pid")
for ((tries = 0; ; tries++)); do
  curl -sf --max-time 1 -o /dev/null "http://$listen/-/ready" && break
  if ! kill -0 "$daemon_pid" 2>/dev/null || ((tries >= 300)); then
    log "surfzoned did not become ready; its log:" >&2
    cat "$work_dir/surfzoned.log" >&2
    exit 1
  fi
  sleep 0.1
done

log "surfzoned (pid $daemon_pid) is ready"
log "metrics:  http://$listen/metrics"
log "config:   $work_dir/surfzoned.yaml   log: $work_dir/surfzoned.log"
log "truth:    http://$sim_listen/truth (the simulator's exact numbers)"
log "try:      curl -X POST -d 'location=Stortorget&kind=down&duration=1800' http://$sim_listen/faults"
log "press Ctrl-C to stop"

started=$SECONDS
while :; do
  if ! kill -0 "$daemon_pid" 2>/dev/null; then
    log "surfzoned exited; its log:" >&2
    tail -n 50 "$work_dir/surfzoned.log" >&2
    exit 1
  fi
  print_metrics
  if ((duration > 0 && SECONDS - started >= duration)); then break; fi
  sleep "$every"
done
log "done after ${duration}s"
