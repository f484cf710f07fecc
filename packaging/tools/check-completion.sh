#!/usr/bin/env bash
# Checks a generated foresight bash completion by asking it what <Tab> offers
# after a few command lines. Used by ctest and by scripts/package-test.sh.
#   check-completion.sh COMPLETION_FILE
set -euo pipefail
file=${1:?usage: check-completion.sh COMPLETION_FILE}

offers() {  # offers WORD... : the completions after the words, space separated
  bash -c 'source "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _foresight; echo " ${COMPREPLY[*]} "' \
    "$file" "$@"
}
expect() {  # expect WANTED WORD...
  local wanted=$1; shift
  local got; got=$(offers "$@")
  if [[ $got != *" $wanted "* ]]; then
    echo "check-completion: '$*' offers [$got], not '$wanted'" >&2
    exit 1
  fi
}
expect data foresight da
expect sample foresight data s
expect --out foresight data sample --o
expect promote foresight registry pr
expect expanding foresight backtest --window e
expect revenue foresight data series --measure r
echo "check-completion: $file completes commands, subcommands, options and values"
