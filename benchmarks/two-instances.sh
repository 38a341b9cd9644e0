#!/usr/bin/env bash
# Load on two instances sharing one PostgreSQL: starts a throwaway PostgreSQL cluster (Debian's server, as
# scripts/install-test-tools.sh installs it; a temporary folder, a free loopback port, its default durability) and
# two Release bots on two ports with ConnectionStrings:State pointing at it, then the Direct Line load run with
# VISITORS conversations (default 200) of QUESTIONS turns (default 5), every request sent to either instance at
# random: a visitor's WebSocket stays on the instance that started its conversation while its questions are posted
# through both. Prints answers, lost (unanswered), duplicated and crossed replies (the load run's violations),
# requests per instance, turns per second and latency p50/p99. Exits 1 on any violation or error.
# Bounded: the load run stops after 10 minutes. Loopback only.
#   benchmarks/two-instances.sh [visitors] [questions]
set -euo pipefail
cd "$(dirname "$0")/.."
visitors="${1:-200}"
questions="${2:-5}"
work=$(mktemp -d)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL's server is not installed: run scripts/install-test-tools.sh"; exit 1; }
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres user the package created.
  chown postgres:postgres "$work"
  as_pg=(runuser -u postgres --)
fi
bots=()
cleanup() {
  for pid in "${bots[@]}"; do kill "$pid" 2>/dev/null || true; done
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_port=$(free_port)
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg" -U summitbot --auth=trust -E UTF8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; exit 1; }
# Room for both instances' pools (Npgsql's default Maximum Pool Size is 100 each) and their listening connections.
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-k $work -h 127.0.0.1 -p $pg_port -c max_connections=250" start >/dev/null
"$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U summitbot -d postgres -qc "CREATE DATABASE summitbot" >/dev/null
state="Host=127.0.0.1;Port=$pg_port;Username=summitbot;Database=summitbot"

build() { dotnet build -c Release -p:ReadyToRunBuild=false "$1" >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }; }
build bot
build benchmarks

addresses=()
for name in a b; do
  port=$(free_port)
  # One address plays every visitor, so the per-address limits (meant for an office behind one address) are raised.
  dotnet bot/bin/Release/net10.0/SummitBot.dll --urls "http://127.0.0.1:$port" --ConnectionStrings:State="$state" \
    --Retrieval:IndexPath="$work/index-$name" \
    --DirectLine:TokensPerMinutePerAddress=100000 --DirectLine:PostsPerMinutePerAddress=100000 \
    --DirectLine:PostsPerMinutePerToken=1000 >"/tmp/summitbot-two-instances-$name.log" 2>&1 &
  bots+=("$!")
  addresses+=("http://127.0.0.1:$port")
done
for address in "${addresses[@]}"; do
  for _ in $(seq 1 120); do curl -sf "$address/healthz" >/dev/null && break; sleep 0.5; done
  curl -sf "$address/healthz" >/dev/null || { echo "the bot at $address did not answer /healthz within 60 s"; tail -20 /tmp/summitbot-two-instances-*.log; exit 1; }
done

status=0
dotnet benchmarks/bin/Release/net10.0/SummitBot.Benchmarks.dll load "$(IFS=,; echo "${addresses[*]}")" "$visitors" "$questions" || status=$?
for pid in "${bots[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a bot died during the run"; status=1; }; done
sleep 2   # a turn is forgotten just after its answer is written
kept=$("$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U summitbot -d summitbot -tAc "SELECT COUNT(*) FROM accepted_turns")
echo "accepted turns still waiting in the database: $kept"
[ "$kept" = "0" ] || status=1
for name in a b; do
  echo "bot $name log: /tmp/summitbot-two-instances-$name.log ($(grep -E '^(warn|fail|crit)' "/tmp/summitbot-two-instances-$name.log" | grep -vc AuthModeLog || true) warnings or errors besides the anonymous-mode notice)"
done
exit "$status"
