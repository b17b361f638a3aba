package dev.openuapi.bandwidth;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.kernel.FunctionRegistry;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.LiveExamples;
import dev.openuapi.support.LiveExamples.Operation;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The live proof of Bandwidth::query's example, which {@code LiveExamplesTest} cannot run (it reads the registry, so it
 * is not part of {@link BandwidthIT}, which runs {@link BandwidthTest} against the packaged application).
 */
@QuarkusTest
class BandwidthLiveExampleTest {

    @Inject
    FunctionRegistry registry;

    /**
     * Bandwidth::query's example is not run by LiveExamplesTest (a fresh account has no report, and no setup call can make
     * one): here a metering agent reports the month's transfer first, then the example's arguments must get an answer of
     * the example's shape.
     */
    @Test
    void theQueryExampleHasTheShapeOfALiveAnswer() {
        Operation query = LiveExamples.operations(registry).stream().filter(op -> op.label().equals("UAPI Bandwidth::query")).findFirst()
                .orElseThrow();
        assertTrue(query.function().exampleCall().notLive() != null, "LiveExamplesTest runs it already");
        TestAccount account = newAccount();
        String token = account.newToken();
        BandwidthTest.report(account, 9_500_000);
        String body = account.withToken(token).contentType(ContentType.URLENC)
                .body(LiveExamples.arguments(query, account.username(), account.domain())).post("/execute/Bandwidth/query").then()
                .statusCode(200).extract().asString();
        JsonNode live = Fixtures.json(body);
        assertTrue(LiveExamples.succeeded(live), body);
        JsonNode expected = Fixtures.json(LiveExamples.forAccount(LiveExamples.example(LiveExamples.document(), query).toString(),
                account.username(), account.domain()));
        assertEquals(java.util.List.of(), LiveExamples.shapeDifferences(expected, live), body);
    }

}
