# shellcheck shell=bash
# MariaDB image init script: the image's entrypoint *sources* it (keep it non-executable, or it would run in a
# child process without the entrypoint's functions) on the very first start only, when the data directory is
# empty, after it has created the `openuapi` database and the `openuapi` account from MARIADB_DATABASE,
# MARIADB_USER and MARIADB_PASSWORD. It adds the two other accounts the stack needs, with passwords taken from
# the environment (docker/.env through compose.yaml):
#
#   openuapi_hosting  the hosting account OpenUAPI's Mysql::* functions use to create customers' databases and
#                     users. Customers' names always carry the account prefix "<user>_", so its database
#                     privileges cover only names with an underscore (`%\_%`): never `openuapi` or `mysql`.
#                     CREATE USER creates, renames and drops customers' users; SELECT on mysql.db lists grants.
#                     CREATE USER also lets it alter any account, root's included: keep its password as
#                     carefully as root's. The account backup (src/docs/backup-databases.md) needs three more:
#                     SELECT on mysql.global_priv (a user's password hash), SELECT on mysql.proc (mariadb-dump
#                     reads routines' bodies there) and SET USER (a restored view, trigger, routine or event
#                     keeps its DEFINER, one of the account's own users; OpenUAPI checks that before loading).
#   pdns              PowerDNS's read-only account on the `openuapi` database, where Flyway creates PowerDNS's
#                     tables. Those tables do not exist yet when this runs (OpenUAPI migrates later), and a
#                     table-level GRANT needs the table, so the grant is SELECT on the whole database. To narrow
#                     it once OpenUAPI has started, see src/docs/dns-powerdns.md (table-level grants),
#                     then REVOKE SELECT ON openuapi.* FROM 'pdns'@'%'.
#
# Changing a password in docker/.env later does not change it here: this script never runs again on an
# initialised volume. Use ALTER USER, or start from an empty volume.

for required in OPENUAPI_HOSTING_DB_PASSWORD PDNS_DB_PASSWORD; do
	if [ -z "${!required:-}" ]; then
		mysql_error "$required is not set: copy docker/openuapi.env.example to docker/.env and fill it in"
	fi
	if [ "${!required}" = CHANGE_ME ]; then
		mysql_error "$required is still the example's placeholder: generate a real value (see docker/openuapi.env.example)"
	fi
done

hosting_password=$(docker_sql_escape_string_literal "$OPENUAPI_HOSTING_DB_PASSWORD")
pdns_password=$(docker_sql_escape_string_literal "$PDNS_DB_PASSWORD")

mysql_note "Creating the openuapi_hosting and pdns accounts"
docker_process_sql --database=mysql <<EOSQL
CREATE USER 'openuapi_hosting'@'%' IDENTIFIED BY '${hosting_password}';
GRANT CREATE USER ON *.* TO 'openuapi_hosting'@'%';
GRANT SELECT ON mysql.db TO 'openuapi_hosting'@'%';
GRANT ALL PRIVILEGES ON \`%\\_%\`.* TO 'openuapi_hosting'@'%' WITH GRANT OPTION;
GRANT SELECT ON mysql.global_priv TO 'openuapi_hosting'@'%';
GRANT SELECT ON mysql.proc TO 'openuapi_hosting'@'%';
GRANT SET USER ON *.* TO 'openuapi_hosting'@'%';

CREATE USER 'pdns'@'%' IDENTIFIED BY '${pdns_password}';
GRANT SELECT ON \`openuapi\`.* TO 'pdns'@'%';
EOSQL

unset hosting_password pdns_password
