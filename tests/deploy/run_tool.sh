#!/usr/bin/env bash
# run_tool.sh TOOL PACKAGE [ARGS...]: runs TOOL ARGS, looking TOOL up on PATH when the test runs.
# A missing tool is a failure, not a skip: deploy/scripts/install-deps.sh installs PACKAGE.
set -euo pipefail
tool=$1 package=$2
shift 2
if ! command -v "$tool" >/dev/null 2>&1; then
  echo "FAILED: $tool not found on PATH; install the Debian package '$package'" \
    "(deploy/scripts/install-deps.sh installs it)" >&2
  exit 1
fi
exec "$tool" "$@"
