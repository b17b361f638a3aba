package dev.openuapi.face;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.FunctionRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The OpenAPI document says, for every UAPI and API 2 operation, whether its function changes state, as the registry
 * declares it. A test of its own: it reads the registry in the test (injected), which an integration test cannot.
 */
@QuarkusTest
class OpenApiEffectsTest {

    @Inject
    FunctionRegistry registry;

    /**
     * Issue 19 §1: every UAPI operation (GET and POST) and every API 2 operation carries x-openuapi-changes-state as its
     * function declares it, and says so in its description next to the feature it needs; WHM API 1 operations carry no
     * such extension (their functions need not declare it).
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyUapiAndApi2OperationSaysWhetherItChangesState() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) (Map<?, ?>) doc.getMap("paths");
        int checked = 0;
        for (FunctionRegistry.Module module : registry.modules()) {
            for (ApiFunction function : module.functions(ApiKind.UAPI).values()) {
                Map<String, Map<String, Object>> path = paths.get("/execute/" + module.name() + "/" + function.name());
                org.junit.jupiter.api.Assertions.assertNotNull(path, module.name() + "::" + function.name());
                for (String method : List.of("get", "post")) {
                    assertSaysChangesState(module.name() + "::" + function.name() + " " + method, path.get(method), function);
                    checked++;
                }
            }
            for (ApiFunction function : module.functions(ApiKind.API2).values()) {
                Map<String, Object> operation = paths.get(RegistryOpenApiFilter.api2Path(module.name(), function.name())).get("get");
                assertSaysChangesState("API 2 " + module.name() + "::" + function.name(), operation, function);
                checked++;
            }
        }
        org.hamcrest.MatcherAssert.assertThat("operations checked", checked > 200, equalTo(true));
        // spot checks against the document itself, so that a filter that copied the wrong value everywhere fails here too
        org.hamcrest.MatcherAssert.assertThat(paths.get("/execute/Email/list_pops").get("get").get(RegistryOpenApiFilter.CHANGES_STATE_EXTENSION),
                equalTo(false));
        org.hamcrest.MatcherAssert.assertThat(paths.get("/execute/Email/add_pop").get("post").get(RegistryOpenApiFilter.CHANGES_STATE_EXTENSION),
                equalTo(true));
        org.hamcrest.MatcherAssert.assertThat(paths.get("/execute/Batch/strict").get("get").get(RegistryOpenApiFilter.CHANGES_STATE_EXTENSION),
                equalTo(true));
        org.hamcrest.MatcherAssert.assertThat(paths.get(RegistryOpenApiFilter.api2Path("ZoneEdit", "fetchzone")).get("get")
                .get(RegistryOpenApiFilter.CHANGES_STATE_EXTENSION), equalTo(false));
        org.hamcrest.MatcherAssert.assertThat(paths.get(RegistryOpenApiFilter.api2Path("ZoneEdit", "add_zone_record")).get("get")
                .get(RegistryOpenApiFilter.CHANGES_STATE_EXTENSION), equalTo(true));
        org.hamcrest.MatcherAssert.assertThat((String) paths.get("/execute/Mysql/list_databases").get("get").get("description"),
                org.hamcrest.Matchers.containsString("Needs the account feature `mysql`.\n\nReads only: a read-only token may call it."));
        org.hamcrest.MatcherAssert.assertThat(paths.get("/json-api/createacct").get("get").containsKey(RegistryOpenApiFilter.CHANGES_STATE_EXTENSION),
                equalTo(false));
    }

    private static void assertSaysChangesState(String what, Map<String, Object> operation, ApiFunction function) {
        org.junit.jupiter.api.Assertions.assertNotNull(operation, what);
        org.hamcrest.MatcherAssert.assertThat(what, operation.get(RegistryOpenApiFilter.CHANGES_STATE_EXTENSION),
                equalTo(function.changesState()));
        String description = (String) operation.get("description");
        org.hamcrest.MatcherAssert.assertThat(what, description, org.hamcrest.Matchers.containsString(function.changesState()
                ? "Changes state: a read-only token may not call it." : "Reads only: a read-only token may call it."));
        org.hamcrest.MatcherAssert.assertThat(what, description, org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                function.changesState() ? "Reads only:" : "Changes state:")));
    }
}
