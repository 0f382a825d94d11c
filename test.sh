#!/usr/bin/env bash
# The project's single test command (CI runs it through .ci/run).
#
#   ./test.sh                        build, check format, run all tests on SQLite and on PostgreSQL
#   ./test.sh --provider Sqlite      run one provider only (Sqlite | Postgres)
#   ./test.sh --filter EXPR          passed to `dotnet test --filter` (e.g. "FullyQualifiedName~Login")
#   ./test.sh -h | --help            this text
#
# What it does:
#   1. installs what is missing with apt-get (chromium, postgresql, python3-aiosmtpd, for the printed
#      book poppler-utils, fonts-liberation2 and epubcheck, nginx with its brotli module, and pandoc for the
#      Word import tests); needs root
#   2. starts a throwaway PostgreSQL and an SMTP sink (aiosmtpd, writing a Maildir) on free
#      ports on 127.0.0.1, in a temp dir; both are stopped and removed on exit, failure or Ctrl-C
#   3. dotnet build -c Release, then dotnet format whitespace and its imports check --verify-no-changes, in the background from
#      the start (while packages install and services start; the format check goes on while the tests run)
#   4. dotnet test (Release, --no-build) per provider and project, trx files in
#      artifacts/test-results/<provider>/<project>/: the integration tests on each provider; unit tests and
#      [Trait("Database", "None")] classes in the first pass only, the browser journeys in the last pass only
#   5. prints a line per provider and project and, last, one line "N passed, N failed, N skipped"
# Exit code is non-zero if the build, the format check or any run fails, or if a project's run executed no test
# (with --filter: if no run executed a test).
#
# Environment given to the tests (see scripts/README.md):
#   PORTAL_TEST_PROVIDER   Sqlite | Postgres (set per run)
#   PORTAL_TEST_POSTGRES   "Host=127.0.0.1;Port=P;Username=postgres" (trust auth; tests create their own databases)
#   PORTAL_TEST_SMTP       "127.0.0.1:P" (SMTP sink, no auth, no TLS)
#   PORTAL_TEST_MAILDIR    Maildir the sink writes to: one RFC 822 message per file in $PORTAL_TEST_MAILDIR/new
#   PORTAL_TEST_ARTIFACTS  $REPO/artifacts (screenshots and other test output)
#   PLAYWRIGHT_CHROMIUM    /usr/bin/chromium
#
# Users: CI runs as root; PostgreSQL is then run as the `postgres` OS user through runuser. As a
# non-root user the script runs initdb/pg_ctl as that user instead, and can install nothing: the
# packages must already be there.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"; }

PROVIDERS=(Sqlite Postgres)
FILTER=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --provider|--provider=*)
      if [[ "$1" == *=* ]]; then value="${1#*=}"; shift; else value="${2:-}"; shift $(( $# >= 2 ? 2 : 1 )); fi
      case "${value,,}" in
        sqlite) PROVIDERS=(Sqlite) ;;
        postgres|postgresql|npgsql) PROVIDERS=(Postgres) ;;
        all|both) PROVIDERS=(Sqlite Postgres) ;;
        *) echo "test.sh: --provider must be Sqlite or Postgres (got '$value')" >&2; exit 2 ;;
      esac ;;
    --filter|--filter=*)
      if [[ "$1" == *=* ]]; then FILTER="${1#*=}"; shift; else FILTER="${2:-}"; shift $(( $# >= 2 ? 2 : 1 )); fi
      [[ -n "$FILTER" ]] || { echo "test.sh: --filter needs an expression" >&2; exit 2; } ;;
    -h|--help) usage; exit 0 ;;
    *) echo "test.sh: unknown argument '$1' (see ./test.sh --help)" >&2; exit 2 ;;
  esac
done

# Quiet, reproducible dotnet; no build servers that would outlive the run.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=true DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
# Every app instance a test starts watches its configuration and web root; with inotify each watch takes one of the
# user's 128 inotify instances (Linux default), which a few hundred short-lived instances, or two runs at once, use up.
# Polling takes none.
export DOTNET_USE_POLLING_FILE_WATCHER=true

START_TIME=$SECONDS
step() { printf '\n==> %s  [%ss]\n' "$*" "$(( SECONDS - START_TIME ))"; }
note() { printf '    %s\n' "$*"; }
die() { printf '\ntest.sh: ERROR: %s\n' "$*" >&2; exit 1; }

