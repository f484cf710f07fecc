#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: builds the workbench and the CLI, fills
# a temporary registry with two versions of a daily revenue model (through
# the CLI), then runs the workbench's screenshot tour (sample loaded, every
# page visited, a backtest of four models on the Models page) on the
# offscreen platform, or under xvfb-run with --xvfb.
#   scripts/screenshots.sh [--xvfb] [BUILD_DIR]   (default build/release)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
xvfb=0
if [[ ${1:-} == --xvfb ]]; then xvfb=1; shift; fi
build=${1:-$root/build/release}
out=$root/docs/screenshots

cmake --build "$build" --target foresight-workbench foresight
cli=$build/app/cli/foresight
workbench=$build/app/workbench/foresight-workbench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
reg="sqlite://$work/registry.db"

"$cli" data sample --out "$work/sample" >/dev/null
"$cli" data series "$work/sample" --measure revenue --freq D --out "$work/revenue.csv"
"$cli" fit --data "$work/revenue.csv" --model snaive --out "$work/snaive.json"
"$cli" fit --data "$work/revenue.csv" --model 'ets(error=A,trend=N,season=A)' --out "$work/ets.json"
"$cli" registry push --registry "$reg" --name revenue --model "$work/snaive.json" \
  --description "Daily revenue of the sample" >/dev/null
"$cli" registry promote --registry "$reg" revenue 1 --expect none --reason "first model" >/dev/null
"$cli" registry push --registry "$reg" --name revenue --model "$work/ets.json" --alias challenger >/dev/null

mkdir -p "$out"
run=("$workbench" --settings "$work/settings.ini" --registry "$reg" --screenshot-dir "$out")
if ((xvfb)); then
  xvfb-run -a -s "-screen 0 1920x1080x24" "${run[@]}"
else
  QT_QPA_PLATFORM=offscreen "${run[@]}"
fi
echo "screenshots: $(ls "$out"/*.png | wc -l) PNG files in $out" >&2
