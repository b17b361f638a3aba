package dev.openuapi.bandwidth;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.kernel.FunctionRegistry;
import dev.openuapi.support.Fixtures.TestAccount;
import dev.openuapi.support.LiveExamples;
import dev.openuapi.support.LiveExamples.Operation;
import io.quarkus.test.junit.QuarkusTest;

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
        Operation query = LiveExamples.operation(registry, "UAPI Bandwidth::query");
        assertTrue(query.function().exampleCall().notLive() != null, "LiveExamplesTest runs it already");
        TestAccount account = newAccount();
        String token = account.newToken();
        BandwidthTest.report(account, 9_500_000);
        LiveExamples.assertAnswerHasTheExampleShape(query, LiveExamples.example(LiveExamples.document(), query),
                LiveExamples.arguments(query, account.username(), account.domain()), account.username(), account.domain(), token);
    }

}
