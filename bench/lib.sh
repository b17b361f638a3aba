# Helpers shared by bench/run.sh and bench/ratio.sh. Sourced, never run on its own.
#
# Globals the helpers read (the sourcing script sets them):
#   DB_CLIENT    mariadb or mysql, set by require_tools
#   PRIVATE_DIR  a directory only we can read (mode 0700), for responses that hold secrets
#   BASE_URL     http://127.0.0.1:PORT of the running OpenUAPI
#   ROOT_PASSWORD, BENCH_USER, BENCH_PASSWORD  the operator's and the bench account's credentials
#
# Secrets never reach stdout, the results or a command line: curl reads them from process substitutions
# (-K), the mariadb client from its standard input, wrk from environment variables read by Lua scripts.
# Hence no `set -x` in the scripts that source this file.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$REPO_ROOT/target/quarkus-app/quarkus-run.jar"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-3306}"
UAPI_PATH=/execute/Variables/get_user_information
DB_CLIENT=""

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

# Random string of LENGTH characters from ALPHABET. python3's secrets module rather than
# `tr </dev/urandom | head`, which dies of SIGPIPE under pipefail.
random_string() {
    python3 -c 'import secrets, sys; a = sys.argv[1]; print("".join(secrets.choice(a) for _ in range(int(sys.argv[2]))))' "$1" "$2"
}

# The tools every mode needs, and MariaDB reachable as root with an empty password. Sets DB_CLIENT.
require_tools() {
    if ! command -v wrk >/dev/null 2>&1; then
        die "wrk is not installed. On Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y wrk"
    fi
    command -v java >/dev/null 2>&1 || die "java is not on PATH (Java 17+ is needed to run the app)."
    command -v curl >/dev/null 2>&1 || die "curl is not installed (apt-get install -y curl)."
    command -v python3 >/dev/null 2>&1 || die "python3 is not installed (used for random values and JSON)."
    if command -v mariadb >/dev/null 2>&1; then
        DB_CLIENT=mariadb
    elif command -v mysql >/dev/null 2>&1; then
        DB_CLIENT=mysql
    else
        die "Neither the mariadb nor the mysql client is installed (apt-get install -y mariadb-client)."
    fi
    # The app (or the bench's set-up) logs in over TCP as root with an empty password; check that works first.
    db -e 'SELECT 1' >/dev/null 2>&1 \
        || die "Cannot reach MariaDB at $DB_HOST:$DB_PORT as root with an empty password."
}

# Builds target/quarkus-app when the jar is missing, or always with REBUILD=1.
build_app() {
    if [[ ! -f "$JAR" || "${REBUILD:-0}" == 1 ]]; then
        command -v mvn >/dev/null 2>&1 || die "$JAR is missing and mvn is not installed to build it."
        log "Building the app (mvn -q package -DskipTests) ..."
        (cd "$REPO_ROOT" && mvn -q package -DskipTests) || die "mvn package failed."
        [[ -f "$JAR" ]] || die "mvn package did not produce $JAR."
    fi
}

# The mariadb client as root over TCP. Statements that carry a secret go through its standard input.
db() { "$DB_CLIENT" -uroot -h"$DB_HOST" -P"$DB_PORT" --protocol=tcp "$@"; }

# ---------------------------------------------------------------------------------------------------------
# Processes and ports
# ---------------------------------------------------------------------------------------------------------
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first free port on 127.0.0.1 from FIRST (default $PORT, else 18082) over the next 20.
pick_port() {
    local first=${1:-${PORT:-18082}} port
    for port in $(seq "$first" "$(( first + 20 ))"); do
        if ! port_in_use "$port"; then
            echo "$port"
            return
        fi
    done
    die "No free port in $first..$(( first + 20 )) on 127.0.0.1."
}

# Stops one process we started: TERM, up to 10 s for Quarkus's graceful shutdown, then KILL.
stop_pid() {
    local pid=$1
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
    wait "$pid" 2>/dev/null || true
}

