package dev.openuapi.usermanager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The User Manager record, with every key of cPanel's {@code Cpanel::UserManager::Record::as_hashref} (its
 * booleans as 0/1, the rest {@code null} when unknown), in that method's order.
 */
final class UserManagerRows {

    private UserManagerRows() {
    }

    @RegisterForReflection
    @Schema(description = "A User Manager account: a service account, a hypothetical subaccount or the cPanel account.")
    record User(
            @JsonProperty("has_invite") @Schema(description = "1 when a login invitation exists; always 0 here.") int hasInvite,
            @JsonProperty("synced_password") @Schema(description = "1 when a subaccount's service passwords are synced; 0 here.") int syncedPassword,
            @JsonProperty("can_delete") @Schema(description = "1 for a service account that is not special.") int canDelete,
            @JsonProperty("can_set_password") @Schema(description = "1 for a service account.") int canSetPassword,
            @JsonProperty("can_set_quota") @Schema(description = "1 for a service account.") int canSetQuota,
            @Schema(description = "1 when the merge prompt was dismissed; always 0 here.") int dismissed,
            @JsonProperty("has_expired_invite") @Schema(description = "Always 0 here.") int hasExpiredInvite,
            @JsonProperty("has_siblings") @Schema(description = "1 when another service account has the same full username.") int hasSiblings,
            @Schema(description = "1 for system-made accounts that cannot be removed (the cPanel account).") int special,
            @JsonProperty("sub_account_exists") @Schema(description = "1 when a subaccount has this name; always 0 here.") int subAccountExists,
            @JsonProperty("alternate_email") @Schema(description = "Always null here.", nullable = true) String alternateEmail,
            @JsonProperty("avatar_url") @Schema(description = "Always null here.", nullable = true) String avatarUrl,
            @Schema(description = "The domain; null for the cPanel account.", nullable = true) String domain,
            @Schema(description = "A stable identifier: USER:DOMAIN:HEX-CREATION-TIME:HASH.") String guid,
            @JsonProperty("invite_expiration") @Schema(description = "Always null here.", nullable = true, type = SchemaType.INTEGER) Long inviteExpiration,
            @JsonProperty("phone_number") @Schema(description = "Always null here.", nullable = true) String phoneNumber,
            @JsonProperty("real_name") @Schema(description = "Always null here.", nullable = true) String realName,
            @Schema(description = "service, hypothetical or cpanel.") String type,
            @Schema(description = "The name without the domain.") String username,
            @JsonProperty("dismissed_merge_candidates") @Schema(description = "Always empty here.") List<Object> dismissedMergeCandidates,
            @JsonProperty("full_username") @Schema(description = "user@domain, or the cPanel username.") String fullUsername,
            @Schema(description = "Quota problems of FTP service accounts.") List<Issue> issues,
            @JsonProperty("merge_candidates") @Schema(description = "For a hypothetical subaccount: the service accounts it would merge.") List<Object> mergeCandidates,
            @JsonProperty("parent_type") @Schema(description = "hypothetical for a merge candidate, else null.", nullable = true) String parentType,
            @Schema(description = "email, ftp and webdisk: enabled (0/1) and the service's settings.") Map<String, Map<String, Object>> services,
            @JsonProperty("team_owner") @Schema(description = "Always null here.", nullable = true) String teamOwner) {
    }

    @RegisterForReflection
    @Schema(description = "An issue with an account.")
    record Issue(
            @Schema(description = "error or warning.") String type,
            @Schema(description = "quota.") String area,
            @Schema(description = "ftp.") String service,
            @Schema(description = "What is wrong.") String message,
            @Schema(description = "MB used.") long used,
            @Schema(description = "MB allowed.") long limit) {
    }

    /** cPanel's service defaults: every service off unless the account has it. */
    static Map<String, Map<String, Object>> services(Map<String, Object> email, Map<String, Object> ftp, Map<String, Object> webdisk) {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        services.put("email", email == null ? Map.of("enabled", 0) : email);
        services.put("ftp", ftp == null ? Map.of("enabled", 0) : ftp);
        services.put("webdisk", webdisk == null ? Map.of("enabled", 0) : webdisk);
        return services;
    }

    /**
     * cPanel's guid layout ({@code uc sprintf('%s:%s:%x:%s', username, domain, time, sha256_hex(…))}), made stable:
     * the time is the account's creation and the hash covers the server-independent facts.
     */
    static String guid(String username, String domain, long createdAt, String type) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((type + "\n" + username + "@" + (domain == null ? "" : domain) + "\n" + createdAt).getBytes(StandardCharsets.UTF_8));
            return String.format(Locale.ROOT, "%s:%s:%x:%s", username, domain == null ? "" : domain, createdAt, HexFormat.of().formatHex(hash))
                    .toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
