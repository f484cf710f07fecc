#!/usr/bin/env bash
# Checks generated man pages: each renders with groff's warnings on and
# none printed, and has the NAME, SYNOPSIS and DESCRIPTION sections.
# Used by ctest and by scripts/package-test.sh.
#   check-man.sh PAGE.1.gz...
set -euo pipefail
(($# > 0)) || { echo "usage: check-man.sh PAGE.1.gz..." >&2; exit 2; }
for page in "$@"; do
  roff=$(zcat -f "$page")
  warnings=$(groff -man -Tutf8 -ww -z <<<"$roff" 2>&1) || true
  if [[ -n $warnings ]]; then
    echo "check-man: $page: $warnings" >&2
    exit 1
  fi
  for section in NAME SYNOPSIS DESCRIPTION; do
    grep -q "^\.SH $section" <<<"$roff" || { echo "check-man: $page has no $section" >&2; exit 1; }
  done
done
echo "check-man: $# page(s) render without warnings"
