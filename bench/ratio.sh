#!/usr/bin/env bash
# Issue 13 §2: OpenUAPI against a bare Quarkus REST endpoint, as ratios, on the same machine.
#
# Builds target/quarkus-app (OpenUAPI) and bench/bare (one blocking Quarkus REST method, same Quarkus
# platform version), runs both on loopback, drives both with the same wrk settings and reports:
#   - valid-token UAPI call (GET /execute/Variables/get_user_information, cpanel USER:TOKEN) ÷ bare   >= 0.70
#   - random invalid tokens for a user that does not exist ÷ bare                                  >= 0.70
#   - database statements per valid call, and per rejected call                                    <= 0.05
#   - p99 of the valid call ÷ the bare endpoint's p99                                              <= 1.5
#   - valid req/s with 1,000,000 tokens in the table ÷ with 1,000 (round-robin working set)       >= 0.9
#   - JVM start-up (process start to first 200) ÷ the bare endpoint's                             <= 3
# Rounds are interleaved (bare, valid, valid-off, invalid; ROUNDS times); each figure is a ratio of medians.
# valid-off is the valid call on a second OpenUAPI with the activity log off (issue 20: the log's cost, in the same run).
# Database statements are the bench database user's SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS in
# information_schema.USER_STATISTICS (SET GLOBAL userstat=1), read before and after each wrk run.
# Everything goes to bench/results/<UTC timestamp>/; the last lines printed are the figures.
#
# Settings (environment):
#   HULK_LOCAL_LOCK=1          keep cPHulk's user lock for loopback (see openuapi_args)
#   DURATION=10s ROUNDS=5 THREADS=1 CONNECTIONS=16 WARMUP=40s  wrk, per run (WARMUP=0 skips warm-ups)
#   STARTS=3                   timed starts of each app (0 skips the start-up figure)
#   LOG_OFF=1                  0 skips the valid-off rounds (a second OpenUAPI, openuapi.activity.enabled=false)
#   SCALE=1                    0 skips the 1,000 / 1,000,000 token figure
#   SMALL_TOKENS=1000 LARGE_TOKENS=1000000 WORKING_SET=10000 SCALE_ROUNDS=$ROUNDS SCALE_WARMUP=90s
#                              the two tables are two databases (BENCH_DB and BENCH_DB_large), each served by its
#                              own OpenUAPI, and their rounds alternate, like the main rounds
#   INNODB_POOL=1G             innodb_buffer_pool_size for the run, as an operator sizes it for a million-token table
#                              (set with SET GLOBAL when the server's is smaller, put back at exit; 0 leaves it)
#   PORT=18182                 first port tried for OpenUAPI; its management port and the bare app's follow
#   STARTUP_TIMEOUT=120        seconds each start may take
#   BENCH_DB=openuapi_bench_ratio  the database, and BENCH_DB_large for the large token table (both dropped at
#                              exit); the database user is openuapi_bench
#   DB_HOST=127.0.0.1 DB_PORT=3306  MariaDB, reached as root with an empty password for the set-up
#   JAVA_OPTS=                 extra JVM options, for both apps
#   AOT_JAVA=                  a JDK 25+ `java`: run both apps on it, each with its own AOT cache (JEP 483/514/515),
#                              made by one training start per app (TRAIN_REQUESTS=200 bench requests) before
#                              the timed starts; the rounds use the caches too. Unset: the `java` on PATH, no cache
#   REBUILD=1                  rebuild both apps even when their jars exist
#
# Secrets (operator and database passwords, the token check key, token values) never reach stdout, the
# results or a command line; token values sit only in $RESULTS_DIR/private (mode 0700, files 0600), which
# is deleted at exit.
set -euo pipefail
export LC_ALL=C # a "." in $EPOCHREALTIME and in numbers

# shellcheck source=bench/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
readonly REPO_ROOT JAR DB_HOST DB_PORT UAPI_PATH BENCH_DIR
readonly DB_NAME="${BENCH_DB:-openuapi_bench_ratio}"
# The large token table's own database, served by a second OpenUAPI while the scale rounds alternate.
readonly LARGE_DB_NAME="${DB_NAME}_large"
readonly DB_USER=openuapi_bench
readonly DURATION="${DURATION:-10s}"
readonly ROUNDS="${ROUNDS:-5}"
readonly THREADS="${THREADS:-1}"
readonly CONNECTIONS="${CONNECTIONS:-16}"
readonly WARMUP="${WARMUP:-40s}"
readonly SCALE_WARMUP="${SCALE_WARMUP:-$( [[ "$WARMUP" == 0 || "$WARMUP" == 0s ]] && echo 0 || echo 90s)}"
readonly STARTS="${STARTS:-3}"
readonly LOG_OFF="${LOG_OFF:-1}"
readonly SCALE="${SCALE:-1}"
readonly SMALL_TOKENS="${SMALL_TOKENS:-1000}"
readonly LARGE_TOKENS="${LARGE_TOKENS:-1000000}"
readonly WORKING_SET="${WORKING_SET:-10000}"
readonly SCALE_ROUNDS="${SCALE_ROUNDS:-$ROUNDS}"
readonly STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-120}"
readonly BARE_DIR="$BENCH_DIR/bare"
readonly BARE_JAR="$BARE_DIR/target/quarkus-app/quarkus-run.jar"
readonly LUA="$BENCH_DIR/ratio.lua"
readonly LOAD_CHUNK=250000
readonly AOT_JAVA="${AOT_JAVA:-}"
readonly TRAIN_REQUESTS="${TRAIN_REQUESTS:-200}"
readonly INNODB_POOL="${INNODB_POOL:-1G}"
JAVA_BIN=java
AOT_DIR=""

