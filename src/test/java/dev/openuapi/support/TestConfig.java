package dev.openuapi.support;

import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.config.SmallRyeConfig;

/**
 * Values of the running test configuration (the %test profile plus any {@code -D} override), so tests
 * never hard-code a database name or a port: several checkouts may run their tests at once on one
 * MariaDB with their own database and ports.
 */
public final class TestConfig {

    private TestConfig() {
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    /**
     * A property as the application under test sees it. Inside {@code @QuarkusTest} the test profile is
     * active and the plain name resolves; where it is not (the test JVM of a {@code @QuarkusIntegrationTest},
     * whose application runs with the test profile), the {@code %test.} name is read first.
     */
    private static <T> Optional<T> value(String name, Class<T> type) {
        Config config = config();
        boolean testProfile = config instanceof SmallRyeConfig smallRye && smallRye.getProfiles().contains("test");
        if (!testProfile) {
            Optional<T> profiled = config.getOptionalValue("%test." + name, type);
            if (profiled.isPresent()) {
                return profiled;
            }
        }
        return config.getOptionalValue(name, type);
    }

    /** The database of {@code quarkus.datasource.jdbc.url}, e.g. {@code openuapi_test}. */
    public static String databaseName() {
        return databaseName(value("quarkus.datasource.jdbc.url", String.class)
                .orElseThrow(() -> new IllegalStateException("quarkus.datasource.jdbc.url is not set")));
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
        return value("quarkus.http.test-port", Integer.class).orElse(8081);
    }

    /** The HTTPS port the application listens on during tests ({@code quarkus.http.test-ssl-port}, 8444 by default). */
    public static int tlsPort() {
        return value("quarkus.http.test-ssl-port", Integer.class).orElse(8444);
    }

    /** The management port during tests ({@code quarkus.management.test-port}, 9001 by default). */
    public static int managementPort() {
        return value("quarkus.management.test-port", Integer.class).or(() -> value("quarkus.management.port", Integer.class))
                .orElse(9001);
    }

    /** {@code http://localhost:<management port>}. */
    public static String managementUrl() {
        return "http://localhost:" + managementPort();
    }

    /** {@code openuapi.ssl.key-secret} of the running profile, if set and not empty. */
    public static Optional<String> sslKeySecret() {
        return value("openuapi.ssl.key-secret", String.class).filter(s -> !s.isEmpty());
    }
}
