#!/usr/bin/env bash
# Builds the pinned Temporal server and its SQL schema tool from the Go module proxy into
# bin/temporal-server and bin/temporal-sql-tool (once; about 5 minutes on 2 cores). The
# version is the one the pinned CLI's dev server embeds and docker-compose.yml runs.
#
#   scripts/stack/build.sh 1.29.1
set -euo pipefail

cd "$(dirname "$0")/../.."
version=${1:?usage: $0 SERVER_VERSION}

have() { [ -x "$1" ] && [ "$("$1" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n 1)" = "$version" ]; }
if have bin/temporal-server && [ -x bin/temporal-sql-tool ]; then
	exit 0
fi
echo "building Temporal server $version and temporal-sql-tool from the Go module proxy (once; ~5 min)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p bin
GOBIN=$tmp go install "go.temporal.io/server/cmd/server@v$version" "go.temporal.io/server/cmd/tools/sql@v$version"
mv -f "$tmp/server" bin/temporal-server
mv -f "$tmp/sql" bin/temporal-sql-tool
bin/temporal-server --version
