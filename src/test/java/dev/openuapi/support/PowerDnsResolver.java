package dev.openuapi.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PowerDNS on the test database, started before the application and named as its resolver
 * ({@code openuapi.dns.resolvers=127.0.0.1:PORT}): UAPI's DNS lookups then see exactly the zones the API writes, as the
 * internet would see a PowerDNS that serves them. This machine has no public DNS to ask. The same for the packaged jar
 * ({@code *IT}): Quarkus passes the returned setting to it.
 */
public class PowerDnsResolver implements QuarkusTestResourceLifecycleManager {

    private PowerDns pdns;

    @Override
    public Map<String, String> start() {
        try {
            pdns = PowerDns.start(TestConfig.databaseName());
        } catch (Exception e) {
            throw new IllegalStateException("could not start PowerDNS for the DNS lookup tests", e);
        }
        return Map.of("openuapi.dns.resolvers", "127.0.0.1:" + pdns.port(), "openuapi.dns.resolver-timeout", "2s");
    }

    @Override
    public void stop() {
        if (pdns != null) {
            pdns.close();
        }
    }
}
