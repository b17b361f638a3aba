package dev.openuapi.quota;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.common.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Where a metering agent reports each account's home size and bandwidth use, and where an operator has a home measured. */
@Path("/api/v1/accounts/{username}/usage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin Plans")
@SecurityRequirement(name = "basicAuth")
public class UsageResource {

    /**
     * The account's home size and month's bandwidth, and optionally per mailbox and per FTP login (address → bytes).
     * {@code disk_used_bytes} is the size of the home directory (files and mail) as the agent measured it, for example
     * from the file system's quota: it replaces OpenUAPI's stored figure, and the account's databases are added to it
     * (src/docs/disk-usage.md).
     */
    @RegisterForReflection
    public record Usage(
            @Schema(description = "The home directory's size in bytes (files and mail), as the agent measured it; left out: unchanged.",
                    example = "524288000") @JsonProperty("disk_used_bytes") Long diskUsedBytes,
            @Schema(description = "The bandwidth used this month, in bytes; left out: unchanged.", example = "1073741824")
            @JsonProperty("bandwidth_used_bytes") Long bandwidthUsedBytes,
            @Schema(description = "In the answer: when the figures were stored, in seconds since the Unix epoch (ignored in a request).",
                    example = "1764612000") @JsonProperty("updated_at") Long updatedAt,
            @Schema(description = "Bytes used per mailbox (address → bytes); left out: unchanged.",
                    example = "{\"info@alice.example\":1048576}") Map<String, Long> mailboxes,
            @Schema(description = "Bytes used per FTP login (login → bytes); left out: unchanged.",
                    example = "{\"upload@alice.example\":2097152}") @JsonProperty("ftp_accounts") Map<String, Long> ftpAccounts) {
    }

    private final UsageService usage;

    UsageResource(UsageService usage) {
        this.usage = usage;
    }

    @PUT
    @Operation(operationId = "admin_accounts_report_usage", summary = "Report an account's home directory size and bandwidth use (bytes), "
            + "and per mailbox and FTP login; fields left out keep their value")
    @APIResponse(responseCode = "200", description = "The figures now stored", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Usage.class), examples = @ExampleObject(name = "usage",
                    value = "{\"disk_used_bytes\":524288000,\"bandwidth_used_bytes\":1073741824,\"updated_at\":1764612000,"
                            + "\"mailboxes\":{\"info@alice.example\":1048576},\"ftp_accounts\":{\"upload@alice.example\":2097152}}")))
    @APIResponse(responseCode = "400", description = "Usage is a number of bytes, 0 or more.")
    @APIResponse(responseCode = "404", description = "The account “alice” does not exist.")
    public Usage report(@Parameter(description = "The account's username.", example = "alice") @PathParam("username") String username, Usage request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with disk_used_bytes and/or bandwidth_used_bytes is required.");
        }
        UsageService.Reported stored = usage.report(username, request.diskUsedBytes(), request.bandwidthUsedBytes(), request.mailboxes(),
                request.ftpAccounts());
        return new Usage(stored.homeBytes(), stored.bandwidthUsedBytes(), stored.updatedAt(), request.mailboxes(), request.ftpAccounts());
    }

    /** What the account uses now: the home measured again by walking it, plus the databases. */
    @RegisterForReflection
    public record Measured(@Schema(description = "The home directory's path on the server.") String home,
            @JsonProperty("home_bytes") long homeBytes, @JsonProperty("database_bytes") long databaseBytes,
            @JsonProperty("disk_used_bytes") long diskUsedBytes, @JsonProperty("disk_limit_bytes") Long diskLimitBytes) {
    }

    @POST
    @Path("/measure")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "admin_accounts_measure_usage",
            summary = "Measure an account's home directory now (a walk of the tree) and return its disk use: home, databases, total")
    @APIResponse(responseCode = "200", description = "The disk use, measured now", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Measured.class), examples = @ExampleObject(name = "measured",
                    value = "{\"home\":\"/home/alice\",\"home_bytes\":524288000,\"database_bytes\":20971520,"
                            + "\"disk_used_bytes\":545259520,\"disk_limit_bytes\":2147483648}")))
    @APIResponse(responseCode = "404", description = "The account “alice” does not exist.")
    public Measured measure(@Parameter(description = "The account's username.", example = "alice") @PathParam("username") String username) {
        UsageService.Disk disk = usage.measure(username);
        return new Measured(disk.home(), disk.homeBytes(), disk.databaseBytes(), disk.usedBytes(), disk.limitBytes());
    }
}
