package dev.openuapi.account;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.common.CommaList;
import dev.openuapi.common.Snapshots;

/** A cPanel account: the owner of API tokens, domains, mailboxes, databases and the rest. */
@Entity
@EntityListeners(Snapshots.Changes.class)
@Table(name = "account")
public class Account implements Snapshots.Source {

    /** The owner of the accounts no reseller owns. */
    public static final String ROOT_OWNER = WhmUser.ROOT;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 16, unique = true)
    public String username;

    /** BCrypt in modular-crypt form ({@code $2a$...}); see {@link PasswordHasher}. */
    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Column(nullable = false, length = 253)
    public String domain;

    @Column(name = "contact_email", nullable = false, length = 254)
    public String contactEmail;

    @Column(nullable = false)
    public boolean suspended;

    /** When the account was suspended (Unix epoch), {@code null} when it is not. */
    @Column(name = "suspended_at")
    public Long suspendedAt;

    /** Why, as WHM's {@code suspendacct} was told; {@code null} when it was not told or the account is not suspended. */
    @Column(name = "suspension_reason", length = 1000)
    public String suspensionReason;

    /** suspendacct {@code disallowun=1}: only root (or a root-level reseller) may unsuspend. */
    @Column(name = "suspension_locked", nullable = false)
    public boolean suspensionLocked;

    /** suspendacct {@code leave-ftp-accts-enabled=1}: the hosting stack keeps the FTP logins working while suspended. */
    @Column(name = "suspension_keeps_ftp", nullable = false)
    public boolean suspensionKeepsFtp;

    // What the hosting stack reads to configure the account (cPanel keeps these in the cpuser file); see
    // AccountOptions and src/docs/account-arguments.md. Limits that OpenUAPI enforces itself live in the plan.

    /** The login shell: {@link AccountOptions#NO_SHELL} when the account has no shell access. */
    @Column(nullable = false, length = 64)
    public String shell = AccountOptions.NO_SHELL;

    @Column(nullable = false)
    public boolean cgi = true;

    @Column(name = "digest_auth", nullable = false)
    public boolean digestAuth;

    @Column(nullable = false)
    public boolean spamassassin = true;

    @Column(nullable = false)
    public boolean spambox = true;

    @Column(nullable = false)
    public boolean dkim = true;

    @Column(nullable = false)
    public boolean spf = true;

    @Column(nullable = false)
    public boolean dmarc = true;

    @Column(name = "use_registered_ns", nullable = false)
    public boolean useRegisteredNs;

    @Column(name = "mailbox_format", nullable = false, length = 8)
    public String mailboxFormat = "maildir";

    /** Private: Hibernate loads five {@code null} columns as no object; see {@link #mailLimits()}. */
    @Embedded
    private MailLimits mailLimits;

    /** The account's enabled features, sorted (cPanel's feature list). */
    @Column(nullable = false, length = 2000)
    @Convert(converter = CommaList.class)
    public List<String> features;

    /** The account's plan ({@code dev.openuapi.plan.Plan}); {@code null}: no limits. A plain id, so the
     * account loaded on the token path never drags a lazy association along. */
    @Column(name = "plan_id")
    public Long planId;

    /** The WHM user that owns this account: {@code root} or a reseller's username. */
    @Column(nullable = false, length = 16)
    public String owner = ROOT_OWNER;

    /** This account's WHM privileges when it is a reseller, sorted; {@code null}: not a reseller. */
    @Column(name = "reseller_acls", length = 2000)
    @Convert(converter = CommaList.class)
    public List<String> resellerAcls;

    /**
     * The account's own IPv4 address (WHM {@code setsiteip}), one of the server's; {@code null}: the shared main address
     * ({@code openuapi.dns.account-ip}).
     */
    @Column(length = 45)
    public String ip;

    @Column(name = "created_at", nullable = false)
    public long createdAt;

    @Column(name = "updated_at", nullable = false)
    public long updatedAt;

    /** The account's mail and Team limits, a copy: change them with {@link #setMailLimits}. */
    public MailLimits mailLimits() {
        return MailLimits.copyOf(mailLimits);
    }

    public void setMailLimits(MailLimits limits) {
        this.mailLimits = limits.copy();
    }

    public Set<String> featureSet() {
        return features == null ? new TreeSet<>() : new TreeSet<>(features);
    }

    public void setFeatures(Collection<String> names) {
        this.features = CommaList.sorted(names);
    }

    public boolean isReseller() {
        return resellerAcls != null;
    }

    public boolean hasFeature(String name) {
        return featureSet().contains(name);
    }

    /** This account as the immutable snapshot a call carries. */
    public Principal principal() {
        return new Principal(id, username, owner, planId, featureSet(), resellerAcls == null ? null : new TreeSet<>(resellerAcls), suspended);
    }

    @Override
    public String snapshotTag() {
        return Snapshots.tag("account", id);
    }
}
