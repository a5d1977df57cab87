#!/usr/bin/env bash
# check_runbook_links.sh ALERT_RULES RUNBOOK: every alert in ALERT_RULES has a severity of page
# or ticket and a runbook_url whose #anchor is a section of RUNBOOK (GitHub-style anchors:
# heading text lowercased, spaces to dashes, other punctuation dropped), named after the alert.
set -euo pipefail
rules=$1 runbook=$2
anchors=$(sed -n 's/^##* //p' "$runbook" | tr '[:upper:]' '[:lower:]' | tr ' ' '-' | tr -cd 'a-z0-9_\n-')
failures=0
fail() { echo "FAILED: $*" >&2; failures=$((failures + 1)); }

# One record per alert: name, severity, runbook anchor (awk walks the rule list in order).
records=$(awk '
  function flush() { if (name != "") print name, (sev == "" ? "-" : sev), (anchor == "" ? "-" : anchor) }
  /^ *- alert: / { flush(); name = $3; sev = ""; anchor = "" }
  /^ *- record: / { flush(); name = "" }
  /^ *severity: / && name != "" { sev = $2 }
  /^ *runbook_url: / && name != "" { n = split($2, parts, "#"); anchor = (n > 1 ? parts[n] : "") }
  END { flush() }' "$rules")
[[ -n $records ]] || fail "no alerts found in $rules"
while read -r name severity anchor; do
  [[ $severity == page || $severity == ticket ]] || fail "$name: severity '$severity' is not page|ticket"
  want=$(tr '[:upper:]' '[:lower:]' <<<"$name")
  [[ $anchor == "$want" ]] || fail "$name: runbook_url anchor '#$anchor', expected '#$want'"
  grep -qx -- "$anchor" <<<"$anchors" || fail "$name: $runbook has no section for '#$anchor'"
done <<<"$records"
echo "checked $(wc -l <<<"$records") alerts against $runbook"
exit $((failures > 0))
