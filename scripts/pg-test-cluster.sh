#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 cluster on 127.0.0.1 for the test
# suite. `start DIR PORT` prints the URI to use; `stop DIR` removes it.
# PORT `auto` takes the first free port from 54329 to 54428, so a second
# suite (or a developer's own cluster) on the same machine does not collide.
set -euo pipefail

action=${1:?usage: pg-test-cluster.sh start DIR PORT|auto | stop DIR}
dir=${2:?cluster directory}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x "$bin/initdb" ]] || { echo "pg-test-cluster: PostgreSQL server binaries not found" >&2; exit 1; }

# initdb and postgres refuse to run as root: run them as the postgres user then.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

case "$action" in
  start)
    port=${3:?port}
    if [[ $port == auto ]]; then
      port=
      for candidate in $(seq 54329 54428); do
        # Something answers on the port: taken. Refused: free.
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
      done
      [[ -n $port ]] || { echo "pg-test-cluster: no free port from 54329 to 54428" >&2; exit 1; }
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U foresight --auth=trust -E UTF8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U foresight foresight_test
    echo "postgresql://foresight@127.0.0.1:$port/foresight_test"
    ;;
  stop)
    if [[ -d "$dir/data" ]]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *) echo "usage: pg-test-cluster.sh start DIR PORT|auto | stop DIR" >&2; exit 2 ;;
esac
