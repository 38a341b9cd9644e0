#!/usr/bin/env bash
# Crash run for accepted turns: a fake Connector on 127.0.0.1 records the bot's replies; the Release bot (SQLite state in
# a temporary folder, State:TurnLease 2 s) is sent TURNS activities (default 500) in bursts while it is killed with
# SIGKILL KILLS times (default 5) at random moments and started again. At the end it counts, per accepted activity
# (answered 200), the message replies that reached the channel: none is a lost turn, more than one a duplicate.
# Bounded: at most 10 minutes. Loopback only.
#   benchmarks/crash.sh [turns] [kills]
set -euo pipefail
cd "$(dirname "$0")/.."
turns="${1:-500}"
kills="${2:-5}"
work=$(mktemp -d)
trap 'kill "${bot:-0}" "${channel:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build -c Release -p:ReadyToRunBuild=false bot >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
bot_port=$(free_port)
channel_port=$(free_port)

# The fake Connector: answers every POST with {"id"} and appends the activity's type and replyToId to a file.
python3 - "$channel_port" "$work/replies.txt" <<'PY' &
import http.server, json, sys, uuid
port, out = int(sys.argv[1]), sys.argv[2]
class Channel(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        with open(out, "a") as f:
            f.write(f"{body.get('type')} {body.get('replyToId')} {body.get('id')}\n")
        reply = json.dumps({"id": uuid.uuid4().hex}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", str(len(reply))); self.end_headers(); self.wfile.write(reply)
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", port), Channel).serve_forever()
PY
channel=$!

start_bot() {
  dotnet bot/bin/Release/net10.0/SummitBot.dll --urls "http://127.0.0.1:$bot_port" --State:Path="$work/state.db" --State:TurnLease=00:00:02 \
    --Retrieval:IndexPath="$work/index" --BotProtocol:MaxQueuedTurns=2048 --BotProtocol:MaxQueuedTurnsPerConversation=1000 >>"$work/bot.log" 2>&1 &
  bot=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$bot_port/healthz" >/dev/null && return; sleep 0.5; done
  echo "the bot did not start"; tail -20 "$work/bot.log"; exit 1
}

send() {   # send N activities with ids from $2 on; records each accepted id
  local from=$2 n=$1
  for i in $(seq "$from" $((from + n - 1))); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --max-time 5 \
      -d "{\"type\":\"message\",\"id\":\"turn-$i\",\"channelId\":\"msteams\",\"serviceUrl\":\"http://127.0.0.1:$channel_port/\",\"from\":{\"id\":\"29:user-$((i % 50))\"},\"recipient\":{\"id\":\"28:bot\"},\"conversation\":{\"id\":\"a:crash-$((i % 50))\",\"conversationType\":\"personal\"},\"text\":\"Where did Lee and Ishiba meet?\"}" \
      "http://127.0.0.1:$bot_port/api/messages" || true)
    [ "$code" = "200" ] && echo "turn-$i" >>"$work/accepted.txt"
  done
}

: >"$work/accepted.txt"; : >"$work/replies.txt"
start_bot
per_round=$(( turns / (kills + 1) ))
sent=0
deadline=$(( $(date +%s) + 600 ))
for round in $(seq 1 "$kills"); do
  send "$per_round" "$sent" & sender=$!
  sleep "0.$(( RANDOM % 9 + 1 ))"; sleep $(( RANDOM % 2 ))
  kill -KILL "$bot"; wait "$bot" 2>/dev/null || true
  wait "$sender" 2>/dev/null || true
  sent=$(( sent + per_round ))
  start_bot
done
send $(( turns - sent )) "$sent"

# Wait for every accepted turn's answer, or the deadline.
while [ "$(date +%s)" -lt "$deadline" ]; do
  answered=$(awk '$1 == "message" {print $2}' "$work/replies.txt" | sort -u | grep -cxFf "$work/accepted.txt" || true)
  [ "$answered" -ge "$(wc -l <"$work/accepted.txt")" ] && break
  sleep 1
done
kill "$bot" 2>/dev/null || true

accepted=$(wc -l <"$work/accepted.txt")
lost=$(comm -23 <(sort -u "$work/accepted.txt") <(awk '$1 == "message" {print $2}' "$work/replies.txt" | sort -u) | wc -l)
duplicated=$(awk '$1 == "message" {print $2}' "$work/replies.txt" | sort | uniq -d | wc -l)
echo "sent: $turns turns, $kills kills (SIGKILL), accepted with 200: $accepted"
echo "answered: $(( accepted - lost )), lost: $lost, duplicated (answered more than once): $duplicated"
echo "answered after a restart (accepted, not answered before the kill): $(grep -c 'accepted but not answered before' "$work/bot.log" || true)"
[ "$lost" -eq 0 ]
