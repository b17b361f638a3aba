package dev.openuapi.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.common.Html;
import dev.openuapi.common.Quantities;
import dev.openuapi.login.HostedLogin;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The rows of the Email answers, each declared once: the function's shape is read from it and Jackson
 * writes it in this order (spec §9.1 rows 6-14, §9.2).
 */
final class EmailRows {

    private EmailRows() {
    }

    @RegisterForReflection
    @Schema(description = "A mailbox.")
    record Pop(
            @Schema(description = "The address (the bare username for the main account).") String email,
            @Schema(description = "The login; Main Account for the account itself.") String login,
            @Schema(description = "1 or 0.") @JsonProperty("suspended_incoming") int suspendedIncoming,
            @Schema(description = "1 or 0.") @JsonProperty("suspended_login") int suspendedLogin) {

        static Pop mainAccount(String username) {
            return new Pop(username, "Main Account", 0, 0);
        }

        static Pop of(Mailbox box) {
            return new Pop(box.email, box.email, box.suspendedIncoming ? 1 : 0, box.suspendedLogin ? 1 : 0);
        }
    }

    /** Email::get_disk_usage: keys and types from api.docs.cpanel.net (Email get_disk_usage). */
    @RegisterForReflection
    @Schema(description = "A mailbox's disk use.")
    record DiskUsage(
            @Schema(description = "MB used, to two decimals.") double diskused,
            @Schema(description = "The mailbox's domain.") String domain,
            @Schema(description = "The address.") String login,
            @Schema(description = "The part before the @.") String user) {

        static DiskUsage of(Mailbox box) {
            return new DiskUsage(Math.round(box.diskUsedBytes / HostedLogin.MIB * 100) / 100.0, box.domain, box.email,
                    box.email.substring(0, box.email.indexOf('@')));
        }
    }

    @RegisterForReflection
    @Schema(description = "A mailbox with disk figures (MB).")
    record PopWithDisk(
            @Schema(description = "The address.") String email,
            @Schema(description = "The login: the address.") String login,
            @Schema(description = "The part before the @.") String user,
            @Schema(description = "The domain.") String domain,
            @Schema(description = "MB used, to two decimals.") double diskused,
            @Schema(description = "MB allowed (a number), or unlimited.", type = SchemaType.STRING) Object diskquota,
            @Schema(description = "Bytes used.") @JsonProperty("_diskused") long rawDiskused,
            @Schema(description = "Bytes allowed; 0 when unlimited.") @JsonProperty("_diskquota") long rawDiskquota,
            @Schema(description = "Percent of the quota used; 0 when unlimited.") int diskusedpercent,
            @Schema(description = "diskusedpercent rounded to a multiple of 20.") int diskusedpercent20,
            @Schema(description = "Percent of the quota used, to two decimals.") @JsonProperty("diskusedpercent_float") double diskusedpercentFloat,
            @Schema(description = "MB used, for people: 25.00 MB.") String humandiskused,
            @Schema(description = "The quota for people: 100 MB, or None.") String humandiskquota,
            @Schema(description = "MB allowed as text, or unlimited.") String txtdiskquota,
            @Schema(description = "When it was created (Unix epoch).") long mtime,
            @Schema(description = "1 when logins, incoming or outgoing mail are suspended.") @JsonProperty("has_suspended") int hasSuspended,
            @Schema(description = "Always 0: OpenUAPI holds no mail.") @JsonProperty("hold_outgoing") int holdOutgoing,
            @Schema(description = "1 or 0.") @JsonProperty("suspended_incoming") int suspendedIncoming,
            @Schema(description = "1 or 0.") @JsonProperty("suspended_login") int suspendedLogin,
            @Schema(description = "1 or 0.") @JsonProperty("suspended_outgoing") int suspendedOutgoing) {

        static PopWithDisk of(Mailbox box) {
            Long quota = box.quotaMb;
            double usedMb = box.diskUsedBytes / HostedLogin.MIB;
            double percent = quota == null || quota == 0 ? 0 : Math.min(100, 100.0 * usedMb / quota);
            return new PopWithDisk(box.email, box.email, box.email.substring(0, box.email.indexOf('@')), box.domain, round(usedMb),
                    quota == null ? Quantities.UNLIMITED : (Object) quota, box.diskUsedBytes, quota == null ? 0 : quota * 1024 * 1024,
                    (int) Math.round(percent), (int) (Math.round(percent / 20.0) * 20), round(percent),
                    String.format(Locale.ROOT, "%.2f MB", usedMb), quota == null ? "None" : quota + " MB",
                    quota == null ? Quantities.UNLIMITED : String.valueOf(quota), box.createdAt,
                    box.suspendedLogin || box.suspendedIncoming || box.suspendedOutgoing ? 1 : 0, 0, box.suspendedIncoming ? 1 : 0,
                    box.suspendedLogin ? 1 : 0, box.suspendedOutgoing ? 1 : 0);
        }

        private static double round(double value) {
            return Math.round(value * 100) / 100.0;
        }
    }

    @RegisterForReflection
    @Schema(description = "A forwarder.")
    record Forwarder(
            @Schema(description = "The forwarded address.") String dest,
            @Schema(description = "Where it goes.") String forward,
            @Schema(description = "The forwarded address, HTML-escaped.") @JsonProperty("html_dest") String htmlDest,
            @Schema(description = "Where it goes, HTML-escaped.") @JsonProperty("html_forward") String htmlForward,
            @Schema(description = "The forwarded address, URI-encoded.") @JsonProperty("uri_dest") String uriDest,
            @Schema(description = "Where it goes, URI-encoded.") @JsonProperty("uri_forward") String uriForward) {

        static Forwarder of(EmailForwarder forwarder) {
            return new Forwarder(forwarder.address, forwarder.destination, Html.escape(forwarder.address), Html.escape(forwarder.destination),
                    URLEncoder.encode(forwarder.address, StandardCharsets.UTF_8), URLEncoder.encode(forwarder.destination, StandardCharsets.UTF_8));
        }
    }

    @RegisterForReflection
    @Schema(description = "A forwarder.")
    record NewForwarder(
            @Schema(description = "Its domain.") String domain,
            @Schema(description = "The forwarded address.") String email,
            @Schema(description = "Where it goes.") String forward) {

        static NewForwarder of(EmailForwarder forwarder) {
            return new NewForwarder(forwarder.domain, forwarder.address, forwarder.destination);
        }
    }

    /** API 2's answer to a change: one element. */
    @RegisterForReflection
    @Schema(description = "The outcome.")
    record Result(
            @Schema(description = "1 or 0.") int result,
            @Schema(description = "Why not, or OK.") String reason) {
    }
}