PY=/usr/bin/python3
ARTIFACTS="$REPO/artifacts"

# Long-running commands run in their own process group (setsid) in the background while the
# script waits: bash then runs the INT/TERM trap at once (not only after dotnet has finished),
# and the trap can stop dotnet with its test hosts and browsers as one group.
CHILD=""
run() {
  setsid "$@" </dev/null &
  CHILD=$!
  local rc=0
  wait "$CHILD" || rc=$?
  CHILD=""
  return $rc
}
kill_child() {
  [[ -n "$CHILD" ]] || return 0
  kill -TERM -- "-$CHILD" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 -- "-$CHILD" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$CHILD" 2>/dev/null || true
  CHILD=""
}

# ---------------------------------------------------------------- 0. build and format, in the background
# The build and the format check need only the .NET SDK, so they run while the packages install and the services start
# (on a fresh CI machine the install is mostly waiting on the network). Their output is shown at step 6.
PREP="$(mktemp -d "${TMPDIR:-/tmp}/portal-prep.XXXXXX")"
PREP_PID=""
stop_prepare() {
  if [[ -n "$PREP_PID" ]]; then
    kill -TERM -- "-$PREP_PID" 2>/dev/null || true
    wait "$PREP_PID" 2>/dev/null || true
    PREP_PID=""
  fi
  rm -rf "$PREP"
}
trap stop_prepare EXIT
trap 'echo; echo "test.sh: interrupted, stopping" >&2; exit 130' INT
trap 'echo "test.sh: terminated, stopping" >&2; exit 143' TERM HUP
step "Building and checking format in the background (dotnet build -c Release; dotnet format whitespace, imports)"
# The build has run the analyzers and the code-style rules (warnings are errors, EnforceCodeStyleInBuild): what is left
# to check is layout (whitespace) and the order of usings, which only dotnet format's own IMPORTS check sees. `dotnet
# format style` without --diagnostics would run every code-style analyzer again: 88 s of CPU against 14 s, beside the
# first test pass.
setsid bash -c '
  dotnet build Portal.slnx -c Release -nologo -v minimal -clp:Summary >"$1/build.log" 2>&1; echo $? >"$1/build.rc"
  [[ $(cat "$1/build.rc") == 0 ]] || exit 0
  { dotnet format whitespace Portal.slnx --verify-no-changes --no-restore -v minimal \
    && dotnet format style Portal.slnx --diagnostics IMPORTS --verify-no-changes --no-restore -v minimal; } >"$1/format.log" 2>&1
  echo $? >"$1/format.rc"
' prepare "$PREP" </dev/null &
PREP_PID=$!

