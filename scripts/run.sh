#!/usr/bin/env bash
# Serve Reframe: the action server on $ACTIONS_PORT, Rasa on $RASA_PORT, the chat page on $WEB_PORT.
# Works with or without a terminal; Ctrl-C, SIGTERM or any server dying stops them all.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="${BIN:-.venv/bin}"
MODEL="${REFRAME_MODEL:-models/reframe.tar.gz}"
RASA_PORT="${RASA_PORT:-5005}"
ACTIONS_PORT="${ACTIONS_PORT:-5055}"
WEB_PORT="${WEB_PORT:-8000}"
# Pages allowed to talk to Rasa (REST via --cors, socket.io via reframe_channels/socketio.py).
export REFRAME_CORS_ORIGINS="${REFRAME_CORS_ORIGINS:-http://localhost:$WEB_PORT http://127.0.0.1:$WEB_PORT}"
CORS="$REFRAME_CORS_ORIGINS"
ENDPOINTS="${REFRAME_ENDPOINTS:-endpoints.yml}"
CREDENTIALS="${REFRAME_CREDENTIALS:-credentials.yml}"
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-3}" RASA_TELEMETRY_ENABLED=false SQLALCHEMY_SILENCE_UBER_WARNING=1

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM
trap stop EXIT

# PostgreSQL or Redis down at start: say which and stop, instead of Rasa retrying silently for ever.
"$BIN/python" scripts/check_stores.py "$ENDPOINTS" || exit $?

echo "reframe: action server on :$ACTIONS_PORT"
"$BIN/rasa" run actions --actions actions --port "$ACTIONS_PORT" &
pids+=("$!")

if [ "$WEB_PORT" != "off" ]; then
  RASA_PORT="$RASA_PORT" "$BIN/python" scripts/serve_web.py --port "$WEB_PORT" &
  pids+=("$!")
fi

# shellcheck disable=SC2206
cors_args=(--cors $CORS)
echo "reframe: Rasa on :$RASA_PORT (model $MODEL, REST: POST http://localhost:$RASA_PORT/webhooks/rest/webhook)"
"$BIN/rasa" run --model "$MODEL" --port "$RASA_PORT" --endpoints "$ENDPOINTS" --credentials "$CREDENTIALS" \
  "${cors_args[@]}" &
pids+=("$!")

# Stop all as soon as one exits.
wait -n "${pids[@]}"
status=$?
echo "reframe: a server stopped (exit $status); stopping the others" >&2
exit "$status"
