package dev.openuapi.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Self-signed certificates made by the openssl command for each test, never checked in. */
public final class TestCertificates {

    public enum KeyFormat {
        /** {@code BEGIN PRIVATE KEY}, RSA. */
        PKCS8_RSA,
        /** {@code BEGIN RSA PRIVATE KEY}, as acme.sh writes. */
        PKCS1_RSA,
        /** {@code BEGIN EC PRIVATE KEY}, P-256. */
        SEC1_EC,
        /** {@code BEGIN PRIVATE KEY}, EC P-256. */
        PKCS8_EC,
        /** {@code BEGIN ENCRYPTED PRIVATE KEY}. */
        ENCRYPTED,
        /** {@code BEGIN RSA PRIVATE KEY} with {@code Proc-Type: 4,ENCRYPTED} (OpenSSL's traditional encryption). */
        PKCS1_ENCRYPTED
    }

    public record Pair(String certificate, String key) {
    }

    private TestCertificates() {
    }

    public static Pair selfSigned(KeyFormat format, String... names) {
        try {
            Path dir = Files.createTempDirectory("openuapi-cert");
            Path key = dir.resolve("key.pem");
            Path cert = dir.resolve("cert.pem");
            boolean ec = format == KeyFormat.SEC1_EC || format == KeyFormat.PKCS8_EC;
            List<String> command = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", ec ? "ec" : "rsa:2048"));
            if (ec) {
                command.addAll(List.of("-pkeyopt", "ec_paramgen_curve:prime256v1"));
            }
            command.addAll(List.of("-keyout", key.toString(), "-out", cert.toString(), "-days", "30", "-subj", "/CN=" + names[0] + "/O=OpenUAPI Tests"));
            if (format == KeyFormat.ENCRYPTED) {
                command.addAll(List.of("-passout", "pass:secret"));
            } else {
                command.add("-nodes");
            }
            command.addAll(List.of("-addext", "subjectAltName=" + String.join(",", java.util.Arrays.stream(names).map(n -> "DNS:" + n).toList())));
            run(command);
            if (format == KeyFormat.PKCS1_RSA) {
                run(List.of("openssl", "rsa", "-in", key.toString(), "-out", key.toString(), "-traditional"));
            } else if (format == KeyFormat.SEC1_EC) {
                run(List.of("openssl", "ec", "-in", key.toString(), "-out", key.toString()));
            } else if (format == KeyFormat.PKCS1_ENCRYPTED) {
                run(List.of("openssl", "rsa", "-in", key.toString(), "-out", key.toString(), "-traditional", "-aes256", "-passout",
                        "pass:secret"));
            }
            return new Pair(Files.readString(cert), Files.readString(key));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("openssl failed", e);
        }
    }

    /** An Ed25519 private key, PKCS#8 ({@code BEGIN PRIVATE KEY}): a key of neither RSA nor EC. */
    public static String ed25519Key() {
        try {
            Path key = Files.createTempDirectory("openuapi-cert").resolve("key.pem");
            run(List.of("openssl", "genpkey", "-algorithm", "ed25519", "-out", key.toString()));
            return Files.readString(key);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("openssl failed", e);
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
    }
}
