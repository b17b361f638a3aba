package dev.openuapi.activity;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the activity endpoints answer (issue 20 §1). */
public final class ActivityViews {

    private ActivityViews() {
    }

    static final String RESULT = "ok; failed (the function's own error, bad arguments); refused (a missing feature or privilege, "
            + "the token's scope, a read-only token); limited (the token had used up its rate_limit_per_minute: 429, the call did "
            + "not run).";
    static final String CURSOR_DESCRIPTION = "Pass it as cursor to get the next page; null: this is the last page. Opaque: do not build one.";

    @RegisterForReflection
    @Schema(description = "One call of a token.")
    public record EventView(
            @Schema(description = "When the call ended (Unix epoch seconds).", example = "1764615600") long time,
            @Schema(description = "The client's address (the socket's peer, or the address a trusted proxy forwarded).",
                    example = "203.0.113.7", nullable = true) String address,
            @Schema(description = "The face called: uapi, api2, whm1 (cPanel's APIs), rest, whm_rest or admin (our REST API).",
                    example = "uapi") String face,
            @Schema(description = "The module (UAPI and API 2 modules, WHM for WHM API 1; REST for our REST API; unknown for a name "
                    + "that is not registered).", example = "Tokens") String module,
            @Schema(description = "The function, or on our REST API the method and path template.", example = "list") String function,
            @Schema(description = RESULT, example = "ok") String result) {
    }

    @RegisterForReflection
    @Schema(description = "A page of a token's recent calls, newest first.")
    public record EventPage(
            @Schema(description = "The calls on this page, newest first.") List<EventView> events,
            @Schema(description = CURSOR_DESCRIPTION, example = "WzQyXQ", nullable = true) @JsonProperty("next_cursor") String nextCursor) {
    }

    @RegisterForReflection
    @Schema(description = "Calls counted in one minute or day, for one credential, face, module, function and result.")
    public record CountView(
            @Schema(description = "The start of the minute or day (Unix epoch seconds, UTC).", example = "1764615600") long time,
            @Schema(description = "The account the calls ran as; root for root's own calls.", example = "alice") String account,
            @Schema(description = "The credential: cpanel_token, account_password, cpanel_session, whm_token, root_password, "
                    + "reseller_password or whm_session.", example = "cpanel_token") String credential,
            @Schema(description = "The token's name for a token credential that still exists; null otherwise.", example = "ci-deploy",
                    nullable = true) String token,
            @Schema(description = "The face: uapi, api2, whm1, rest, whm_rest or admin.", example = "uapi") String face,
            @Schema(description = "The module, or REST on our REST API.", example = "Tokens") String module,
            @Schema(description = "The function, or on our REST API the method and path template.", example = "list") String function,
            @Schema(description = RESULT, example = "ok") String result,
            @Schema(description = "How many calls.", example = "12") long count) {
    }

    @RegisterForReflection
    @Schema(description = "A page of call counts, newest minute or day first.")
    public record CountPage(
            @Schema(description = "The counts on this page.") List<CountView> counts,
            @Schema(description = CURSOR_DESCRIPTION, example = "WzI5NDEwMjYsNywiQ1BBTkVMX1RPS0VOIl0", nullable = true)
            @JsonProperty("next_cursor") String nextCursor) {
    }

    @RegisterForReflection
    @Schema(description = "Failed logins against one known account from one address for one reason, in one minute or day.")
    public record FailureView(
            @Schema(description = "The start of the minute or day (Unix epoch seconds, UTC).", example = "1764615600") long time,
            @Schema(description = "The account the login named; root for root.", example = "alice") String account,
            @Schema(description = "The client's address.", example = "198.51.100.23") String address,
            @Schema(description = "Why: bad_token, bad_password, expired, address_not_allowed, suspended, bad_session or other.",
                    example = "bad_password") String reason,
            @Schema(description = "How many failed logins.", example = "3") long count) {
    }

    @RegisterForReflection
    @Schema(description = "A page of failed-login counts, newest minute or day first.")
    public record FailurePage(
            @Schema(description = "The counts on this page.") List<FailureView> failures,
            @Schema(description = CURSOR_DESCRIPTION, example = "WzI5NDEwMjYsN10", nullable = true) @JsonProperty("next_cursor")
            String nextCursor) {
    }
}
