package dev.openuapi.account;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.common.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The operator's account API. HTTP Basic as {@code root} with {@code OPENUAPI_ROOT_PASSWORD}. */
@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin Accounts", description = "The operator's accounts, their domains, token allow-lists and restores (HTTP Basic as root)")
@SecurityRequirement(name = "basicAuth")
public class AccountResource {

    @RegisterForReflection
    public record NewAccount(
            @Schema(description = "A lowercase letter, then up to 15 lowercase letters and digits.", example = "alice", required = true)
            String username,
            @Schema(description = "The account's password (cPanel login, UAPI and the token page).", example = "correct-horse-battery-42",
                    required = true) String password,
            @Schema(description = "The account's main domain; it gets its DNS zone.", example = "alice.example", required = true)
            String domain,
            @Schema(description = "Where the account's notices go; optional.", example = "alice@example.net")
            @JsonProperty("contact_email") String contactEmail) {
    }

    @RegisterForReflection
    public record AccountChanges(
            @Schema(description = "true suspends the account (its logins and tokens are refused), false unsuspends it; left out: unchanged.",
                    example = "true") Boolean suspended,
            @Schema(description = "The account's features, all of them (cPanel's feature names); left out: unchanged.",
                    example = "[\"apitokens\",\"email\",\"mysql\"]") List<String> features,
            @Schema(description = "The new contact address; left out: unchanged.", example = "alice@example.net")
            @JsonProperty("contact_email") String contactEmail,
            @Schema(description = "A new password; left out: unchanged.", example = "another-horse-battery-43") String password) {
    }

    @RegisterForReflection
    public record AccountView(String username, String domain, @JsonProperty("contact_email") String contactEmail,
            boolean suspended, List<String> features, @JsonProperty("created_at") long createdAt) {

        static AccountView of(Account account) {
            return new AccountView(account.username, account.domain, account.contactEmail, account.suspended,
                    List.copyOf(account.featureSet()), account.createdAt);
        }
    }

    private final AccountService accounts;

    AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    static final String ACCOUNT_EXAMPLE = "{\"username\":\"alice\",\"domain\":\"alice.example\",\"contact_email\":\"alice@example.net\",\"suspended\":false,\"features\":[\"apitokens\",\"email\"],\"created_at\":1764612000}";

    @POST
    @Operation(operationId = "admin_accounts_create", summary = "Create an account")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountView.class), examples = @ExampleObject(name = "created", value = ACCOUNT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The username must match ^[a-z][a-z0-9]{0,15}$ (a lowercase letter, then up to 15 "
            + "lowercase letters or digits).")
    @APIResponse(responseCode = "409", description = "An account with the username “alice” already exists.")
    public Response create(NewAccount request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with username, password and domain (contact_email is optional) is required.");
        }
        Account account = accounts.create(request.username(), request.password(), request.domain(), request.contactEmail());
        return Response.created(URI.create("/api/v1/accounts/" + account.username)).entity(AccountView.of(account)).build();
    }

    @GET
    @Operation(operationId = "admin_accounts_list", summary = "List accounts")
    @APIResponse(responseCode = "200", description = "Every account", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = AccountView.class),
            examples = @ExampleObject(name = "accounts", value = "[" + ACCOUNT_EXAMPLE + "]")))
    public List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @GET
    @Path("/{username}")
    @Operation(operationId = "admin_accounts_get", summary = "Show one account")
    @APIResponse(responseCode = "200", description = "The account", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountView.class), examples = @ExampleObject(name = "account", value = ACCOUNT_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "The account “alice” does not exist.")
    public AccountView get(@Parameter(description = "The account's username.", example = "alice") @PathParam("username") String username) {
        return AccountView.of(accounts.get(username));
    }

    @PATCH
    @Path("/{username}")
    @Operation(operationId = "admin_accounts_update", summary = "Change an account: suspend or unsuspend, set its features, contact email or password")
    @APIResponse(responseCode = "200", description = "The account, changed", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AccountView.class), examples = @ExampleObject(name = "suspended",
                    value = "{\"username\":\"alice\",\"domain\":\"alice.example\",\"contact_email\":\"alice@example.net\","
                            + "\"suspended\":true,\"features\":[\"apitokens\",\"email\",\"mysql\"],\"created_at\":1764612000}")))
    @APIResponse(responseCode = "400", description = "“mail” is not a known feature. Known features: …")
    @APIResponse(responseCode = "404", description = "The account “alice” does not exist.")
    public AccountView update(@Parameter(description = "The account's username.", example = "alice") @PathParam("username") String username, AccountChanges changes) {
        if (changes == null) {
            throw ApiException.invalid("A JSON body is required.");
        }
        return AccountView.of(accounts.update(username,
                new AccountService.Changes(changes.suspended(), changes.features(), changes.contactEmail(), changes.password())));
    }

    @DELETE
    @Path("/{username}")
    @Operation(operationId = "admin_accounts_delete", summary = "Remove an account and all its tokens")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The account “alice” does not exist.")
    public void delete(@Parameter(description = "The account's username.", example = "alice") @PathParam("username") String username) {
        accounts.delete(username);
    }
}
