#!/usr/bin/env bash
# Writes the secrets docker-compose.yml reads, into deploy/secrets/ (git-ignored). Files that
# exist are kept, so it is safe to run again; delete a file to make a new one.
#
#   deploy/secrets/postgres-password   PostgreSQL password (random)
#   deploy/secrets/postgres.env        the same, as POSTGRES_PWD for Temporal's containers
#   deploy/secrets/pgpass              the same, as a pgpass line for the handoff log
#   deploy/secrets/api-tokens.yaml     API token hashes (`starter token init` prints the tokens)
#   deploy/secrets/codec-keys.yaml     payload encryption key (keep a copy: without it the
#                                      histories in PostgreSQL cannot be read)
#   deploy/secrets/events-stream-secret     signs the workers' event batches to the API's stream
#   deploy/secrets/grafana-admin-password   Grafana's admin password (random)
set -euo pipefail

cd "$(dirname "$0")/.."
dir=deploy/secrets
mkdir -p "$dir"
chmod 700 "$dir"

if [ ! -s "$dir/postgres-password" ]; then
	(umask 022 && head -c 24 /dev/urandom | base64 | tr -d '/+=\n' >"$dir/postgres-password")
	echo "wrote $dir/postgres-password"
fi
# The containers run as their own users: the files are readable inside them, and the folder
# (mode 700) keeps them from other users of this machine.
chmod 644 "$dir/postgres-password"
(umask 022 && printf 'POSTGRES_PWD=%s\n' "$(cat "$dir/postgres-password")" >"$dir/postgres.env")
(umask 022 && printf 'postgresql:5432:*:temporal:%s\n' "$(cat "$dir/postgres-password")" >"$dir/pgpass")

if [ ! -s "$dir/api-tokens.yaml" ]; then
	if [ -x bin/starter ]; then
		bin/starter token init --file "$dir/api-tokens.yaml"
	else
		go run ./starter token init --file "$dir/api-tokens.yaml"
	fi
	echo "wrote $dir/api-tokens.yaml: keep the tokens printed above, they are not stored"
fi
chmod 644 "$dir/api-tokens.yaml"

if [ ! -s "$dir/codec-keys.yaml" ]; then
	key=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
	(umask 022 && printf 'active_key: k1\nkeys:\n  k1: %s\n' "$key" >"$dir/codec-keys.yaml")
	echo "wrote $dir/codec-keys.yaml: back it up; histories encrypted with it need it to be read"
fi
chmod 644 "$dir/codec-keys.yaml"

for f in events-stream-secret grafana-admin-password; do
	if [ ! -s "$dir/$f" ]; then
		(umask 022 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' >"$dir/$f")
		echo "wrote $dir/$f"
	fi
	chmod 644 "$dir/$f"
done
