#!/usr/bin/env bash
# The whole test suite, as README and CI run it: installs what is missing,
# builds the release preset, starts a throwaway PostgreSQL on localhost, builds
# everything that runs without a display (engine, registry, pipeline, serving,
# CLI) under ASan+UBSan and runs its tests (on SQLite and PostgreSQL), runs each
# libFuzzer target for a bounded time (scripts/fuzz.sh), builds, installs, runs
# and purges the .deb (scripts/package-test.sh), and last runs every test of
# the release build.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

cmake --preset release >/dev/null
cmake --build --preset release -j 2

cluster=$(mktemp -d /tmp/foresight-pg.XXXXXX)
trap 'scripts/pg-test-cluster.sh stop "$cluster"' EXIT
export FORESIGHT_TEST_PG_URI
FORESIGHT_TEST_PG_URI=$(scripts/pg-test-cluster.sh start "$cluster" auto)
echo "test.sh: PostgreSQL test cluster at $FORESIGHT_TEST_PG_URI" >&2

status=0
echo "== Headless suite under ASan+UBSan (engine, registry, pipeline, serving, CLI)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j 2
ctest --preset asan || status=1

# Each libFuzzer target replays its corpus and regression inputs, then fuzzes
# for a bounded time (FORESIGHT_FUZZ_SECONDS per target, default 30).
echo "== Fuzzing (libFuzzer, ASan+UBSan)"
scripts/fuzz.sh "${FORESIGHT_FUZZ_SECONDS:-30}" || status=1

# The .deb from the release tree: install, run the installed programs, purge.
echo "== Package test (.deb: install, run, purge)"
if scripts/package-test.sh build/release; then
  echo "test.sh: package test PASS"
else
  echo "test.sh: package test FAIL"
  status=1
fi

# Last, so that the whole suite's ctest summary closes the output.
echo "== Whole test suite (release)"
ctest --preset release || status=1
exit $status
