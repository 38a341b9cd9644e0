#!/usr/bin/env bash
# Load on the bot's own Direct Line 3.0: starts the Release bot on a free 127.0.0.1 port, then N visitors at once
# (default 200) each take a page token, start a conversation, open its WebSocket stream, wait for the welcome and
# ask Q questions (default 5) one after another. Prints answers, errors and retries, wall time, throughput, answer
# latency p50/p90/p99/max, the bot's CPU time and resident memory (VmRSS sampled every 0.2 s, VmHWM, VmRSS after).
# Exits 1 if any question went unanswered, was answered twice or on another conversation's stream, or anything failed.
# Bounded: the load run stops after 10 minutes, an answer is waited for at most 60 s.
#   benchmarks/load.sh [visitors] [questions]
#   BOT_ARGS='--BotProtocol:MaxQueuedTurns=64' benchmarks/load.sh 400   # more bot settings; 503s are retried and counted
set -euo pipefail
cd "$(dirname "$0")/.."
visitors="${1:-200}"
questions="${2:-5}"
log=/tmp/summitbot-load.log
samples=$(mktemp)

# Both builds without ReadyToRun: the benchmarks' Release build builds the bot again through its project reference,
# and a different setting there would swap the bot's assemblies under the first build's feet.
build() { dotnet build -c Release -p:ReadyToRunBuild=false "$1" >/tmp/summitbot-load-build.log 2>&1 || { tail -20 /tmp/summitbot-load-build.log; exit 1; }; }
build bot
build benchmarks

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# One address plays every visitor, so the per-address limits (meant for an office behind one address) are raised;
# the turn queue (BotProtocol:MaxQueuedTurns) is left at its default unless BOT_ARGS says otherwise.
# shellcheck disable=SC2086
dotnet bot/bin/Release/net10.0/SummitBot.dll --urls "http://127.0.0.1:$port" \
  --DirectLine:TokensPerMinutePerAddress=100000 --DirectLine:PostsPerMinutePerAddress=100000 \
  --DirectLine:PostsPerMinutePerToken=1000 ${BOT_ARGS:-} >"$log" 2>&1 &
bot=$!
sampler=
cleanup() {
  [[ -n "$sampler" ]] && kill "$sampler" 2>/dev/null || true
  kill "$bot" 2>/dev/null || true
  rm -f "$samples"
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  kill -0 "$bot" 2>/dev/null || { echo "the bot exited at start-up:"; tail -20 "$log"; exit 1; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || { echo "the bot did not answer /healthz within 60 s"; exit 1; }
kb() { awk -v key="$1:" '$1 == key {print $2}' "/proc/$bot/status" 2>/dev/null || true; }
started_rss=$(kb VmRSS)

( while kill -0 "$bot" 2>/dev/null; do kb VmRSS >>"$samples"; sleep 0.2; done ) &
sampler=$!

cpu() { awk -v tick="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / tick}' "/proc/$bot/stat" 2>/dev/null || echo 0; }
started_cpu=$(cpu)
status=0
dotnet benchmarks/bin/Release/net10.0/SummitBot.Benchmarks.dll load "http://127.0.0.1:$port" "$visitors" "$questions" || status=$?
kill -0 "$bot" 2>/dev/null || { echo "the bot died during the run:"; tail -20 "$log"; exit 1; }
after_rss=$(kb VmRSS)
run_cpu=$(awk -v a="$started_cpu" -v b="$(cpu)" 'BEGIN {printf "%.1f", b - a}')
sleep 10   # idle, streams closed: what the bot keeps once the load has gone
idle_rss=$(kb VmRSS)
hwm=$(kb VmHWM)
kill "$sampler" 2>/dev/null || true
sampler=
sampled=$(sort -n "$samples" | tail -1)

kill "$bot"
for _ in $(seq 1 50); do kill -0 "$bot" 2>/dev/null || break; sleep 0.2; done
kill -0 "$bot" 2>/dev/null && kill -KILL "$bot"
mb() { awk -v kb="${1:-0}" 'BEGIN {printf "%.0f MB", kb / 1024}'; }
echo "bot RSS: $(mb "$started_rss") after start-up, peak $(mb "$hwm") (VmHWM; highest sampled VmRSS $(mb "$sampled")), $(mb "$after_rss") right after the run, $(mb "$idle_rss") after 10 s idle"
echo "bot CPU during the run: $run_cpu s (user + system)"
echo "bot log: $log ($(grep -E '^(warn|fail|crit)' "$log" | grep -vc AuthModeLog || true) warnings or errors besides the anonymous-mode notice)"
exit "$status"
