#!/usr/bin/env bash
# Benchmarks the packaged OpenUAPI app with wrk on loopback.
#
# Starts target/quarkus-app/quarkus-run.jar against its own MariaDB database (openuapi_bench), creates an
# account and an API token, then measures three targets:
#   health        GET /q/health/live on the management port            (no auth)            -> 200
#   token-valid   GET /execute/Variables/get_user_information  (cpanel USER:TOKEN, valid)   -> 200
#   token-invalid GET /execute/Variables/get_user_information  (cpanel NOSUCHUSER:<random>)  -> 401
#   whm-token     GET /json-api/accountsummary?api.version=1   (whm root:TOKEN, valid)      -> 200
#   redos         GET /execute/Tokens/list?api.filter_type=matches&…=^(a+)+\1$ (issue 12 row 1) -> 200
#   form-40k      POST /execute/Tokens/list, body 40,000 x k=1 (issue 12 row 3; refused)  -> 200
# Raw wrk output, the app log and a summary go to bench/results/<timestamp>/.
#
# Settings (environment):
#   DURATION=20s  CONNECTIONS=32  THREADS=2  WARMUP=5s   wrk parameters (WARMUP=0 skips the warm-up)
#   PORT=18082                                           first port tried; the next free one is used
#   STARTUP_TIMEOUT=60                                   seconds to wait for /q/health/ready
#   DB_HOST=127.0.0.1 DB_PORT=3306                       MariaDB, as root with an empty password
#   JAVA_OPTS=                                           extra JVM options for the app
#   REBUILD=1                                            run mvn package even when the jar exists
#
# Secrets (root password, account password, token) never reach stdout, the results or any command line:
# curl reads them from process substitutions (-K), wrk from an environment variable in a Lua script.
# Hence no `set -x` here.
set -euo pipefail

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
readonly REPO_ROOT JAR DB_HOST DB_PORT UAPI_PATH
readonly DB_NAME=openuapi_bench
readonly DURATION="${DURATION:-20s}"
readonly CONNECTIONS="${CONNECTIONS:-32}"
readonly THREADS="${THREADS:-2}"
readonly WARMUP="${WARMUP:-5s}"
readonly STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-60}"

APP_PID=""
LOAD_BEFORE="?"
PRIVATE_DIR=""
RESULTS_DIR=""
BASE_URL=""
MGMT_URL=""

# ---------------------------------------------------------------------------------------------------------
# App lifecycle
# ---------------------------------------------------------------------------------------------------------
# Runs on every exit (success, failure, Ctrl-C): stop our app, drop the bench database, shred secrets.
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "Stopping the app (pid $APP_PID) ..."
        stop_pid "$APP_PID"
    fi
    if [[ -n "$DB_CLIENT" ]]; then
        db -e "DROP DATABASE IF EXISTS $DB_NAME" 2>/dev/null || log "Could not drop database $DB_NAME."
    fi
    [[ -n "$PRIVATE_DIR" ]] && rm -rf "$PRIVATE_DIR"
    exit "$status"
}

start_app() {
    local port=$1
    log "Starting the app on 127.0.0.1:$port (database $DB_NAME) ..."
    # The root password goes to the app through its environment only. JAVA_OPTS is split on purpose.
    # shellcheck disable=SC2086
    OPENUAPI_ROOT_PASSWORD="$ROOT_PASSWORD" OPENUAPI_TOKENS_CHECK_KEY="$(random_string 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' 43)" \
        java ${JAVA_OPTS:-} \
        -Dquarkus.http.port="$port" \
        -Dquarkus.http.host=127.0.0.1 \
        -Dquarkus.management.port="$MGMT_PORT" \
        -Dquarkus.management.host=127.0.0.1 \
        -Dopenuapi.tls.self-signed=false \
        -Dopenuapi.dns.account-ip=10.0.0.1 \
        -Dopenuapi.dns.nameservers=ns1.bench.internal,ns2.bench.internal \
        -Dquarkus.datasource.jdbc.url="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB_NAME?createDatabaseIfNotExist=true" \
        -Dquarkus.datasource.username=root \
        -Dquarkus.datasource.password= \
        -Dquarkus.flyway.migrate-at-start=true -Dquarkus.flyway.validate-at-start=false \
        -Dopenuapi.homes.root="$RESULTS_DIR/homes" \
        -jar "$JAR" >"$RESULTS_DIR/app.log" 2>&1 &
    APP_PID=$!

    wait_for_ok "$MGMT_URL/q/health/ready" "$APP_PID" "$RESULTS_DIR/app.log" "$STARTUP_TIMEOUT"
    log "App ready (pid $APP_PID)."
}

# ---------------------------------------------------------------------------------------------------------
# Fixtures: an account and a token
# ---------------------------------------------------------------------------------------------------------

