package dev.openuapi.support;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged application (or the native executable, when a native build made one) started as its own
 * process in the prod profile, as a Deployment runs it: for the tests that need more than the one instance
 * Quarkus starts (several replicas, a restart, a refused start).
 *
 * <p>In the prod profile a replica does not migrate: it validates, and refuses a database that lacks one of its
 * migrations. {@link #start} therefore first runs the release's migration, as the Helm chart's hook Job does
 * ({@link #migrate}), unless the database already holds every migration; {@link #startWithoutMigrating} does not.
 */
public record PackagedApp(String name, Process process, int port, int managementPort, Path log) {

    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    /**
     * Starts an instance on {@code database} (MariaDB's root, cheap BCrypt, no self-signed certificate, real
     * DNS settings, since the prod profile has no placeholders), with {@code options} added. Migrates the
     * database first when it lacks any of the release's migrations.
     */
    public static PackagedApp start(String name, int port, int managementPort, String database, List<String> options)
            throws IOException {
        if (!isMigrated(database)) {
            migrate(database);
        }
        return startWithoutMigrating(name, port, managementPort, database, options);
    }

    /** Starts an instance as {@link #start} does, on the database as it is. */
    public static PackagedApp startWithoutMigrating(String name, int port, int managementPort, String database,
            List<String> options) throws IOException {
        List<String> all = new ArrayList<>(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.ssl-port=" + freePort(),
                "-Dquarkus.management.port=" + managementPort));
        all.addAll(settings(database));
        all.addAll(options);
        Path log = Path.of("target", "app-" + name + ".log");
        return new PackagedApp(name, withCheckKey(launch(all, log)).start(), port, managementPort, log);
    }

    /**
     * Runs the release's migration on {@code database} the way the Helm chart's hook Job and Compose's migrate
     * service do: the application with {@code quarkus.init-and-exit} and {@code migrate-at-start}, which
     * migrates and exits. Fails with its output unless it exits with 0. Returns that output.
     */
    public static String migrate(String database, String... options) throws IOException {
        List<String> all = new ArrayList<>(List.of(
                "-Dquarkus.init-and-exit=true",
                "-Dquarkus.flyway.migrate-at-start=true",
                // Validating before migrating would refuse the very migrations this run is for.
                "-Dquarkus.flyway.validate-at-start=false",
                "-Dquarkus.http.port=" + freePort(),
                "-Dquarkus.http.ssl-port=" + freePort(),
                "-Dquarkus.management.port=" + freePort()));
        all.addAll(settings(database));
        all.addAll(List.of(options));
        Path log = Path.of("target", "app-migrate-" + database + ".log");
        Process process = withCheckKey(launch(all, log)).start();
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the migration of " + database + " did not end: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("the migration of " + database + " exited with " + process.exitValue() + ": " + output);
        }
        return output;
    }

    /** This test JVM's run: the replicas it starts share homes per database, and no later run sees them. */
    private static final String RUN = java.util.UUID.randomUUID().toString();

    /** What every run on {@code database} gets: the database as root, and settings the prod profile requires. */
    private static List<String> settings(String database) {
        return List.of(
                "-Dquarkus.datasource.jdbc.url=jdbc:mariadb://127.0.0.1:3306/" + database + "?createDatabaseIfNotExist=true",
                "-Dquarkus.datasource.username=root",
                "-Dquarkus.datasource.hosting.username=root",
                "-Dopenuapi.password.bcrypt-cost=4",
                "-Dopenuapi.dns.account-ip=10.20.30.40",
                "-Dopenuapi.dns.nameservers=ns1.openuapi.internal,ns2.openuapi.internal",
                "-Dopenuapi.tls.self-signed=false",
                // the replicas of one database share their homes, as on a ReadWriteMany volume; never the prod default /home.
                // New for each test run, as the databases are: a home left by an earlier run would refuse the same account.
                "-Dopenuapi.homes.root=" + java.nio.file.Path.of("target", "replica-homes", RUN, database).toAbsolutePath());
    }

    /**
     * The token check key every replica shares (required in the prod profile), given as Helm and Compose give it:
     * as an environment variable. SmallRye Config refuses an {@code -Dopenuapi.*} option that no setting declares,
     * but not an environment variable, so this works before and after the setting exists.
     */
    public static ProcessBuilder withCheckKey(ProcessBuilder builder) {
        builder.environment().put("OPENUAPI_TOKENS_CHECK_KEY", "packaged-test-check-key-0123456789abcdef");
        return builder;
    }

    /** The versions of the release's migrations ({@code V11__cphulk.sql} is 11), in order. */
    public static List<Integer> migrationVersions() throws IOException {
        Set<Integer> versions = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.forEach(file -> {
                Matcher matcher = VERSIONED.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    versions.add(Integer.parseInt(matcher.group(1)));
                }
            });
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("no migrations in " + MIGRATIONS.toAbsolutePath());
        }
        return List.copyOf(versions);
    }

    /** True when Flyway's history in {@code database} lists every migration of the release as applied. */
    public static boolean isMigrated(String database) throws IOException {
        Set<Integer> applied = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "");
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                    + database + "' AND table_name = 'flyway_schema_history'")) {
                if (!rs.next() || rs.getInt(1) == 0) {
                    return false;
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT version FROM `" + database + "`.flyway_schema_history"
                    + " WHERE success = 1 AND version IS NOT NULL")) {
                while (rs.next()) {
                    applied.add(Integer.parseInt(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IOException("could not read the schema history of " + database, e);
        }
        return applied.containsAll(migrationVersions());
    }

    /** The command that runs the application with {@code options}, writing its output to {@code log}. */
    public static ProcessBuilder launch(List<String> options, Path log) {
        List<String> command = new ArrayList<>(launcher());
        command.addAll(1, options);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).directory(new File("."));
    }

    /** The native executable when a native build made one (mvn verify -Dnative), else the packaged jar. */
    private static List<String> launcher() {
        String nativeImage = System.getProperty("native.image.path");
        if (nativeImage != null && Files.isExecutable(Path.of(nativeImage))) {
            return List.of(nativeImage);
        }
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/quarkus-app/quarkus-run.jar");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits until readiness answers 200; fails with the output if the process exits or time runs out. */
    public void awaitReady() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited: " + output());
            }
            try {
                if (given().get("http://localhost:" + managementPort + "/q/health/ready").then().extract().statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not become ready: " + output());
    }
}
