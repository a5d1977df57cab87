#!/usr/bin/env bash
# verify_systemd_unit.sh UNIT DAEMON: systemd-analyze verify of UNIT, with its
# /usr/local/bin/surfzoned replaced by the DAEMON just built (verify checks that the
# executables exist). Exits 77 (skipped, which ctest reports) when systemd-analyze is not
# installed; deploy/scripts/install-deps.sh installs it (package systemd), so CI never skips.
set -euo pipefail
unit=$1 daemon=$2
if ! command -v systemd-analyze >/dev/null 2>&1; then
  echo "systemd-analyze not installed: skipping" >&2
  exit 77
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sed "s|/usr/local/bin/surfzoned|$daemon|g" "$unit" >"$dir/$(basename "$unit")"
out=$(systemd-analyze verify "$dir/$(basename "$unit")" 2>&1) || { echo "$out" >&2; exit 1; }
# verify exits 0 on some warnings (unknown settings, bad values); treat any output as failure.
if [[ -n $out ]]; then echo "$out" >&2; exit 1; fi
echo "systemd-analyze verify: $(basename "$unit") OK"
