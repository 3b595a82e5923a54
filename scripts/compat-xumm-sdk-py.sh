#!/usr/bin/env bash
# Compatibility check: the public xumm-sdk-py (PyPI) against `pushdesk simulator`.
# usage: scripts/compat-xumm-sdk-py.sh [PATH-TO-pushdesk-BINARY]
# env:   VENV (default .build/compat-venv), XUMM_SDK_PY_VERSION (default: latest)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VENV:-.build/compat-venv}"
BIN="${1:-}"

if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install -q "xumm-sdk-py${XUMM_SDK_PY_VERSION:+==$XUMM_SDK_PY_VERSION}"

if [ -z "$BIN" ]; then
  swift build --product pushdesk >/dev/null
  BIN="$(swift build --show-bin-path)/pushdesk"
fi

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
KEY="$(python3 -c 'import uuid; print(uuid.uuid4())')"
SECRET="$(python3 -c 'import uuid; print(uuid.uuid4())')"
LOG="$(mktemp)"
"$BIN" simulator --host 127.0.0.1 --port "$PORT" --api-key "$KEY" --api-secret "$SECRET" --time-scale 0.5 --xapp --log-level warning >"$LOG" 2>&1 &
SIM_PID=$!
trap 'kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; rm -f "$LOG"' EXIT

for _ in $(seq 1 100); do
  grep -q '^base url:' "$LOG" && break
  kill -0 "$SIM_PID" 2>/dev/null || { cat "$LOG"; echo "simulator exited" >&2; exit 1; }
  sleep 0.1
done
BASE="$(sed -n 's/^base url: *//p' "$LOG")"
[ -n "$BASE" ] || { cat "$LOG"; echo "simulator did not start" >&2; exit 1; }
echo "simulator at $BASE"

SIM_BASE="$BASE" SIM_KEY="$KEY" SIM_SECRET="$SECRET" "$VENV/bin/python" scripts/compat_xumm_sdk_py.py
