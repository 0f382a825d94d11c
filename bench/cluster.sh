#!/usr/bin/env bash
# Production's shape under load on this machine: Debian's nginx with the repository's own site file
# (deploy/nginx/portal.conf, only its addresses and certificate changed, as NginxSmokeTests does) over TLS and HTTP/2
# in front of two instances of the portal (Release, Production) on one PostgreSQL of their own (default settings,
# durability included). Readers browse and search signed in; writers publish needs through the real forms.
# Two cases, each on a fresh database of the same PostgreSQL (so that the kill case does not start with the needs the
# plain case published): "plain", and "kill", where instance 1 gets SIGKILL half-way through the measurement.
# Prints one table at the end; figures and their reading: docs/performance.md, "Two instances behind nginx".
#   bench/cluster.sh                                  # both cases, 5 minutes each (after 30 s of warm-up)
#   DURATION=20s READERS=20 bench/cluster.sh          # a short run
#   CASES=kill bench/cluster.sh                       # only the kill case (CASES=plain: only the plain one)
#   WRITERS=5 WARMUP=30s POOL=45                      # the other knobs, with their defaults
#   PUBLISHED=/tmp/app bench/cluster.sh               # reuse a `dotnet publish -c Release` output instead of publishing
#
# The load generator is bench/cluster-load.cs (a file-based C# app), not wrk with Lua: the kill case must say which
# requests failed and when, and a writer's flow (form, antiforgery token, draft, publish) needs cookies and the
# answers' HTML. wrk's Lua sees neither the request an answer belongs to nor its transport errors. The price: the
# generator is heavier than wrk and runs on the same two cores, so the figures are the cluster's and the load's
# together; the table says how much CPU each took, and what else on the machine did.
#
# Readers (the sample's member, observer and focal points, round robin, each reader signed in on its own) ask for
# the list (20 %), its page 2 (10 %), one of the postings their own list shows (35 %) and searches (35 %), one after
# the other without pause. Writers (the five sample focal points of States) publish needs without pause; after a
# failed step a writer waits 1 s (reading the error page) and starts a new need.
set -euo pipefail
cd "$(dirname "$0")/.."
READERS=${READERS:-100}
WRITERS=${WRITERS:-5}
DURATION=${DURATION:-5m}
WARMUP=${WARMUP:-30s}
CASES=${CASES:-plain kill}
PUBLISHED=${PUBLISHED:-}
# Npgsql's Maximum Pool Size per instance. Its default, 100 per instance, lets two busy instances ask PostgreSQL for
# more than its default max_connections (100): with 100 readers, 856 of 5,410 requests in 5 minutes failed with
# "53300: sorry, too many clients already". 2 × 45 leaves room under 100. POOL= (empty) keeps Npgsql's default.
POOL=${POOL-45}

seconds() { # 90, 90s, 5m, 1h -> seconds
    case $1 in
        *h) echo $((${1%h} * 3600)) ;; *m) echo $((${1%m} * 60)) ;; *s) echo "${1%s}" ;; *) echo "$1" ;;
    esac
}
duration_s=$(seconds "$DURATION")
warmup_s=$(seconds "$WARMUP")
for c in $CASES; do
    case $c in plain | kill) ;; *) echo "CASES holds \"$c\": use plain, kill or both." >&2; exit 2 ;; esac
done

if [ ! -x /usr/sbin/nginx ] || [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ]; then
    apt-get update -qq && apt-get install -y -qq nginx libnginx-mod-http-brotli-filter >/dev/null
fi
PGBIN=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
[ -x "$PGBIN/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)." >&2; exit 1; }