# create_account and issue_token: bench/lib.sh.
create_token() {
    issue_token bench
    BENCH_TOKEN=$ISSUED_TOKEN
    # The token name of issue 12's ReDoS repro: 27 a's and a dash (3.3 s per request on a backtracking engine).
    issue_token aaaaaaaaaaaaaaaaaaaaaaaaaaa-
    ISSUED_TOKEN=""
}

# A root WHM API token (full privileges), made with root's password over HTTP Basic.
create_whm_token() {
    local status
    status=$(curl -s -o "$PRIVATE_DIR/response" -w '%{http_code}' \
        -K <(printf 'user = "root:%s"\n' "$ROOT_PASSWORD") \
        "$BASE_URL/json-api/api_token_create?api.version=1&token_name=bench" || true)
    [[ "$status" == 200 ]] || die "api_token_create answered $status: $(head -c 500 "$PRIVATE_DIR/response")"
    WHM_TOKEN=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["data"]["token"])' "$PRIVATE_DIR/response") \
        || die "api_token_create gave no token: $(head -c 300 "$PRIVATE_DIR/response")"
    rm -f "$PRIVATE_DIR/response"
    log "Created WHM token \"bench\" for root."
}

# ---------------------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------------------

# wrk reads the Authorization header from $BENCH_AUTHORIZATION through this Lua script, so the token is
# neither on wrk's command line nor in any file. No request() function: wrk keeps its prebuilt request.
write_wrk_script() {
    cat >"$PRIVATE_DIR/auth.lua" <<'LUA'
local authorization = os.getenv("BENCH_AUTHORIZATION")
if authorization and authorization ~= "" then
    wrk.headers["Authorization"] = authorization
end
LUA
    # The same, as a form POST of 40,000 repeats of one key (160 KB; 33 s of CPU each before issue 12).
    cat "$PRIVATE_DIR/auth.lua" >"$PRIVATE_DIR/form40k.lua"
    cat >>"$PRIVATE_DIR/form40k.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = string.rep("k=1&", 39999) .. "k=1"
LUA
    python3 -c 'print("&".join("k=1" for i in range(40000)), end="")' >"$PRIVATE_DIR/form40k.body"
}

# One curl before measuring: the target must answer as expected, or the numbers would measure errors.
verify_target() {
    local name=$1 path=$2 authorization=$3 expected=$4 script=${5:-auth} status
    local body=()
    if [[ "$script" == form40k ]]; then
        body=(-H 'Content-Type: application/x-www-form-urlencoded' --data-binary "@$PRIVATE_DIR/form40k.body")
    fi
    status=$(curl -s -o "$PRIVATE_DIR/check" -w '%{http_code}' "${body[@]}" \
        -K <(if [[ -n "$authorization" ]]; then printf 'header = "Authorization: %s"\n' "$authorization"; fi) \
        "$path" || true)
    if [[ "$status" != "$expected" ]]; then
        die "Target $name: GET $path answered HTTP $status, expected $expected. Body: $(head -c 300 "$PRIVATE_DIR/check")"
    fi
    if [[ "$name" == whm-token ]] && ! grep -q '"result":1' "$PRIVATE_DIR/check"; then
        die "Target $name: HTTP 200 but no \"result\":1 in the body: $(head -c 300 "$PRIVATE_DIR/check")"
    fi
    if [[ "$name" == token-valid ]] && ! grep -q '"status":1' "$PRIVATE_DIR/check"; then
        die "Target $name: HTTP 200 but no \"status\":1 in the body: $(head -c 300 "$PRIVATE_DIR/check")"
    fi
    # The repro's filter is not RE2 syntax: the list comes back whole, with the filter reported in messages.
    if [[ "$name" == redos ]] && ! grep -q '"status":1.*invalid regular expression' "$PRIVATE_DIR/check"; then
        die "Target $name: no \"status\":1 with the invalid filter reported: $(head -c 300 "$PRIVATE_DIR/check")"
    fi
    if [[ "$name" == form-40k ]] && ! grep -q '"status":0.*more than [0-9]* parameters' "$PRIVATE_DIR/check"; then
        die "Target $name: not refused past the parameter cap: $(head -c 300 "$PRIVATE_DIR/check")"
    fi
    log "Target $name: GET $path -> HTTP $status as expected."
}

run_wrk() {
    local name=$1 path=$2 authorization=$3 script=${4:-auth}
    if [[ "$WARMUP" != 0 && "$WARMUP" != 0s ]]; then
        log "Warming up $name for $WARMUP ..."
        BENCH_AUTHORIZATION="$authorization" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" \
            -s "$PRIVATE_DIR/$script.lua" "$path" >"$RESULTS_DIR/$name.warmup.txt" 2>&1 \
            || die "wrk warm-up for $name failed: $(tail -n 5 "$RESULTS_DIR/$name.warmup.txt")"
    fi
    log "Measuring $name: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency ..."
    BENCH_AUTHORIZATION="$authorization" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency \
        -s "$PRIVATE_DIR/$script.lua" "$path" >"$RESULTS_DIR/$name.txt" 2>&1 \
        || die "wrk for $name failed: $(tail -n 5 "$RESULTS_DIR/$name.txt")"
}

