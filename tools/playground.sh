#!/usr/bin/env bash
# `make playground`: the bot in local mode plus Microsoft's Teams emulator (Microsoft 365 Agents
# Playground) wired to it. Prints the emulator's URL; Ctrl-C stops both.
#
# It always starts a bot of its own (a `make run` bot on 3978 is left alone): that bot's coordinator
# is the emulator's user, so every command can be tried, and its database is data/playground.db.
#
# Environment: PLAYGROUND_BOT_PORT (the playground's bot, 3979), PLAYGROUND_PORT (web UI, 56150),
# KASVUOPAS_DB (data/playground.db), KASVUOPAS_COORDINATORS (defaults to the emulator's user).
set -euo pipefail

cd "$(dirname "$0")/.."
BOT_PORT="${PLAYGROUND_BOT_PORT:-3979}"
UI_PORT="${PLAYGROUND_PORT:-56150}"
BOT_URL="http://127.0.0.1:${BOT_PORT}"
PY=.venv/bin/python
EMULATOR_USER_AAD_ID=00000000-0000-4000-8000-0000000000a1  # tests/e2e/playground.py ME_AAD_OBJECT_ID

# Emulator <-> bot traffic is loopback; botbuilder's connector would otherwise honour HTTP(S)_PROXY.
export NO_PROXY="${NO_PROXY:+$NO_PROXY,}127.0.0.1,localhost" no_proxy="${no_proxy:+$no_proxy,}127.0.0.1,localhost"

die() { echo "playground: $*" >&2; exit 1; }

[[ -x .venv/bin/kasvuopas ]] || die "the bot is not installed: run \`make install\`"
[[ -f node_modules/@microsoft/m365agentsplayground/cli.js ]] \
  || die "the Teams emulator is not installed: run \`npm ci\` (or \`make install\`)"
command -v node >/dev/null || die "Node.js is not installed; install Node.js 20 or newer"

healthy() {
  "$PY" - "$BOT_URL/healthz" <<'EOF'
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=1) as response:
        sys.exit(0 if response.status == 200 else 1)
except Exception:
    sys.exit(1)
EOF
}

BOT_PID=""
cleanup() {
  trap - EXIT INT TERM
  if [[ -n "$BOT_PID" ]] && kill -0 "$BOT_PID" 2>/dev/null; then
    kill -TERM "$BOT_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$BOT_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$BOT_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if healthy; then
  die "port $BOT_PORT is taken by another bot (perhaps an earlier playground); stop it or set PLAYGROUND_BOT_PORT"
else
  mkdir -p data
  # Local mode whatever .env says: the emulator sends no token and uses a made-up tenant.
  MicrosoftAppId= MicrosoftAppPassword= KASVUOPAS_ALLOWED_TENANTS= \
    PORT="$BOT_PORT" HOST=127.0.0.1 \
    KASVUOPAS_DB="${KASVUOPAS_DB:-data/playground.db}" \
    KASVUOPAS_COORDINATORS="${KASVUOPAS_COORDINATORS:-$EMULATOR_USER_AAD_ID}" \
    .venv/bin/kasvuopas serve &
  BOT_PID=$!
  for _ in $(seq 150); do
    healthy && break
    kill -0 "$BOT_PID" 2>/dev/null || die "the bot exited during start-up (see above)"
    sleep 0.2
  done
  healthy || die "the bot did not answer $BOT_URL/healthz within 30 s"
fi

cat <<EOF

  In the emulator, pick a conversation on the left:
    - Personal chat: type "apua" (or "help").
    - Group chat / a channel of the team: type "@", pick Kasvuopas, then "apua".
  The emulator always sends locale en-US, so the bot may answer in English; "language fi" switches.

EOF
"$PY" tests/e2e/playground.py --bot-endpoint "$BOT_URL/api/messages" --port "$UI_PORT"
