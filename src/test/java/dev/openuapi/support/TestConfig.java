package dev.openuapi.support;

import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.LaunchMode;

/**
 * The configuration of the application under test, so tests never hard-code a database name or a port:
 * several checkouts may run their tests at once on one MariaDB, each with its own database and ports
 * ({@code -D%test.quarkus.datasource.jdbc.url=...}, {@code -Dquarkus.http.test-port=...}, ...).
 *
 * <p>Two cases. In a {@code @QuarkusTest} the application runs in the test JVM with the test profile, so
 * the test JVM's configuration (with its {@code -D} overrides) is the application's. In a
 * {@code @QuarkusIntegrationTest} the application is the packaged jar, started with the test profile and
 * only the HTTP and HTTPS test ports passed on: it reads everything else from the {@code -D} options of
 * {@code quarkus.test.arg-line} and its own {@code application.properties}, not from the test JVM's
 * {@code -D} options, so that is where those values are read.
 */
public final class TestConfig {

    private TestConfig() {
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    /**
     * True in a {@code @QuarkusTest}. (The test JVM of an integration test has the test profile too, but its
     * launch mode stays NORMAL: the application runs in another process.)
     */
    private static boolean inApplicationJvm() {
        return LaunchMode.current() == LaunchMode.TEST;
    }

    /** A value as the application under test reads it (see the class comment). */
    private static Optional<String> applicationValue(String name) {
        Config config = config();
        if (inApplicationJvm()) {
            return config.getOptionalValue(name, String.class);
        }
        // -D options given to the packaged application (quarkus.test.arg-line) come first.
        String argLine = config.getOptionalValue("quarkus.test.arg-line", String.class).orElse("");
        for (String key : new String[] { "%test." + name, name }) {
            for (String arg : argLine.trim().split("\\s+")) {
                if (arg.startsWith("-D" + key + "=")) {
                    return Optional.of(arg.substring(key.length() + 3));
                }
            }
        }
        for (ConfigSource source : config.getConfigSources()) {
            if (source.getName().contains("application.properties")) {
                for (String key : new String[] { "%test." + name, name }) {
                    String value = source.getValue(key);
                    if (value != null) {
                        return Optional.of(value);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A test port: Quarkus uses it in a {@code @QuarkusTest}, and passes it to the packaged jar in an integration test. */
    private static Optional<Integer> testPort(String name) {
        return config().getOptionalValue(name, Integer.class);
    }

    /** The database of {@code quarkus.datasource.jdbc.url}, e.g. {@code openuapi_test}. */
    public static String databaseName() {
        return databaseName(applicationValue("quarkus.datasource.jdbc.url")
                .orElseThrow(() -> new IllegalStateException("quarkus.datasource.jdbc.url is not set in any of "
                        + java.util.stream.StreamSupport.stream(config().getConfigSources().spliterator(), false)
                                .map(ConfigSource::getName).toList())));
    }

    static String databaseName(String jdbcUrl) {
        // jdbc:mariadb://host:port/NAME?options
        String afterHost = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        int slash = afterHost.indexOf('/');
        if (slash < 0) {
            throw new IllegalStateException("no database in " + jdbcUrl);
        }
        String rest = afterHost.substring(slash + 1);
        int query = rest.indexOf('?');
        String name = query < 0 ? rest : rest.substring(0, query);
        if (name.isEmpty()) {
            throw new IllegalStateException("no database in " + jdbcUrl);
        }
        return name;
    }

    /** The plain HTTP port the application listens on during tests ({@code quarkus.http.test-port}, 8081 by default). */
    public static int httpPort() {
        return testPort("quarkus.http.test-port").orElse(8081);
    }

    /** The HTTPS port the application listens on during tests ({@code quarkus.http.test-ssl-port}, 8444 by default). */
    public static int tlsPort() {
        return testPort("quarkus.http.test-ssl-port").orElse(8444);
    }

    /**
     * The management port: {@code quarkus.management.test-port} in a {@code @QuarkusTest}; the packaged jar's
     * own {@code %test.quarkus.management.port} in an integration test.
     */
    public static int managementPort() {
        Optional<String> port = inApplicationJvm() ? config().getOptionalValue("quarkus.management.test-port", String.class)
                : applicationValue("quarkus.management.port");
        return port.map(Integer::parseInt).orElse(9001);
    }

    /** {@code http://localhost:<management port>}. */
    public static String managementUrl() {
        return "http://localhost:" + managementPort();
    }

    /** {@code openuapi.ssl.key-secret} of the application under test, if set and not empty. */
    public static Optional<String> sslKeySecret() {
        return applicationValue("openuapi.ssl.key-secret").filter(s -> !s.isEmpty());
    }
}
