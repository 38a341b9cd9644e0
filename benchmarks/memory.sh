#!/usr/bin/env bash
# Peak memory of the running bot under questions: starts the Release bot on 127.0.0.1, asks it N questions
# (default 1,000: every `ask:` of both suites in turn, four at a time, through POST /api/ask), then prints the
# bot's peak and current resident memory as Linux counts them (VmHWM, VmRSS) and the answers' status codes.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
port="${PORT:-39781}"
dotnet build -c Release bot >/dev/null
dotnet bot/bin/Release/net10.0/SummitBot.dll --urls "http://127.0.0.1:$port" >/tmp/summitbot-memory.log 2>&1 &
bot=$!
trap 'kill $bot 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
start_hwm=$(awk '/VmHWM/ {print $2}' "/proc/$bot/status")
questions=$(mktemp)
sed -n 's/^ *- *ask: *//p; s/^ *ask: *//p' tests/qa/summit.qa.yaml tests/qa/summit.heldout.qa.yaml | sed 's/^"\(.*\)"$/\1/' > "$questions"
started=$(date +%s.%N)
for i in $(seq 0 $((count - 1))); do
  sed -n "$(( i % $(wc -l < "$questions") + 1 ))p" "$questions"
done | tr '\n' '\0' | xargs -0 -P 4 -I{} python3 -c '
import json, sys, urllib.request
body = json.dumps({"question": sys.argv[1]}).encode()
request = urllib.request.Request(sys.argv[2], body, {"Content-Type": "application/json"})
try:
    sys.stdout.write(f"{urllib.request.urlopen(request, timeout=60).status}\n")
except urllib.error.HTTPError as e:
    sys.stdout.write(f"{e.code}\n")
' {} "http://127.0.0.1:$port/api/ask" | sort | uniq -c | sed 's/^/  HTTP /'
elapsed=$(echo "$(date +%s.%N) - $started" | bc)
echo "$count questions in ${elapsed%.*} s"
awk -v start="$start_hwm" '/VmHWM/ {printf "peak RSS %.0f MB (%.0f MB after start-up)\n", $2/1024, start/1024} /VmRSS/ {printf "RSS now %.0f MB\n", $2/1024}' "/proc/$bot/status"
rm -f "$questions"