APP_PID=""
BARE_PID=""
OFF_PID=""
OFF_URL=""
LARGE_PID=""
PRIVATE_DIR=""
RESULTS_DIR=""
BASE_URL=""
MGMT_URL=""
BARE_URL=""
USERSTAT_BEFORE=""
POOL_BEFORE=""
DIRTY_PCT_BEFORE=""
DB_OWNED=0
OPENUAPI_ARGS=()
STARTUP_MS=""

# ---------------------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------------------

# The Quarkus platform version of the top-level pom.xml, which the bare app is built with.
platform_version() {
    python3 - "$REPO_ROOT/pom.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
ns = {"m": "http://maven.apache.org/POM/4.0.0"}
print(ET.parse(sys.argv[1]).getroot().find("m:properties/m:quarkus.platform.version", ns).text.strip())
PY
}

build_bare() {
    local version stamp="$BARE_DIR/target/platform-version"
    version=$(platform_version) || die "Cannot read quarkus.platform.version from $REPO_ROOT/pom.xml."
    if [[ ! -f "$BARE_JAR" || "${REBUILD:-0}" == 1 || "$(cat "$stamp" 2>/dev/null)" != "$version" ]]; then
        log "Building the bare endpoint with Quarkus $version (mvn -q package in bench/bare) ..."
        (cd "$BARE_DIR" && mvn -q package -Dquarkus.platform.version="$version") || die "mvn package of bench/bare failed."
        [[ -f "$BARE_JAR" ]] || die "mvn package did not produce $BARE_JAR."
        echo "$version" >"$stamp"
    fi
    # Both apps must run the same Quarkus: compare the quarkus-core jars they ship.
    local app_core bare_core
    app_core=$(cd "$REPO_ROOT/target/quarkus-app/lib/main" && ls io.quarkus.quarkus-core-[0-9]*.jar)
    bare_core=$(cd "$BARE_DIR/target/quarkus-app/lib/main" && ls io.quarkus.quarkus-core-[0-9]*.jar)
    [[ "$app_core" == "$bare_core" ]] \
        || die "OpenUAPI ships $app_core but the bare app $bare_core: rebuild one of them (REBUILD=1)."
    log "Both apps run ${app_core#io.quarkus.}."
}

