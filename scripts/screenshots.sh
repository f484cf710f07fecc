#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png: builds the workbench and the CLI, fills
# a temporary registry with two versions of a daily revenue model (through
# the CLI), then runs the workbench's screenshot tour (ui/window/ScreenshotTour:
# every page at 1280x800 and at 1024x700 - Start, Data, Explore, Models with
# the forecast ahead and one backtest fold, Compare before and after a
# promotion, Registry - plus Data at 1920x1080) on the offscreen platform,
# or under xvfb-run with --xvfb.
#   scripts/screenshots.sh [--xvfb] [--data AW_FOLDER] [BUILD_DIR]   (default build/release)
# --data takes an Adventure Works sales export (AdventureWorks_Sales_*.csv);
# without it the built-in sample is shown. The docs' set is made with the
# real data: scripts/screenshots.sh --data /work/shared/data/adventureworks
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
xvfb=0
data=
while [[ $# -gt 0 ]]; do
  case $1 in
    --xvfb) xvfb=1; shift ;;
    --data) data=$(cd "$2" && pwd); shift 2 ;;
    *) break ;;
  esac
done
build=${1:-$root/build/release}
out=$root/docs/screenshots

cmake --build "$build" --target foresight-workbench foresight
cli=$build/app/cli/foresight
workbench=$build/app/workbench/foresight-workbench
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
reg="sqlite://$work/registry.db"

if [[ -z $data ]]; then
  "$cli" data sample --out "$work/sample" >/dev/null
  source=$work/sample
else
  source=$data
fi
# The registry's "revenue" is the daily revenue series the workbench builds
# by default: the champion a seasonal naive model, an ETS challenger.
"$cli" data series "$source" --measure revenue --freq D --out "$work/revenue.csv"
"$cli" fit --data "$work/revenue.csv" --model snaive --out "$work/snaive.json"
"$cli" fit --data "$work/revenue.csv" --model 'ets(error=A,trend=N,season=A)' --out "$work/ets.json"
"$cli" registry push --registry "$reg" --name revenue --model "$work/snaive.json" \
  --description "Daily revenue" >/dev/null
"$cli" registry promote --registry "$reg" revenue 1 --expect none --reason "first model" >/dev/null
"$cli" registry push --registry "$reg" --name revenue --model "$work/ets.json" --alias challenger >/dev/null

mkdir -p "$out"
rm -f "$out"/*.png
run=("$workbench" --settings "$work/settings.ini" --registry "$reg" --screenshot-dir "$out")
[[ -n $data ]] && run+=("$data")
if ((xvfb)); then
  xvfb-run -a -s "-screen 0 1920x1080x24" "${run[@]}"
else
  QT_QPA_PLATFORM=offscreen "${run[@]}"
fi
# Smaller files, same pixels, when optipng is installed.
if command -v optipng >/dev/null; then optipng -quiet -o2 "$out"/*.png; fi
echo "screenshots: $(ls "$out"/*.png | wc -l) PNG files in $out" >&2
