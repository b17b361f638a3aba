package dev.openuapi.account;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import dev.openuapi.common.ApiException;

/**
 * The mail and Team limits the hosting stack applies (cPanel's {@code MAXLST}, {@code MAX_EMAIL_PER_HOUR},
 * {@code MAX_DEFER_FAIL_PERCENTAGE}, {@code MAX_EMAILACCT_QUOTA}, {@code MAX_TEAM_USERS}): an account's own, and
 * what a package gives each account on it. The same columns in {@code account} and {@code plan} (V20).
 * {@code null}: unlimited, as for every limit here.
 *
 * <p>Hibernate loads a row whose five columns are all {@code null} as no object at all, so the entities hand out
 * copies ({@link #copyOf}) and take new values whole.
 */
@Embeddable
public class MailLimits {

    @Column(name = "max_lists")
    public Integer maxLists;

    @Column(name = "max_email_per_hour")
    public Integer maxEmailPerHour;

    @Column(name = "max_defer_fail_percentage")
    public Integer maxDeferFailPercentage;

    @Column(name = "max_emailacct_quota_mb")
    public Long maxEmailAccountQuotaMb;

    @Column(name = "max_team_users")
    public Integer maxTeamUsers;

    /** A copy of {@code limits}; {@code null} (as Hibernate loads five {@code null} columns): all unlimited. */
    public static MailLimits copyOf(MailLimits limits) {
        return limits == null ? new MailLimits() : limits.copy();
    }

    public MailLimits copy() {
        MailLimits copy = new MailLimits();
        copy.maxLists = maxLists;
        copy.maxEmailPerHour = maxEmailPerHour;
        copy.maxDeferFailPercentage = maxDeferFailPercentage;
        copy.maxEmailAccountQuotaMb = maxEmailAccountQuotaMb;
        copy.maxTeamUsers = maxTeamUsers;
        return copy;
    }

    /** Refuses the values cPanel refuses. */
    public void check() {
        if (maxDeferFailPercentage != null && maxDeferFailPercentage > 100) {
            throw ApiException.invalid("The percentage of failed or deferred messages is at most 100.");
        }
        if (maxTeamUsers != null && maxTeamUsers > 7) {
            throw ApiException.invalid("The maximum number of Team users is at most 7.");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MailLimits that && Objects.equals(maxLists, that.maxLists)
                && Objects.equals(maxEmailPerHour, that.maxEmailPerHour)
                && Objects.equals(maxDeferFailPercentage, that.maxDeferFailPercentage)
                && Objects.equals(maxEmailAccountQuotaMb, that.maxEmailAccountQuotaMb)
                && Objects.equals(maxTeamUsers, that.maxTeamUsers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxLists, maxEmailPerHour, maxDeferFailPercentage, maxEmailAccountQuotaMb, maxTeamUsers);
    }
}
