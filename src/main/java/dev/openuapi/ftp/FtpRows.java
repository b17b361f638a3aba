package dev.openuapi.ftp;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.openuapi.common.Quantities;
import dev.openuapi.login.HostedLogin;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The rows of the Ftp answers, each declared once: the function's shape is read from it and Jackson writes
 * it in this order (spec §9.1 rows 23-24).
 */
final class FtpRows {

    private FtpRows() {
    }

    @RegisterForReflection
    @Schema(description = "An FTP account.")
    record Account(
            @Schema(description = "The login.") String user,
            @Schema(description = "Its directory.") String homedir,
            @Schema(description = "main or sub.") String type) {
    }

    /** cPanel's MB values here are strings with two decimals ("476.84"). */
    @RegisterForReflection
    @Schema(description = "An FTP account; MB values are strings.")
    record AccountWithDisk(
            @Schema(description = "The login.") String login,
            @Schema(description = "The full login: user@domain, or the account's username.") String serverlogin,
            @Schema(description = "Its directory.") String dir,
            @Schema(description = "Its directory relative to the home directory; empty for the home itself.") String reldir,
            @Schema(description = "Its directory, as dir.") String htmldir,
            @Schema(description = "main or sub.") String accttype,
            @Schema(description = "1 when it can be deleted; 0 for the account itself.") int deleteable,
            @Schema(description = "MB used.") String diskused,
            @Schema(description = "MB allowed, or unlimited.") String diskquota,
            @Schema(description = "MB used, as diskused.") @JsonProperty("_diskused") String rawDiskused,
            @Schema(description = "MB allowed; 0 when unlimited.") @JsonProperty("_diskquota") String rawDiskquota,
            @Schema(description = "Percent of the quota used; 0 when unlimited.") int diskusedpercent,
            @Schema(description = "diskusedpercent rounded to a multiple of 20.") int diskusedpercent20,
            @Schema(description = "MB used, for people: 2.34 MB.") String humandiskused,
            @Schema(description = "The quota for people: 476.84 MB, or None.") String humandiskquota) {

        /**
         * @param home      the account's home, which {@code reldir} is relative to
         * @param quotaMb   {@code null}: unlimited
         */
        static AccountWithDisk of(String login, String serverLogin, String dir, String home, String type, long usedBytes, Long quotaMb,
                int deleteable) {
            String used = String.format(Locale.ROOT, "%.2f", usedBytes / HostedLogin.MIB);
            String quota = quotaMb == null ? Quantities.UNLIMITED : String.format(Locale.ROOT, "%.2f", quotaMb.doubleValue());
            int percent = quotaMb == null || quotaMb == 0 ? 0
                    : (int) Math.min(100, Math.round(100.0 * usedBytes / (quotaMb * HostedLogin.MIB)));
            return new AccountWithDisk(login, serverLogin, dir, dir.equals(home) ? "" : dir.substring(home.length() + 1), dir, type, deleteable,
                    used, quota, used, quotaMb == null ? "0" : quota, percent, (int) Math.round(percent / 20.0) * 20, used + " MB",
                    quotaMb == null ? "None" : quota + " MB");
        }
    }
}
