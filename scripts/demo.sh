#!/usr/bin/env bash
# The main job on the built-in sample data: installs what is missing, builds,
# generates the synthetic Adventure Works export and builds its daily revenue
# series. Output goes to ./demo-output (or $1).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-demo-output}

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j 2 --target foresight

foresight=build/release/app/cli/foresight
rm -rf "$out/sample"
mkdir -p "$out"
"$foresight" data sample --out "$out/sample" --seed 42
"$foresight" data validate "$out/sample"
"$foresight" data series "$out/sample" --measure revenue --freq D --out "$out/daily_revenue.csv"
"$foresight" data series "$out/sample" --measure revenue --freq D --by territory --out "$out/daily_revenue_by_territory.csv"
echo
echo "Sample export:            $out/sample/"
echo "Daily revenue series:     $out/daily_revenue.csv"
echo "By territory:             $out/daily_revenue_by_territory.csv"
