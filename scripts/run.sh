#!/usr/bin/env bash
# Runs the whole service on this machine, for development and demos (`make run`):
#
#   0. a development payload encryption key in data/codec-keys.yaml (made once, kept after),
#      the Web UI's decoding URL token in data/codec-ui-token, and data/run.env, which tells
#      the CLI in other terminals which config, keys and Temporal this stack uses;
#   1. the Temporal dev server with its Web UI, its state kept in data/temporal.db so that
#      handoffs survive a restart, and the handoff search attributes registered;
#   2. the development API tokens in data/api-tokens.yaml (made once; after a switch of config,
#      tokens are added for the agents the file lacks);
#   3. `starter devagents`, the stand-in for the bots' webhooks and the notification service;
#   4. the worker;
#   5. the HTTP API (`starter serve`).
#
# It prints the URLs once everything answers, then waits. Ctrl-C (SIGINT) or SIGTERM stops
# everything it started, in reverse order, and waits for each to exit. Logs go to data/*.log
# (the previous run's to data/*.log.1).
#
# Settings (environment):
#   TEMPORAL_PORT     dev server gRPC port               (default 7233)
#   UI_PORT           Web UI port                        (default 8233)
#   API_LISTEN        API address                        (default 127.0.0.1:8080)
#   DEVAGENTS_LISTEN  dev agents address                 (default 127.0.0.1:8090; the example
#                     configs send bots' webhooks there, so change both together)
#   WORKER_METRICS_LISTEN, API_METRICS_LISTEN
#                     Prometheus /metrics of the worker and the API
#                     (default 127.0.0.1:9464 and 127.0.0.1:9465)
#   HANDOFF_CONFIG    config file     (default config/examples/real-estate.yaml; `make run
#                     CONFIG=config/examples/agent-league.yaml` sets it; data/ is kept)
#   START_TIMEOUT     seconds to wait for each component (default 60)
#   HANDOFF_STORE_URL the handoff log (default sqlite://data/handoffs.db; `bin/starter stats`
#                     reads it)
#   BUSY              whose stand-in calendar shows them busy from the start, and for how
#                     long (default maria=30m: the tour's first offer goes to james, and maria's
#                     says why; BUSY= leaves everyone free)
set -euo pipefail

cd "$(dirname "$0")/.."

