#!/usr/bin/env bash
# Installs every Debian 12 package needed to build, test and demo surfzone.
# Idempotent: when all packages are already installed it returns at once (no root needed).
# Usage: deploy/scripts/install-deps.sh        (as root, or a user with sudo)
set -euo pipefail

readonly PACKAGES=(
  build-essential cmake pkg-config git
  libboost1.81-dev libsnmp-dev prometheus-cpp-dev libyaml-cpp-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  libspdlog-dev libfmt-dev libcli11-dev libjemalloc-dev
  libssl-dev libcrypt-dev openssl zlib1g-dev
  snmpd snmp snmpsim prometheus prometheus-alertmanager curl
  victoria-metrics   # the region example: vmalert checks, and the store of tests/e2e_region
  systemd   # systemd-analyze, to verify deploy/systemd/surfzoned.service (nothing is started)
)

is_installed() {  # is_installed PACKAGE: true if dpkg has it fully installed
  dpkg-query -W -f='${db:Status-Status}\n' "$1" 2>/dev/null | grep -qx installed
}

missing_packages() {  # fills the array "missing" with the packages not installed yet
  missing=()
  local p
  for p in "${PACKAGES[@]}"; do
    is_installed "$p" || missing+=("$p")
  done
}

missing_packages
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"

if [[ $(id -u) -eq 0 ]]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: missing packages (${missing[*]}) and not root, and sudo is not available." >&2
  echo "install-deps: run this script as root, or install the packages above yourself." >&2
  exit 1
fi

# Installing snmpd/prometheus would start system services (snmpd on UDP 161). We only ever
# run our own agents on loopback ports, so forbid service starts for the duration of the
# install with a policy-rc.d, unless the machine already has one (then it is left alone).
policy=/usr/sbin/policy-rc.d
created_policy=0
cleanup() {
  if [[ $created_policy -eq 1 ]]; then "${as_root[@]}" rm -f "$policy"; fi
}
trap cleanup EXIT
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\n# temporary, from surfzone install-deps.sh\nexit 101\n' \
    | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod 755 "$policy"
  created_policy=1
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"

missing_packages
if [[ ${#missing[@]} -ne 0 ]]; then
  echo "install-deps: still missing after apt-get: ${missing[*]}" >&2
  exit 1
fi
echo "install-deps: done"
