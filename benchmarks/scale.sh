#!/usr/bin/env bash
# How retrieval scales: the shipped corpus at 1x, 100x and 10,000x (or the multiples given), each in its own
# process: index build time, query latency p50/p99 over the shipped suite's questions, managed heap, peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release benchmarks >/dev/null
for copies in "${@:-1 100 10000}"; do
  dotnet benchmarks/bin/Release/net10.0/SummitBot.Benchmarks.dll scale "$copies"
done
