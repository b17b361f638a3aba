package dev.openuapi.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.openuapi.support.PackagedApp;
import dev.openuapi.support.TestConfig;

/**
 * Issue 12 §7, on the packaged application in the prod profile (as Docker, Helm and bench/ start it): without
 * real values for openuapi.dns.account-ip and openuapi.dns.nameservers it does not start, and says which setting
 * is missing or a placeholder; with real values it starts. The database is migrated first, as a release's
 * migration Job would: a replica in the prod profile does not migrate, and would otherwise stop at Flyway's
 * validation before the placeholder check (see {@link MigrationsIT}).
 */
class ProductionSettingsIT {

    private static final String DATABASE = TestConfig.databaseName() + "_prod";

    record Run(Process process, Path log, int managementPort) {
        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void migrate() throws IOException {
        PackagedApp.migrate(DATABASE);
    }

    @Test
    void withoutDnsSettingsItDoesNotStartAndNamesThem() throws Exception {
        Run run = start("missing", List.of());
        String output = exitOf(run);
        assertTrue(output.contains("openuapi.dns.account-ip"), output);
        assertTrue(output.contains("openuapi.dns.nameservers"), output);
    }

    @Test
    void theTestPlaceholdersAreRefused() throws Exception {
        Run run = start("placeholders", List.of("-Dopenuapi.dns.account-ip=192.0.2.1",
                "-Dopenuapi.dns.nameservers=ns1.openuapi.invalid,ns2.openuapi.invalid"));
        String output = exitOf(run);
        assertTrue(output.contains("openuapi.dns.account-ip (OPENUAPI_DNS_ACCOUNT_IP) is the placeholder “192.0.2.1”"), output);
        assertTrue(output.contains("openuapi.dns.nameservers (OPENUAPI_DNS_NAMESERVERS) names the placeholder “ns1.openuapi.invalid”"), output);
    }

    @Test
    void withRealValuesItStarts() throws Exception {
        Run run = start("real", List.of("-Dopenuapi.dns.account-ip=10.20.30.40", "-Dopenuapi.dns.nameservers=ns1.openuapi.internal,ns2.openuapi.internal"));
        try {
            long deadline = System.currentTimeMillis() + 90_000;
            int status = 0;
            while (status != 200 && System.currentTimeMillis() < deadline) {
                assertTrue(run.process().isAlive(), () -> "exited: " + output(run));
                try {
                    status = given().get("http://localhost:" + run.managementPort() + "/q/health/ready").then().extract().statusCode();
                } catch (Exception notYet) {
                    // not listening yet
                }
                if (status != 200) {
                    Thread.sleep(250);
                }
            }
            assertEquals(200, status, () -> "not ready: " + output(run));
            assertFalse(output(run).contains("placeholder"));
        } finally {
            run.process().destroy();
            run.process().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String output(Run run) {
        try {
            return run.output();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** Waits for the application to give up; returns what it printed. */
    private static String exitOf(Run run) throws Exception {
        boolean exited = run.process().waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            run.process().destroyForcibly();
        }
        assertTrue(exited, () -> "still running: " + output(run));
        assertNotEquals(0, run.process().exitValue(), () -> "exit 0: " + output(run));
        return run.output();
    }

    private static Run start(String name, List<String> dnsSettings) throws IOException {
        int management = PackagedApp.freePort();
        Path log = Path.of("target", "prod-settings-" + name + ".log");
        List<String> options = new ArrayList<>(List.of(
                "-Dquarkus.http.port=" + PackagedApp.freePort(),
                "-Dquarkus.management.port=" + management,
                "-Dquarkus.datasource.jdbc.url=jdbc:mariadb://127.0.0.1:3306/" + DATABASE + "?createDatabaseIfNotExist=true",
                "-Dquarkus.datasource.username=root",
                "-Dquarkus.datasource.hosting.username=root",
                "-Dopenuapi.root-password=prod-settings-root-password",
                "-Dopenuapi.tls.self-signed=false"));
        options.addAll(dnsSettings);
        ProcessBuilder builder = PackagedApp.launch(options, log);
        // The environment must not supply what the test leaves out.
        builder.environment().keySet().removeIf(k -> k.startsWith("OPENUAPI_") || k.startsWith("QUARKUS_"));
        PackagedApp.withCheckKey(builder);
        return new Run(builder.start(), log, management);
    }
}
