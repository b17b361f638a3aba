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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
@Tag(name = "Admin Accounts")
@SecurityRequirement(name = "basicAuth")
public class RestoreResource {

    /** {@code archive}: a path in a home or a file name on the backup volume; {@code username}: a new name, optional. */
    @RegisterForReflection
    public record RestoreRequest(
            @Schema(description = "The archive: a path in an account's home directory, or a file name on the backup volume.",
                    example = "/home/alice/backup-12.1.2026_10-00-00_alice.tar.gz", required = true) String archive,
            @Schema(description = "Restore under this new username; left out: the archive's own.", example = "alice2") String username) {
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
    @Operation(operationId = "admin_accounts_restore",
            summary = "Restore an account from a backup archive (fullbackup_to_homedir's), under its own name or a new one")
    @APIResponse(responseCode = "201", description = "Restored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RestoreView.class), examples = @ExampleObject(name = "restored",
                    value = "{\"username\":\"alice2\",\"restored_from\":\"/home/alice/backup-12.1.2026_10-00-00_alice.tar.gz\","
                            + "\"domains\":[\"alice.example\"],\"databases\":[\"alice2_shop\"],\"warnings\":[]}")))
    @APIResponse(responseCode = "400", description = "“archive” is required: the path of a backup in a home directory or a file name on "
            + "the backup volume.")
    @APIResponse(responseCode = "404", description = "The archive “backup-alice.tar.gz” is not on the backup volume.")
    @APIResponse(responseCode = "409", description = "An account with the username “alice” already exists.")
    public Response restore(RestoreRequest request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with archive (and optionally username) is required.");
        }
        RestoreService.Restored r = restores.restore(request.archive(), request.username());
        return Response.created(URI.create("/api/v1/accounts/" + r.username()))
                .entity(new RestoreView(r.username(), r.restoredFrom(), r.domains(), r.databases(), r.warnings())).build();
    }
}
