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
@Tag(name = "Admin: accounts", description = "Operator API (HTTP Basic as root)")
@SecurityRequirement(name = "basicAuth")
public class AccountResource {

    @RegisterForReflection
    public record NewAccount(String username, String password, String domain,
            @JsonProperty("contact_email") String contactEmail) {
    }

    @RegisterForReflection
    public record AccountChanges(Boolean suspended, List<String> features,
            @JsonProperty("contact_email") String contactEmail, String password) {
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

    @POST
    @Operation(summary = "Create an account")
    @APIResponse(responseCode = "201", description = "Created")
    public Response create(NewAccount request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with username, password and domain (contact_email is optional) is required.");
        }
        Account account = accounts.create(request.username(), request.password(), request.domain(), request.contactEmail());
        return Response.created(URI.create("/api/v1/accounts/" + account.username)).entity(AccountView.of(account)).build();
    }

    @GET
    @Operation(summary = "List accounts")
    public List<AccountView> list() {
        return accounts.list().stream().map(AccountView::of).toList();
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "Show one account")
    public AccountView get(@PathParam("username") String username) {
        return AccountView.of(accounts.get(username));
    }

    @PATCH
    @Path("/{username}")
    @Operation(summary = "Change an account: suspend or unsuspend, set its features, contact email or password")
    public AccountView update(@PathParam("username") String username, AccountChanges changes) {
        if (changes == null) {
            throw ApiException.invalid("A JSON body is required.");
        }
        return AccountView.of(accounts.update(username,
                new AccountService.Changes(changes.suspended(), changes.features(), changes.contactEmail(), changes.password())));
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Remove an account and all its tokens")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("username") String username) {
        accounts.delete(username);
    }
}
