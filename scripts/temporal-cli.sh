#!/usr/bin/env bash
# Makes bin/temporal the pinned Temporal CLI (which embeds the dev server and its Web UI).
#
# Usage: scripts/temporal-cli.sh VERSION     e.g. scripts/temporal-cli.sh 1.5.1
#
# Order: a bin/temporal of that version is kept; else a `temporal` of that version on PATH
# is linked into bin/; else the CLI is built from the Go module proxy into bin/ (about three
# minutes on two cores). Release binaries print "temporal version 1.5.1 (...)"; binaries
# built with `go install` carry the module version in their build info instead.
set -euo pipefail

want=${1:?usage: $0 VERSION}
cd "$(dirname "$0")/.."
bin=$PWD/bin
module=github.com/temporalio/cli

# is_version PATH: PATH is a temporal CLI of version $want.
is_version() {
	local path=$1 out
	[ -x "$path" ] || return 1
	out=$("$path" --version 2>/dev/null) || return 1
	case $out in
	*"version $want "* | *"version $want") return 0 ;;
	esac
	[ "$(go version -m "$path" 2>/dev/null | awk -v m="$module" '$1 == "mod" && $2 == m { print $3 }')" = "v$want" ]
}

if is_version "$bin/temporal"; then
	exit 0
fi

if on_path=$(command -v temporal 2>/dev/null) && [ "$on_path" != "$bin/temporal" ] && is_version "$on_path"; then
	mkdir -p "$bin"
	ln -sfn "$on_path" "$bin/temporal"
	echo "temporal: using $on_path (version $want)"
	exit 0
fi

if [ -e "$bin/temporal" ] || [ -L "$bin/temporal" ]; then
	echo "temporal: $bin/temporal is not version $want; replacing it"
	rm -f "$bin/temporal"
fi

echo "temporal: building $module/cmd/temporal@v$want into bin/ (takes a few minutes the first time)"
mkdir -p "$bin"
GOBIN=$bin go install \
	-ldflags "-X $module/temporalcli.Version=$want" \
	"$module/cmd/temporal@v$want"
"$bin/temporal" --version
