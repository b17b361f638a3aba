package dev.openuapi.backup;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

/** The operator's restore of an account from a backup archive (src/docs/backups.md). HTTP Basic as {@code root}. */
@Path("/api/v1/accounts/restore")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: accounts", description = "Operator API (HTTP Basic as root)")
@SecurityRequirement(name = "basicAuth")
public class RestoreResource {

    /** {@code archive}: a path in a home or a file name on the backup volume; {@code username}: a new name, optional. */
    @RegisterForReflection
    public record RestoreRequest(String archive, String username) {
    }

    @RegisterForReflection
    public record RestoreView(String username, @JsonProperty("restored_from") String restoredFrom, List<String> domains,
            List<String> databases, List<String> warnings) {
    }

    private final RestoreService restores;

    RestoreResource(RestoreService restores) {
        this.restores = restores;
    }

    @POST
    @Operation(summary = "Restore an account from a backup archive (fullbackup_to_homedir's), under its own name or a new one")
    @APIResponse(responseCode = "201", description = "Restored")
    @APIResponse(responseCode = "409", description = "The username exists, or a domain of the archive belongs to another account")
    public Response restore(RestoreRequest request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with archive (and optionally username) is required.");
        }
        RestoreService.Restored r = restores.restore(request.archive(), request.username());
        return Response.created(URI.create("/api/v1/accounts/" + r.username()))
                .entity(new RestoreView(r.username(), r.restoredFrom(), r.domains(), r.databases(), r.warnings())).build();
    }
}