TEMPORAL_PORT=${TEMPORAL_PORT:-7233}
UI_PORT=${UI_PORT:-8233}
API_LISTEN=${API_LISTEN:-127.0.0.1:8080}
DEVAGENTS_LISTEN=${DEVAGENTS_LISTEN:-127.0.0.1:8090}
WORKER_METRICS_LISTEN=${WORKER_METRICS_LISTEN:-127.0.0.1:9464}
API_METRICS_LISTEN=${API_METRICS_LISTEN:-127.0.0.1:9465}
START_TIMEOUT=${START_TIMEOUT:-60}
BUSY=${BUSY-maria=30m}
HANDOFF_CONFIG=${HANDOFF_CONFIG:-config/examples/real-estate.yaml}
# The handoff log: a SQLite file next to the dev server's, kept across restarts like it.
HANDOFF_STORE_URL=${HANDOFF_STORE_URL:-sqlite://data/handoffs.db}
export HANDOFF_STORE_URL

TEMPORAL=bin/temporal
WORKER=bin/worker
STARTER=bin/starter
DATA=data
TOKENS_FILE=$DATA/api-tokens.yaml
TEMPORAL_ADDRESS=127.0.0.1:$TEMPORAL_PORT

# The worker and the API reach this dev server, whatever the shell has set for another one.
export TEMPORAL_ADDRESS
unset TEMPORAL_API_KEY TEMPORAL_TLS TEMPORAL_TLS_CERT TEMPORAL_TLS_KEY TEMPORAL_TLS_CA \
	TEMPORAL_TLS_SERVER_NAME TEMPORAL_TLS_DISABLE_HOST_VERIFICATION

SEARCH_ATTRIBUTES=(HandoffSource=Keyword HandoffTarget=Keyword HandoffOutcome=Keyword HandoffPhase=Keyword HandoffScenario=Keyword HandoffCompleteness=Double)

say() { printf '%s\n' "$*"; }
fail() {
	printf 'make run: %s\n' "$*" >&2
	exit 1
}

[ -f "$HANDOFF_CONFIG" ] || fail "config file $HANDOFF_CONFIG not found"
# The worker, the API and the CLI read the config from here.
export HANDOFF_CONFIG

for bin in "$TEMPORAL" "$WORKER" "$STARTER"; do
	[ -x "$bin" ] || fail "$bin is missing: run \`make run\` (it builds it) or \`make build temporal\`"
done
command -v curl >/dev/null || fail "curl is needed to check that the API is up"

# port_busy HOST:PORT: something already accepts connections there.
port_busy() {
	local host=${1%:*} port=${1##*:}
	(exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

for addr in "$TEMPORAL_ADDRESS" "127.0.0.1:$UI_PORT" "$API_LISTEN" "$DEVAGENTS_LISTEN" "$WORKER_METRICS_LISTEN" "$API_METRICS_LISTEN"; do
	if port_busy "$addr"; then
		fail "$addr is already in use (is another \`make run\` going?). Stop it, or pick other ports:
  TEMPORAL_PORT=17233 UI_PORT=18233 API_LISTEN=127.0.0.1:18080 DEVAGENTS_LISTEN=127.0.0.1:18090 \\
  WORKER_METRICS_LISTEN=127.0.0.1:19464 API_METRICS_LISTEN=127.0.0.1:19465 make run
(with another DEVAGENTS_LISTEN, point the config's agent URLs there too: the examples use 127.0.0.1:8090)"
	fi
done

mkdir -p "$DATA"

# --- starting and stopping -------------------------------------------------------------------

NAMES=()
PIDS=()
LOGS=()

# start NAME LOG COMMAND...: runs COMMAND in the background in a process group of its own, so
# a Ctrl-C in the terminal reaches only this script, which then stops everything in order.
start() {
	local name=$1 log=$2
	shift 2
	[ -f "$log" ] && mv -f "$log" "$log.1"
	set -m
	(trap - PIPE && exec "$@") >"$log" 2>&1 </dev/null &
	set +m
	NAMES+=("$name")
	PIDS+=("$!")
	LOGS+=("$log")
}

# stop_one INDEX: SIGTERM to the process group, then up to 40 s (the worker lets running
# activities finish for up to worker.shutdown_timeout, 30 s by default), then SIGKILL.
stop_one() {
	local i=$1 pid=${PIDS[$1]} waited=0
	kill -0 "$pid" 2>/dev/null || {
		wait "$pid" 2>/dev/null || true
		return 0
	}
	say "stopping ${NAMES[$i]} (pid $pid)"
	kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
	while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 400 ]; do
		sleep 0.1
		waited=$((waited + 1))
	done
	if kill -0 "$pid" 2>/dev/null; then
		say "${NAMES[$i]} did not stop in 40 s: killing it"
		kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
	fi
	wait "$pid" 2>/dev/null || true
}

stopping=0
# stop_all [STATUS]: stops everything started, newest first, and exits with STATUS. It goes
# on when it cannot print (a `make run | tee` whose tee got the Ctrl-C too).
stop_all() {
	local status=${1:-0} i
	trap '' INT TERM
	set +e
	[ "$stopping" = 1 ] && return 0
	stopping=1
	say ""
	for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
		stop_one "$i"
	done
	[ "$status" = 0 ] && say "stopped; data kept in $DATA/ (\`make reset\` deletes it)"
	exit "$status"
}
trap 'stop_all 0' INT TERM
# A closed output (a pipe whose reader quit) must not kill this script before it has stopped
# what it started: writes then fail instead, and set -e or the traps lead to stop_all.
trap '' PIPE
trap 'stop_all 1' HUP
# Whatever way this script ends (an error under set -e included), nothing is left running.
trap 'status=$?; stop_all "$status"' EXIT

# died INDEX: component INDEX exited; show why and stop the rest.
died() {
	local i=$1
	printf 'make run: %s exited; last lines of %s:\n' "${NAMES[$i]}" "${LOGS[$i]}" >&2
	tail -n 20 "${LOGS[$i]}" >&2 || true
	stop_all 1
}

# wait_for INDEX WHAT COMMAND...: runs COMMAND until it succeeds, for up to START_TIMEOUT s,
# as long as component INDEX is alive.
wait_for() {
	local i=$1 what=$2 deadline=$((SECONDS + START_TIMEOUT))
	shift 2
	until "$@" >/dev/null 2>&1; do
		kill -0 "${PIDS[$i]}" 2>/dev/null || died "$i"
		if [ "$SECONDS" -ge "$deadline" ]; then
			printf 'make run: %s not ready after %s s; see %s\n' "$what" "$START_TIMEOUT" "${LOGS[$i]}" >&2
			tail -n 20 "${LOGS[$i]}" >&2 || true
			stop_all 1
		fi
		sleep 0.5
	done
}

http_ok() { curl -fsS --max-time 2 -o /dev/null "$1"; }

# --- 0. payload encryption key ----------------------------------------------------------------

# Every Temporal client of the service encrypts payloads. For development the key is made once
# and kept next to the history it encrypts (deleting it makes data/temporal.db unreadable, so
# `make reset` deletes both). Set HANDOFF_CODEC_KEYS or HANDOFF_CODEC_KEYS_FILE to use yours.
CODEC_KEYS_FILE=$DATA/codec-keys.yaml
if [ -z "${HANDOFF_CODEC_KEYS:-}${HANDOFF_CODEC_KEYS_FILE:-}" ]; then
	if [ ! -s "$CODEC_KEYS_FILE" ]; then
		key=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
		(umask 077 && printf 'active_key: dev1\nkeys:\n  dev1: %s\n' "$key" >"$CODEC_KEYS_FILE")
		say "made a development encryption key in $CODEC_KEYS_FILE"
	fi
	export HANDOFF_CODEC_KEYS_FILE=$CODEC_KEYS_FILE
fi
# The Web UI decodes payloads through the API's codec endpoint, from its own origin. A browser
# cannot send credentials to another origin unless each user sets it up by hand, so the
# development UI is given a decode-only URL that holds a random token (codec.ui_token_file);
# whoever can open this local UI reads payloads, as they read everything else in it.
export HANDOFF_CODEC_UI_ORIGIN=${HANDOFF_CODEC_UI_ORIGIN:-http://127.0.0.1:$UI_PORT}
UI_TOKEN_FILE=$DATA/codec-ui-token
if [ ! -s "$UI_TOKEN_FILE" ]; then
	(umask 077 && head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' >"$UI_TOKEN_FILE")
fi
export HANDOFF_CODEC_UI_TOKEN_FILE=$UI_TOKEN_FILE
UI_CODEC_ENDPOINT="http://$API_LISTEN/codec/ui/$(cat "$UI_TOKEN_FILE")"

# Metrics for Prometheus on local listeners, and the API's event stream fed by the worker,
# signed with a secret made once (data/events-stream-secret).
export HANDOFF_WORKER_METRICS_LISTEN=$WORKER_METRICS_LISTEN HANDOFF_API_METRICS_LISTEN=$API_METRICS_LISTEN
EVENTS_SECRET_FILE=$DATA/events-stream-secret
if [ ! -s "$EVENTS_SECRET_FILE" ]; then
	(umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' >"$EVENTS_SECRET_FILE")
fi
export HANDOFF_EVENTS_STREAM_URL=${HANDOFF_EVENTS_STREAM_URL:-http://$API_LISTEN/v1/events/ingest}
export HANDOFF_EVENTS_STREAM_SECRET_FILE=${HANDOFF_EVENTS_STREAM_SECRET_FILE:-$EVENTS_SECRET_FILE}

# What the CLI in another terminal needs to reach this stack: it reads data/run.env when the
# shell does not say, and refuses a different config.
cat >"$DATA/run.env" <<EOF
# Written by make run at $(date -u +%Y-%m-%dT%H:%M:%SZ): the stack it started. bin/starter
# uses these when the shell does not set them.
HANDOFF_CONFIG=$HANDOFF_CONFIG
HANDOFF_CODEC_KEYS_FILE=${HANDOFF_CODEC_KEYS_FILE:-}
TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS
HANDOFF_STORE_URL=$HANDOFF_STORE_URL
EOF

# --- 1. Temporal dev server -------------------------------------------------------------------

sa_flags=()
for sa in "${SEARCH_ATTRIBUTES[@]}"; do
	sa_flags+=(--search-attribute "$sa")
done

say "starting the Temporal dev server (state in $DATA/temporal.db)"
# WAL with synchronous=NORMAL is about five times faster than SQLite's defaults here and
# still survives a crash of the process (not of the machine, which is fine for development).
start "Temporal dev server" "$DATA/temporal.log" \
	"$TEMPORAL" server start-dev \
	--db-filename "$DATA/temporal.db" \
	--sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=1 \
	--ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$UI_PORT" \
	--ui-codec-endpoint "$UI_CODEC_ENDPOINT" \
	"${sa_flags[@]}" \
	--log-level warn
wait_for 0 "Temporal dev server" "$TEMPORAL" operator cluster health --address "$TEMPORAL_ADDRESS"
wait_for 0 "Temporal Web UI" http_ok "http://127.0.0.1:$UI_PORT/"

# --- 2. API tokens ----------------------------------------------------------------------------

# The tokens are printed once, when they are made; for development they are also kept in
# data/dev-tokens.txt (data/ is git-ignored and local to this machine). After a switch of
# config, tokens are added for the agents the file lacks; the others stay as they were.
tokens=$("$STARTER" token init --file "$TOKENS_FILE" 2>/dev/null)
if [ -n "$tokens" ]; then
	(umask 077 && printf '%s\n' "$tokens" >>"$DATA/dev-tokens.txt")
	printf '%s\n(also kept in %s)\n' "$tokens" "$DATA/dev-tokens.txt"
fi

# --- 3. dev agents, 4. worker, 5. API ----------------------------------------------------------

say "starting the dev agents on $DEVAGENTS_LISTEN"
start "dev agents" "$DATA/devagents.log" "$STARTER" devagents --listen "$DEVAGENTS_LISTEN" ${BUSY:+--busy "$BUSY"}
wait_for 1 "dev agents" port_busy "$DEVAGENTS_LISTEN"

say "starting the worker"
start "worker" "$DATA/worker.log" "$WORKER" --temporal-address "$TEMPORAL_ADDRESS"

say "starting the API on $API_LISTEN"
start "API" "$DATA/api.log" "$STARTER" serve --listen "$API_LISTEN" --temporal-address "$TEMPORAL_ADDRESS"
wait_for 3 "API" http_ok "http://$API_LISTEN/readyz"

# worker_polling: the worker (its default identity is PID@HOST@) polls the handoff task queue.
worker_polling() {
	local out
	out=$("$TEMPORAL" task-queue describe --task-queue handoff --address "$TEMPORAL_ADDRESS" -o json) &&
		[[ $out == *"\"identity\": \"${PIDS[2]}@"* ]]
}
wait_for 2 "worker (polling task queue handoff)" worker_polling

# A sample that this config routes.
case $HANDOFF_CONFIG in
*agent-league*) SAMPLE=samples/league-branding-social.json ;;
*) SAMPLE=samples/seller-distress.json ;;
esac
SAMPLE_CONVERSATION=$(sed -n 's/.*"conversation_id": *"\([^"]*\)".*/\1/p' "$SAMPLE" | head -n 1)

cat <<EOF

Handoff orchestrator is running.

  Web UI:      http://127.0.0.1:$UI_PORT
  API:         http://$API_LISTEN   (development tokens: $DATA/dev-tokens.txt)
  Console:     http://$API_LISTEN/console   (sign in with maria's token, or the operator's)
  Temporal:    $TEMPORAL_ADDRESS   (namespace default)
  Dev agents:  http://$DEVAGENTS_LISTEN
  Metrics:     http://$WORKER_METRICS_LISTEN/metrics (worker)  http://$API_METRICS_LISTEN/metrics (API)
  Events:      curl -N http://$API_LISTEN/v1/events/stream -H "Authorization: Bearer <token>"

  Logs:        $DATA/temporal.log  $DATA/worker.log  $DATA/api.log  $DATA/devagents.log
  State:       $DATA/temporal.db   (kept across restarts; \`make reset\` deletes $DATA/)
  Handoff log: $HANDOFF_STORE_URL   (bin/starter stats)

  Config:      $HANDOFF_CONFIG   (bin/starter in this folder follows it: $DATA/run.env)

  Try, in another terminal:
    bin/starter start $SAMPLE
    bin/starter status --conversation $SAMPLE_CONVERSATION

Press Ctrl-C to stop.
EOF

# --- wait ---------------------------------------------------------------------------------------

# Sleeping in the background and waiting on it lets the traps run at once on a signal.
while :; do
	for i in "${!PIDS[@]}"; do
		kill -0 "${PIDS[$i]}" 2>/dev/null || died "$i"
	done
	sleep 1 &
	wait $! || true
done
