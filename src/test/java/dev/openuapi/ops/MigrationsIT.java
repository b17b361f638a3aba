package dev.openuapi.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.openuapi.support.PackagedApp;
import dev.openuapi.support.TestConfig;

/**
 * Flyway runs once per release, not in every replica (issue 13 §3): in the prod profile a replica only validates
 * the schema. On an empty database it refuses to start with Flyway's validation error, naming the migrations
 * the database lacks; after the release's migration (the application run with {@code quarkus.init-and-exit}, as
 * the Helm hook Job and Compose's migrate service run it) it starts, without migrating anything itself. On a
 * database that lacks only the latest migration (one the previous release migrated) it refuses, naming that one. A replica of the previous release still starts on a database that a newer release
 * migrated, as one that restarts during a rolling upgrade must.
 */
class MigrationsIT {

    private static final String DATABASE = TestConfig.databaseName() + "_migrations";
    private static final String NEWER = TestConfig.databaseName() + "_migrations_newer";

    @AfterAll
    static void dropDatabases() throws Exception {
        drop(DATABASE);
        drop(NEWER);
    }

    @Test
    void aReplicaRefusesAnUnmigratedOrOutdatedDatabaseAndStartsAfterTheReleasesMigration() throws Exception {
        drop(DATABASE);
        List<Integer> versions = PackagedApp.migrationVersions();
        int latest = versions.get(versions.size() - 1);

        // An empty database: refused, with every missing migration named.
        String empty = refusal("empty");
        assertTrue(empty.contains("Validate failed: Migrations have failed validation"), empty);
        for (int version : versions) {
            assertTrue(empty.contains("Detected resolved migration not applied to database: " + version + "."), empty);
        }
        assertFalse(PackagedApp.isMigrated(DATABASE), "the refused replica migrated");

        // The release's migration (the Helm hook Job's run) migrates it; then a replica starts, and migrates nothing.
        String migration = PackagedApp.migrate(DATABASE);
        assertTrue(migration.contains("Successfully applied " + versions.size() + " migrations"), migration);
        assertTrue(PackagedApp.isMigrated(DATABASE));
        PackagedApp replica = PackagedApp.startWithoutMigrating("migrations-current", PackagedApp.freePort(),
                PackagedApp.freePort(), DATABASE, List.of());
        try {
            replica.awaitReady();
            String output = replica.output();
            assertTrue(output.contains("Successfully validated " + versions.size() + " migrations"), output);
            assertFalse(output.contains("Migrating schema"), output);
        } finally {
            stop(replica);
        }

        // A database the previous release migrated (the history without the latest migration): refused, naming it.
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + DATABASE, "root", "");
                Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '" + latest + "'"));
        }
        String outdated = refusal("outdated");
        assertTrue(outdated.contains("Detected resolved migration not applied to database: " + latest + "."), outdated);
        assertFalse(outdated.contains("not applied to database: " + (latest - 1) + "."), outdated);
    }

    @Test
    void aReplicaOfThePreviousReleaseStartsOnADatabaseMigratedByANewerOne() throws Exception {
        drop(NEWER);
        PackagedApp.migrate(NEWER);
        List<Integer> versions = PackagedApp.migrationVersions();
        int future = versions.get(versions.size() - 1) + 1000;
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + NEWER, "root", "");
                Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                    + " installed_by, execution_time, success) VALUES (" + future + ", '" + future + "', 'a newer release', 'SQL',"
                    + " 'V" + future + "__a_newer_release.sql', 1, 'root', 1, 1)");
        }

        PackagedApp replica = PackagedApp.startWithoutMigrating("migrations-newer", PackagedApp.freePort(),
                PackagedApp.freePort(), NEWER, List.of());
        try {
            replica.awaitReady();
            // Flyway counts the newer release's migration among the validated ones and lets it pass.
            assertTrue(replica.output().contains("Successfully validated " + (versions.size() + 1) + " migrations"), replica.output());
        } finally {
            stop(replica);
        }
    }

    /** Starts a replica on {@link #DATABASE} as it is; waits for it to give up; returns what it printed. */
    private static String refusal(String name) throws Exception {
        PackagedApp replica = PackagedApp.startWithoutMigrating("migrations-" + name, PackagedApp.freePort(),
                PackagedApp.freePort(), DATABASE, List.of());
        boolean exited = replica.process().waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            replica.process().destroyForcibly();
        }
        assertTrue(exited, () -> "still running: " + output(replica));
        assertNotEquals(0, replica.process().exitValue(), () -> "exit 0: " + output(replica));
        return replica.output();
    }

    private static String output(PackagedApp replica) {
        try {
            return replica.output();
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void stop(PackagedApp replica) throws InterruptedException {
        replica.process().destroy();
        assertTrue(replica.process().waitFor(30, TimeUnit.SECONDS), replica.name() + " did not stop");
        assertEquals(false, replica.process().isAlive());
    }

    private static void drop(String database) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }
}
