package dev.openuapi.dns;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.config.OpenUapiConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Zones and records in PowerDNS's gmysql tables, with plain JDBC: they are PowerDNS's tables, not our
 * entities. Connections join the caller's JTA transaction, so a change and its serial bump commit together.
 *
 * <p>A record's {@link RecordData} is PowerDNS's {@code type}, {@code prio} and {@code content} columns: it
 * is written to them and read from them as it is.
 */
@ApplicationScoped
public class ZoneStore {

    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_]{1,64}");
    /** The Flyway migration that holds PowerDNS's schema, and the line from which on it does. */
    static final String SCHEMA_MIGRATION = "db/migration/V2__domains_and_powerdns_zones.sql";
    static final String POWERDNS_PART = "-- Below: PowerDNS 4.x schema.mysql.sql";
    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+TABLE\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_INDEX = Pattern.compile("CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(\\w+)\\s+ON\\s+(\\w+)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    private final DataSource dataSource;
    /** {@code `db`.} when the zones live in another database, else empty. */
    private final String qualifier;

    ZoneStore(DataSource dataSource, OpenUapiConfig config) {
        this.dataSource = dataSource;
        this.qualifier = config.dns().database().filter(d -> !d.isEmpty()).map(ZoneStore::qualifier).orElse("");
    }

    static String qualifier(String database) {
        if (!DATABASE.matcher(database).matches()) {
            throw new IllegalArgumentException("openuapi.dns.database must be a plain database name: " + database);
        }
        return "`" + database + "`.";
    }

    /** Creates PowerDNS's tables in the configured zone database if they are missing (before anything reads them). */
    void createSchema(@Observes @Priority(1) StartupEvent event) {
        if (qualifier.isEmpty()) {
            return; // Flyway's V2 migration made them in our own database
        }
        String migration;
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCHEMA_MIGRATION)) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(SCHEMA_MIGRATION + " is missing from the application", e);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + qualifier.substring(0, qualifier.length() - 1));
            for (String statement : powerDnsSchema(migration, qualifier)) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create PowerDNS's tables in " + qualifier, e);
        }
    }

    /**
     * PowerDNS's part of the V2 migration (from {@value #POWERDNS_PART} on), as statements that create each
     * table and index in the database of {@code qualifier} ({@code `db`.}) unless it is there already. V2
     * stays the one copy of PowerDNS's schema: Flyway checksums it, so it is read, never edited.
     */
    static List<String> powerDnsSchema(String migration, String qualifier) {
        int start = migration.indexOf(POWERDNS_PART);
        if (start < 0) {
            throw new IllegalStateException("The migration has no line “" + POWERDNS_PART + "”");
        }
        List<String> statements = new ArrayList<>();
        for (String statement : migration.substring(start).replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                statements.add(ifNotExists(statement.strip(), qualifier));
            }
        }
        return statements;
    }

    /** {@code CREATE TABLE x} or {@code CREATE [UNIQUE] INDEX i ON x(…)}, made idempotent and qualified. */
    static String ifNotExists(String statement, String qualifier) {
        Matcher table = CREATE_TABLE.matcher(statement);
        if (table.lookingAt()) {
            return "CREATE TABLE IF NOT EXISTS " + qualifier + table.group(1) + statement.substring(table.end());
        }
        Matcher index = CREATE_INDEX.matcher(statement);
        if (index.lookingAt()) {
            return "CREATE " + (index.group(1) == null ? "" : "UNIQUE ") + "INDEX IF NOT EXISTS " + index.group(2) + " ON " + qualifier
                    + index.group(3) + " (" + statement.substring(index.end());
        }
        throw new IllegalStateException("PowerDNS's schema holds a statement other than CREATE TABLE or CREATE INDEX: " + statement);
    }

    public Optional<Zone> find(String name) {
        return queryZone("SELECT id, name, account FROM " + qualifier + "domains WHERE name = ?", name);
    }

    /** Reads the zone and locks its row until the transaction ends: changes to one zone are serialised. */
    public Optional<Zone> lock(String name) {
        return queryZone("SELECT id, name, account FROM " + qualifier + "domains WHERE name = ? FOR UPDATE", name);
    }

    public List<Zone> ownedBy(String username) {
        List<Zone> zones = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT id, name, account FROM " + qualifier + "domains WHERE account = ? ORDER BY name")) {
            s.setString(1, username);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    zones.add(new Zone(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list zones", e);
        }
        return zones;
    }

    public long create(String name, String owner) {
        return insert("INSERT INTO " + qualifier + "domains (name, type, account) VALUES (?, 'NATIVE', ?)", name, owner);
    }

    /** Every zone of {@code oldOwner} is {@code newOwner}'s (an account's rename). */
    public void changeOwner(String oldOwner, String newOwner) {
        update("UPDATE " + qualifier + "domains SET account = ? WHERE account = ?", newOwner, oldOwner);
    }

    /** Gives the zone another name; its records keep theirs until the caller rewrites them in the same transaction. */
    public void rename(long zoneId, String name) {
        update("UPDATE " + qualifier + "domains SET name = ? WHERE id = ?", name, zoneId);
    }

    public void delete(long zoneId) {
        update("DELETE FROM " + qualifier + "records WHERE domain_id = ?", zoneId);
        update("DELETE FROM " + qualifier + "domainmetadata WHERE domain_id = ?", zoneId);
        update("DELETE FROM " + qualifier + "domains WHERE id = ?", zoneId);
    }

    /** The zone's records in the order they were created, which is the order of the zone file. */
    public List<ZoneRecord> records(long zoneId) {
        List<ZoneRecord> records = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT id, name, type, content, ttl, prio FROM " + qualifier + "records WHERE domain_id = ? ORDER BY id")) {
            s.setLong(1, zoneId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    records.add(new ZoneRecord(rs.getLong(1), rs.getString(2), rs.getInt(5),
                            RecordData.fromPowerDns(rs.getString(3), rs.getInt(6), rs.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read records", e);
        }
        return records;
    }

    public long insert(long zoneId, ZoneRecord record) {
        return insert("INSERT INTO " + qualifier + "records (domain_id, name, type, content, ttl, prio, disabled, auth) VALUES (?, ?, ?, ?, ?, ?, 0, 1)",
                zoneId, record.name(), record.type(), record.data().content(), record.ttl(), record.data().prio());
    }

    public void replace(long zoneId, ZoneRecord record) {
        update("UPDATE " + qualifier + "records SET name = ?, type = ?, content = ?, ttl = ?, prio = ? WHERE id = ? AND domain_id = ?", record.name(),
                record.type(), record.data().content(), record.ttl(), record.data().prio(), record.id(), zoneId);
    }

    public void remove(long zoneId, long recordId) {
        update("DELETE FROM " + qualifier + "records WHERE id = ? AND domain_id = ?", recordId, zoneId);
    }

    private Optional<Zone> queryZone(String sql, String name) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Zone(rs.getLong(1), rs.getString(2), rs.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read zone", e);
        }
    }

    private long insert(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(s, values);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write to the zone tables", e);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, values);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write to the zone tables", e);
        }
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            s.setObject(i + 1, values[i]);
        }
    }
}
