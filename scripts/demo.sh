#!/usr/bin/env bash
# The main job on the built-in sample data: installs what is missing, builds,
# generates the synthetic Adventure Works export, and runs the pipeline
# (resources/pipelines/sample.json: backtest the candidates, gate, register
# and promote in an SQLite registry, export the Power BI CSV, write the
# report). Output goes to ./demo-output (or $1). Running it again retrains:
# the registry keeps its champion unless the new run proves a better one.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-demo-output}

scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j 2 --target foresight

foresight=build/release/app/cli/foresight
rm -rf "$out/sample" "$out/run"
mkdir -p "$out"
out=$(cd "$out" && pwd)
registry="sqlite://$out/registry.db"
"$foresight" data sample --out "$out/sample" --seed 42
"$foresight" pipeline run resources/pipelines/sample.json --data "$out/sample" \
  --registry "$registry" --out "$out/run"
"$foresight" registry history sample-revenue --registry "$registry"
echo
echo "Registry:          $registry"
echo "Forecast CSV:      $out/run/powerbi.csv   (load it in Power BI: docs/powerbi.md)"
echo "Report:            $out/run/report.md     (every number: $out/run/report.json)"
