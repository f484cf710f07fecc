#!/usr/bin/env bash
# Fuzzes the parsers for a bounded time (tests/fuzz, docs/testing.md):
# configures and builds the `fuzz` preset (clang-14, libFuzzer, ASan+UBSan),
# replays every committed corpus and regression input through CTest, then
# runs each target for SECONDS on a copy of its corpus in a temporary folder
# (the committed corpus never grows by itself). Exits 1 on any finding and
# prints where the input that caused it was saved.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     default 30
set -euo pipefail

seconds=${1:-30}
if [[ ! $seconds =~ ^[0-9]+$ ]] || ((seconds < 1)); then
  echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]   (a whole number of seconds, default 30)" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

echo "== fuzz: configure and build (preset fuzz, build/fuzz)"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j2

echo "== fuzz: replay the committed corpora and regression inputs"
ctest --preset fuzz -L fuzz

targets=()
for source in tests/fuzz/*.cpp; do
  targets+=("$(basename "$source" .cpp)")
done

work=$(mktemp -d "${TMPDIR:-/tmp}/foresight-fuzz.XXXXXX")
findings=0
for t in "${targets[@]}"; do
  mkdir -p "$work/$t/corpus" "$work/$t/findings"
  cp -R "tests/fuzz/corpus/$t/." "$work/$t/corpus/"
  echo "== fuzz: $t for ${seconds}s"
  rc=0
  # -timeout: one input running longer is a finding (a hang);
  # -rss_limit_mb: so is a process growing past 2 GiB.
  "build/fuzz/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work/$t/findings/" "$work/$t/corpus" >"$work/$t/log" 2>&1 || rc=$?
  grep -E '^#[0-9]+[[:space:]]+DONE' "$work/$t/log" | tail -1 || true
  if ((rc != 0)) || [[ -n $(ls -A "$work/$t/findings") ]]; then
    findings=$((findings + 1))
    echo "FINDING in $t (libFuzzer exit $rc); log: $work/$t/log"
    grep -E 'FUZZ ORACLE VIOLATED|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|==[0-9]+==' \
      "$work/$t/log" | head -5 || true
    for input in "$work/$t/findings"/*; do
      [[ -e $input ]] && echo "  input: $input   (keep it in tests/fuzz/regressions/$t/ once fixed)"
    done
  fi
done

if ((findings > 0)); then
  echo "fuzz: $findings of ${#targets[@]} targets found a problem; inputs and logs are under $work"
  exit 1
fi
rm -rf "$work"
echo "fuzz: ${#targets[@]} targets ran ${seconds}s each without a finding"