# ---------------------------------------------------------------- 1. packages
step "Checking system packages"
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
{ [[ -x $PY ]] && $PY -c 'import aiosmtpd' 2>/dev/null; } || missing+=(python3-aiosmtpd)
# The printed book: its fonts (embedded in the PDF), and pdfinfo / pdftotext / pdffonts for the tests that read it.
[[ -f /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ]] || missing+=(fonts-liberation2)
command -v pdffonts >/dev/null || missing+=(poppler-utils)
# The book tests validate the EPUB with it: java -jar /usr/bin/epubcheck FILE.epub (brings a Java runtime).
{ [[ -e /usr/bin/epubcheck ]] && command -v java >/dev/null; } || missing+=(epubcheck)
# The smoke suite runs nginx with deploy/nginx/portal.conf (brotli included) in front of two instances.
[[ -x /usr/sbin/nginx ]] || missing+=(nginx)
# The Word import tests have pandoc write documents (footnotes, quotations, tracked changes, comments).
command -v pandoc >/dev/null || missing+=(pandoc)
[[ -e /etc/nginx/modules-enabled/50-mod-http-brotli-filter.conf ]] || missing+=(libnginx-mod-http-brotli-filter)
if [[ ${#missing[@]} -gt 0 ]]; then
  [[ $EUID -eq 0 ]] || die "missing packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})"
  note "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
  note "installed in $(( SECONDS - START_TIME ))s"
else
  note "chromium, postgresql, python3-aiosmtpd, fonts-liberation2, poppler-utils, epubcheck, nginx and pandoc are present"
fi
PGBIN="$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"

# ---------------------------------------------------------------- 2./3. services
WORK="$(mktemp -d "${TMPDIR:-/tmp}/portal-test.XXXXXX")"
chmod 755 "$WORK"
PGDATA_DIR="$WORK/pgdata" PGRUN_DIR="$WORK/pgrun" MAILDIR="$WORK/maildir"
PG_STARTED="" SINK_PID=""

as_pg() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_services() {
  kill_child
  stop_prepare
  if [[ -n "$PG_STARTED" ]]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w stop >/dev/null 2>&1 \
      || as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true
    PG_STARTED=""
  fi
  if [[ -n "$SINK_PID" ]]; then
    kill "$SINK_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SINK_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SINK_PID" 2>/dev/null || true
    wait "$SINK_PID" 2>/dev/null || true
    SINK_PID=""
  fi
  if [[ -d "$WORK" ]]; then
    # Keep the service logs for post-mortems (CI uploads artifacts/).
    if mkdir -p "$ARTIFACTS/logs" 2>/dev/null; then
      cp -f "$PGRUN_DIR/postgres.log" "$WORK/smtp-sink.log" "$ARTIFACTS/logs/" 2>/dev/null || true
    fi
    rm -rf "$WORK"
  fi
}
trap stop_services EXIT

free_port() {
  $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

step "Starting PostgreSQL ($("$PGBIN/postgres" --version | awk '{print $3}'))"
t0=$SECONDS
mkdir -p "$PGDATA_DIR" "$PGRUN_DIR"
[[ $EUID -ne 0 ]] || chown postgres: "$PGDATA_DIR" "$PGRUN_DIR"
as_pg "$PGBIN/initdb" -D "$PGDATA_DIR" --auth=trust --username=postgres -E UTF8 --locale=C.UTF-8 --no-sync \
  >"$WORK/initdb.log" 2>&1 || { cat "$WORK/initdb.log" >&2; die "initdb failed"; }
for attempt in 1 2 3; do
  PG_PORT="$(free_port)"
  if as_pg "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGRUN_DIR/postgres.log" -w -t 60 \
       -o "-p $PG_PORT -k $PGRUN_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
       start >/dev/null; then
    PG_STARTED=1; break
  fi
  note "start on port $PG_PORT failed (attempt $attempt):"; tail -n 5 "$PGRUN_DIR/postgres.log" >&2 || true
done
[[ -n "$PG_STARTED" ]] || die "PostgreSQL did not start (log: artifacts/logs/postgres.log)"
"$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null </dev/null \
  || die "PostgreSQL started but does not answer on 127.0.0.1:$PG_PORT"
note "127.0.0.1:$PG_PORT, data in $PGDATA_DIR ($(( SECONDS - t0 ))s)"

step "Starting SMTP sink (aiosmtpd -> Maildir)"
t0=$SECONDS
mkdir -p "$MAILDIR"/{new,cur,tmp}
for attempt in 1 2 3; do
  SMTP_PORT="$(free_port)"
  $PY -u -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$MAILDIR" \
    </dev/null >>"$WORK/smtp-sink.log" 2>&1 &
  SINK_PID=$!
  for _ in $(seq 100); do
    port_open "$SMTP_PORT" && break
    kill -0 "$SINK_PID" 2>/dev/null || break
    sleep 0.1
  done
  port_open "$SMTP_PORT" && break
  note "sink on port $SMTP_PORT did not come up (attempt $attempt):"; tail -n 5 "$WORK/smtp-sink.log" >&2 || true
  kill "$SINK_PID" 2>/dev/null || true; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""
done
[[ -n "$SINK_PID" ]] || die "SMTP sink did not start"
note "127.0.0.1:$SMTP_PORT, Maildir $MAILDIR ($(( SECONDS - t0 ))s)"

export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
export PORTAL_TEST_SMTP="127.0.0.1:$SMTP_PORT"
export PORTAL_TEST_MAILDIR="$MAILDIR"
export PORTAL_TEST_ARTIFACTS="$ARTIFACTS"
export PLAYWRIGHT_CHROMIUM=/usr/bin/chromium
mkdir -p "$ARTIFACTS"

# ---------------------------------------------------------------- 6. build and format (started at step 0)
# The tests wait for the build only: the format check needs nothing from them and goes on beside the first pass (about
# a minute of one core); its result is read before the summary.
step "Waiting for the build"
while [[ ! -s "$PREP/build.rc" ]] && kill -0 "$PREP_PID" 2>/dev/null; do sleep 1; done
cat "$PREP/build.log"
[[ "$(cat "$PREP/build.rc" 2>/dev/null)" == 0 ]] || die "build failed"

# ---------------------------------------------------------------- 7. tests
# The integration tests run on each provider. Two kinds of test run once, so the run fits in 20 minutes on a two-core
# machine: tests that never touch the database (the Portal.Tests.Unit namespace, and classes marked
# [Trait("Database", "None")]) in the first provider's pass, and the browser journeys, which do use the database but
# test what a person sees, in the last one's (PostgreSQL when both run, so SQLite has no journey). The test projects run
# one after the other: side by side they only fight for the cores. Each project of each pass has its own results
# folder and summary line, so a pass in which one project ran nothing cannot hide behind the other.
NEEDS_DATABASE='FullyQualifiedName!~Portal.Tests.Unit.&Database!=None'
declare -A RUN_RC
SUMMARY_ARGS=()
for index in "${!PROVIDERS[@]}"; do
  provider="${PROVIDERS[$index]}"
  rm -rf "$ARTIFACTS/test-results/$provider"
  # Each pass starts with an empty Maildir (the sink keeps running and writes new files).
  find "$MAILDIR/new" "$MAILDIR/cur" -type f -delete
  export PORTAL_TEST_PROVIDER="$provider"
  RUN_RC[$provider]=0
  projects=(tests/Portal.Tests/Portal.Tests.csproj)
  [[ $index -eq $(( ${#PROVIDERS[@]} - 1 )) ]] && projects+=(tests/Portal.BrowserTests/Portal.BrowserTests.csproj)
  for project in "${projects[@]}"; do
    name="$(basename "$project" .csproj)"
    results="$ARTIFACTS/test-results/$provider/$name"
    mkdir -p "$results"
    filter="$FILTER"
    if [[ $index -gt 0 && $name == Portal.Tests ]]; then
      filter="${FILTER:+($FILTER)&}$NEEDS_DATABASE"
    fi
    step "Testing $name with PORTAL_TEST_PROVIDER=$provider${filter:+ (filter: $filter)}"
    args=(test "$project" -c Release --no-build --nologo
          --results-directory "$results"
          --logger "trx;LogFilePrefix=$provider"
          --blame-hang-timeout "${PORTAL_TEST_HANG_TIMEOUT:-5m}" --blame-hang-dump-type none)
    [[ -z "$filter" ]] || args+=(--filter "$filter")
    rc=0
    run dotnet "${args[@]}" || rc=$?
    note "$name on $provider finished with exit code $rc"
    [[ $rc -eq 0 ]] || RUN_RC[$provider]=$rc
    SUMMARY_ARGS+=("$provider $name=$results")
  done
done

step "Waiting for the format check"
CHILD="$PREP_PID"; wait "$PREP_PID" 2>/dev/null || true; CHILD=""; PREP_PID=""
cat "$PREP/format.log"
FORMAT_OK=1
if [[ "$(cat "$PREP/format.rc" 2>/dev/null)" != 0 ]]; then
  FORMAT_OK=0
  note "FORMAT CHECK FAILED: run 'dotnet format Portal.slnx' and commit the result."
fi

# ---------------------------------------------------------------- 8. summary
step "Stopping services"
stop_services
trap - EXIT

step "Summary ($(( SECONDS - START_TIME ))s)"
status=0
[[ $FORMAT_OK -eq 1 ]] || { echo "FAILED: format check (run 'dotnet format Portal.slnx')"; status=1; }
for provider in "${PROVIDERS[@]}"; do
  [[ ${RUN_RC[$provider]} -eq 0 ]] || { echo "FAILED: dotnet test for $provider exited with ${RUN_RC[$provider]}"; status=1; }
done
# Prints failed tests, a line per provider and, last, the totals line; non-zero if a run has
# failures, has no trx file, or executed no test.
# With a filter, a pass may rightly run nothing (a unit test runs in the first pass only): then only the whole run must
# have executed a test.
$PY "$REPO/scripts/trx_summary.py" ${FILTER:+--any} "${SUMMARY_ARGS[@]}" || status=1
exit $status