# Prints one tab-separated summary row from a wrk --latency output file:
# target, requests/sec, p50, p99, requests, non-2xx/3xx count, socket errors, expected status.
summarize() {
    local name=$1 expected=$2
    printf '%s\t%s\t%s\n' "$name" "$(wrk_figures "$RESULTS_DIR/$name.txt")" "$expected"
}

print_table() {
    # column(1) is not always installed; printf keeps the table aligned on its own.
    awk -F'\t' '{ printf "%-14s %12s %10s %10s %10s %10s  %-9s %s\n", $1, $2, $3, $4, $5, $6, $8, $7 }' "$1"
}

# ---------------------------------------------------------------------------------------------------------
main() {
    cd "$REPO_ROOT"
    require_tools
    build_app

    RESULTS_DIR="$REPO_ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
    mkdir -p "$RESULTS_DIR"
    PRIVATE_DIR="$(umask 077 && mktemp -d)"
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    # wrk and the server share the cores: anything else running skews the numbers, so say so up front.
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
    if awk -v one_minute="${LOAD_BEFORE%% *}" -v cpus="$(nproc 2>/dev/null || echo 1)" 'BEGIN { exit !(one_minute + 0 > cpus / 2) }'; then
        log "WARNING: load average is $LOAD_BEFORE before starting; other work on this machine will skew the results."
    fi

    local port
    port=$(pick_port)
    BASE_URL="http://127.0.0.1:$port"
    MGMT_PORT=$(PORT=$(( port + 1 )) pick_port)
    MGMT_URL="http://127.0.0.1:$MGMT_PORT"
    ROOT_PASSWORD="$(random_string 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' 32)"

    start_app "$port"
    create_account
    create_token
    create_whm_token
    write_wrk_script

    # The invalid token has the right shape, so it goes through the same hash lookup; its user does not
    # exist, so brute-force protection never locks out a real user (the bench account included).
    local valid="cpanel $BENCH_USER:$BENCH_TOKEN" invalid
    invalid="cpanel nosuch$(random_string 0123456789 8):$(random_string ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 32)"
    # Issue 12 row 1 as filed: ^(a+)+\1$ on the token names.
    local redos="/execute/Tokens/list?api.filter_column=name&api.filter_type=matches&api.filter_term=%5E(a%2B)%2B%5C1%24"

    # name | path | Authorization | expected status | wrk script (auth, or form40k: the POST body)
    local targets=(
        "health|$MGMT_URL/q/health/live||200|auth"
        "token-valid|$BASE_URL$UAPI_PATH|$valid|200|auth"
        "token-invalid|$BASE_URL$UAPI_PATH|$invalid|401|auth"
        "whm-token|$BASE_URL/json-api/accountsummary?api.version=1&user=$BENCH_USER|whm root:$WHM_TOKEN|200|auth"
        "redos|$BASE_URL$redos|$valid|200|auth"
        "form-40k|$BASE_URL/execute/Tokens/list|$valid|200|form40k"
    )
    local summary="$RESULTS_DIR/summary.tsv" entry name path authorization expected script
    printf 'target\treq/s\tp50\tp99\trequests\tnon-2xx/3xx\tsocket errors\texpected\n' >"$summary"
    for entry in "${targets[@]}"; do
        IFS='|' read -r name path authorization expected script <<<"$entry"
        verify_target "$name" "$path" "$authorization" "$expected" "$script"
        run_wrk "$name" "$path" "$authorization" "$script"
        summarize "$name" "$expected" >>"$summary"
    done

    {
        echo "OpenUAPI benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ)"
        echo "commit: $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO_ROOT" diff --quiet HEAD 2>/dev/null || echo ' (dirty)')"
        echo "wrk: -t$THREADS -c$CONNECTIONS -d$DURATION --latency (warm-up $WARMUP per target), loopback 127.0.0.1:$port"
        echo "java: $(java -version 2>&1 | head -n 1)"
        echo "cpus: $(nproc 2>/dev/null || echo '?') (wrk and the server share them: compare runs, not absolute numbers)"
        echo "load average at start: $LOAD_BEFORE (1/5/15 min)"
        echo
        print_table "$summary"
    } >"$RESULTS_DIR/summary.txt"

    # Problems the app logged during the run are part of the result.
    local problems
    problems=$(grep -cE '^[0-9-]+ [0-9:,.]+ +(ERROR|WARN)' "$RESULTS_DIR/app.log" || true)
    echo "app log: $problems WARN/ERROR line(s) (app.log)" >>"$RESULTS_DIR/summary.txt"

    echo
    cat "$RESULTS_DIR/summary.txt"
    echo "results: $RESULTS_DIR"
}

main "$@"
