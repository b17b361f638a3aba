package dev.openuapi.quota;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.domain.AccountDomain;
import dev.openuapi.domain.DomainService;
import dev.openuapi.email.EmailService;
import dev.openuapi.files.Home;
import dev.openuapi.files.HomeDirectories;
import dev.openuapi.files.HomeUsage;
import dev.openuapi.ftp.FtpService;
import dev.openuapi.kernel.Principal;
import dev.openuapi.login.HostedLogins;
import dev.openuapi.mysql.MysqlService;
import dev.openuapi.plan.Limit;
import dev.openuapi.plan.Plan;
import dev.openuapi.plan.PlanService;

/**
 * What an account uses against what its plan allows: disk as {@link HomeUsage} keeps it (home files and mail, plus
 * databases; src/docs/disk-usage.md), bandwidth as the metering agent reports it, counts from the stored resources
 * themselves.
 */
@ApplicationScoped
public class UsageService {

    public static final long MIB = 1024L * 1024L;

    /**
     * Fired inside the report's transaction when it carries a bandwidth figure (the month's transfer so far), so
     * that features which keep the history (UAPI Bandwidth) record it without this package knowing them.
     */
    public record BandwidthReported(long accountId, long monthBytes, long reportedAt) {
    }

    private final AccountUsageRepository usages;
    private final AccountRepository accounts;
    private final PlanService plans;
    private final MysqlService mysql;
    private final DomainService domains;
    private final FtpService ftp;
    private final EmailService email;
    private final Event<BandwidthReported> bandwidthReported;
    private final HomeDirectories homes;
    private final HomeUsage disk;

    UsageService(AccountUsageRepository usages, AccountRepository accounts, PlanService plans, MysqlService mysql,
            DomainService domains, FtpService ftp, EmailService email, Event<BandwidthReported> bandwidthReported, HomeDirectories homes,
            HomeUsage disk) {
        this.homes = homes;
        this.disk = disk;
        this.usages = usages;
        this.accounts = accounts;
        this.ftp = ftp;
        this.email = email;
        this.plans = plans;
        this.mysql = mysql;
        this.domains = domains;
        this.bandwidthReported = bandwidthReported;
    }

    /** What a report left stored: the home's size ({@code null} when none is stored yet), the month's bandwidth, when. */
    public record Reported(Long homeBytes, long bandwidthUsedBytes, long updatedAt) {
    }

