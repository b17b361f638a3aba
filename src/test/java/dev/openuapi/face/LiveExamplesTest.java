package dev.openuapi.face;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.FunctionRegistry;
import dev.openuapi.support.LiveExamples;
import dev.openuapi.support.LiveExamples.Operation;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 18 §2: every UAPI, API 2, WHM API 1 and WHM API 0 operation in the OpenAPI document has a success example and
 * examples for all its parameters, and each example answer has the shape of a live answer to the example arguments
 * (see {@link LiveExamples}). Functions whose example changes shared state run in {@link LiveExamplesIsolatedTest};
 * functions that opt out are listed, with their reasons, by {@link #optOutsAreListedWithTheirReasons}.
 */
@QuarkusTest
class LiveExamplesTest {

    @Inject
    FunctionRegistry registry;

    @TestFactory
    Stream<DynamicTest> everyExampleHasTheShapeOfALiveAnswer() {
        JsonNode document = LiveExamples.document();
        return LiveExamples.operations(registry).stream()
                .filter(op -> op.function().exampleCall().isolated() == null && op.function().exampleCall().notLive() == null)
                .filter(LiveExamples::picked)
                .map(op -> DynamicTest.dynamicTest(op.label(), () -> LiveExamples.check(op, document)));
    }

    @Test
    void everyOperationHasASuccessExample() {
        JsonNode document = LiveExamples.document();
        List<String> missing = new ArrayList<>();
        List<Operation> operations = LiveExamples.operations(registry);
        for (Operation op : operations) {
            JsonNode example = LiveExamples.example(document, op);
            if (example.isMissingNode() || !LiveExamples.succeeded(example)) {
                missing.add(op.label());
            }
        }
        assertTrue(operations.size() > 200, "operations: " + operations.size());
        assertEquals(List.of(), missing, missing.size() + " of " + operations.size() + " operations have no success example");
    }

    @Test
    void everyParameterHasADescriptionAndAnExample() {
        JsonNode document = LiveExamples.document();
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (Operation op : LiveExamples.operations(registry)) {
            for (JsonNode parameter : document.path("paths").path(op.documentPath()).path("get").path("parameters")) {
                count++;
                boolean described = !parameter.path("description").asText("").isBlank();
                boolean exemplified = parameter.has("example") || parameter.path("schema").path("examples").size() > 0
                        || parameter.has("examples");
                if (!described || !exemplified) {
                    missing.add(op.label() + " " + parameter.path("name").asText() + (described ? "" : " (no description)")
                            + (exemplified ? "" : " (no example)"));
                }
            }
        }
        assertTrue(count > 500, "parameters: " + count);
        assertEquals(List.of(), missing, missing.size() + " of " + count + " parameters lack a description or an example");
    }

    /** The functions whose example is not run live, each with its written reason. */
    @Test
    void optOutsAreListedWithTheirReasons() {
        List<String> optOuts = new ArrayList<>();
        for (Operation op : LiveExamples.operations(registry)) {
            ApiFunction.ExampleCall call = op.function().exampleCall();
            if (call.notLive() != null) {
                assertTrue(!call.notLive().isBlank(), op.label() + ": an opt-out needs a reason");
                optOuts.add(op.label() + ": " + call.notLive());
            }
        }
        System.out.println("Examples not run live (" + optOuts.size() + "):\n  " + String.join("\n  ", optOuts));
        assertTrue(optOuts.size() <= 20, "more than 20 opt-outs: " + optOuts);
    }
}
