package dev.openuapi.face;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Issue 18 §2, measured on {@code /q/openapi}: our REST API ({@code /api/...}) documents every parameter, answer and
 * error (problem+json) with examples; every body field of a POST keeps its description (UAPI's form bodies say what
 * their GET parameters say); every operation has a tag and a unique operationId, and every tag is declared. The
 * examples are checked against live answers (the same keys), so they cannot drift from what the API sends.
 */
@QuarkusTest
class RestApiDocsTest {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    static JsonNode doc;

    @BeforeEach
    void load() {
        if (doc != null) {
            return;
        }
        String text = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        doc = Fixtures.json(text);
    }

    /** Each operation of the document: "METHOD path" → operation. */
    static Map<String, JsonNode> operations(boolean restOnly) {
        Map<String, JsonNode> found = new java.util.LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (restOnly && !path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : METHODS) {
                if (path.getValue().has(method)) {
                    found.put(method.toUpperCase() + " " + path.getKey(), path.getValue().get(method));
                }
            }
        }
        return found;
    }

    static JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
            JsonNode target = doc.path("components").path("schemas").path(name);
            assertFalse(target.isMissingNode(), "a $ref that resolves: " + schema);
            return resolve(target);
        }
        return schema;
    }

    static boolean hasExample(JsonNode media) {
        return media.has("example") || (media.has("examples") && media.get("examples").size() > 0);
    }

    static JsonNode example(JsonNode media) {
        if (media.has("example")) {
            return media.get("example");
        }
        JsonNode first = media.get("examples").elements().next();
        return first.get("value");
    }

    static void assertFull(List<String> missing, int total, String what) {
        assertTrue(total > 0, what + ": nothing counted");
        assertEquals(List.of(), missing, String.format("%s: %.0f %% (%d of %d)", what, 100.0 * (total - missing.size()) / total,
                total - missing.size(), total));
    }

    /**
     * Every component schema is referred to from somewhere in the document. The row records' {@code @Schema}
     * annotations are read by the registry (written inline); as components nobody referred to them, and the start
     * parsed them (issue 13: {@code mp.openapi.extensions.smallrye.remove-unused-schemas.enable}).
     */
    @Test
    void everyComponentSchemaIsReferredTo() {
        Set<String> referred = new TreeSet<>();
        java.util.regex.Matcher ref = java.util.regex.Pattern.compile("\"#/components/schemas/([^\"]+)\"").matcher(doc.toString());
        while (ref.find()) {
            referred.add(ref.group(1));
        }
        Set<String> components = fieldNames(doc.path("components").path("schemas"));
        assertFalse(components.isEmpty(), "the document has component schemas");
        Set<String> unreferred = new TreeSet<>(components);
        unreferred.removeAll(referred);
        assertEquals(Set.of(), unreferred, "component schemas nothing refers to");
        Set<String> dangling = new TreeSet<>(referred);
        dangling.removeAll(components);
        assertEquals(Set.of(), dangling, "references to component schemas that are not there");
    }

    @Test
    void everyRestOperationHasASuccessExampleAndProblemJsonErrors() {
        Map<String, JsonNode> rest = operations(true);
        assertTrue(rest.size() >= 22, "the REST and admin operations: " + rest.keySet());
        List<String> noSuccessExample = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        List<String> no401 = new ArrayList<>();
        int errors = 0;
        for (Map.Entry<String, JsonNode> op : rest.entrySet()) {
            JsonNode responses = op.getValue().path("responses");
            boolean success = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> response = it.next();
                int status = Integer.parseInt(response.getKey());
                JsonNode content = response.getValue().path("content");
                if (status >= 200 && status < 300) {
                    // 204: the answer has no body, and the document says so (no content); any other: its example
                    success |= status == 204 ? content.isMissingNode() : hasExample(content.path("application/json"));
                } else if (status >= 400) {
                    errors++;
                    JsonNode problem = content.path("application/problem+json");
                    if (content.size() != 1 || !hasExample(problem) || !"#/components/schemas/Problem".equals(problem.path("schema").path("$ref").asText())
                            || example(problem).path("status").asInt() != status || !"about:blank".equals(example(problem).path("type").asText())
                            || example(problem).path("detail").asText().isEmpty()) {
                        notProblems.add(op.getKey() + " " + status);
                    }
                }
            }
            if (!success) {
                noSuccessExample.add(op.getKey());
            }
            if (!responses.has("401")) {
                no401.add(op.getKey());
            }
        }
        assertFull(noSuccessExample, rest.size(), "REST operations with a success example");
        assertFull(notProblems, errors, "REST errors documented as problem+json with an example");
        assertFull(no401, rest.size(), "REST operations that document the refused login");
        JsonNode problem = doc.path("components").path("schemas").path("Problem").path("properties");
        assertEquals(Set.of("type", "title", "status", "detail", "instance"), fieldNames(problem));
    }

    @Test
    void everyRestParameterHasADescriptionAndAnExample() {
        List<String> missing = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, JsonNode> op : operations(true).entrySet()) {
            for (JsonNode parameter : op.getValue().path("parameters")) {
                total++;
                boolean example = parameter.has("example") || parameter.path("schema").has("example")
                        || parameter.path("schema").path("examples").size() > 0;
                if (parameter.path("description").asText().isBlank() || !example) {
                    missing.add(op.getKey() + " " + parameter.path("name").asText());
                }
            }
        }
        assertTrue(total >= 16, "the REST API's parameters: " + total);
        assertFull(missing, total, "REST parameters with a description and an example");
    }

    /**
     * The activity endpoints' query parameters (one @BeanParam family, ActivityQuery, serves all five) are each in the document, by name, with
     * a description; a WHM token's activity takes the same as a cPanel token's.
     */
    @Test
    void theActivityEndpointsDescribeEachOfTheirParameters() {
        Map<String, Set<String>> expected = Map.of(
                "GET /api/v1/admin/activity", Set.of("account", "from", "to", "group", "limit", "cursor"),
                "GET /api/v1/admin/activity/auth-failures", Set.of("account", "from", "to", "group", "limit", "cursor"),
                "GET /api/v1/activity", Set.of("from", "to", "group", "limit", "cursor", "token"),
                "GET /api/v1/tokens/{name}/activity", Set.of("name", "from", "to", "limit", "cursor"),
                "GET /api/v1/whm/tokens/{name}/activity", Set.of("name", "from", "to", "limit", "cursor"));
        Map<String, JsonNode> rest = operations(true);
        expected.forEach((operation, names) -> {
            JsonNode op = rest.get(operation);
            assertNotNull(op, operation);
            Set<String> documented = new TreeSet<>();
            for (JsonNode parameter : op.path("parameters")) {
                documented.add(parameter.path("name").asText());
                assertFalse(parameter.path("description").asText().isBlank(), operation + " " + parameter);
            }
            assertEquals(new TreeSet<>(names), documented, operation);
        });
        assertEquals("REST WHM Tokens", rest.get("GET /api/v1/whm/tokens/{name}/activity").path("tags").get(0).asText());
    }

    @Test
    void everyBodyPropertyHasADescription() {
        List<String> missing = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, JsonNode> op : operations(false).entrySet()) {
            for (JsonNode media : op.getValue().path("requestBody").path("content")) {
                JsonNode schema = resolve(media.path("schema"));
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> property = it.next();
                    total++;
                    if (resolve(property.getValue()).path("description").asText().isBlank()
                            && property.getValue().path("description").asText().isBlank()) {
                        missing.add(op.getKey() + " " + property.getKey());
                    }
                }
            }
        }
        assertFull(missing, total, "request body properties with a description");
    }

    /** A UAPI POST's form says, field by field, what the same function's GET parameters say (description, example). */
    @Test
    void uapiPostFormsKeepTheParametersDescriptions() {
        int compared = 0;
        List<String> differ = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/execute/") || !path.getValue().has("post")) {
                continue;
            }
            Map<String, JsonNode> get = new HashMap<>();
            path.getValue().path("get").path("parameters").forEach(p -> get.put(p.path("name").asText(), p));
            JsonNode form = path.getValue().path("post").path("requestBody").path("content").path("application/x-www-form-urlencoded")
                    .path("schema").path("properties");
            assertEquals(get.keySet(), fieldNames(form), path.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> it = form.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                compared++;
                JsonNode parameter = get.get(field.getKey());
                if (!parameter.path("description").equals(field.getValue().path("description"))
                        || !parameter.path("schema").path("examples").equals(field.getValue().path("examples"))) {
                    differ.add(path.getKey() + " " + field.getKey());
                }
            }
        }
        assertTrue(compared > 100, "UAPI POST body fields compared: " + compared);
        assertFull(differ, compared, "UAPI POST body fields that keep their parameter's description and example");
        String field = "paths.'/execute/Tokens/create_full_access'";
        assertEquals(doc.path("paths").path("/execute/Tokens/create_full_access").path("get").path("parameters").get(0).path("description"),
                doc.path("paths").path("/execute/Tokens/create_full_access").path("post").path("requestBody").path("content")
                        .path("application/json").path("schema").path("properties").path("name").path("description"), field);
    }

    @Test
    void everyOperationHasATagAndAUniqueOperationId() {
        Map<String, JsonNode> all = operations(false);
        List<String> untagged = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new TreeSet<>();
        Set<String> usedTags = new TreeSet<>();
        for (Map.Entry<String, JsonNode> op : all.entrySet()) {
            if (op.getValue().path("tags").size() == 0) {
                untagged.add(op.getKey());
            }
            op.getValue().path("tags").forEach(t -> usedTags.add(t.asText()));
            String id = op.getValue().path("operationId").asText();
            if (id.isEmpty()) {
                unnamed.add(op.getKey());
            } else if (!seen.add(id)) {
                repeated.add(id);
            }
        }
        assertFull(untagged, all.size(), "operations with a tag");
        assertFull(unnamed, all.size(), "operations with an operationId");
        assertEquals(Set.of(), repeated, "no two operations share an operationId");
        Set<String> declared = new TreeSet<>();
        doc.path("tags").forEach(t -> declared.add(t.path("name").asText()));
        Set<String> undeclared = new TreeSet<>(usedTags);
        undeclared.removeAll(declared);
        assertEquals(Set.of(), undeclared, "every tag is declared, with its description");
        doc.path("tags").forEach(t -> assertFalse(t.path("description").asText().isBlank(), "tag " + t));
        // one tag per face and module, named after both
        assertEquals("UAPI Email", all.get("GET /execute/Email/add_pop").path("tags").get(0).asText());
        assertEquals("UAPI Email", all.get("POST /execute/Email/add_pop").path("tags").get(0).asText());
        assertEquals("API 2 Email", all.get("GET /json-api/cpanel;module=Email;func=addpop").path("tags").get(0).asText());
        assertEquals("WHM API 1 Accounts and Packages", all.get("GET /json-api/createacct").path("tags").get(0).asText());
        assertEquals("REST Tokens", all.get("GET /api/v1/tokens").path("tags").get(0).asText());
        assertEquals("Admin Accounts", all.get("POST /api/v1/accounts").path("tags").get(0).asText());
        // the names are stable: the face, the module, the function
        assertEquals("Email_add_pop", all.get("GET /execute/Email/add_pop").path("operationId").asText());
        assertEquals("Email_add_pop_post", all.get("POST /execute/Email/add_pop").path("operationId").asText());
        assertEquals("api2_Email_addpop", all.get("GET /json-api/cpanel;module=Email;func=addpop").path("operationId").asText());
        assertEquals("whm_createacct", all.get("GET /json-api/createacct").path("operationId").asText());
        assertEquals("rest_tokens_create", all.get("POST /api/v1/tokens").path("operationId").asText());
        assertEquals("admin_accounts_get", all.get("GET /api/v1/accounts/{username}").path("operationId").asText());
    }

    /** The REST examples have the keys of the live answers (tokens as the account, accounts and plans as root). */
    @Test
    void theExamplesHaveTheLiveAnswersKeys() {
        TestAccount alice = Fixtures.newAccount();
        String created = alice.withPassword().contentType(ContentType.JSON).body(Map.of("name", "ci-deploy")).post("/api/v1/tokens")
                .then().statusCode(201).extract().asString();
        assertSameKeys(successExample("POST /api/v1/tokens", "201"), Fixtures.json(created), "the created token");
        String listed = alice.withPassword().get("/api/v1/tokens").then().statusCode(200).extract().asString();
        assertSameKeys(successExample("GET /api/v1/tokens", "200").get(0), Fixtures.json(listed).get(0), "a listed token");
        String account = Fixtures.asRoot().get("/api/v1/accounts/" + alice.username()).then().statusCode(200).extract().asString();
        assertSameKeys(successExample("GET /api/v1/accounts/{username}", "200"), Fixtures.json(account), "an account");
        String domains = Fixtures.asRoot().get("/api/v1/accounts/" + alice.username() + "/domains").then().statusCode(200).extract().asString();
        assertSameKeys(successExample("GET /api/v1/accounts/{username}/domains", "200").get(0), Fixtures.json(domains).get(0), "a domain");

        // An error as documented and as sent: the same members, the same detail for the same request.
        String missing = alice.withPassword().delete("/api/v1/tokens/ci-deploy-gone").then().statusCode(404)
                .contentType("application/problem+json").extract().asString();
        JsonNode documented = example(operations(true).get("DELETE /api/v1/tokens/{name}").path("responses").path("404").path("content")
                .path("application/problem+json"));
        assertSameKeys(documented, Fixtures.json(missing), "a 404");
        assertEquals("The API token “ci-deploy” does not exist.", documented.path("detail").asText());
        assertEquals("The API token “ci-deploy-gone” does not exist.", Fixtures.json(missing).path("detail").asText());
        assertEquals("/api/v1/tokens/ci-deploy", documented.path("instance").asText(), "the path with the parameter's example");
        String refused = given().header("X-Requested-With", "XMLHttpRequest").auth().preemptive().basic(alice.username(), "wrong")
                .get("/api/v1/tokens").then().statusCode(401).extract().asString();
        JsonNode documented401 = example(operations(true).get("GET /api/v1/tokens").path("responses").path("401").path("content")
                .path("application/problem+json"));
        assertEquals(Fixtures.json(refused).path("detail"), documented401.path("detail"));
        assertSameKeys(documented401, Fixtures.json(refused), "a 401");
    }

    static JsonNode successExample(String operation, String status) {
        JsonNode op = operations(true).get(operation);
        assertNotNull(op, operation);
        return example(op.path("responses").path(status).path("content").path("application/json"));
    }

    static void assertSameKeys(JsonNode documented, JsonNode live, String what) {
        assertEquals(fieldNames(live), fieldNames(documented), what + ": documented " + documented + ", live " + live);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
