package dev.openuapi.face;

import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.kernel.FunctionRegistry;
import dev.openuapi.support.LiveExamples;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The live examples of functions that change state beyond their account (cPHulk's switch, server-wide settings): in
 * a profile of their own, so the application (and its test database) starts again for them and again after them.
 */
@QuarkusTest
@TestProfile(LiveExamplesIsolatedTest.Isolated.class)
class LiveExamplesIsolatedTest {

    public static class Isolated implements QuarkusTestProfile {
    }

    @Inject
    FunctionRegistry registry;

    @TestFactory
    Stream<DynamicTest> examplesThatChangeSharedStateHaveTheShapeOfALiveAnswer() {
        JsonNode document = LiveExamples.document();
        return LiveExamples.operations(registry).stream()
                .filter(op -> op.function().exampleCall().isolated() != null && op.function().exampleCall().notLive() == null)
                .filter(LiveExamples::picked)
                .map(op -> DynamicTest.dynamicTest(op.label(), () -> LiveExamples.check(op, document)));
    }
}