work=$(mktemp -d /tmp/portal-cluster.XXXXXX)
chmod 755 "$work"
pg_started="" nginx_pid="" pids=()
as_pg() { if [ "$EUID" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_pid() { # TERM, then KILL after 10 s; only our own children
    local pid=$1
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
stop_cluster() {
    local pid
    if [ -n "$nginx_pid" ]; then stop_pid "$nginx_pid"; nginx_pid=""; fi
    for pid in "${pids[@]}"; do stop_pid "$pid"; done
    pids=()
}
cleanup() {
    trap - EXIT INT TERM
    stop_cluster
    if [ -n "$pg_started" ]; then
        as_pg "$PGBIN/pg_ctl" -D "$work/pgdata" -m fast -w stop >/dev/null 2>&1 \
            || as_pg "$PGBIN/pg_ctl" -D "$work/pgdata" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "Interrupted." >&2; exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

if [ -n "$PUBLISHED" ]; then
    app=$PUBLISHED
else
    echo "Publishing (Release) ..."
    dotnet publish src/Portal -c Release -o "$work/app" --nologo -v q >/dev/null
    app=$work/app
fi
echo "Building the load generator ..."
dotnet build bench/cluster-load.cs -c Release --nologo -v q >/dev/null
load() { dotnet run --no-build -c Release bench/cluster-load.cs -- "$@"; }

echo "Starting PostgreSQL ($("$PGBIN/postgres" --version | awk '{print $3}'), default settings) ..."
mkdir -p "$work/pgdata" "$work/pgrun"
[ "$EUID" -ne 0 ] || chown postgres: "$work/pgdata" "$work/pgrun"
as_pg "$PGBIN/initdb" -D "$work/pgdata" --auth=trust --username=postgres -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log" >&2; exit 1; }
pg_port=$(free_port)
as_pg "$PGBIN/pg_ctl" -D "$work/pgdata" -l "$work/pgrun/postgres.log" -w -t 60 \
    -o "-p $pg_port -k $work/pgrun -c listen_addresses=127.0.0.1" start >/dev/null \
    || { cat "$work/pgrun/postgres.log" >&2; exit 1; }
pg_started=1
psql_() { "$PGBIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
pg_max=$(psql_ -d postgres -c 'show max_connections')

# A self-signed certificate for nginx, and the load generator trusts only it.
openssl req -x509 -newkey rsa:2048 -nodes -days 7 -subj "/CN=portal.test" \
    -keyout "$work/tls.key" -out "$work/tls.crt" >/dev/null 2>&1

start_instance() { # name port sample -> pid in $started_pid
    local name=$1 port=$2 sample=$3
    (cd "$app" && ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres \
        ConnectionStrings__Portal="Host=127.0.0.1;Port=$pg_port;Database=$db;Username=postgres${POOL:+;Maximum Pool Size=$POOL}" \
        Sample__Enabled=$sample Smtp__Host= Smtp__PublicBaseUrl=https://portal.test Logging__LogLevel__Default=Warning \
        exec dotnet Portal.dll --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1) &
    started_pid=$!
    pids+=("$started_pid")
    disown "$started_pid" # the kill case's SIGKILL is ours: no "Killed" notice from bash
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && return 0
        kill -0 "$started_pid" 2>/dev/null || break
        sleep 0.5
    done
    cat "$work/$name.log" >&2; echo "Instance $name did not become ready." >&2; exit 1
}

# nginx exactly as NginxSmokeTests runs it: the site file with its upstream addresses, listen lines and certificate
# replaced, inside a small nginx.conf of our own. Two differences, both Debian's defaults: a worker per core and
# 768 connections per worker (the test's 1 worker and 256 connections are for a few requests); and an access log
# that records which instance answered, for the kill case.
start_nginx() { # port1 port2 -> $nginx_port
    local site old new dir=$work/nginx
    rm -rf "$dir"; mkdir -p "$dir/temp"
    ln -s /usr/lib/nginx/modules "$dir/modules" # Debian's module files name their modules relative to the prefix
    nginx_port=$(free_port)
    site=$(cat deploy/nginx/portal.conf)
    replace() {
        [[ $site == *"$1"* ]] || { echo "deploy/nginx/portal.conf no longer holds \"$1\": update bench/cluster.sh." >&2; exit 1; }
        site=${site//"$1"/"$2"}
    }
    replace "server 127.0.0.1:5080 " "server 127.0.0.1:$1 "
    replace "server 127.0.0.1:5081 " "server 127.0.0.1:$2 "
    replace $'    listen 80;\n    listen [::]:80;\n' "    listen 127.0.0.1:$(free_port);"$'\n'
    replace $'    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n' "    listen 127.0.0.1:$nginx_port ssl http2;"$'\n'
    replace /etc/letsencrypt/live/portal.example.org/fullchain.pem "$work/tls.crt"
    replace /etc/letsencrypt/live/portal.example.org/privkey.pem "$work/tls.key"
    printf '%s\n' "$site" >"$dir/portal.conf"
    cat >"$dir/nginx.conf" <<EOF
$([ "$EUID" -eq 0 ] && echo "user root;")
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
include /etc/nginx/modules-enabled/*.conf;
events { worker_connections 768; }
http {
    include /etc/nginx/mime.types;
    log_format bench '\$msec \$request_method \$uri \$status "\$upstream_addr" "\$upstream_status" \$request_time \$server_protocol';
    access_log $dir/access.log bench buffer=256k flush=1s;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    include $dir/portal.conf;
}
EOF
    /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -t >/dev/null 2>&1 || /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -t
    /usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" >"$dir/stderr.log" 2>&1 &
    nginx_pid=$!
    for _ in $(seq 1 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null && return 0
        kill -0 "$nginx_pid" 2>/dev/null || break
        sleep 0.1
    done
    cat "$dir/error.log" "$dir/stderr.log" >&2; echo "nginx did not start." >&2; exit 1
}

run_case() { # plain | kill
    local name=$1 port1 port2 pid1 pid2 kill_args=()
    db=portal_$name
    psql_ -d postgres -c "CREATE DATABASE $db"
    port1=$(free_port); port2=$(free_port)
    # One after the other: the first creates the schema and, with Sample:Enabled, the sample accounts and postings (and
    # renews the entry codes); the second finds the migrations applied and needs no sample mode (a second sample start
    # would only renew the codes again). Started together on an empty database, the second can fail: it applied a
    # migration the first had already applied ("column already exists"), in spite of EF's migration lock.
    echo "[$name] Starting instance 1 (migrations, sample accounts and postings) ..."
    start_instance "$name-1" "$port1" true; pid1=$started_pid
    echo "[$name] Starting instance 2 ..."
    start_instance "$name-2" "$port2" false; pid2=$started_pid
    start_nginx "$port1" "$port2"
    [ "$name" = kill ] && kill_args=(--kill "$pid1")
    echo "[$name] Load: $READERS readers, $WRITERS writers, ${warmup_s} s warm-up, then ${duration_s} s measured ..."
    # In the foreground, so that Ctrl-C reaches it; the trap cleans up after it.
    load run --name "$name" --url "https://127.0.0.1:$nginx_port/" --certificate "$work/tls.crt" \
        --readers "$READERS" --writers "$WRITERS" --warmup "$warmup_s" --duration "$duration_s" \
        --instances "$pid1,$pid2" --upstreams "127.0.0.1:$port1,127.0.0.1:$port2" --nginx "$nginx_pid" \
        --postgres "$(head -1 "$work/pgdata/postmaster.pid")" --access-log "$work/nginx/access.log" \
        --out "$work/$name.json" "${kill_args[@]}"
    # What the database holds after the run: needs published, and drafts a failed publish left behind.
    psql_ -d "$db" -c "SELECT \"Status\", count(*) FROM \"Postings\" WHERE NOT \"IsSample\" GROUP BY 1 ORDER BY 1" \
        >"$work/$name.postings"
    echo "[$name] Postings by status (not sample): $(tr '\n' ' ' <"$work/$name.postings")"
    for log in "$work/$name-1.log" "$work/$name-2.log"; do
        count=$(grep -cE '"LogLevel":"(Error|Critical)"' "$log" || true)
        echo "[$name] $(basename "$log" .log): $count errors logged"
        { grep -E '"LogLevel":"(Error|Critical)"' "$log" || true; } \
            | jq -r '"    " + .Category + ": " + (.Message | gsub("\\s+"; " ") | .[0:300])' | sort | uniq -c | sort -rn | sed -n 1,5p
    done
    stop_cluster
}

results=()
for c in $CASES; do
    run_case "$c"
    results+=("$work/$c.json")
done
echo
echo "Machine: $(nproc) cores. PostgreSQL max_connections $pg_max; Npgsql Maximum Pool Size per instance ${POOL:-100 (default)}."
load table "${results[@]}"
