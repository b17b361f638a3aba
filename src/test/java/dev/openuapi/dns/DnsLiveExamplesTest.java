package dev.openuapi.dns;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.kernel.FunctionRegistry;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.LiveExamples;
import dev.openuapi.support.LiveExamples.Operation;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The live proof of the UAPI DNS examples that {@code LiveExamplesTest} cannot run (each says why in its
 * {@code exampleNotLive}): the lookups of the fresh account's own names, with PowerDNS serving the test database as the
 * resolver (the profile of {@link DnsLookupTest}), and mass_edit_zone, whose serial argument is read from the fresh
 * zone first. Each answer must have the shape of the example in the OpenAPI document.
 */
@QuarkusTest
@TestProfile(DnsLookupTest.WithPowerDnsResolver.class)
class DnsLiveExamplesTest {

    @Inject
    FunctionRegistry registry;

    private Operation operation(String label) {
        return LiveExamples.operation(registry, label);
    }

    @Test
    void theLookupExamplesHaveTheShapeOfALiveAnswer() {
        JsonNode document = LiveExamples.document();
        for (String label : List.of("UAPI DNS::lookup", "UAPI DNS::has_local_authority")) {
            assertTrue(operation(label).function().exampleCall().notLive() != null, label + " is run by LiveExamplesTest already");
            LiveExamples.check(operation(label), document);
        }
    }

    @Test
    void theMassEditZoneExampleHasTheShapeOfALiveAnswer() {
        JsonNode document = LiveExamples.document();
        Operation massEdit = operation("UAPI DNS::mass_edit_zone");
        String user = "ex" + Fixtures.randomSuffix(6);
        Fixtures.TestAccount account = Fixtures.newAccount(user);
        try {
            String token = account.newToken();
            for (String call : massEdit.function().exampleCall().setup()) {
                LiveExamples.setup(call, user, account.domain(), token);
            }
            String serial = serial(user, token, account.domain());
            String declared = LiveExamples.arguments(massEdit, user, account.domain());
            assertTrue(declared.contains("serial=2026070101"), declared);
            String form = declared.replace("serial=2026070101", "serial=" + serial);
            LiveExamples.assertAnswerHasTheExampleShape(massEdit, LiveExamples.example(document, massEdit), form, user, account.domain(),
                    token);
        } finally {
            Fixtures.asRoot().delete("/api/v1/accounts/" + user);
        }
    }

    /** The zone's SOA serial, as a client reads it with parse_zone (the SOA's third data part). */
    private static String serial(String user, String token, String zone) {
        JsonNode lines = Fixtures.json(given().header("Authorization", "cpanel " + user + ":" + token).queryParam("zone", zone)
                .get("/execute/DNS/parse_zone").then().statusCode(200).extract().asString()).path("data");
        for (JsonNode line : lines) {
            if ("SOA".equals(line.path("record_type").asText())) {
                return new String(Base64.getDecoder().decode(line.path("data_b64").get(2).asText()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("parse_zone shows no SOA: " + lines);
    }
}
