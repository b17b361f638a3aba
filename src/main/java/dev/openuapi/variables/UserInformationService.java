package dev.openuapi.variables;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.LoadingCache;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountService;
import dev.openuapi.files.HomePaths;
import dev.openuapi.common.Snapshots;
import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.feature.FeatureCatalog;
import dev.openuapi.plan.Plan;
import dev.openuapi.plan.PlanService;

/**
 * An account's settings as {@code Variables::get_user_information} gives them, from memory: a snapshot of the
 * account and its plan, kept current by the change feed ({@link Snapshots}), so the most frequent read of automation
 * costs no database statement in the steady state and a change is seen within a second.
 */
@ApplicationScoped
public class UserInformationService {

    private final AccountService accounts;
    private final PlanService plans;
    private final OpenUapiConfig config;
    private final HomePaths homes;
    private final LoadingCache<String, Info> snapshots;

    /** The settings, and the rows they were read from. */
    private record Info(Map<String, Object> settings, List<String> tags) {
    }

    UserInformationService(AccountService accounts, PlanService plans, OpenUapiConfig config, ExecutorService executor, HomePaths homes) {
        this.accounts = accounts;
        this.homes = homes;
        this.plans = plans;
        this.config = config;
        this.snapshots = Snapshots.cache(config.tokens().cacheSize(), executor, this::load, (username, info) -> info.tags());
    }

    /** Every setting OpenUAPI holds for the account, in cPanel's order; read-only. */
    public Map<String, Object> of(String username) {
        return snapshots.get(username).settings();
    }

    private Info load(String username) {
        Account account = accounts.get(username);
        Optional<Plan> plan = plans.byId(account.planId);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("user", account.username);
        info.put("domain", account.domain);
        info.put("domains", List.of(account.domain));
        info.put("contact_email", account.contactEmail);
        info.put("contact_email_2", "");
        info.put("created", account.createdAt);
        info.put("last_modified", account.updatedAt);
        info.put("demo_mode", 0);
        info.put("feature", FeatureCatalog.map(account.featureSet()));
        info.put("home", homes.of(account.username)); // the real home directory (src/docs/files.md)
        info.put("ip", account.ip == null ? config.dns().accountIp() : account.ip); // its own, once setsiteip gave it one
        info.put("plan", plan.map(p -> p.name).orElse("default"));
        info.put("owner", account.owner);
        info.put("maximum_mail_accounts", maximum(plan.map(p -> p.maxEmailAccounts).orElse(null)));
        info.put("maximum_databases", maximum(plan.map(p -> p.maxDatabases).orElse(null)));
        info.put("maximum_ftp_accounts", maximum(plan.map(p -> p.maxFtpAccounts).orElse(null)));
        info.put("maximum_subdomains", maximum(plan.map(p -> p.maxSubdomains).orElse(null)));
        info.put("maximum_addon_domains", maximum(plan.map(p -> p.maxAddonDomains).orElse(null)));
        info.put("maximum_parked_domains", maximum(plan.map(p -> p.maxParkedDomains).orElse(null)));
        info.put("bandwidth_limit", plan.map(p -> p.bandwidthMb).map(mb -> mb * 1024 * 1024).orElse(0L));
        info.put("disk_block_limit", plan.map(p -> p.diskQuotaMb).map(mb -> mb * 1024).orElse(0L));
        List<String> tags = plan.isPresent() ? List.of(Snapshots.tag("account", account.id), Snapshots.tag("plan", account.planId))
                : List.of(Snapshots.tag("account", account.id));
        return new Info(Collections.unmodifiableMap(info), tags);
    }

    /** cPanel's maximum_* values: a number, or "unlimited". */
    private static Object maximum(Integer limit) {
        return limit == null ? "unlimited" : limit;
    }
}
