package dev.openuapi.plan;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.openuapi.account.MailLimits;
import dev.openuapi.common.CommaList;
import dev.openuapi.common.Snapshots;

/** A hosting plan (cPanel's "package"): what an account may have. {@code null} limits are unlimited. */
@Entity
@EntityListeners(Snapshots.Changes.class)
@Table(name = "plan")
public class Plan implements Snapshots.Source {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 64, unique = true)
    public String name;

    @Column(name = "max_email_accounts")
    public Integer maxEmailAccounts;

    @Column(name = "max_databases")
    public Integer maxDatabases;

    @Column(name = "max_ftp_accounts")
    public Integer maxFtpAccounts;

    @Column(name = "max_subdomains")
    public Integer maxSubdomains;

    @Column(name = "max_addon_domains")
    public Integer maxAddonDomains;

    @Column(name = "max_parked_domains")
    public Integer maxParkedDomains;

    @Column(name = "disk_quota_mb")
    public Long diskQuotaMb;

    @Column(name = "bandwidth_mb")
    public Long bandwidthMb;

    /** The plan's feature list, sorted; {@code null}: the plan does not set features. */
    @Column(length = 2000)
    @Convert(converter = CommaList.class)
    public List<String> features;

    /** Set on an account's private plan (its own limits): that account's id. {@code null}: a package. */
    @Column(name = "account_id")
    public Long accountId;

    /** A private plan's package, the one the account was on ({@code null}: default). */
    @Column(name = "base_plan_id")
    public Long basePlanId;

    // What the package gives each of its accounts (copied to the account; see PackageOptions).

    @Column(name = "has_shell", nullable = false)
    public boolean hasShell;

    @Column(nullable = false)
    public boolean cgi = true;

    @Column(name = "digest_auth", nullable = false)
    public boolean digestAuth;

    /** {@code null}: the server's default theme. */
    @Column(length = 64)
    public String theme;

    /** {@code null}: the server's default locale. */
    @Column(length = 16)
    public String locale;

    /** Private: Hibernate loads five {@code null} columns as no object; see {@link #mailLimits()}. */
    @Embedded
    private MailLimits mailLimits;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    /** The package's mail and Team limits, a copy: change them with {@link #setMailLimits}. */
    public MailLimits mailLimits() {
        return MailLimits.copyOf(mailLimits);
    }

    public void setMailLimits(MailLimits limits) {
        this.mailLimits = limits.copy();
    }

    public boolean isPrivate() {
        return accountId != null;
    }

    public Integer limit(Limit limit) {
        return switch (limit) {
            case EMAIL_ACCOUNTS -> maxEmailAccounts;
            case DATABASES -> maxDatabases;
            case FTP_ACCOUNTS -> maxFtpAccounts;
            case SUBDOMAINS -> maxSubdomains;
            case ADDON_DOMAINS -> maxAddonDomains;
            case PARKED_DOMAINS -> maxParkedDomains;
        };
    }

    @Override
    public String snapshotTag() {
        return Snapshots.tag("plan", id);
    }
}
