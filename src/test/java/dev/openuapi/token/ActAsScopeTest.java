package dev.openuapi.token;

import static dev.openuapi.support.Fixtures.newAccount;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Dispatcher;
import dev.openuapi.kernel.Outcome;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.TokenScope;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.operator.AccountAccess;
import dev.openuapi.support.Fixtures;
import dev.openuapi.support.Fixtures.TestAccount;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 19 §1, acting as a user: a WHM user acting as an account ({@code /json-api/cpanel?cpanel_jsonapi_user=},
 * {@code uapi_cpanel}) runs as the principal {@link AccountAccess#actingAs} builds. A WHM credential has no cPanel
 * token scope, so that principal has none and nothing is narrowed; but its calls go through the same
 * {@link Dispatcher#run} and so the same scope check: given a scope, the act-as principal is refused like a scoped token.
 */
@QuarkusTest
class ActAsScopeTest {

    @Inject
    AccountAccess access;

    @Inject
    Dispatcher dispatcher;

    @Test
    void anActAsPrincipalHasNoScopeAndMeetsTheSameCheck() {
        TestAccount alice = newAccount();
        Principal actingAs = access.actingAs(WhmUser.root(null), alice.username());
        assertNull(actingAs.scope(), "a WHM credential carries no cPanel token scope");
        assertTrue(dispatcher.run(ApiKind.UAPI, actingAs, "Variables", "get_user_information", Args.empty()).ok());

        Principal scoped = actingAs.withScope(TokenScope.of(List.of("ftpaccts"), true));
        Outcome noFeature = dispatcher.run(ApiKind.UAPI, scoped, "Variables", "get_user_information", Args.empty());
        assertEquals(List.of(Dispatcher.UNRESTRICTED_ONLY), noFeature.errors());
        assertEquals(List.of("You do not have the feature “cron”."), dispatcher.run(ApiKind.API2, scoped, "Cron", "listcron", Args.empty()).errors());
        assertEquals(List.of(Dispatcher.readOnlyRefusal("Ftp::add_ftp")),
                dispatcher.run(ApiKind.UAPI, scoped, "Ftp", "add_ftp", Args.empty()).errors());
        assertTrue(dispatcher.run(ApiKind.UAPI, actingAs.withScope(TokenScope.of(List.of("ftpaccts"), false)), "Ftp", "list_ftp",
                Args.empty()).ok(), "within the scope");
    }

    @Test
    void rootActingAsAnAccountOverApi2IsNotNarrowed() {
        TestAccount alice = newAccount();
        alice.withPassword().contentType(io.restassured.http.ContentType.JSON).body(Map.of("name", "limited", "features", List.of("ftpaccts")))
                .post("/api/v1/tokens").then().statusCode(201);
        String body = Fixtures.asRoot().queryParam("cpanel_jsonapi_user", alice.username()).queryParam("cpanel_jsonapi_apiversion", "3")
                .queryParam("cpanel_jsonapi_module", "Variables").queryParam("cpanel_jsonapi_func", "get_user_information")
                .get("/json-api/cpanel").then().statusCode(200).extract().asString();
        JsonNode result = Fixtures.json(body);
        assertEquals(1, result.path("result").path("status").asInt(result.path("status").asInt()), body);
    }
}
