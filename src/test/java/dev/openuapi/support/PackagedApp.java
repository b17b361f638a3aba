package dev.openuapi.support;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged application (or the native executable, when a native build made one) started as its own
 * process in the prod profile, as a Deployment runs it: for the tests that need more than the one instance
 * Quarkus starts (several replicas, a restart, a refused start).
 */
public record PackagedApp(String name, Process process, int port, int managementPort, Path log) {

    /**
     * Starts an instance on {@code database} (MariaDB's root, cheap BCrypt, no self-signed certificate, real
     * DNS settings, since the prod profile has no placeholders), with {@code options} added.
     */
    public static PackagedApp start(String name, int port, int managementPort, String database, List<String> options)
            throws IOException {
        List<String> all = new ArrayList<>(List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.ssl-port=" + freePort(),
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.jdbc.url=jdbc:mariadb://127.0.0.1:3306/" + database + "?createDatabaseIfNotExist=true",
                "-Dquarkus.datasource.username=root",
                "-Dquarkus.datasource.hosting.username=root",
                "-Dopenuapi.password.bcrypt-cost=4",
                "-Dopenuapi.dns.account-ip=10.20.30.40",
                "-Dopenuapi.dns.nameservers=ns1.openuapi.internal,ns2.openuapi.internal",
                "-Dopenuapi.tls.self-signed=false"));
        all.addAll(options);
        Path log = Path.of("target", "app-" + name + ".log");
        return new PackagedApp(name, launch(all, log).start(), port, managementPort, log);
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
