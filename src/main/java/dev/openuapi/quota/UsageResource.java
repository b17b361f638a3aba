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
@Tag(name = "Admin: plans", description = "Operator API (HTTP Basic as root)")
@SecurityRequirement(name = "basicAuth")
public class UsageResource {

    /**
     * The account's home size and month's bandwidth, and optionally per mailbox and per FTP login (address → bytes).
     * {@code disk_used_bytes} is the size of the home directory (files and mail) as the agent measured it, for example
     * from the file system's quota: it replaces OpenUAPI's stored figure, and the account's databases are added to it
     * (src/docs/disk-usage.md).
     */
    @RegisterForReflection
    public record Usage(@JsonProperty("disk_used_bytes") Long diskUsedBytes,
            @JsonProperty("bandwidth_used_bytes") Long bandwidthUsedBytes, @JsonProperty("updated_at") Long updatedAt,
            Map<String, Long> mailboxes, @JsonProperty("ftp_accounts") Map<String, Long> ftpAccounts) {
    }

    private final UsageService usage;

    UsageResource(UsageService usage) {
        this.usage = usage;
    }

    @PUT
    @Operation(summary = "Report an account's home directory size and bandwidth use (bytes), and per mailbox and FTP login; fields left "
            + "out keep their value")
    public Usage report(@PathParam("username") String username, Usage request) {
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
    @Operation(summary = "Measure an account's home directory now (a walk of the tree) and return its disk use: home, databases, total")
    public Measured measure(@PathParam("username") String username) {
        UsageService.Disk disk = usage.measure(username);
        return new Measured(disk.home(), disk.homeBytes(), disk.databaseBytes(), disk.usedBytes(), disk.limitBytes());
    }
}
