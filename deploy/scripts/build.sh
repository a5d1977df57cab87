#!/usr/bin/env bash
# Configures and builds surfzone (daemon, tests) with CMake.
# Usage: deploy/scripts/build.sh [BUILD_DIR] [extra cmake args...]
#   BUILD_DIR defaults to "build" (relative to the repository root).
#   Extra args go to the configure step and win over the defaults, e.g.
#   deploy/scripts/build.sh build-debug -DCMAKE_BUILD_TYPE=Debug
# Environment: SURFZONE_BUILD_TARGETS="surfzoned ..." builds only those targets;
#   SURFZONE_BUILD_JOBS overrides the parallelism (default: nproc).
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo_root"

build_dir=${1:-build}
shift || true
jobs=${SURFZONE_BUILD_JOBS:-$(nproc)}

cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
targets=()
if [[ -n ${SURFZONE_BUILD_TARGETS:-} ]]; then
  read -r -a names <<<"$SURFZONE_BUILD_TARGETS"
  targets=(--target "${names[@]}")
fi
cmake --build "$build_dir" -j"$jobs" "${targets[@]}"
