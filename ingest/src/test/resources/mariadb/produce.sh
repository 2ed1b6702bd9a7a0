#!/usr/bin/env bash
# Rewrites slow.log and error.log in this folder from a throwaway MariaDB server (Debian's
# mariadb-server package, run as root): the schema, a DELETE/INSERT rebuild workload, two real
# two-session deadlocks (record locks, then insert intention on a gap), a restart and a shutdown.
# Usage: produce.sh [output-dir]   (default: the folder of this script)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
work="$(mktemp -d)"
# On any failure too: stop the server this script started (by its pid), then remove its files.
cleanup() {
  if [ -e "$work/mdb.pid" ]; then
    kill "$(cat "$work/mdb.pid")" 2>/dev/null || true
    while [ -e "$work/mdb.pid" ]; do sleep 0.2; done
  fi
  rm -rf "$work"
}
trap cleanup EXIT
sock="$work/mdb.sock"
client=(mariadb --no-defaults --default-character-set=utf8mb4 -S "$sock" -uroot)

start() {
  mariadbd --no-defaults --user=root --datadir="$work/data" --socket="$sock" --skip-networking \
    --pid-file="$work/mdb.pid" --log-error="$work/error.log" --innodb-buffer-pool-size=64M --character-set-server=utf8mb4 \
    --slow-query-log=1 --slow-query-log-file="$work/slow.log" --long-query-time=0 \
    --log-slow-verbosity=query_plan,explain,innodb --log-slow-admin-statements=ON \
    --innodb-print-all-deadlocks=ON --log-warnings=2 &
  for _ in $(seq 1 60); do
    "${client[@]}" -e 'SELECT 1' >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "mariadbd did not start; see $work/error.log" >&2
  exit 1
}

stop() {
  mariadb-admin --no-defaults -S "$sock" -uroot shutdown
  while [ -e "$work/mdb.pid" ]; do sleep 0.2; done
}

# Two sessions that each lock one row, wait, then want the other's: InnoDB rolls one back.
deadlock() {
  local first="$1" second="$2"
  "${client[@]}" <"$here/$first" >/dev/null 2>&1 &
  local pid=$!
  "${client[@]}" <"$here/$second" >/dev/null 2>&1 || true
  wait "$pid" || true
}

mariadb-install-db --no-defaults --user=root --datadir="$work/data" \
  --auth-root-authentication-method=normal >/dev/null
start
"${client[@]}" <"$here/schema.sql"
"${client[@]}" <"$here/workload.sql" >/dev/null
deadlock deadlock-accounts-a.sql deadlock-accounts-b.sql
deadlock deadlock-gap-a.sql deadlock-gap-b.sql
"${client[@]}" -e "CREATE USER app@localhost IDENTIFIED BY 'app-secret'"
mariadb --no-defaults -S "$sock" -uapp -pwrong -e 'SELECT 1' >/dev/null 2>&1 || true
stop
start
"${client[@]}" ads -e "SELECT COUNT(*) FROM ad_logs WHERE note = 'café ☕'" >/dev/null
stop
cp "$work/slow.log" "$out/slow.log"
cp "$work/error.log" "$out/error.log"
mariadbd --version
