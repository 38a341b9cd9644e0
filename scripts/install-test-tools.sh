#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK and Node.js: Debian's Chromium, which the chat page tests drive
# headless (tests/WebChat). Safe to run again: it installs only what is missing. .ci/run runs it first.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-test-tools: Chromium is missing and this user cannot install it; run as root: apt-get install -y chromium" >&2
  exit 1
fi

echo "install-test-tools: installing Chromium (Debian's package) for the chat page tests…"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "install-test-tools: $(chromium --version)"