# ---------------------------------------------------------------------------------------------------------
# Database: the bench's own user, whose statements are counted
# ---------------------------------------------------------------------------------------------------------
setup_database() {
    local name
    for name in "$DB_NAME" "$LARGE_DB_NAME"; do
        if [[ -n "$(db -N -e "SHOW DATABASES LIKE '$name'")" ]]; then
            die "Database $name exists: another ratio run is using it, or one was killed (DROP DATABASE $name if so)."
        fi
    done
    USERSTAT_BEFORE=$(db -N -e 'SELECT @@GLOBAL.userstat')
    DB_OWNED=1
    # Through standard input: the password must not show on the client's command line.
    db <<SQL || die "Could not create database $DB_NAME and user $DB_USER."
SET GLOBAL userstat = 1;
CREATE DATABASE \`$DB_NAME\`;
CREATE DATABASE \`$LARGE_DB_NAME\`;
DROP USER IF EXISTS '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
CREATE USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON \`$DB_NAME\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
GRANT ALL ON \`$LARGE_DB_NAME\`.* TO '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost';
SQL
    log "Database $DB_NAME for user $DB_USER (user statistics on; they were $( ((USERSTAT_BEFORE)) && echo on || echo off))."
    size_pool
}

# A buffer pool that holds a million-token table and what the activity log writes with 10,000 tokens in use
# (src/docs/scale-out.md): MariaDB's default 128 MB does not, and then the large table's rounds measure the disk.
size_pool() {
    [[ "$INNODB_POOL" != 0 ]] || return 0
    local want current
    want=$(numfmt --from=iec "$INNODB_POOL") || die "INNODB_POOL=$INNODB_POOL is not a size (1G, 1536M, ...)."
    current=$(db -N -e 'SELECT @@innodb_buffer_pool_size')
    if (( current < want )); then
        db -e "SET GLOBAL innodb_buffer_pool_size = $want" || die "Could not set innodb_buffer_pool_size to $want."
        POOL_BEFORE=$current
        log "innodb_buffer_pool_size: $current → $(db -N -e 'SELECT @@innodb_buffer_pool_size') for this run (put back at exit)."
    fi
}

# Makes InnoDB write out the pages the bulk inserts left dirty before the rounds, so that they start from a server at
# rest with those tokens, not one still writing the insert out: innodb_max_dirty_pages_pct at 0 for the wait (by
# default InnoDB keeps up to 90 % of the pool dirty), until the dirty pages are at most 1 % of the pool or stop
# falling for 10 s (the running servers keep writing a little), at most 2 minutes; then the setting is put back.
wait_for_written_pool() {
    local dirty total lowest deadline=$(( SECONDS + 120 )) started=$SECONDS still=0
    DIRTY_PCT_BEFORE=$(db -N -e 'SELECT @@innodb_max_dirty_pages_pct')
    db -e 'SET GLOBAL innodb_max_dirty_pages_pct = 0' || die "Could not set innodb_max_dirty_pages_pct."
    total=$(innodb_status BUFFER_POOL_PAGES_TOTAL)
    lowest=$(innodb_status BUFFER_POOL_PAGES_DIRTY)
    while (( SECONDS < deadline && lowest * 100 > total && still < 5 )); do
        sleep 2
        dirty=$(innodb_status BUFFER_POOL_PAGES_DIRTY)
        if (( dirty < lowest )); then lowest=$dirty; still=0; else still=$(( still + 1 )); fi
    done
    db -e "SET GLOBAL innodb_max_dirty_pages_pct = $DIRTY_PCT_BEFORE" || log "Could not put innodb_max_dirty_pages_pct back."
    DIRTY_PCT_BEFORE=""
    log "InnoDB has written the inserts out ($(innodb_status BUFFER_POOL_PAGES_DIRTY) of $total pages dirty, after $(( SECONDS - started )) s)."
}

# Statements the bench user has sent so far.
statements() {
    db -N -e "SELECT COALESCE(SUM(SELECT_COMMANDS + UPDATE_COMMANDS + OTHER_COMMANDS), 0)
              FROM information_schema.USER_STATISTICS WHERE USER = '$DB_USER'"
}

# One of InnoDB's status counters (SHOW GLOBAL STATUS LIKE 'Innodb_NAME'), the whole server's.
innodb_status() {
    db -N -e "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'INNODB_$1'"
}

# Runs on every exit (success, failure, Ctrl-C): stop both apps, drop the database and its user, put
# user statistics back as they were, delete the private files.
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [[ -n "$APP_PID" ]]; then log "Stopping OpenUAPI (pid $APP_PID) ..."; stop_pid "$APP_PID"; fi
    if [[ -n "$BARE_PID" ]]; then log "Stopping the bare app (pid $BARE_PID) ..."; stop_pid "$BARE_PID"; fi
    if [[ -n "$OFF_PID" ]]; then log "Stopping OpenUAPI with the log off (pid $OFF_PID) ..."; stop_pid "$OFF_PID"; fi
    if [[ -n "$LARGE_PID" ]]; then log "Stopping OpenUAPI on the large token table (pid $LARGE_PID) ..."; stop_pid "$LARGE_PID"; fi
    if (( DB_OWNED )); then
        db -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" 2>/dev/null || log "Could not drop database $DB_NAME."
        db -e "DROP DATABASE IF EXISTS \`$LARGE_DB_NAME\`" 2>/dev/null || log "Could not drop database $LARGE_DB_NAME."
        db -e "DROP USER IF EXISTS '$DB_USER'@'127.0.0.1', '$DB_USER'@'localhost'" 2>/dev/null \
            || log "Could not drop user $DB_USER."
        if [[ "$USERSTAT_BEFORE" == 0 ]]; then
            db -e 'SET GLOBAL userstat = 0' 2>/dev/null || log "Could not turn user statistics off again."
        fi
        if [[ -n "$DIRTY_PCT_BEFORE" ]]; then
            db -e "SET GLOBAL innodb_max_dirty_pages_pct = $DIRTY_PCT_BEFORE" 2>/dev/null \
                || log "Could not put innodb_max_dirty_pages_pct back to $DIRTY_PCT_BEFORE."
        fi
        if [[ -n "$POOL_BEFORE" ]]; then
            db -e "SET GLOBAL innodb_buffer_pool_size = $POOL_BEFORE" 2>/dev/null \
                || log "Could not put innodb_buffer_pool_size back to $POOL_BEFORE."
        fi
    fi
    [[ -n "$PRIVATE_DIR" ]] && rm -rf "$PRIVATE_DIR"
    exit "$status"
}

# ---------------------------------------------------------------------------------------------------------
# The two apps
# ---------------------------------------------------------------------------------------------------------

# OpenUAPI's own datasource logs in as the bench user; the hosting datasource (customers' databases, which
# this benchmark never touches) as root, so only OpenUAPI's own statements are counted. The access log is
# off as in run.sh: the bare app writes none either.
#
# cPHulk stays on with its defaults but one: wrk sends from loopback, where cPanel's
# username_based_protection_local_origin locks the nonexistent user after 15 failures, and every later
# rejection would be the lock's, not the token check's. From other addresses the user rule is off by
# default (username_based_protection=0), so turning the loopback rule off makes the invalid rounds what an
# attacker spread over many addresses gets: every random token checked. HULK_LOCAL_LOCK=1 keeps the lock.
openuapi_args() {
    OPENUAPI_ARGS=(
        -Dquarkus.http.port="$APP_PORT"
        -Dquarkus.http.host=127.0.0.1
        -Dquarkus.management.port="$MGMT_PORT"
        -Dquarkus.management.host=127.0.0.1
        -Dopenuapi.tls.self-signed=false
        -Dopenuapi.dns.account-ip=10.0.0.1
        -Dopenuapi.dns.nameservers=ns1.bench.internal,ns2.bench.internal
        -Dquarkus.datasource.jdbc.url="jdbc:mariadb://$DB_HOST:$DB_PORT/$DB_NAME"
        -Dquarkus.datasource.username="$DB_USER"
        -Dquarkus.datasource.hosting.jdbc.url="jdbc:mariadb://$DB_HOST:$DB_PORT/"
        -Dquarkus.datasource.hosting.username=root
        -Dquarkus.datasource.hosting.password=
        # the fixture account's home, never the production default /home; removed with the results' private dir
        -Dopenuapi.homes.root="$PRIVATE_DIR/homes"
    )
    if [[ "${HULK_LOCAL_LOCK:-0}" != 1 ]]; then
        OPENUAPI_ARGS+=(-Dopenuapi.cphulk.username-based-protection-local-origin=false)
    fi
}

# Launches OpenUAPI in the background with output to LOG and any extra -D options; sets APP_PID.
# Secrets go through its environment only. JAVA_OPTS is split on purpose.
launch_openuapi() {
    local app_log=$1
    shift
    # shellcheck disable=SC2086
    OPENUAPI_ROOT_PASSWORD="$ROOT_PASSWORD" QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
        OPENUAPI_TOKENS_CHECK_KEY="$CHECK_KEY" \
        "$JAVA_BIN" ${JAVA_OPTS:-} $(aot_option openuapi) "${OPENUAPI_ARGS[@]}" "$@" -jar "$JAR" >"$app_log" 2>&1 &
    APP_PID=$!
}

# A second OpenUAPI beside the first, on the ports after the bare app's, with extra -D options; its pid goes into the
# variable PID_VAR before it is waited for, so that cleanup stops it whatever happens.
launch_second_openuapi() {
    local pid_var=$1 app_log=$2 app_pid=$APP_PID
    shift 2
    launch_openuapi "$app_log" -Dquarkus.http.port="$OFF_PORT" -Dquarkus.management.port="$OFF_MGMT_PORT" "$@"
    printf -v "$pid_var" '%s' "$APP_PID"
    APP_PID=$app_pid
    wait_for_ok "http://127.0.0.1:$OFF_MGMT_PORT/q/health/ready" "${!pid_var}" "$app_log" "$STARTUP_TIMEOUT"
}

# The same database with the activity log off (the valid-off rounds); sets OFF_PID.
launch_openuapi_log_off() {
    launch_second_openuapi OFF_PID "$1" -Dopenuapi.activity.enabled=false
}

# The large token table's database (the scale rounds, once the log-off one is stopped); sets LARGE_PID.
launch_openuapi_large() {
    launch_second_openuapi LARGE_PID "$1" -Dquarkus.datasource.jdbc.url="jdbc:mariadb://$DB_HOST:$DB_PORT/$LARGE_DB_NAME"
}

launch_bare() {
    local app_log=$1
    # shellcheck disable=SC2086
    "$JAVA_BIN" ${JAVA_OPTS:-} $(aot_option bare) -Dquarkus.http.port="$BARE_PORT" -Dquarkus.http.host=127.0.0.1 \
        -jar "$BARE_JAR" >"$app_log" 2>&1 &
    BARE_PID=$!
}

# ---------------------------------------------------------------------------------------------------------
# AOT caches (AOT_JAVA): each app gets its own, made by a training start of its own
# ---------------------------------------------------------------------------------------------------------

# The JVM option for APP's cache: none before training, -XX:AOTCacheOutput while it trains, then -XX:AOTCache.
aot_option() {
    [[ -n "$AOT_DIR" ]] || return 0
    if [[ -f "$AOT_DIR/$1.training" ]]; then
        echo "-XX:AOTCacheOutput=$AOT_DIR/$1.aot"
    elif [[ -f "$AOT_DIR/$1.aot" ]]; then
        echo "-XX:AOTCache=$AOT_DIR/$1.aot"
    fi
}

use_aot_java() {
    [[ -n "$AOT_JAVA" ]] || return 0
    local major
    major=$("$AOT_JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')
    [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 25 )) || die "AOT_JAVA=$AOT_JAVA is Java ${major:-?}; the AOT cache needs 25 or later."
    JAVA_BIN=$AOT_JAVA
    AOT_DIR="$RESULTS_DIR/aot"
    mkdir -p "$AOT_DIR"
    log "Both apps run on $("$JAVA_BIN" -version 2>&1 | head -n 1), each with its own AOT cache."
}

# One training start per app: start it with -XX:AOTCacheOutput, send TRAIN_REQUESTS bench requests, stop it
# (the JVM writes the cache as it exits). The bench's own request is the training workload for both apps.
train_aot() {
    [[ -n "$AOT_DIR" ]] || return 0
    local app url authorization i
    for app in bare openuapi; do
        touch "$AOT_DIR/$app.training"
        log "Training $app's AOT cache ($TRAIN_REQUESTS requests) ..."
        if [[ "$app" == openuapi ]]; then
            launch_openuapi "$RESULTS_DIR/openuapi-training.log"; url="$BASE_URL$UAPI_PATH"; authorization=$VALID_AUTH
            wait_for_ok "$MGMT_URL/q/health/ready" "$APP_PID" "$RESULTS_DIR/openuapi-training.log" "$STARTUP_TIMEOUT"
        else
            launch_bare "$RESULTS_DIR/bare-training.log"; url="$BARE_URL$UAPI_PATH"; authorization=$VALID_AUTH
            wait_for_ok "$url" "$BARE_PID" "$RESULTS_DIR/bare-training.log" "$STARTUP_TIMEOUT"
        fi
        for i in $(seq 1 "$TRAIN_REQUESTS"); do
            [[ "$(get_with "$url" "$authorization")" == 200 ]] || die "A training request to $app did not answer 200."
        done
        # TERM, then wait: at exit the JVM assembles the cache (a child JVM), which takes longer than a shutdown.
        local pid
        if [[ "$app" == openuapi ]]; then pid=$APP_PID; APP_PID=""; else pid=$BARE_PID; BARE_PID=""; fi
        kill -TERM "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        rm -f "$AOT_DIR/$app.training"
        [[ -s "$AOT_DIR/$app.aot" ]] || die "$app wrote no AOT cache (log: $RESULTS_DIR/$app-training.log)."
        log "$app's AOT cache: $(( $(stat -c %s "$AOT_DIR/$app.aot") / 1048576 )) MB."
    done
}

# The production profile will validate the schema at start instead of migrating it, so migrate first, as an
# operator would: one run that migrates and exits (harmless where the app still migrates at every start).
migrate() {
    local app_log="$RESULTS_DIR/openuapi-migrate.log" deadline=$(( SECONDS + STARTUP_TIMEOUT )) rc=0
    log "Migrating $DB_NAME (-Dquarkus.flyway.migrate-at-start=true -Dquarkus.flyway.validate-at-start=false -Dquarkus.init-and-exit=true) ..."
    launch_openuapi "$app_log" -Dquarkus.flyway.migrate-at-start=true -Dquarkus.flyway.validate-at-start=false -Dquarkus.init-and-exit=true
    while kill -0 "$APP_PID" 2>/dev/null; do
        if (( SECONDS >= deadline )); then
            stop_pid "$APP_PID"; APP_PID=""
            die "The migration run did not exit within ${STARTUP_TIMEOUT}s (log: $app_log)."
        fi
        sleep 0.2
    done
    wait "$APP_PID" || rc=$?
    APP_PID=""
    if (( rc != 0 )); then
        tail -n 30 "$app_log" >&2 || true
        die "The migration run exited with status $rc (log: $app_log)."
    fi
}

# Starts an app, waits for its first 200 and sets STARTUP_MS to the milliseconds from launch to that answer.
# Leaves it running (APP_PID or BARE_PID). Not in a $(...) subshell: the PIDs must reach this shell.
timed_start() {
    local app=$1 app_log=$2 started ms rc=0
    started=$EPOCHREALTIME
    if [[ "$app" == openuapi ]]; then
        launch_openuapi "$app_log"
        ms=$(BENCH_AUTHORIZATION="$VALID_AUTH" python3 "$BENCH_DIR/firstanswer.py" \
            "$BASE_URL$UAPI_PATH" "$started" "$APP_PID" "$STARTUP_TIMEOUT") || rc=$?
    else
        launch_bare "$app_log"
        ms=$(python3 "$BENCH_DIR/firstanswer.py" "$BARE_URL$UAPI_PATH" "$started" "$BARE_PID" "$STARTUP_TIMEOUT") || rc=$?
    fi
    if (( rc != 0 )); then
        tail -n 30 "$app_log" >&2 || true
        die "$app did not answer 200 within ${STARTUP_TIMEOUT}s of its start, or exited (log: $app_log)."
    fi
    STARTUP_MS=$ms
}

# Quarkus's own "started in X.XXXs" from a log.
quarkus_started() { grep -o 'started in [0-9.]*s' "$1" | head -n 1 | sed 's/started in //' || echo '?'; }

startup_figure() {
    local i ms app
    printf 'app\tsample\tms\tquarkus\n' >"$RESULTS_DIR/startup.tsv"
    for i in $(seq 1 "$STARTS"); do
        for app in bare openuapi; do
            timed_start "$app" "$RESULTS_DIR/$app-start-$i.log"
            ms=$STARTUP_MS
            if [[ "$app" == openuapi ]]; then stop_pid "$APP_PID"; APP_PID=""; else stop_pid "$BARE_PID"; BARE_PID=""; fi
            printf '%s\t%s\t%s\t%s\n' "$app" "$i" "$ms" "$(quarkus_started "$RESULTS_DIR/$app-start-$i.log")" \
                >>"$RESULTS_DIR/startup.tsv"
            log "Start $i of $app: first 200 after $ms ms (Quarkus: started in $(quarkus_started "$RESULTS_DIR/$app-start-$i.log"))."
        done
    done
}

# ---------------------------------------------------------------------------------------------------------
# Fixtures
# ---------------------------------------------------------------------------------------------------------

# One GET with an Authorization header (through -K, off the command line); prints the status, leaves the
# body in $PRIVATE_DIR/check.
get_with() {
    local url=$1 authorization=$2
    curl -s -o "$PRIVATE_DIR/check" -w '%{http_code}' \
        -K <(printf 'header = "Authorization: %s"\n' "$authorization") "$url" || true
}

expect() {
    local what=$1 url=$2 authorization=$3 status=$4 body=${5:-} got
    got=$(get_with "$url" "$authorization")
    [[ "$got" == "$status" ]] || die "$what: HTTP $got, expected $status. Body: $(head -c 300 "$PRIVATE_DIR/check")"
    if [[ -n "$body" ]] && ! grep -q "$body" "$PRIVATE_DIR/check"; then
        die "$what: HTTP $got without $body in the body: $(head -c 300 "$PRIVATE_DIR/check")"
    fi
}

random_invalid_auth() { echo "cpanel $NOSUCH_USER:$(random_string ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 32)"; }

# ---------------------------------------------------------------------------------------------------------
# wrk
# ---------------------------------------------------------------------------------------------------------

# Runs wrk against URL in MODE (fixed, random or list: see ratio.lua); the output goes to FILE.
run_wrk() {
    local url=$1 mode=$2 duration=$3 file=$4 token_file=${5:-}
    BENCH_MODE="$mode" BENCH_THREADS="$THREADS" BENCH_AUTHORIZATION="$VALID_AUTH" \
        BENCH_USER="$( [[ "$mode" == random ]] && echo "$NOSUCH_USER" || echo "$BENCH_USER")" \
        BENCH_TOKEN_FILE="$token_file" \
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "$LUA" "$url" >"$file" 2>&1 \
        || die "wrk failed: $(tail -n 5 "$file")"
}

warm_up() {
    local name=$1 url=$2 mode=$3 token_file=${4:-} duration=${5:-$WARMUP}
    if [[ "$duration" != 0 && "$duration" != 0s ]]; then
        log "Warming up $name for $duration ..."
        run_wrk "$url" "$mode" "$duration" "$RESULTS_DIR/wrk/warmup-$name.txt" "$token_file"
        log "  $name warm-up: $(awk '/^Requests\/sec:/ { print $2 }' "$RESULTS_DIR/wrk/warmup-$name.txt") req/s."
    fi
}

# CPU time (user + system, in clock ticks) a process has used so far: fields 14 and 15 of /proc/PID/stat.
cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0
}

# One measured wrk run, with the database statements sent meanwhile; appends a line to rounds.tsv.
measure() {
    local phase=$1 target=$2 round=$3 url=$4 mode=$5 token_file=${6:-}
    local file="$RESULTS_DIR/wrk/$phase-$target-$round.txt" before after figures
    local pid cpu_before cpu_after db_pid db_before db_after reads_before reads_after
    case "$phase-$target" in
        *-bare) pid=$BARE_PID ;;
        *-valid-off) pid=$OFF_PID ;;
        scale-1m-*) pid=$LARGE_PID ;;
        *) pid=$APP_PID ;;
    esac
    db_pid=$(pidof mariadbd mysqld 2>/dev/null | awk '{ print $1 }')
    before=$(statements)
    reads_before=$(innodb_status BUFFER_POOL_READS) # pages read from disk because the buffer pool missed them
    cpu_before=$(cpu_ticks "$pid")
    db_before=$(cpu_ticks "${db_pid:-0}")
    run_wrk "$url" "$mode" "$DURATION" "$file" "$token_file"
    cpu_after=$(cpu_ticks "$pid")
    db_after=$(cpu_ticks "${db_pid:-0}")
    after=$(statements)
    reads_after=$(innodb_status BUFFER_POOL_READS)
    figures=$(wrk_figures "$file")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$target" "$round" "$figures" "$(( after - before ))" \
        "$(( cpu_after - cpu_before ))" "$(( db_after - db_before ))" "$(( reads_after - reads_before ))" \
        >>"$RESULTS_DIR/rounds.tsv"
    IFS=$'\t' read -r rps _ p99 total non2xx _ <<<"$figures"
    log "$phase round $round $target: $rps req/s, p99 $p99, $total requests, $non2xx non-2xx, $(( after - before )) statements."
}

# ---------------------------------------------------------------------------------------------------------
# Many tokens
# ---------------------------------------------------------------------------------------------------------

# Inserts COUNT tokens of the bench account straight into DATABASE's api_token, numbered from FIRST, appending
# every EVERY-th value (at most LIMIT) to VALUES.
bulk_tokens() {
    local database=$1 count=$2 first=$3 every=$4 limit=$5 values=$6
    local account_id columns="account_id, name, token_hash, create_time" check_column="" done=0 chunk kept
    account_id=$(db -N "$database" -e "SELECT id FROM account WHERE username = '$BENCH_USER'")
    if [[ "$(db -N -e "SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '$database'
              AND TABLE_NAME = 'api_token' AND COLUMN_NAME = 'check_key'")" == 1 ]]; then
        columns+=", check_key"
        check_column=--check-key-column
    fi
    while (( done < count )); do
        chunk=$(( count - done < LOAD_CHUNK ? count - done : LOAD_CHUNK ))
        kept=$(wc -l <"$values" 2>/dev/null || echo 0)
        BENCH_CHECK_KEY="$CHECK_KEY" python3 "$BENCH_DIR/tokens.py" --count "$chunk" --first-index "$(( first + done ))" \
            --account-id "$account_id" --create-time "$(date +%s)" --load "$PRIVATE_DIR/tokens.load" \
            --values "$values" --sample-every "$every" --sample-limit "$(( limit - kept > 0 ? limit - kept : 0 ))" \
            $check_column 2>/dev/null || die "tokens.py failed."
        db --local-infile=1 "$database" <<SQL || die "LOAD DATA LOCAL INFILE into api_token failed (is local_infile on?)."
LOAD DATA LOCAL INFILE '$PRIVATE_DIR/tokens.load' INTO TABLE api_token
    FIELDS TERMINATED BY '\t' LINES TERMINATED BY '\n' ($columns);
SQL
        rm -f "$PRIVATE_DIR/tokens.load"
        done=$(( done + chunk ))
        log "  $done of $count tokens inserted."
    done
}

token_count() { db -N "$1" -e 'SELECT COUNT(*) FROM api_token'; }

# The token table's and the activity log's sizes in DATABASE as InnoDB estimates them (rows; data plus indexes, MB).
table_sizes() {
    db -N -e "SELECT GROUP_CONCAT(CONCAT(TABLE_NAME, ' ~', TABLE_ROWS, ' rows, ',
                  ROUND((DATA_LENGTH + INDEX_LENGTH) / 1048576), ' MB') ORDER BY TABLE_NAME SEPARATOR '; ')
              FROM information_schema.TABLES WHERE TABLE_SCHEMA = '$1'
              AND TABLE_NAME IN ('api_token', 'activity_event', 'activity_count')"
}

# The two token tables, each in its own database and served by its own OpenUAPI, measured in alternating rounds
# (like the main rounds), so that whatever drifts during a run (the machine's load, the activity log's growing
# tables) falls on both alike. The large database starts as a copy of the small one, taken once the bench account
# and its token exist: the same account, token, schema and settings, and then the tokens each table adds. Both
# OpenUAPIs are started for these rounds, so that their JITs have seen the same calls.
scale_figure() {
    local small="$PRIVATE_DIR/tokens-1k" large="$PRIVATE_DIR/tokens-1m" have every r first values
    (umask 077 && : >"$small" && : >"$large")
    # The token made through the API is the first of both working sets.
    printf '%s\n' "$BENCH_TOKEN" >"$small"
    local dump
    dump=$(command -v mariadb-dump || command -v mysqldump) \
        || die "Neither mariadb-dump nor mysqldump is installed (apt-get install -y mariadb-client)."
    log "Copying $DB_NAME to $LARGE_DB_NAME ..."
    "$dump" -uroot -h"$DB_HOST" -P"$DB_PORT" --protocol=tcp --single-transaction "$DB_NAME" \
        | db "$LARGE_DB_NAME" || die "Could not copy $DB_NAME to $LARGE_DB_NAME."

    have=$(token_count "$DB_NAME")
    log "Inserting $(( SMALL_TOKENS - have )) tokens into $DB_NAME (table: $SMALL_TOKENS) ..."
    bulk_tokens "$DB_NAME" "$(( SMALL_TOKENS - have ))" 1 1 "$SMALL_TOKENS" "$small"
    [[ "$(token_count "$DB_NAME")" == "$SMALL_TOKENS" ]] \
        || die "$DB_NAME.api_token holds $(token_count "$DB_NAME") rows, expected $SMALL_TOKENS."

    have=$(token_count "$LARGE_DB_NAME")
    every=$(( (LARGE_TOKENS - have) / WORKING_SET ))
    (( every >= 1 )) || every=1
    printf '%s\n' "$BENCH_TOKEN" >"$large"
    log "Inserting $(( LARGE_TOKENS - have )) tokens into $LARGE_DB_NAME (table: $LARGE_TOKENS), keeping every ${every}th of them for the working set ..."
    bulk_tokens "$LARGE_DB_NAME" "$(( LARGE_TOKENS - have ))" 1 "$every" "$WORKING_SET" "$large"
    [[ "$(token_count "$LARGE_DB_NAME")" == "$LARGE_TOKENS" ]] \
        || die "$LARGE_DB_NAME.api_token holds $(token_count "$LARGE_DB_NAME") rows, expected $LARGE_TOKENS."
    log "Working sets: $(wc -l <"$small") tokens with $SMALL_TOKENS in the table, $(wc -l <"$large") with $LARGE_TOKENS."
    wait_for_written_pool

    # Both OpenUAPIs start afresh, so that neither has a JIT warmed by more calls than the other's.
    log "Restarting OpenUAPI on $DB_NAME, and starting a second one on $LARGE_DB_NAME, port $OFF_PORT (management $OFF_MGMT_PORT) ..."
    stop_pid "$APP_PID"; APP_PID=""
    launch_openuapi "$RESULTS_DIR/openuapi-small.log"
    wait_for_ok "$MGMT_URL/q/health/ready" "$APP_PID" "$RESULTS_DIR/openuapi-small.log" "$STARTUP_TIMEOUT"
    launch_openuapi_large "$RESULTS_DIR/openuapi-large.log"
    for values in "$small" "$large"; do
        first=$(head -n 1 "$values")
        expect "A token of the $(basename "$values") working set" \
            "$( [[ "$values" == "$small" ]] && echo "$BASE_URL" || echo "$OFF_URL")$UAPI_PATH" "cpanel $BENCH_USER:$first" 200 '"status":1'
    done
    first=""
    # Longer than the main warm-up: a fresh server loads each token of its working set on its first call, one
    # statement each, and its JIT meanwhile sees fewer of the steady state's calls: in 40 s the large table's server
    # had served about a quarter of the small one's calls, and spent twice its CPU per call in the first rounds.
    warm_up scale-1k "$BASE_URL$UAPI_PATH" list "$small" "$SCALE_WARMUP"
    warm_up scale-1m "$OFF_URL$UAPI_PATH" list "$large" "$SCALE_WARMUP"
    for r in $(seq 1 "$SCALE_ROUNDS"); do
        measure scale-1k list "$r" "$BASE_URL$UAPI_PATH" list "$small"
        measure scale-1m list "$r" "$OFF_URL$UAPI_PATH" list "$large"
    done
    log "  After the scale rounds: $DB_NAME: $(table_sizes "$DB_NAME"). $LARGE_DB_NAME: $(table_sizes "$LARGE_DB_NAME")."
    rm -f "$small" "$large"
}

# ---------------------------------------------------------------------------------------------------------
main() {
    cd "$REPO_ROOT"
    require_tools
    build_app
    build_bare
    (( ROUNDS >= 5 )) || log "WARNING: ROUNDS=$ROUNDS; the issue asks for at least 5 rounds per figure."

    RESULTS_DIR="$REPO_ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-ratio"
    mkdir -p "$RESULTS_DIR/wrk"
    PRIVATE_DIR="$RESULTS_DIR/private"
    (umask 077 && mkdir "$PRIVATE_DIR")
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM

    local load_before started_at
    started_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)
    load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
    if awk -v one_minute="${load_before%% *}" -v cpus="$(nproc 2>/dev/null || echo 1)" 'BEGIN { exit !(one_minute + 0 > cpus / 2) }'; then
        log "WARNING: load average is $load_before before starting; other work on this machine will skew the results."
    fi

    APP_PORT=$(pick_port "${PORT:-18182}")
    MGMT_PORT=$(pick_port $(( APP_PORT + 1 )))
    BARE_PORT=$(pick_port $(( MGMT_PORT + 1 )))
    OFF_PORT=$(pick_port $(( BARE_PORT + 1 )))
    OFF_MGMT_PORT=$(pick_port $(( OFF_PORT + 1 )))
    OFF_URL="http://127.0.0.1:$OFF_PORT"
    BASE_URL="http://127.0.0.1:$APP_PORT"
    MGMT_URL="http://127.0.0.1:$MGMT_PORT"
    BARE_URL="http://127.0.0.1:$BARE_PORT"
    ROOT_PASSWORD="$(random_string 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' 32)"
    DB_PASSWORD="$(random_string 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' 32)"
    CHECK_KEY="$(random_string 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' 43)"
    NOSUCH_USER="nosuch$(random_string 0123456789 8)"
    use_aot_java
    openuapi_args
    setup_database
    migrate

    # Fixtures, through the API: the account and its token. The bare app starts too, untimed, so that
    # both apps have run once (their jars in the page cache) before the timed starts.
    log "Starting OpenUAPI on 127.0.0.1:$APP_PORT (management $MGMT_PORT) and the bare app on $BARE_PORT, untimed ..."
    launch_openuapi "$RESULTS_DIR/openuapi-fixtures.log"
    launch_bare "$RESULTS_DIR/bare-fixtures.log"
    wait_for_ok "$MGMT_URL/q/health/ready" "$APP_PID" "$RESULTS_DIR/openuapi-fixtures.log" "$STARTUP_TIMEOUT"
    wait_for_ok "$BARE_URL$UAPI_PATH" "$BARE_PID" "$RESULTS_DIR/bare-fixtures.log" "$STARTUP_TIMEOUT"
    create_account
    issue_token bench
    BENCH_TOKEN=$ISSUED_TOKEN
    ISSUED_TOKEN=""
    VALID_AUTH="cpanel $BENCH_USER:$BENCH_TOKEN"
    expect "Valid token" "$BASE_URL$UAPI_PATH" "$VALID_AUTH" 200 '"status":1'
    local app_bytes bare_bytes
    app_bytes=$(wc -c <"$PRIVATE_DIR/check")
    expect "Bare endpoint" "$BARE_URL$UAPI_PATH" "$VALID_AUTH" 200 '"status":1'
    bare_bytes=$(wc -c <"$PRIVATE_DIR/check")
    log "Reply bodies: OpenUAPI $app_bytes bytes, bare $bare_bytes bytes."
    stop_pid "$APP_PID"; APP_PID=""
    stop_pid "$BARE_PID"; BARE_PID=""

    train_aot
    if (( STARTS > 0 )); then
        startup_figure
    fi

    # Both apps up for the throughput rounds.
    log "Starting both apps for the rounds (OpenUAPI on $APP_PORT, bare on $BARE_PORT) ..."
    timed_start bare "$RESULTS_DIR/bare.log"
    timed_start openuapi "$RESULTS_DIR/openuapi.log"
    expect "Bare endpoint" "$BARE_URL$UAPI_PATH" "$VALID_AUTH" 200 '"status":1'
    expect "Valid token" "$BASE_URL$UAPI_PATH" "$VALID_AUTH" 200 '"status":1'
    expect "Random invalid token" "$BASE_URL$UAPI_PATH" "$(random_invalid_auth)" 401
    if (( LOG_OFF )); then
        log "Starting a second OpenUAPI with the activity log off on $OFF_PORT (management $OFF_MGMT_PORT) ..."
        launch_openuapi_log_off "$RESULTS_DIR/openuapi-log-off.log"
        expect "Valid token, activity log off" "$OFF_URL$UAPI_PATH" "$VALID_AUTH" 200 '"status":1'
    fi

    printf 'phase\ttarget\tround\trps\tp50\tp99\trequests\tnon2xx\tsocket_errors\tstatements\tcpu_ticks\tdb_cpu_ticks\tpool_reads\n' >"$RESULTS_DIR/rounds.tsv"
    warm_up bare "$BARE_URL$UAPI_PATH" fixed
    warm_up valid "$BASE_URL$UAPI_PATH" fixed
    if (( LOG_OFF )); then warm_up valid-off "$OFF_URL$UAPI_PATH" fixed; fi
    warm_up invalid "$BASE_URL$UAPI_PATH" random
    local r
    for r in $(seq 1 "$ROUNDS"); do
        measure main bare "$r" "$BARE_URL$UAPI_PATH" fixed
        measure main valid "$r" "$BASE_URL$UAPI_PATH" fixed
        if (( LOG_OFF )); then measure main valid-off "$r" "$OFF_URL$UAPI_PATH" fixed; fi
        measure main invalid "$r" "$BASE_URL$UAPI_PATH" random
    done
    # A valid token must still work after the floods of invalid ones (brute-force protection).
    expect "Valid token after the rounds" "$BASE_URL$UAPI_PATH" "$VALID_AUTH" 200 '"status":1'

    if (( SCALE )); then
        stop_pid "$BARE_PID"; BARE_PID="" # not needed any more: fewer JVMs on the cores
        if [[ -n "$OFF_PID" ]]; then stop_pid "$OFF_PID"; OFF_PID=""; fi
        scale_figure
    fi

    local problems
    problems=$(cat "$RESULTS_DIR"/openuapi*.log | grep -cE '^[0-9-]+ [0-9:,.]+ +(ERROR|WARN)' || true)
    {
        echo "OpenUAPI ratio benchmark (issue 13 §2), started $started_at"
        echo "commit: $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO_ROOT" diff --quiet HEAD -- src pom.xml 2>/dev/null || echo ' (src or pom.xml modified)')"
        echo "wrk: -t$THREADS -c$CONNECTIONS -d$DURATION --latency, $ROUNDS interleaved rounds (bare, valid,$( (( LOG_OFF )) && echo ' valid-off (activity log off),') invalid), warm-up $WARMUP per target"
        if (( SCALE )); then
            echo "tokens: $SMALL_TOKENS in the table (working set: all of them) vs $LARGE_TOKENS (working set: $WORKING_SET spread over the inserted rows), each table in its own database and OpenUAPI, $SCALE_ROUNDS alternating rounds each"
        fi
        echo "start-up: $STARTS timed starts of each app, process launch to first HTTP 200"
        echo "$("$JAVA_BIN" -version 2>&1 | head -n 1)$( [[ -n "$AOT_DIR" ]] && echo ", each app with its own AOT cache ($TRAIN_REQUESTS training requests)"); $(cat "$BARE_DIR/target/platform-version" 2>/dev/null | sed 's/^/Quarkus /')"
        echo "MariaDB: $(db -N -e 'SELECT VERSION()'), innodb_buffer_pool_size $(db -N -e 'SELECT @@innodb_buffer_pool_size')"
        echo "cpus: $(nproc 2>/dev/null || echo '?'); load average (1/5/15 min) at start: $load_before, at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
        echo "reply bodies: OpenUAPI $app_bytes bytes, bare $bare_bytes bytes; OpenUAPI logs: $problems WARN/ERROR line(s)"
        echo "cPHulk: on; loopback user lock $( [[ "${HULK_LOCAL_LOCK:-0}" == 1 ]] && echo 'on (HULK_LOCAL_LOCK=1)' || echo off); blocks it logged while the rounds ran (warm-ups included): $(grep -c 'cPHulk blocked' "$RESULTS_DIR/openuapi.log" || true)"
        echo
        python3 "$BENCH_DIR/ratio_report.py" "$RESULTS_DIR" "$SMALL_TOKENS" "$LARGE_TOKENS"
    } >"$RESULTS_DIR/summary.txt"

    echo
    cat "$RESULTS_DIR/summary.txt"
    echo "results: $RESULTS_DIR"
}

main "$@"
