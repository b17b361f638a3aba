package dev.openuapi.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The dev profile's demo account (DemoAccount) gets its home with the account, and again at the next start when
 * it has none (made before homes existed). Run with the demo account on, as the dev profile has it, under a test name.
 */
@QuarkusTest
@TestProfile(DemoAccountHomeTest.WithDemoAccount.class)
class DemoAccountHomeTest {

    /** Fixed: the profile is read in another class loader than the test's (the test database is new at each start). */
    static final String USER = "hmdemo";
    static final String PASSWORD = "hm-demo-password";

    public static class WithDemoAccount implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("openuapi.demo-account.enabled", "true", "openuapi.demo-account.username", USER,
                    "openuapi.demo-account.password", PASSWORD, "openuapi.demo-account.domain", USER + ".example");
        }

        @Override
        public String getConfigProfile() {
            return "test";
        }
    }

    @Inject
    DemoAccount demo;

    @Inject
    OpenUapiConfig config;

    @Inject
    AccountService accounts;

    @Inject
    HomeDirectories homes;

    @Test
    void theDemoAccountHasItsHomeAndGetsItBackAtTheNextStart() throws IOException {
        String home = Fixtures.homeOf(given().auth().preemptive().basic(USER, PASSWORD));
        assertFalse(Files.isSymbolicLink(Path.of(home)));
        for (String entry : new String[] { "public_html", "mail", "etc", "tmp" }) {
            if (!Files.isDirectory(Path.of(home, entry))) {
                throw new AssertionError(home + " has no " + entry);
            }
        }

        try (var walk = Files.walk(Path.of(home))) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        demo.create(null, config, accounts, homes); // the next start
        Fixtures.homeOf(given().auth().preemptive().basic(USER, PASSWORD));
        if (!Files.isDirectory(Path.of(home, "public_html"))) {
            throw new AssertionError("no public_html in " + home);
        }
    }
}
