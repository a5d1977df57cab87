#!/usr/bin/env bash
# The test command: installs dependencies, builds with warnings as errors, runs every test.
# Exits non-zero on any failure.
#
# Environment:
#   SURFZONE_BUILD_DIR        build directory (default: build)
#   SURFZONE_WERROR           ON|OFF, warnings as errors (default: ON)
#   SURFZONE_SANITIZERS=1     also build with ASan+UBSan in $SURFZONE_ASAN_BUILD_DIR and run the
#                             tests not labelled slow again, and build the threaded libraries'
#                             unit suites with TSan in $SURFZONE_TSAN_BUILD_DIR and run them and
#                             the tests labelled concurrent (default: 1 when CI=true, else 0)
#   SURFZONE_ASAN_BUILD_DIR   ASan+UBSan build directory (default: build-asan)
#   SURFZONE_ASAN_CTEST_ARGS  which tests the ASan phase runs (default: "-LE slow")
#   SURFZONE_TSAN_BUILD_DIR   TSan build directory (default: build-tsan)
#   SURFZONE_CTEST_ARGS       extra ctest arguments, e.g. "-R ConfigLoad"
set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo_root"

build_dir=${SURFZONE_BUILD_DIR:-build}
asan_dir=${SURFZONE_ASAN_BUILD_DIR:-build-asan}
tsan_dir=${SURFZONE_TSAN_BUILD_DIR:-build-tsan}
werror=${SURFZONE_WERROR:-ON}
if [[ ${CI:-} == true ]]; then sanitizers=${SURFZONE_SANITIZERS:-1}; else sanitizers=${SURFZONE_SANITIZERS:-0}; fi
read -r -a ctest_extra <<<"${SURFZONE_CTEST_ARGS:-}"
read -r -a asan_ctest_args <<<"${SURFZONE_ASAN_CTEST_ARGS:--LE slow}"
# The unit suites of the libraries that run threads, for the TSan phase (see tests/README.md).
tsan_suites=(log http state core)

timings=()
phase() {  # phase NAME COMMAND... : runs COMMAND, records how long it took and whether it failed
  local name=$1 start=$SECONDS rc=0
  shift
  echo "=== ${name}"
  "$@" || rc=$?
  timings+=("$(printf '%-24s %5ds%s' "$name" $((SECONDS - start)) "$( ((rc == 0)) || echo "  FAILED (exit $rc)")")")
  return "$rc"
}
report() {
  local rc=$?
  if [[ ${#timings[@]} -gt 0 ]]; then
    echo "=== phase timings"
    printf '  %s\n' "${timings[@]}"
  fi
  [[ $rc -eq 0 ]] || echo "=== tests/run.sh FAILED (exit $rc)" >&2
}
trap report EXIT

run_ctest() {  # run_ctest BUILD_DIR [ctest args...]
  local dir=$1
  shift
  ctest --test-dir "$dir" --output-on-failure --no-tests=error -j2 --timeout 300 "$@" \
    "${ctest_extra[@]}"
}

phase "install-deps" bash deploy/scripts/install-deps.sh
phase "build" bash deploy/scripts/build.sh "$build_dir" -DSURFZONE_WERROR="$werror" -DSURFZONE_BUILD_TESTS=ON
phase "test" run_ctest "$build_dir"

if [[ $sanitizers == 1 ]]; then
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:strict_string_checks=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
  phase "build (asan+ubsan)" bash deploy/scripts/build.sh "$asan_dir" -DCMAKE_BUILD_TYPE=Debug \
    -DSURFZONE_WERROR="$werror" -DSURFZONE_BUILD_TESTS=ON -DSURFZONE_SANITIZE=address,undefined
  phase "test (asan+ubsan)" run_ctest "$asan_dir" "${asan_ctest_args[@]}"

  export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
  tsan_targets=$(printf 'surfzone_%s_test ' "${tsan_suites[@]}")
  phase "build (tsan)" env SURFZONE_BUILD_TARGETS="$tsan_targets" bash deploy/scripts/build.sh \
    "$tsan_dir" -DSURFZONE_WERROR="$werror" -DSURFZONE_BUILD_TESTS=ON -DSURFZONE_SANITIZE=thread
  tsan_labels=$(IFS='|'; echo "${tsan_suites[*]}")
  phase "test (tsan)" run_ctest "$tsan_dir" -L "^(${tsan_labels}|concurrent)\$"
fi
