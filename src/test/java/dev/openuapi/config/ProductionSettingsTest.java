package dev.openuapi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Issue 12 §7: the check that keeps the dev and test placeholders out of production, on its own. */
class ProductionSettingsTest {

    private static final List<String> REAL_NAMESERVERS = List.of("ns1.hosting-company.net", "ns2.hosting-company.net");

    @Test
    void realValuesPass() {
        assertEquals(List.of(), ProductionSettings.problems("93.184.215.14", REAL_NAMESERVERS));
        assertEquals(List.of(), ProductionSettings.problems("10.0.0.5", List.of("ns1.openuapi.internal", "NS2.Example.co.uk.")));
    }

    @Test
    void theFormerDefaultsAreRefusedNamingEachSetting() {
        List<String> problems = ProductionSettings.problems("192.0.2.1", List.of("ns1.openuapi.invalid", "ns2.openuapi.invalid"));
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("openuapi.dns.account-ip (OPENUAPI_DNS_ACCOUNT_IP) is the placeholder “192.0.2.1”"), problems.get(0));
        assertTrue(problems.get(1).startsWith("openuapi.dns.nameservers (OPENUAPI_DNS_NAMESERVERS) names the placeholder “ns1.openuapi.invalid”"));
    }

    @Test
    void missingAndMalformedValuesAreRefused() {
        assertEquals(List.of("openuapi.dns.account-ip (OPENUAPI_DNS_ACCOUNT_IP) is not set: set it to the hosting server's public IPv4 address",
                "openuapi.dns.nameservers (OPENUAPI_DNS_NAMESERVERS) is not set: set it to your zones' nameservers, comma-separated"),
                ProductionSettings.problems(" ", List.of(" ")));
        assertEquals(1, ProductionSettings.problems("2001:db8::1", REAL_NAMESERVERS).size(), "an A record needs IPv4");
        assertEquals(1, ProductionSettings.problems("server.example", REAL_NAMESERVERS).size());
        assertEquals(1, ProductionSettings.problems("0.0.0.0", REAL_NAMESERVERS).size());
        for (String documentation : List.of("198.51.100.7", "203.0.113.200", "192.0.2.254")) {
            assertEquals(1, ProductionSettings.problems(documentation, REAL_NAMESERVERS).size(), documentation);
        }
        for (String reserved : List.of("ns1.example.com", "example.net", "ns.example", "ns1.test", "ns.localhost", "not a name")) {
            assertEquals(1, ProductionSettings.problems("93.184.215.14", List.of(reserved, "ns2.hosting-company.net")).size(), reserved);
        }
    }
}
