package dev.openuapi.mailrules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Dovecot Pigeonhole's own tools (Debian's dovecot-sieve): {@code sievec} compiles a script, {@code sieve-test} runs it
 * on a message and prints the actions it would take. Dovecot's tools refuse to run as root, so as root they run as
 * {@code nobody} ({@code runuser}), on copies in a fresh directory that nobody can read and write. Tests skip (an
 * assumption) only where the tools are not installed; CI installs them.
 */
final class Pigeonhole {

    static final Path SIEVEC = Path.of("/usr/bin/sievec");
    static final Path SIEVE_TEST = Path.of("/usr/bin/sieve-test");
    /** The extensions OpenUAPI's scripts may use beyond Pigeonhole's defaults (the Dovecot setting in src/docs/mail-filters.md). */
    static final String EXTENSIONS = "+vacation-seconds";

    record Run(int exit, String output) {
    }

    private Pigeonhole() {
    }

    static boolean available() {
        return Files.isExecutable(SIEVEC) && Files.isExecutable(SIEVE_TEST);
    }

    static void assumeAvailable() {
        Assumptions.assumeTrue(available(), "Pigeonhole's sievec and sieve-test are not installed (apt-get install dovecot-sieve)");
    }

    /** Compiles {@code script}; fails the test with sievec's output when it does not compile. */
    static void compiles(String script) {
        Run run = run(script, null, List.of(SIEVEC.toString(), "-x", EXTENSIONS));
        assertEquals(0, run.exit(), "sievec refused the script:\n" + run.output() + "\n---\n" + script);
    }

    /** Runs {@code script} on {@code message} (RFC 5322 text) and returns sieve-test's report; it must end in success. */
    static String test(String script, String message, String... options) {
        List<String> command = new ArrayList<>(List.of(SIEVE_TEST.toString(), "-x", EXTENSIONS));
        command.addAll(List.of(options));
        Run run = run(script, message, command);
        assertEquals(0, run.exit(), "sieve-test failed:\n" + run.output() + "\n---\n" + script);
        if (!run.output().contains("final result: success")) {
            throw new AssertionError("sieve-test did not succeed:\n" + run.output() + "\n---\n" + script);
        }
        return run.output();
    }

    private static Run run(String script, String message, List<String> tool) {
        try {
            Path dir = Files.createTempDirectory("h1sieve");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path scriptFile = dir.resolve("script.sieve");
            Files.writeString(scriptFile, script, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(scriptFile, PosixFilePermissions.fromString("rw-r--r--"));
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("runuser", "-u", "nobody", "--"));
            }
            command.addAll(tool);
            command.add(scriptFile.toString());
            if (message != null) {
                Path mail = dir.resolve("message.eml");
                Files.writeString(mail, message.replace("\n", "\r\n"), StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(mail, PosixFilePermissions.fromString("rw-r--r--"));
                command.add(mail.toString());
            } else {
                command.add(dir.resolve("script.svbin").toString());
            }
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Pigeonhole did not finish in 60 s: " + command);
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new AssertionError("Could not run Pigeonhole: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A small message with these headers and body. */
    static String message(String headers, String body) {
        return "Return-Path: <bob@example.net>\nMessage-ID: <t1@example.net>\nDate: Tue, 1 Dec 2026 10:00:00 +0000\n" + headers
                + (headers.endsWith("\n") ? "" : "\n") + "\n" + body + "\n";
    }
}
