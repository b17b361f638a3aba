package dev.openuapi.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import dev.openuapi.common.DomainNames;
import dev.openuapi.common.IpAddresses;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * No test placeholders in production (issue 12 §7). What every new zone gets, its A record
 * ({@code openuapi.dns.account-ip}) and NS records ({@code openuapi.dns.nameservers}), has no default: the dev and
 * test profiles set a TEST-NET address and {@code .invalid} names, and any other profile must set real values.
 * SmallRye Config refuses to start when a value is missing (naming the setting); this check refuses, before
 * anything else starts, the placeholders themselves: documentation addresses (RFC 5737) and names reserved
 * for examples and tests (RFC 2606, RFC 6761).
 */
@ApplicationScoped
public class ProductionSettings {

    private static final Logger LOG = Logger.getLogger(ProductionSettings.class);

    static final String ACCOUNT_IP = "openuapi.dns.account-ip (OPENUAPI_DNS_ACCOUNT_IP)";
    static final String NAMESERVERS = "openuapi.dns.nameservers (OPENUAPI_DNS_NAMESERVERS)";

    /** RFC 5737's TEST-NET-1, -2 and -3. */
    private static final int[][] DOCUMENTATION_NETWORKS = { { 192, 0, 2 }, { 198, 51, 100 }, { 203, 0, 113 } };
    /** RFC 2606 and RFC 6761: top-level names and second-level domains that never name a real server. */
    private static final List<String> RESERVED_TOP_LEVEL = List.of("invalid", "example", "test", "localhost");
    private static final List<String> RESERVED_DOMAINS = List.of("example.com", "example.net", "example.org");

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, OpenUapiConfig config) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (profiles.contains("dev") || profiles.contains("test")) {
            return;
        }
        List<String> problems = problems(config.dns().accountIp(), config.dns().nameservers());
        if (!problems.isEmpty()) {
            String message = "OpenUAPI does not start with placeholder DNS settings outside the dev and test profiles: "
                    + String.join("; ", problems) + ".";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /** What is wrong with these settings for production; empty when nothing is. */
    static List<String> problems(String accountIp, List<String> nameservers) {
        List<String> problems = new ArrayList<>();
        String ip = accountIp == null ? "" : accountIp.trim();
        byte[] address = IpAddresses.parse(ip);
        if (ip.isEmpty()) {
            problems.add(ACCOUNT_IP + " is not set: set it to the hosting server's public IPv4 address");
        } else if (address == null || address.length != 4) {
            problems.add(ACCOUNT_IP + " is “" + ip + "”, which is not an IPv4 address (it becomes each new domain's A record)");
        } else if (isDocumentation(address) || (address[0] == 0)) {
            problems.add(ACCOUNT_IP + " is the placeholder “" + ip + "”: set it to the hosting server's public IPv4 address");
        }
        List<String> names = nameservers == null ? List.of() : nameservers.stream().map(String::trim).filter(n -> !n.isEmpty()).toList();
        if (names.isEmpty()) {
            problems.add(NAMESERVERS + " is not set: set it to your zones' nameservers, comma-separated");
        }
        for (String name : names) {
            String normalized = DomainNames.normalize(name);
            try {
                DomainNames.check(normalized);
            } catch (RuntimeException e) {
                problems.add(NAMESERVERS + " names “" + name + "”, which is not a host name");
                continue;
            }
            if (isReserved(normalized)) {
                problems.add(NAMESERVERS + " names the placeholder “" + name + "”: set your zones' real nameservers");
            }
        }
        return problems;
    }

    private static boolean isDocumentation(byte[] address) {
        for (int[] network : DOCUMENTATION_NETWORKS) {
            if ((address[0] & 0xFF) == network[0] && (address[1] & 0xFF) == network[1] && (address[2] & 0xFF) == network[2]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String top = lower.substring(lower.lastIndexOf('.') + 1);
        if (RESERVED_TOP_LEVEL.contains(top)) {
            return true;
        }
        return RESERVED_DOMAINS.stream().anyMatch(d -> lower.equals(d) || lower.endsWith("." + d));
    }
}