    /**
     * The metering agent's report for one account: the size of its home directory (files and mail, as the agent
     * measured it: it replaces the stored figure, as a walk of the home would), the month's bandwidth, and optionally
     * the disk use of each mailbox and FTP login (by address). All of it is applied, or none of it.
     */
    @Transactional
    public Reported report(String username, Long diskUsedBytes, Long bandwidthUsedBytes, Map<String, Long> mailboxes,
            Map<String, Long> ftpLogins) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(username) + " does not exist."));
        if ((diskUsedBytes != null && diskUsedBytes < 0) || (bandwidthUsedBytes != null && bandwidthUsedBytes < 0)) {
            throw ApiException.invalid("Usage is a number of bytes, 0 or more.");
        }
        AccountUsage usage = usages.findByIdOptional(account.id).orElseGet(() -> {
            AccountUsage fresh = new AccountUsage();
            fresh.accountId = account.id;
            usages.persist(fresh);
            return fresh;
        });
        if (bandwidthUsedBytes != null) {
            usage.bandwidthUsedBytes = bandwidthUsedBytes;
        }
        usage.updatedAt = Epoch.now();
        if (bandwidthUsedBytes != null) {
            bandwidthReported.fire(new BandwidthReported(account.id, bandwidthUsedBytes, usage.updatedAt));
        }
        perItem(account.id, mailboxes, email, "mailbox");
        perItem(account.id, ftpLogins, ftp, "FTP account");
        if (diskUsedBytes != null) {
            disk.reported(account.id, diskUsedBytes);
        }
        return new Reported(diskUsedBytes != null ? diskUsedBytes : disk.stored(account.id).orElse(null), usage.bandwidthUsedBytes,
                usage.updatedAt);
    }

    private static void perItem(long accountId, Map<String, Long> usage, HostedLogins<?> logins, String what) {
        if (usage == null) {
            return;
        }
        for (Map.Entry<String, Long> item : usage.entrySet()) {
            if (item.getValue() == null || item.getValue() < 0) {
                throw ApiException.invalid("Usage is a number of bytes, 0 or more.");
            }
            if (!logins.recordDiskUse(accountId, item.getKey(), item.getValue())) {
                throw ApiException.invalid("The account has no " + what + " " + Quote.of(item.getKey()) + ".");
            }
        }
    }

    @Transactional
    public AccountUsage usage(long accountId) {
        AccountUsage usage = usages.findById(accountId);
        if (usage == null) {
            usage = new AccountUsage();
            usage.accountId = accountId;
        }
        return usage;
    }

    @Transactional
    public Optional<Plan> plan(Principal account) {
        return plans.byId(account.planId());
    }

    /** The account's disk use in bytes and its plan's disk quota in bytes ({@code null}: unlimited). */
    public record Disk(String home, long usedBytes, long homeBytes, long databaseBytes, Long limitBytes) {
    }

    /** Walks the account's home now, stores what it found, and returns its disk use. */
    @Transactional
    public Disk measure(String username) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(username) + " does not exist."));
        Home home = homes.of(account);
        disk.measure(home);
        return disk(home);
    }

    public Disk disk(Principal account) {
        return disk(homes.of(account));
    }

    private Disk disk(Home home) {
        HomeUsage.Use use = disk.use(home);
        return new Disk(home.directory().toString(), use.total(), use.homeBytes(), use.databaseBytes(), disk.limitBytes(home).orElse(null));
    }

    /**
     * One resource an account uses: its id (cPanel's ResourceUsage ids), name, use (bytes or a count) and
     * its plan's limit, {@code null} for unlimited. {@code formatter} says how to show bytes.
     */
    public record ResourceUse(String id, String description, long usage, Long maximum, String formatter) {
    }

    /** What the account uses of each resource its plan can limit, in ResourceUsage::get_usages' order. */
    @Transactional
    public List<ResourceUse> usages(Principal account) {
        Optional<Plan> plan = plans.byId(account.planId());
        long accountId = account.accountId();
        AccountUsage usage = usage(accountId);
        Disk used = disk(account);
        List<ResourceUse> rows = new ArrayList<>();
        rows.add(new ResourceUse("disk_usage", "Disk Usage", used.usedBytes(), used.limitBytes(), "format_bytes"));
        rows.add(new ResourceUse("bandwidth", "Monthly Bandwidth Transfer", usage.bandwidthUsedBytes,
                plan.map(p -> p.bandwidthMb).map(mb -> mb * MIB).orElse(null), "format_bytes"));
        rows.add(count("email_accounts", "Email Accounts", email.count(accountId), plan, Limit.EMAIL_ACCOUNTS));
        rows.add(count("mysql_databases", "MySQL® Databases", mysql.countDatabases(accountId), plan, Limit.DATABASES));
        rows.add(count("ftp_accounts", "FTP Accounts", ftp.count(accountId), plan, Limit.FTP_ACCOUNTS));
        rows.add(count("subdomains", "Subdomains", domains.count(accountId, AccountDomain.SUB), plan, Limit.SUBDOMAINS));
        rows.add(count("addon_domains", "Addon Domains", domains.count(accountId, AccountDomain.ADDON), plan, Limit.ADDON_DOMAINS));
        rows.add(count("parked_domains", "Aliases", domains.count(accountId, AccountDomain.PARKED), plan, Limit.PARKED_DOMAINS));
        return rows;
    }

    private static ResourceUse count(String id, String description, long usage, Optional<Plan> plan, Limit limit) {
        Integer max = plan.map(p -> p.limit(limit)).orElse(null);
        return new ResourceUse(id, description, usage, max == null ? null : max.longValue(), null);
    }
}
