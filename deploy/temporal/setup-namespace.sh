#!/bin/sh
# Creates the namespace and the handoff search attributes if they are missing (runs in
# temporalio/admin-tools once the server is healthy). Safe to run on every start.
set -eu

address=${TEMPORAL_ADDRESS:-temporal:7233}
namespace=${TEMPORAL_NAMESPACE:-default}
retention=${TEMPORAL_RETENTION:-7d}
# The Keyword search attributes the handoff workflow sets (handoff.SearchAttributeNames).
attributes="HandoffSource=Keyword HandoffTarget=Keyword HandoffOutcome=Keyword HandoffPhase=Keyword HandoffScenario=Keyword HandoffCompleteness=Double"

# Use the IPv4 address of the server's host name, as the official compose setup does: the CLI
# may otherwise try an IPv6 address the server does not listen on.
host=${address%:*}
port=${address##*:}
if command -v getent >/dev/null 2>&1; then
	ip=$(getent ahostsv4 "$host" 2>/dev/null | awk 'NR == 1 { print $1 }')
	[ -z "$ip" ] || address=$ip:$port
fi

t() { temporal --address "$address" "$@"; }

echo "waiting for Temporal at $address"
i=0
until t operator cluster health >/dev/null 2>&1; do
	i=$((i + 1))
	[ "$i" -lt 60 ] || { echo "Temporal did not become healthy" >&2; exit 1; }
	sleep 2
done

if t operator namespace describe --namespace "$namespace" >/dev/null 2>&1; then
	echo "namespace $namespace exists"
else
	echo "creating namespace $namespace (retention $retention)"
	t operator namespace create --namespace "$namespace" --retention "$retention"
fi

# A new namespace reaches every frontend's cache within seconds.
i=0
until existing=$(t operator search-attribute list --namespace "$namespace" 2>/dev/null); do
	i=$((i + 1))
	[ "$i" -lt 60 ] || { echo "namespace $namespace is not usable" >&2; exit 1; }
	sleep 1
done
for pair in $attributes; do
	name=${pair%%=*} type=${pair#*=}
	if printf '%s\n' "$existing" | grep -qw "$name"; then
		echo "search attribute $name exists"
	else
		echo "creating search attribute $name ($type)"
		t operator search-attribute create --namespace "$namespace" --name "$name" --type "$type"
	fi
done

# The frontend caches search attributes: wait until a query that uses them is accepted, so
# the worker's first upsert does not fail on an attribute the cache does not know yet.
for pair in $attributes; do
	name=${pair%%=*} probe="'probe'"
	[ "${pair#*=}" = Double ] && probe=0
	i=0
	until t workflow count --namespace "$namespace" --query "$name = $probe" >/dev/null 2>&1; do
		i=$((i + 1))
		[ "$i" -lt 90 ] || { echo "search attribute $name is still unknown to queries" >&2; exit 1; }
		sleep 2
	done
done
echo "namespace $namespace is ready with search attributes: $attributes"
