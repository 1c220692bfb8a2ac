#!/bin/sh
# Creates or upgrades Temporal's two PostgreSQL databases (runs in temporalio/admin-tools).
# Safe to run on every start: existing databases are kept and only missing versions applied.
set -eu

: "${POSTGRES_SEEDS:?}" "${POSTGRES_USER:?}" "${POSTGRES_PWD:?}"
port=${DB_PORT:-5432}
schema=/etc/temporal/schema/postgresql/v12
export SQL_PASSWORD="$POSTGRES_PWD"

echo "waiting for PostgreSQL at $POSTGRES_SEEDS:$port"
i=0
until nc -z -w 2 "$POSTGRES_SEEDS" "$port"; do
	i=$((i + 1))
	[ "$i" -lt 60 ] || { echo "PostgreSQL did not answer" >&2; exit 1; }
	sleep 1
done

sql() {
	temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "$port" -u "$POSTGRES_USER" "$@"
}

for db in "${DBNAME:-temporal}:temporal" "${VISIBILITY_DBNAME:-temporal_visibility}:visibility"; do
	name=${db%%:*}
	dir=${db#*:}
	echo "schema of database $name"
	sql --db "$name" create
	sql --db "$name" setup-schema -v 0.0
	sql --db "$name" update-schema -d "$schema/$dir/versioned"
done
echo "PostgreSQL schema is up to date"
