#!/usr/bin/env bash
# The delivery fault benchmark: the real bot answering N conversations (default 200) at once through a fake
# Connector on 127.0.0.1 that fails the first attempt of every POST (429, 500, reset, 15 s hang, in turn).
# Prints answers delivered, lost and duplicated, and delivery time p50/p99; exits 1 if any was lost or duplicated.
# Bounded: it waits at most the delivery deadline (BotProtocol:Connector:DeliveryDeadline) plus a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project benchmarks -- faults "${1:-200}"
