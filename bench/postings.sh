#!/usr/bin/env bash
# The search, list and posting pages at 100,000 postings, measured with wrk next to a static file of the same
# size served by the same server (the ceiling). Release build, warm, SQLite. Prints one line per case.
#   bench/postings.sh                 # 100,000 postings, 20 s per case
#   COUNT=20000 DURATION=10s bench/postings.sh
#   DB=/tmp/bench.db bench/postings.sh  # fills /tmp/bench.db once and reuses it on later runs
#   CASES=search bench/postings.sh      # only the cases whose name matches (grep -E)
# Figures and their reading: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-100000}
DURATION=${DURATION:-20s}
PORT=${PORT:-5091}
DB=${DB:-}
CASES=${CASES:-.}
# Pages: throughput with 16 connections. Searches: latency as one person sees it (one connection at a time).

if ! command -v wrk >/dev/null; then
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

work=$(mktemp -d /tmp/portal-bench.XXXXXX)
app_pid=""
stop_app() { if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""; fi; }
trap 'stop_app; rm -rf "$work"' EXIT

echo "Publishing (Release) ..."
dotnet publish src/Portal -c Release -o "$work/app" --nologo -v q >/dev/null

export ASPNETCORE_ENVIRONMENT=Production
db_file=${DB:-$work/bench.db}
export ConnectionStrings__Portal="Data Source=$db_file"
export Sample__Enabled=true
export Logging__LogLevel__Default=Warning
export Postings__LifecycleInBackground=false
start_app() {
    (cd "$work/app" && exec dotnet Portal.dll --urls "http://127.0.0.1:$PORT" >"$work/app.log" 2>&1) &
    app_pid=$!
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return 0
        sleep 0.5
    done
    cat "$work/app.log"; echo "The portal did not start." >&2; exit 1
}

# First start: schema, States, sample accounts and the 40 sample postings. Then the bulk of the postings.
if [ -n "$DB" ] && [ -s "$DB" ]; then
    echo "Reusing $DB"
else
    start_app
    stop_app
    echo "Filling $COUNT postings ..."
    dotnet run bench/fill-postings.cs -- "Data Source=$db_file" "$COUNT"
fi
sqlite3_size=$(du -m "$db_file" | cut -f1)
echo "Database: ${sqlite3_size} MB"
start_app

# A Swiss member (a State: sees everything) signs in through the real form; wrk sends its session cookie.
jar="$work/cookies"
token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/Account/SignIn" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Input.Email=member.che@sample.test" \
    --data-urlencode "Input.Password=sample passphrase for the portal" --data-urlencode "__RequestVerificationToken=$token" \
    "http://127.0.0.1:$PORT/Account/SignIn"
cookie=$(awk '$6 == "portal.session" { print $6 "=" $7 }' "$jar")
[ -n "$cookie" ] || { echo "Sign-in failed." >&2; exit 1; }

base="http://127.0.0.1:$PORT"
posting=$(curl -s -H "Cookie: $cookie" "$base/Postings" | grep -o 'href="/Postings/[0-9]*"' | head -1 | grep -o '[0-9]*')
curl -s -H "Cookie: $cookie" "$base/Postings" >"$work/list.html"
curl -s -H "Cookie: $cookie" "$base/Postings/$posting" >"$work/posting.html"
# The ceiling: the list page's own bytes as a static file, served by the same Kestrel and pipeline.
cp "$work/list.html" "$work/app/wwwroot/bench-static.html"
list_bytes=$(wc -c <"$work/list.html")
list_gzip=$(gzip -9 -c "$work/list.html" | wc -c)
list_served=$(curl -s -H "Cookie: $cookie" -H "Accept-Encoding: br, gzip" -o /dev/null -w '%{size_download}' "$base/Postings")
echo "List page: $list_bytes bytes, $list_gzip gzip -9, $list_served as served with Accept-Encoding: br, gzip"
most_common=$(curl -s -H "Cookie: $cookie" "$base/Postings?q=assistance" | tr -s " \n" " " | grep -o 'data-testid="result-count"> *[^<]*' | sed 's/.*"> *//' || true)
hits=$(python3 -c "import sqlite3; print(sqlite3.connect('$db_file').execute(\"SELECT count(*) FROM PostingSearch WHERE PostingSearch MATCH 'assistance'\").fetchone()[0])" 2>/dev/null || echo "?")
echo "Most common term \"assistance\": in $hits postings; the page says \"$most_common\""

run() {
    local connections=$1 name=$2 url=$3
    echo "$name" | grep -qE "$CASES" || return 0
    # Warm-up: JIT, caches and SQLite pages, then the measured run.
    wrk -t1 -c"$connections" -d5s -H "Cookie: $cookie" "$url" >/dev/null
    printf '%-38s ' "$name (c$connections)"
    wrk -t1 -c"$connections" -d"$DURATION" --latency -s bench/report.lua -H "Cookie: $cookie" "$url" | grep '^RESULT' | sed 's/^RESULT //'
}

# Warm: the portal JIT-compiles ~25,000 methods and re-compiles the hot ones with profile data over its first half
# minute or so of load; figures taken before that measure the compiler, not the portal.
echo "Warming up (40 s) ..."
wrk -t1 -c16 -d20s -H "Cookie: $cookie" "$base/Postings" >/dev/null
wrk -t1 -c16 -d10s -H "Cookie: $cookie" "$base/Postings/$posting" >/dev/null
wrk -t1 -c4 -d10s -H "Cookie: $cookie" "$base/Postings?q=victim+assistance" >/dev/null

run 16 "static file (ceiling)" "$base/bench-static.html"
run 16 "list page" "$base/Postings"
run 16 "list page, page 40" "$base/Postings?page=40"
run 16 "posting page" "$base/Postings/$posting"
run 1 "search: prosthetics" "$base/Postings?q=prosthetics"
run 1 "search: \"non-technical survey\"" "$base/Postings?q=%22non-technical+survey%22"
run 1 "search: victim assistance Lao" "$base/Postings?q=victim+assistance+Lao"
run 1 "search: risk education, Asia" "$base/Postings?q=risk+education&region=Asia"
run 1 "search: assistance (most common)" "$base/Postings?q=assistance"
run 16 "search: victim assistance Lao" "$base/Postings?q=victim+assistance+Lao"