# Waits until URL answers 200 while process PID lives; dies with the end of LOG otherwise.
wait_for_ok() {
    local url=$1 pid=$2 app_log=$3 timeout=$4
    local deadline=$(( SECONDS + timeout ))
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)" == 200 ]]; do
        if ! kill -0 "$pid" 2>/dev/null; then
            tail -n 30 "$app_log" >&2 || true
            die "The app exited during startup (log: $app_log)."
        fi
        if (( SECONDS >= deadline )); then
            tail -n 30 "$app_log" >&2 || true
            die "The app was not ready within ${timeout}s (log: $app_log)."
        fi
        sleep 0.5
    done
}

# ---------------------------------------------------------------------------------------------------------
# Fixtures: an account and its tokens, made through OpenUAPI's own API
# ---------------------------------------------------------------------------------------------------------

# POSTs JSON with credentials; prints the HTTP status, leaves the body in $PRIVATE_DIR/response.
# Credentials and body come through process substitutions so they never appear in `ps`.
post_json() {
    local path=$1 user=$2 password=$3 json=$4
    curl -s -o "$PRIVATE_DIR/response" -w '%{http_code}' \
        -K <(printf 'user = "%s:%s"\n' "$user" "$password") \
        -H 'Content-Type: application/json' \
        --data-binary @<(printf '%s' "$json") \
        "$BASE_URL$path" || true
}

# Creates the bench account as root (POST /api/v1/accounts); sets BENCH_USER and BENCH_PASSWORD.
create_account() {
    local attempt status
    for attempt in 1 2 3 4 5; do
        # "bench" + 8 digits = 13 characters: within ^[a-z][a-z0-9]{0,15}$.
        BENCH_USER="bench$(random_string 0123456789 8)"
        BENCH_PASSWORD="$(random_string 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' 24)"
        status=$(post_json /api/v1/accounts root "$ROOT_PASSWORD" \
            "{\"username\":\"$BENCH_USER\",\"password\":\"$BENCH_PASSWORD\",\"domain\":\"bench.example\",\"contact_email\":\"bench@bench.example\"}")
        case "$status" in
            201) log "Created account $BENCH_USER."; return ;;
            409) log "Account $BENCH_USER exists already; trying another name (attempt $attempt)." ;;
            *) die "POST /api/v1/accounts answered $status, expected 201: $(head -c 500 "$PRIVATE_DIR/response")" ;;
        esac
    done
    die "Could not find a free account name in 5 attempts."
}

# Issues the bench account a token named NAME (POST /api/v1/tokens); sets ISSUED_TOKEN to its value.
issue_token() {
    local name=$1 status
    status=$(post_json /api/v1/tokens "$BENCH_USER" "$BENCH_PASSWORD" "{\"name\":\"$name\"}")
    [[ "$status" == 201 ]] \
        || die "POST /api/v1/tokens ($name) answered $status, expected 201: $(head -c 500 "$PRIVATE_DIR/response")"
    ISSUED_TOKEN=$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["token"])' "$PRIVATE_DIR/response") \
        || die "POST /api/v1/tokens answered 201 without a readable token field."
    rm -f "$PRIVATE_DIR/response" # it held the token value
    [[ ${#ISSUED_TOKEN} -eq 32 ]] || die "The token is ${#ISSUED_TOKEN} characters long, expected 32."
    log "Created token \"$name\" for $BENCH_USER."
}

# ---------------------------------------------------------------------------------------------------------
# wrk
# ---------------------------------------------------------------------------------------------------------

# Prints from a wrk --latency output file, tab-separated: requests/sec, p50, p99 (as wrk prints them),
# total requests, non-2xx/3xx count, socket errors ("none" when there were none).
wrk_figures() {
    awk '
        /^Requests\/sec:/                          { rps = $2 }
        /^[ \t]+50%/                               { p50 = $2 }
        /^[ \t]+99%/                               { p99 = $2 }
        /Non-2xx or 3xx responses:/                { non2xx = $NF }
        /Socket errors:/                           { sub(/^[ \t]*Socket errors:[ \t]*/, ""); errors = $0 }
        / requests in /                            { total = $1 }
        END {
            if (non2xx == "") non2xx = 0
            if (errors == "") errors = "none"
            printf "%s\t%s\t%s\t%s\t%s\t%s\n", rps, p50, p99, total, non2xx, errors
        }' "$1"
}
