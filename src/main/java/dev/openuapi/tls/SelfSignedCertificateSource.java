package dev.openuapi.tls;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * HTTPS on 2083 out of the box: when no certificate is configured
 * ({@code quarkus.http.ssl.certificate.files}), a self-signed one is generated at first start into
 * {@code openuapi.tls.directory}, kept there for later starts, and handed to the HTTP server as if it had
 * been configured. This has to be a config source: the HTTP server reads its certificate before any
 * application code (even a startup observer) runs. {@link CertificateLog} logs the fingerprint.
 *
 * <p>The key is only for this service's user: the directory is made 0700 before the key is written, the key
 * 0600 (tightened at every start, for keys an older version wrote 0644).
 *
 * <p>Generation happens only at run time (never during the build), and a failure leaves HTTPS off with a
 * message on standard error rather than stopping the service.
 */
public class SelfSignedCertificateSource implements ConfigSourceFactory {

    static final String NAME = "openuapi";
    static final String CERT_FILES = "quarkus.http.ssl.certificate.files";
    static final String KEY_FILES = "quarkus.http.ssl.certificate.key-files";
    static final String DEFAULT_DIRECTORY = "/var/lib/openuapi/tls";
    /** Below application.properties (250) and the environment (300): a configured certificate always wins. */
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ExecutionMode mode = ExecutionMode.current();
        if (mode != ExecutionMode.RUNTIME_INIT && mode != ExecutionMode.RUNNING) {
            return List.of();
        }
        if (isSet(context.getValue(CERT_FILES)) || "false".equalsIgnoreCase(value(context, "openuapi.tls.self-signed", "true"))) {
            return List.of();
        }
        Path directory = Path.of(value(context, "openuapi.tls.directory", DEFAULT_DIRECTORY));
        Path cert = directory.resolve(NAME + ".crt");
        Path key = directory.resolve(NAME + ".key");
        try {
            if (!Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
                generate(directory, value(context, "openuapi.server.hostname", localHostName()));
            }
        } catch (Exception e) {
            // Logging is not set up this early; standard error reaches the container log.
            System.err.println("OpenUAPI: could not generate a self-signed TLS certificate in " + directory + " ("
                    + e.getMessage() + "); HTTPS stays off until a certificate is configured.");
            return List.of();
        }
        restrict(directory, key); // also tightens a key that an older version left readable
        return List.of(new PropertiesConfigSource(Map.of(CERT_FILES, cert.toString(), KEY_FILES, key.toString()),
                "openuapi-self-signed-certificate", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    static void generate(Path directory, String hostName) throws Exception {
        Files.createDirectories(directory);
        // Owner only before the key exists, so it is never readable by others, not even for a moment.
        restrict(directory, null);
        new CertificateGenerator(directory, true).generate(new CertificateRequest().withName(NAME).withCN(hostName)
                .withSubjectAlternativeName("DNS:" + hostName).withSubjectAlternativeName("DNS:localhost")
                .withSubjectAlternativeName("IP:127.0.0.1").withDuration(Duration.ofDays(3650)).withFormat(Format.PEM));
    }

    /**
     * The directory 0700 and the private key 0600 (issue 12 row 8), on file systems with POSIX permissions.
     * {@code key} may be {@code null} (not written yet).
     */
    static void restrict(Path directory, Path key) {
        chmod(directory, "rwx------");
        if (key != null && Files.isRegularFile(key)) {
            chmod(key, "rw-------");
        }
    }

    private static void chmod(Path path, String permissions) {
        try {
            if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
            }
        } catch (Exception e) {
            // Logging is not set up this early; standard error reaches the container log.
            System.err.println("OpenUAPI: could not restrict " + path + " to " + permissions + " (" + e.getMessage()
                    + "); other users of this machine may be able to read the TLS key.");
        }
    }

    private static String value(ConfigSourceContext context, String name, String fallback) {
        ConfigValue value = context.getValue(name);
        return isSet(value) ? value.getValue() : fallback;
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
