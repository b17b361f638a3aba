package dev.openuapi.support;

import static io.restassured.RestAssured.given;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.face.RegistryOpenApiFilter;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.FunctionRegistry;
import dev.openuapi.kernel.Param;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 18 §2: every UAPI, API 2 and WHM operation's example answer in the OpenAPI document is proved against a live
 * answer. Each function (and its WHM API 0 form) is called on a fresh account with its parameters' examples (or its
 * declared {@link ApiFunction.ExampleCall#args}), after its declared setup calls, and the answer must have the
 * document's example's shape: the same keys in every object and the same JSON type for every value.
 *
 * <p>Examples are written for cPanel's documentation account, user {@code example} and domain {@code example.com}
 * (api.docs.cpanel.net's convention); {@link #forAccount} puts the fresh account's in their place, in arguments,
 * setup calls and the example itself (whose keys may be domain names).
 */
public final class LiveExamples {

    /** One operation of the document: a function in one face's form. */
    public record Operation(String module, ApiFunction function, boolean api0) {

        public String label() {
            return switch (function.kind()) {
                case UAPI -> "UAPI " + module + "::" + function.name();
                case API2 -> "API 2 " + module + "::" + function.name();
                case WHM1 -> (api0 ? "WHM API 0 " : "WHM API 1 ") + function.name();
            };
        }

        /** The operation's path in the OpenAPI document. */
        public String documentPath() {
            return switch (function.kind()) {
                case UAPI -> "/execute/" + module + "/" + function.name();
                case API2 -> RegistryOpenApiFilter.api2Path(module, function.name());
                case WHM1 -> api0 ? RegistryOpenApiFilter.whm0Path(function.name()) : "/json-api/" + function.name();
            };
        }
    }

    private static final Pattern DOMAIN = Pattern.compile("example\\.com(?![A-Za-z0-9-])");
    private static final Pattern USER = Pattern.compile("(?<![A-Za-z0-9.@-])example(?![A-Za-z0-9-]|\\.[A-Za-z])");

    private LiveExamples() {
    }

    /** Every operation: each function in its face, and the WHM API 0 form of each WHM function that has one. */
    public static List<Operation> operations(FunctionRegistry registry) {
        List<Operation> operations = new ArrayList<>();
        for (FunctionRegistry.Module module : registry.modules()) {
            for (ApiKind kind : ApiKind.values()) {
                for (ApiFunction function : module.functions(kind).values()) {
                    operations.add(new Operation(module.name(), function, false));
                    if (function.api0() != null) {
                        operations.add(new Operation(module.name(), function, true));
                    }
                }
            }
        }
        return operations;
    }

    /**
     * Whether the operation is among those picked by {@code -Dlive.examples=REGEX} (found in its label, such as
     * {@code UAPI Email::add_pop} or {@code WHM API 0 createacct}): to run a few while working on them. All by default.
     */
    public static boolean picked(Operation operation) {
        String pattern = System.getProperty("live.examples", "");
        return pattern.isEmpty() || Pattern.compile(pattern).matcher(operation.label()).find();
    }

    /** The OpenAPI document, as a client reads it. */
    public static JsonNode document() {
        return Fixtures.json(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }

    /** The operation's success example in the document (a missing node when it has none). */
    public static JsonNode example(JsonNode document, Operation operation) {
        return document.path("paths").path(operation.documentPath()).path("get").path("responses").path("200").path("content")
                .path("application/json").path("example");
    }

    /**
     * Calls the operation on a fresh account, after its setup calls, and fails unless the answer succeeded and has
     * the shape of the document's example. The account is removed afterwards.
     */
    public static void check(Operation operation, JsonNode document) {
        JsonNode declared = example(document, operation);
        if (declared.isMissingNode()) {
            throw new AssertionError(operation.label() + " has no example answer in the OpenAPI document");
        }
        String user = "ex" + Fixtures.randomSuffix(6);
        Fixtures.TestAccount account = Fixtures.newAccount(user);
        String domain = account.domain();
        try {
            String token = account.newToken();
            for (String call : operation.function().exampleCall().setup()) {
                setup(call, user, domain, token);
            }
            assertAnswerHasTheExampleShape(operation, declared, arguments(operation, user, domain), user, domain, token);
        } finally {
            Fixtures.asRoot().delete("/api/v1/accounts/" + user);
        }
    }

    /** The operation with this label ({@link Operation#label()}), such as {@code UAPI DNS::lookup}. */
    public static Operation operation(FunctionRegistry registry, String label) {
        return operations(registry).stream().filter(op -> op.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no operation " + label));
    }

    /**
     * Calls the operation with {@code form} as the fresh account {@code user} (WHM as root) and fails unless the answer
     * (HTTP 200) succeeded and has the shape of {@code declared}, the document's example (see {@link #example}).
     */
    public static void assertAnswerHasTheExampleShape(Operation operation, JsonNode declared, String form, String user, String domain,
            String token) {
        RequestSpecification request = operation.function().kind() == ApiKind.WHM1 ? Fixtures.asRoot()
                : given().header("Authorization", "cpanel " + user + ":" + token);
        String body = request.contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).body(form)
                .post(url(operation)).then().statusCode(200).extract().asString();
        JsonNode live = Fixtures.json(body);
        if (!succeeded(live)) {
            throw new AssertionError(operation.label() + " did not succeed with its example arguments (" + form + "): " + body);
        }
        JsonNode expected = Fixtures.json(forAccount(declared.toString(), user, domain));
        List<String> differences = shapeDifferences(expected, live);
        if (!differences.isEmpty()) {
            throw new AssertionError(operation.label() + ": the live answer's shape differs from the example's:\n  "
                    + String.join("\n  ", differences) + "\nexample: " + expected + "\nlive:    " + live);
        }
    }

    /** Text written for the documentation account, for the fresh account {@code user} with domain {@code domain}. */
    public static String forAccount(String text, String user, String domain) {
        String withDomain = DOMAIN.matcher(text).replaceAll(Matcher.quoteReplacement(domain));
        return USER.matcher(withDomain).replaceAll(Matcher.quoteReplacement(user));
    }

    /** The example call's form body (URL-encoded), already for the fresh account. */
    public static String arguments(Operation operation, String user, String domain) {
        ApiFunction function = operation.function();
        List<String> pairs = new ArrayList<>();
        switch (function.kind()) {
            case API2 -> {
                pairs.add("cpanel_jsonapi_module=" + encode(operation.module()));
                pairs.add("cpanel_jsonapi_func=" + encode(function.name()));
                pairs.add("cpanel_jsonapi_apiversion=2");
            }
            case WHM1 -> {
                if (!operation.api0()) {
                    pairs.add("api.version=1");
                }
            }
            default -> {
            }
        }
        String declared = function.exampleCall().args();
        if (declared != null) {
            for (String pair : declared.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                pairs.add(encode(wireName(operation, name)) + "=" + encode(forAccount(value, user, domain)));
            }
        } else {
            for (Param param : function.params()) {
                if (param.example() != null) {
                    pairs.add(encode(wireName(operation, param.name())) + "=" + encode(forAccount(param.example(), user, domain)));
                }
            }
        }
        return String.join("&", pairs);
    }

    private static String wireName(Operation operation, String name) {
        return operation.api0() ? operation.function().api0().api0Name(name) : name;
    }

    /** The URL the operation is called at (its form arguments go in the body). */
    public static String url(Operation operation) {
        ApiFunction function = operation.function();
        return switch (function.kind()) {
            case UAPI -> "/execute/" + operation.module() + "/" + function.name();
            case API2 -> "/json-api/cpanel";
            case WHM1 -> "/json-api/" + function.name();
        };
    }

    /**
     * Runs one setup call, written as a path with its query: UAPI and API 2 paths as the account (its token), WHM
     * paths as root. The call must succeed in its face's terms.
     */
    public static void setup(String call, String user, String domain, String token) {
        if (call.startsWith(POLL)) {
            poll(call.substring(POLL.length()), user, domain, token);
            return;
        }
        String concrete = forAccount(call, user, domain);
        String body = call(concrete, user, token);
        JsonNode answer = Fixtures.json(body);
        if (!succeeded(answer)) {
            throw new AssertionError("The setup call " + concrete + " failed: " + body);
        }
    }

    /** A setup call that starts {@code poll }: made again until it answers with data (for asynchronous functions). */
    public static final String POLL = "poll ";
    private static final long POLL_MILLIS = 60_000;

    /**
     * Makes the call every quarter second until it succeeds with data that is not empty (a job started by an earlier
     * setup call has finished), for at most a minute.
     */
    private static void poll(String call, String user, String domain, String token) {
        String concrete = forAccount(call, user, domain);
        long deadline = System.currentTimeMillis() + POLL_MILLIS;
        String body = null;
        while (System.currentTimeMillis() < deadline) {
            body = call(concrete, user, token);
            JsonNode answer = Fixtures.json(body);
            JsonNode data = answer.has("cpanelresult") ? answer.path("cpanelresult").path("data") : answer.path("data");
            if (succeeded(answer) && !data.isMissingNode() && !data.isNull() && !(data.isContainerNode() && data.isEmpty())) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while polling " + concrete, e);
            }
        }
        throw new AssertionError("The polled setup call " + concrete + " had no data within a minute: " + body);
    }

    /** Whether an answer in any face's envelope says the function ran. */
    public static boolean succeeded(JsonNode answer) {
        if (answer.has("status") && answer.has("errors") && answer.has("data")) {
            return answer.path("status").asInt() == 1;
        }
        if (answer.has("cpanelresult")) {
            JsonNode result = answer.path("cpanelresult");
            return !result.has("error") && result.path("event").path("result").asInt(1) == 1;
        }
        if (answer.has("metadata")) {
            return answer.path("metadata").path("result").asInt() == 1;
        }
        // WHM API 0: its own shapes; a failure says status 0 somewhere.
        return !answer.toString().matches(".*\"status\":\"?0\"?[,}].*");
    }

    /**
     * Posts a setup call (a path with its query, already for the fresh account): UAPI and API 2 paths as the account
     * (its token), WHM paths as root. Returns the answer's body.
     */
    private static String call(String concrete, String user, String token) {
        int q = concrete.indexOf('?');
        String path = q < 0 ? concrete : concrete.substring(0, q);
        String query = q < 0 ? "" : concrete.substring(q + 1);
        boolean asAccount = path.startsWith("/execute/") || path.startsWith("/json-api/cpanel");
        RequestSpecification request = asAccount ? given().header("Authorization", "cpanel " + user + ":" + token) : Fixtures.asRoot();
        return request.contentType(ContentType.URLENC.withCharset(StandardCharsets.UTF_8)).body(reencode(query))
                .post(path).then().extract().asString();
    }

    /** A setup query written as it would appear in a URL: values may be percent-encoded or not. */
    private static String reencode(String query) {
        List<String> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(encode(java.net.URLDecoder.decode(name, StandardCharsets.UTF_8)) + "="
                    + encode(java.net.URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return String.join("&", pairs);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * The differences between the example and the live answer's shapes, empty when they agree: every object has the
     * same keys; every value has the same JSON type (integer and decimal numbers count as one, and {@code null} on
     * either side matches any type, since it has none to compare); an array's first element is compared with the
     * live array's first, so a live array must not be empty where the example's is not (declare a setup call).
     */
    public static List<String> shapeDifferences(JsonNode example, JsonNode live) {
        List<String> differences = new ArrayList<>();
        compare(example, live, "", differences);
        return differences;
    }

    private static void compare(JsonNode expected, JsonNode actual, String path, List<String> differences) {
        String where = path.isEmpty() ? "the answer" : path;
        if (expected == null || actual == null || expected.isMissingNode() || actual.isMissingNode()) {
            differences.add(where + ": missing");
            return;
        }
        if (expected.isNull() || actual.isNull()) {
            if (path.equals("data") || path.equals("cpanelresult.data")) {
                if (expected.isNull() != actual.isNull()) {
                    differences.add(where + ": the example has " + type(expected) + ", the live answer " + type(actual));
                }
            }
            return;
        }
        if (!type(expected).equals(type(actual))) {
            differences.add(where + ": the example has " + type(expected) + ", the live answer " + type(actual));
            return;
        }
        if (expected.isObject()) {
            Set<String> want = keys(expected);
            Set<String> got = keys(actual);
            if (!want.equals(got)) {
                Set<String> missing = new TreeSet<>(want);
                missing.removeAll(got);
                Set<String> extra = new TreeSet<>(got);
                extra.removeAll(want);
                differences.add(where + ": keys differ; only in the example " + missing + ", only in the live answer " + extra);
            }
            for (Iterator<String> it = expected.fieldNames(); it.hasNext();) {
                String key = it.next();
                if (actual.has(key)) {
                    compare(expected.get(key), actual.get(key), path.isEmpty() ? key : path + "." + key, differences);
                }
            }
        } else if (expected.isArray() && expected.size() > 0) {
            if (actual.isEmpty()) {
                differences.add(where + ": the live array is empty, so its elements cannot be compared (declare a setup call)");
            } else {
                compare(expected.get(0), actual.get(0), path + "[]", differences);
            }
        }
    }

    private static String type(JsonNode node) {
        if (node.isNumber()) {
            return "number";
        }
        return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
