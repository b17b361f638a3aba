package dev.openuapi.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PowerDNS on the test database, started before the application and named as its resolver
 * ({@code openuapi.dns.resolvers=127.0.0.1:PORT}): UAPI's DNS lookups then see exactly the zones the API writes, as the
 * internet would see a PowerDNS that serves them. This machine has no public DNS to ask. The same for the packaged jar
 * ({@code *IT}): Quarkus passes the returned setting to it. A test may stop the server, to see what the lookups answer
 * when their resolver does not, and start it again on the same port.
 */
public class PowerDnsResolver implements QuarkusTestResourceLifecycleManager {

    private static PowerDns pdns;
    private static String database;
    private static int port;

    @Override
    public Map<String, String> start() {
        database = TestConfig.databaseName();
        try {
            pdns = PowerDns.start(database);
        } catch (Exception e) {
            throw new IllegalStateException("could not start PowerDNS for the DNS lookup tests", e);
        }
        port = pdns.port();
        return Map.of("openuapi.dns.resolvers", "127.0.0.1:" + port, "openuapi.dns.resolver-timeout", "2s");
    }

    /** Stops the resolver: every query then goes unanswered. */
    public static synchronized void stopServer() {
        if (pdns != null) {
            pdns.close();
            pdns = null;
        }
    }

    /** Starts the resolver again on its port. */
    public static synchronized void startServer() throws Exception {
        if (pdns == null) {
            pdns = PowerDns.start(database, port);
        }
    }

    @Override
    public void stop() {
        stopServer();
    }
}
