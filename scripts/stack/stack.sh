#!/usr/bin/env bash
# The topology of docker-compose.yml from processes on this machine, without Docker
# (`make stack`, `make stack-down`):
#
#   PostgreSQL 15      a throwaway cluster in data/stack/pg (user temporal, password auth)
#   Temporal server    the pinned release built from the Go module proxy (scripts/stack/build.sh),
#                      its default store and SQL visibility on that PostgreSQL, the schema set
#                      up by Temporal's SQL tool
#   namespaces         default, bench and chaos, each with the handoff search attributes
#                      (deploy/temporal/setup-namespace.sh, as the compose setup step runs it)
#   handoff log        database handoff on the same PostgreSQL (`starter store migrate`)
#   stand-in agents    `starter devagents`, where the stack's config sends bots' webhooks
#   2 workers, 2 APIs  bin/worker and `bin/starter serve`, as the compose services run them
#
# Everything listens on 127.0.0.1 only. Logs and pid files are in data/stack/, the secrets it
# makes (database password, API tokens, payload key, event stream secret) in
# data/stack/secrets/, which git ignores with the rest of data/.
#
#   scripts/stack/stack.sh up                start what is not running (safe to run again)
#   scripts/stack/stack.sh down              stop everything, newest first (data kept)
#   scripts/stack/stack.sh status            what runs, and where
#   scripts/stack/stack.sh restart postgres|temporal|worker-1|worker-2|api-1|api-2
#   scripts/stack/stack.sh reset             down, then delete data/stack/ (the cluster too)
#
# Ports (environment): STACK_PG_PORT 15432, STACK_TEMPORAL_PORT 17733 (the server's other
# services use the next ports and 17433 and up for membership), STACK_API_PORT 18180 (and
# the next one for the second API), STACK_AGENTS_PORT 18190, STACK_METRICS_PORT 19560 (the
# Temporal server, then the workers' and the APIs' /metrics on the next ports).
# HANDOFF_CONFIG picks the base config (config/examples/real-estate.yaml); STACK_DIR another
# folder than data/stack (inside the repository or given as an absolute path).
set -euo pipefail

cd "$(dirname "$0")/../.."
ROOT=$PWD

PG_PORT=${STACK_PG_PORT:-15432}
TEMPORAL_PORT=${STACK_TEMPORAL_PORT:-17733}
API_PORT=${STACK_API_PORT:-18180}
AGENTS_PORT=${STACK_AGENTS_PORT:-18190}
METRICS_PORT=${STACK_METRICS_PORT:-19560}
START_TIMEOUT=${START_TIMEOUT:-120}
BASE_CONFIG=${HANDOFF_CONFIG:-config/examples/real-estate.yaml}
NAMESPACES=${STACK_NAMESPACES:-default bench chaos}
# The stack's own workers and APIs use default.
[[ " $NAMESPACES " == *" default "* ]] || NAMESPACES="default $NAMESPACES"

DIR=${STACK_DIR:-data/stack}
SECRETS=$DIR/secrets
PGDATA=$DIR/pg
TEMPORAL_ADDRESS=127.0.0.1:$TEMPORAL_PORT
STORE_URL="postgres://temporal@127.0.0.1:$PG_PORT/handoff?sslmode=disable"

