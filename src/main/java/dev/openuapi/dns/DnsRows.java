package dev.openuapi.dns;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rows UAPI {@code DNS} answers with. */
public final class DnsRows {

    private DnsRows() {
    }

    /**
     * One line of the zone file, as parse_zone gives it: a record line has its owner name, type, TTL and data
     * parts; a comment or control line has its text. The keys of the other kind are absent, never null.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A line.")
    public record Line(
            @Schema(description = "record, control or comment.") String type,
            @JsonProperty("line_index") @Schema(description = "0-based line number.") int lineIndex,
            @JsonProperty("dname_b64") @Schema(description = "record: the owner name, base64.") String dnameB64,
            @JsonProperty("record_type") @Schema(description = "record: A, MX, TXT, …") String recordType,
            @Schema(description = "record: the TTL.") Integer ttl,
            @JsonProperty("data_b64") @Schema(description = "record: the data parts, each base64.") List<String> dataB64,
            @JsonProperty("text_b64") @Schema(description = "control and comment: the text, base64.") String textB64) {

        static Line record(int lineIndex, String dnameB64, String recordType, int ttl, List<String> dataB64) {
            return new Line("record", lineIndex, dnameB64, recordType, ttl, dataB64, null);
        }

        /** A {@code comment} or {@code control} line. */
        static Line text(String type, int lineIndex, String textB64) {
            return new Line(type, lineIndex, null, null, null, null, textB64);
        }
    }

    /** mass_edit_zone's answer. */
    @RegisterForReflection
    @Schema(description = "The outcome.")
    public record MassEdit(@JsonProperty("new_serial") @Schema(description = "The SOA serial after the change.") String newSerial) {
    }

    /**
     * has_local_authority's row for one domain (cPanel's {@code Cpanel::API::DNS::has_local_authority}: its five keys
     * always, {@code error} null unless the DNS query for the zone failed).
     */
    @RegisterForReflection
    @Schema(description = "One domain's authority check.")
    public record Authority(
            @Schema(description = "The domain, as given.") String domain,
            @Schema(description = "The zone that holds the domain's records.") String zone,
            @JsonProperty("local_authority") @Schema(description = "1: the DNS answers with the SOA serial this server serves; 0: it does not.") int localAuthority,
            @Schema(description = "The zone's nameservers, as the DNS names them.") List<String> nameservers,
            @Schema(description = "Why the check failed (the DNS query's error), or null.", nullable = true) String error) {
    }
}
