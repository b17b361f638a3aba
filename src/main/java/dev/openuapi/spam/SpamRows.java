package dev.openuapi.spam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The rows of UAPI {@code Email::get_spam_settings} (cPanel's reference: api.docs.cpanel.net, Email::get_spam_settings). */
final class SpamRows {

    private SpamRows() {
    }

    @RegisterForReflection
    @Schema(description = "The account's Apache SpamAssassin settings (src/docs/spam-settings.md says where each is read).")
    record SpamSettings(
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("cpuser_spam_auto_delete")
            @Schema(description = "Only with account: the cPanel user's auto-delete setting, 1 or 0 (always 0: OpenUAPI keeps no auto-delete filter).",
                    nullable = true) Integer cpuserSpamAutoDelete,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("cpuser_spam_auto_delete_score")
            @Schema(description = "Only with account: the cPanel user's auto-delete score (0: none).", nullable = true) Integer cpuserSpamAutoDeleteScore,
            @JsonProperty("rewrites_subjects") @Schema(description = "1: user_prefs has a rewrite_header Subject line; 0: it has none.") int rewritesSubjects,
            @JsonProperty("spam_as_acl") @Schema(description = "Always 1, as cPanel documents it.") int spamAsAcl,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("spam_auto_delete")
            @Schema(description = "Without account: whether auto-delete is on, 1 or 0 (always 0: OpenUAPI keeps no auto-delete filter).",
                    nullable = true) Integer spamAutoDelete,
            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("spam_auto_delete_score")
            @Schema(description = "Without account: the auto-delete score (0: none).", nullable = true) Integer spamAutoDeleteScore,
            @JsonProperty("spam_box_enabled") @Schema(description = "1: ~/.spamassassinboxenable exists (spam goes to the spam box).") int spamBoxEnabled,
            @JsonProperty("spam_enabled") @Schema(description = "1: ~/.spamassassinenable exists (Apache SpamAssassin is on).") int spamEnabled,
            @JsonProperty("spam_status_changeable")
            @Schema(description = "1: the account may turn Apache SpamAssassin on and off (OpenUAPI has no server-wide switch that forces it).")
            int spamStatusChangeable) {

        static SpamSettings of(SpamService.Settings s) {
            Integer mailbox = s.forMailbox() ? 0 : null;
            Integer account = s.forMailbox() ? null : 0;
            return new SpamSettings(mailbox, mailbox, s.rewritesSubjects() ? 1 : 0, 1, account, account, s.spamBoxEnabled() ? 1 : 0,
                    s.spamEnabled() ? 1 : 0, 1);
        }
    }
}
