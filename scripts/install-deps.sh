#!/usr/bin/env bash
# Installs the Debian 12 packages Foresight needs to build, test and run,
# skipping what is already there. Needs root (or sudo).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git ccache
  # Qt 6.4's HttpServer CMake package refuses to configure without WebSockets
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev
  libqt6sql6-sqlite libqt6sql6-psql libqt6svg6 qt6-svg-dev
  libeigen3-dev nlohmann-json3-dev
  postgresql-15 sqlite3
  xvfb xauth
  # packaging: python3 writes the man pages and completion, file and dpkg-dev
  # let CPack compute Depends, the rest check the package (scripts/package-test.sh)
  python3 file dpkg-dev curl groff-base desktop-file-utils appstream lintian
  # fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes
  clang-14 libclang-rt-14-dev llvm-14
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present" >&2
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done" >&2