# abs PATH: PATH from the repository's root made absolute.
abs() { case $1 in /*) echo "$1" ;; *) echo "$ROOT/$1" ;; esac; }

say() { printf 'stack: %s\n' "$*"; }
fail() {
	printf 'stack: %s\n' "$*" >&2
	exit 1
}

# --- PostgreSQL -------------------------------------------------------------------------------

pg_bin() {
	local d
	if d=$(dirname "$(readlink -f "$(command -v initdb 2>/dev/null || echo /nonexistent)")") && [ -x "$d/pg_ctl" ]; then
		echo "$d"
		return
	fi
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
		[ -x "$d/pg_ctl" ] && { echo "$d"; return; }
	done
	return 1
}

# as_pg COMMAND...: PostgreSQL refuses to run as root; then it runs as the postgres user.
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

ensure_pg_binaries() {
	PGBIN=$(pg_bin) && return 0
	[ "$(id -u)" = 0 ] || fail "no PostgreSQL server binaries (initdb, pg_ctl): install Debian's postgresql package"
	say "installing Debian's PostgreSQL server packages (apt-get)"
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
	PGBIN=$(pg_bin) || fail "apt-get installed postgresql, but initdb and pg_ctl are still missing"
}

pg_running() { [ -f "$PGDATA/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; }

pg_start() {
	as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -w -t 60 -l "$DIR/postgres.log" \
		-o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $(abs "$PGDATA") -c max_connections=200" start >/dev/null
}

start_postgres() {
	ensure_pg_binaries
	if [ ! -f "$PGDATA/PG_VERSION" ]; then
		say "creating a PostgreSQL cluster in $PGDATA ($("$PGBIN/postgres" --version))"
		rm -rf "$PGDATA"
		mkdir -p "$PGDATA"
		local pwfile=$PGDATA.pw
		(umask 077 && cat "$SECRETS/postgres-password" >"$pwfile")
		if [ "$(id -u)" = 0 ]; then chown postgres: "$PGDATA" "$pwfile"; fi
		chmod 700 "$PGDATA"
		as_pg "$PGBIN/initdb" -D "$PGDATA" -U temporal --pwfile="$pwfile" -A scram-sha-256 -E UTF8 >"$DIR/initdb.log" 2>&1 ||
			{ rm -f "$pwfile"; fail "initdb failed; see $DIR/initdb.log"; }
		rm -f "$pwfile"
	fi
	if pg_running; then
		say "PostgreSQL runs (127.0.0.1:$PG_PORT)"
		return
	fi
	say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
	touch "$DIR/postgres.log"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$DIR/postgres.log"; fi
	pg_start || { tail -n 20 "$DIR/postgres.log" >&2; fail "PostgreSQL did not start"; }
}

stop_postgres() {
	PGBIN=$(pg_bin) || return 0
	pg_running || return 0
	say "stopping PostgreSQL"
	as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop >/dev/null
}

# --- secrets ----------------------------------------------------------------------------------

random() { head -c 32 /dev/urandom | base64 | tr -d '/+=\n'; }

make_secrets() {
	mkdir -p "$SECRETS"
	chmod 700 "$SECRETS"
	[ -s "$SECRETS/postgres-password" ] || (umask 077 && random >"$SECRETS/postgres-password")
	# The handoff log's connections read the password from here (PGPASSFILE).
	(umask 077 && printf '127.0.0.1:%s:*:temporal:%s\n' "$PG_PORT" "$(cat "$SECRETS/postgres-password")" >"$SECRETS/pgpass")
	if [ ! -s "$SECRETS/codec-keys.yaml" ]; then
		(umask 077 && printf 'active_key: k1\nkeys:\n  k1: %s\n' "$(head -c 32 /dev/urandom | base64 | tr -d '\n')" >"$SECRETS/codec-keys.yaml")
	fi
	[ -s "$SECRETS/events-stream-secret" ] || (umask 077 && random >"$SECRETS/events-stream-secret")
}

# The config: the base config with the stand-in agents' address moved to the stack's port.
write_config() {
	sed "s#http://127.0.0.1:8090#http://127.0.0.1:$AGENTS_PORT#g" "$BASE_CONFIG" >"$DIR/config.yaml"
}

make_tokens() {
	local tokens
	# The stack's Temporal address too: with it, bin/starter does not take the config `make
	# run` recorded in data/run.env for this one, and refuse it as another config.
	tokens=$(HANDOFF_CONFIG=$DIR/config.yaml TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS bin/starter token init \
		--file "$SECRETS/api-tokens.yaml" 2>>"$DIR/tokens.log") || { tail -n 5 "$DIR/tokens.log" >&2; fail "making the API tokens failed"; }
	if [ -n "$tokens" ]; then
		(umask 077 && printf '%s\n' "$tokens" >>"$SECRETS/tokens.txt")
		say "API tokens made; kept in $SECRETS/tokens.txt"
	fi
}

# --- Temporal server --------------------------------------------------------------------------

write_temporal_config() {
	local pw
	pw=$(cat "$SECRETS/postgres-password")
	mkdir -p "$DIR/temporal/config"
	(umask 077 && cat >"$DIR/temporal/config/stack.yaml" <<EOF
# Written by scripts/stack/stack.sh: the Temporal server of the local stack.
log:
  stdout: true
  level: ${TEMPORAL_LOG_LEVEL:-warn}
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: ${TEMPORAL_HISTORY_SHARDS:-4}
  datastores:
    default:
      sql:
        pluginName: postgres12
        databaseName: temporal
        connectAddr: "127.0.0.1:$PG_PORT"
        connectProtocol: tcp
        user: temporal
        password: "$pw"
        maxConns: 20
        maxIdleConns: 20
        maxConnLifetime: 1h
    visibility:
      sql:
        pluginName: postgres12
        databaseName: temporal_visibility
        connectAddr: "127.0.0.1:$PG_PORT"
        connectProtocol: tcp
        user: temporal
        password: "$pw"
        maxConns: 10
        maxIdleConns: 10
        maxConnLifetime: 1h
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
  metrics:
    prometheus:
      framework: tally
      timerType: histogram
      listenAddress: "127.0.0.1:$METRICS_PORT"
services:
  frontend:
    rpc: { grpcPort: $TEMPORAL_PORT, membershipPort: $((TEMPORAL_PORT - 300)), httpPort: $((TEMPORAL_PORT + 10)), bindOnIP: 127.0.0.1 }
  history:
    rpc: { grpcPort: $((TEMPORAL_PORT + 1)), membershipPort: $((TEMPORAL_PORT - 299)), bindOnIP: 127.0.0.1 }
  matching:
    rpc: { grpcPort: $((TEMPORAL_PORT + 2)), membershipPort: $((TEMPORAL_PORT - 298)), bindOnIP: 127.0.0.1 }
  worker:
    rpc: { grpcPort: $((TEMPORAL_PORT + 6)), membershipPort: $((TEMPORAL_PORT - 294)), bindOnIP: 127.0.0.1 }
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: "127.0.0.1:$TEMPORAL_PORT"
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: "$ROOT/deploy/temporal/dynamicconfig/production-sql.yaml"
  pollInterval: 60s
EOF
	)
}

# setup_schema: Temporal's SQL tool creates both databases if missing and applies the schema
# versions they lack (what deploy/temporal/setup-schema.sh does in the compose stack).
setup_schema() {
	local db dir
	for db in temporal:temporal temporal_visibility:visibility; do
		dir=${db#*:}
		db=${db%%:*}
		SQL_PASSWORD=$(cat "$SECRETS/postgres-password") bash -c '
			set -euo pipefail
			sql() { bin/temporal-sql-tool --plugin postgres12 --ep 127.0.0.1 -p "$1" -u temporal --db "$2" "${@:3}"; }
			sql "$1" "$2" create-database 2>&1 | grep -v "already exists" || true
			sql "$1" "$2" setup-schema -v 0.0
			sql "$1" "$2" update-schema --schema-name "postgresql/v12/$3"
		' _ "$PG_PORT" "$db" "$dir" >>"$DIR/schema.log" 2>&1 || { tail -n 20 "$DIR/schema.log" >&2; fail "schema setup of $db failed"; }
	done
	say "Temporal's schema is up to date (log $DIR/schema.log)"
}

temporal_healthy() { bin/temporal operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; }

start_temporal() {
	if running temporal; then
		say "Temporal server runs ($TEMPORAL_ADDRESS)"
		return
	fi
	write_temporal_config
	setup_schema
	say "starting the Temporal server on $TEMPORAL_ADDRESS"
	launch temporal "$ROOT/bin/temporal-server" --root "$(abs "$DIR/temporal")" --config config --env stack --allow-no-auth start
	wait_until temporal "Temporal server" temporal_healthy
}

setup_namespaces() {
	local ns
	for ns in $NAMESPACES; do
		PATH=$ROOT/bin:$PATH TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS TEMPORAL_NAMESPACE=$ns TEMPORAL_RETENTION=${TEMPORAL_RETENTION:-1d} \
			sh deploy/temporal/setup-namespace.sh >>"$DIR/namespaces.log" 2>&1 || { tail -n 20 "$DIR/namespaces.log" >&2; fail "namespace $ns setup failed"; }
	done
	say "namespaces ready with the search attributes: $NAMESPACES"
}

# --- processes --------------------------------------------------------------------------------

pid_of() { cat "$DIR/$1.pid" 2>/dev/null; }
running() {
	local pid
	pid=$(pid_of "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# launch NAME COMMAND...: runs COMMAND detached (a session of its own), its log in
# data/stack/NAME.log (the previous one in NAME.log.1) and its pid in NAME.pid.
launch() {
	local name=$1
	shift
	[ -f "$DIR/$name.log" ] && mv -f "$DIR/$name.log" "$DIR/$name.log.1"
	setsid "$@" >"$DIR/$name.log" 2>&1 </dev/null &
	echo $! >"$DIR/$name.pid"
}

# wait_until NAME WHAT COMMAND...: until COMMAND succeeds, while NAME runs.
wait_until() {
	local name=$1 what=$2 deadline=$((SECONDS + START_TIMEOUT))
	shift 2
	until "$@" >/dev/null 2>&1; do
		running "$name" || { tail -n 20 "$DIR/$name.log" >&2; fail "$what exited; see $DIR/$name.log"; }
		[ "$SECONDS" -lt "$deadline" ] || { tail -n 20 "$DIR/$name.log" >&2; fail "$what not ready after $START_TIMEOUT s"; }
		sleep 0.5
	done
}

# stop NAME [GRACE]: SIGTERM to its session, up to GRACE seconds (default 40: a worker lets
# running activities finish for up to 30 s), then SIGKILL.
stop() {
	local name=$1 grace=${2:-40} pid i
	pid=$(pid_of "$name") || return 0
	if kill -0 "$pid" 2>/dev/null; then
		say "stopping $name (pid $pid)"
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
		for ((i = 0; i < grace * 10; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 0.1
		done
		if kill -0 "$pid" 2>/dev/null; then
			say "$name did not stop in $grace s: killing it"
			kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
		fi
	fi
	rm -f "$DIR/$name.pid"
}

http_ok() { curl -fsS --max-time 2 -o /dev/null "$1"; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The environment of the workers and the APIs: the compose services' settings, pointed here.
handoff_env() {
	export HANDOFF_CONFIG=$DIR/config.yaml
	export TEMPORAL_ADDRESS TEMPORAL_NAMESPACE=default
	export HANDOFF_API_TOKENS_FILE=$SECRETS/api-tokens.yaml
	export HANDOFF_CODEC_KEYS_FILE=$SECRETS/codec-keys.yaml
	export HANDOFF_EVENTS_STREAM_URL=http://127.0.0.1:$API_PORT/v1/events/ingest
	export HANDOFF_EVENTS_STREAM_SECRET_FILE=$SECRETS/events-stream-secret
	export HANDOFF_STORE_URL=$STORE_URL PGPASSFILE=$SECRETS/pgpass
	unset TEMPORAL_API_KEY TEMPORAL_TLS TEMPORAL_TLS_CERT TEMPORAL_TLS_KEY TEMPORAL_TLS_CA
}

# worker_polling N: worker N (its identity starts with its pid) polls task queue handoff.
worker_polling() {
	local out
	out=$(bin/temporal task-queue describe --task-queue handoff --address "$TEMPORAL_ADDRESS" -o json 2>/dev/null) &&
		[[ $out == *"\"identity\": \"$(pid_of "worker-$1")@"* ]]
}

start_worker() {
	local n=$1
	running "worker-$n" && return 0
	say "starting worker-$n"
	(handoff_env && HANDOFF_WORKER_METRICS_LISTEN=127.0.0.1:$((METRICS_PORT + n)) launch "worker-$n" bin/worker)
	wait_until "worker-$n" "worker-$n" worker_polling "$n"
}

start_api() {
	local n=$1 port=$((API_PORT + $1 - 1))
	running "api-$n" && return 0
	say "starting api-$n on 127.0.0.1:$port"
	(handoff_env && HANDOFF_API_METRICS_LISTEN=127.0.0.1:$((METRICS_PORT + 2 + n)) launch "api-$n" bin/starter serve --listen "127.0.0.1:$port")
	wait_until "api-$n" "api-$n" http_ok "http://127.0.0.1:$port/readyz"
}

start_agents() {
	running agents && return 0
	say "starting the stand-in agents on 127.0.0.1:$AGENTS_PORT"
	(handoff_env && launch agents bin/starter devagents --listen "127.0.0.1:$AGENTS_PORT")
	wait_until agents "stand-in agents" port_open "$AGENTS_PORT"
}

# --- commands ---------------------------------------------------------------------------------

check_binaries() {
	local b
	for b in bin/temporal bin/temporal-server bin/temporal-sql-tool bin/worker bin/starter; do
		[ -x "$b" ] || fail "$b is missing: \`make stack\` builds it (make temporal build stack-server)"
	done
	command -v curl >/dev/null || fail "curl is needed to check that the APIs are up"
}

up() {
	check_binaries
	mkdir -p "$DIR"
	make_secrets
	write_config
	make_tokens
	start_postgres
	start_temporal
	setup_namespaces
	say "migrating the handoff log (database handoff)"
	(handoff_env && bin/starter store migrate --create-database >>"$DIR/store.log" 2>&1) || { tail -n 20 "$DIR/store.log" >&2; fail "store migrate failed"; }
	start_agents
	start_worker 1
	start_worker 2
	start_api 1
	start_api 2
	status
}

down() {
	local name
	for name in api-2 api-1 worker-2 worker-1 agents; do
		stop "$name"
	done
	stop temporal 30
	stop_postgres
	say "stopped; data kept in $DIR/ (\`make stack-reset\` deletes it)"
}

status() {
	local name state
	for name in postgres temporal agents worker-1 worker-2 api-1 api-2; do
		if [ "$name" = postgres ]; then
			PGBIN=$(pg_bin 2>/dev/null) && pg_running && state="runs (127.0.0.1:$PG_PORT)" || state=stopped
		elif running "$name"; then
			state="runs (pid $(pid_of "$name"))"
		else
			state=stopped
		fi
		printf '  %-9s %s\n' "$name" "$state"
	done
	cat <<EOF

  Temporal:  $TEMPORAL_ADDRESS   (namespaces: $NAMESPACES)
  APIs:      http://127.0.0.1:$API_PORT  http://127.0.0.1:$((API_PORT + 1))   (tokens: $SECRETS/tokens.txt)
  Agents:    http://127.0.0.1:$AGENTS_PORT   (stand-ins; the config: $DIR/config.yaml)
  Store:     $STORE_URL   (password: $SECRETS/pgpass)
  Metrics:   Temporal :$METRICS_PORT, workers :$((METRICS_PORT + 1)) :$((METRICS_PORT + 2)), APIs :$((METRICS_PORT + 3)) :$((METRICS_PORT + 4))
  Logs:      $DIR/*.log

  Bench:     bin/starter bench --temporal $TEMPORAL_ADDRESS --temporal-namespace bench
EOF
}

restart() {
	case ${1:-} in
	postgres)
		PGBIN=$(pg_bin) || fail "no PostgreSQL binaries"
		say "restarting PostgreSQL"
		as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w -t 60 stop >/dev/null
		pg_start
		;;
	temporal)
		stop temporal 30
		start_temporal
		;;
	worker-[12])
		stop "$1"
		start_worker "${1#worker-}"
		;;
	api-[12])
		stop "$1"
		start_api "${1#api-}"
		;;
	*) fail "restart what? postgres, temporal, worker-1, worker-2, api-1 or api-2" ;;
	esac
}

case ${1:-} in
up) up ;;
down) down ;;
status) status ;;
restart) restart "${2:-}" ;;
reset)
	down
	rm -rf "$DIR"
	say "deleted $DIR/"
	;;
*) fail "usage: $0 up|down|status|restart COMPONENT|reset" ;;
esac
