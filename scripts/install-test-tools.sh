#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK and Node.js, from Debian's packages: Chromium, which the chat
# page tests drive headless (tests/WebChat), and the PostgreSQL server, whose throwaway cluster the state tests
# start themselves (tests/State/Support/PostgresServer.cs). Safe to run again: it installs only what is missing.
# .ci/run runs it first.
set -euo pipefail

missing=()
if ! command -v chromium >/dev/null 2>&1 && [ -z "${CHROMIUM_PATH:-}" ]; then
  missing+=(chromium fonts-dejavu-core)
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && [ -z "${SUMMITBOT_TEST_POSTGRES:-}" ]; then
  missing+=(postgresql)
fi
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-test-tools: missing ${missing[*]}, and this user cannot install them; run as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "install-test-tools: installing ${missing[*]} (Debian's packages) for the tests…"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The package starts a cluster of its own; the tests start theirs on a free port and need none running.
if command -v pg_ctlcluster >/dev/null 2>&1; then
  for cluster in /etc/postgresql/*/main; do
    [ -d "$cluster" ] || continue
    version=$(basename "$(dirname "$cluster")")
    "${as_root[@]}" pg_ctlcluster "$version" main stop >/dev/null 2>&1 || true
  done
fi
echo "install-test-tools: done"
