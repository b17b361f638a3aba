package dev.openuapi.quota;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.common.ApiException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Where a metering agent reports each account's disk and bandwidth use. */
@Path("/api/v1/accounts/{username}/usage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Admin: plans", description = "Operator API (HTTP Basic as root)")
@SecurityRequirement(name = "basicAuth")
public class UsageResource {

    /** The account's totals, and optionally per mailbox and per FTP login (address → bytes). */
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
    @Operation(summary = "Report an account's disk and bandwidth use (bytes), and per mailbox and FTP login; fields left out keep their value")
    public Usage report(@PathParam("username") String username, Usage request) {
        if (request == null) {
            throw ApiException.invalid("A JSON body with disk_used_bytes and/or bandwidth_used_bytes is required.");
        }
        AccountUsage stored = usage.report(username, request.diskUsedBytes(), request.bandwidthUsedBytes(), request.mailboxes(),
                request.ftpAccounts());
        return new Usage(stored.diskUsedBytes, stored.bandwidthUsedBytes, stored.updatedAt, request.mailboxes(), request.ftpAccounts());
    }
}
