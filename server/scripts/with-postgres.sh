#!/usr/bin/env bash
# Runs a command next to a throwaway PostgreSQL cluster: initdb in a temporary folder, a server
# on a free port of 127.0.0.1 (and a Unix socket in that folder), no system service. The command
# gets TEST_POSTGRES_URL (the superuser on the database "postgres", trust authentication). The
# cluster and its folder are removed afterwards, whatever the command did; its exit code is kept.
#
#   server/scripts/with-postgres.sh node --test test/
#
# initdb refuses to run as root: as root the cluster runs as the unprivileged user "nobody".
# Needs PostgreSQL's server binaries (Debian: postgresql-15, installed by scripts/setup.sh).
set -uo pipefail

bindir=${PG_BINDIR:-}
if [ -z "$bindir" ]; then
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir=$d; done
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: PostgreSQL's initdb was not found (install the Debian package postgresql-15, as scripts/setup.sh does, or set PG_BINDIR)" >&2
  exit 1
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/studyconnect-pg.XXXXXX")
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$dir"
  as=(runuser -u nobody --)
fi
# A free port: the kernel picks one, and it is released just before postgres takes it.
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

cleanup() {
  "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# C.UTF-8: the store folds words itself (search.js), but the database must hold any text.
if ! "${as[@]}" "$bindir/initdb" -D "$dir/data" -U studyconnect --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
  echo "with-postgres: initdb failed:" >&2
  cat "$dir/initdb.log" >&2
  exit 1
fi
# Durability off: a test cluster is thrown away, and fsync would only slow every test down.
opts="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
if ! "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -o "$opts" -l "$dir/postgres.log" -w -t 60 start >/dev/null; then
  echo "with-postgres: PostgreSQL did not start:" >&2
  cat "$dir/postgres.log" >&2
  exit 1
fi

export TEST_POSTGRES_URL="postgres://studyconnect@127.0.0.1:$port/postgres"
"$@"
