package dev.openuapi.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.account.AccountOptions;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.CommaList;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import dev.openuapi.feature.FeatureCatalog;
import dev.openuapi.settings.AccountSettingsService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Plans, and the check every resource makes before it creates one more of something. */
@ApplicationScoped
public class PlanService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_ .-]{0,63}");

    /** The limits of a plan as an operator sends them; {@code null} fields are unlimited. */
    public record Limits(Integer maxEmailAccounts, Integer maxDatabases, Integer maxFtpAccounts, Integer maxSubdomains,
            Integer maxAddonDomains, Integer maxParkedDomains, Long diskQuotaMb, Long bandwidthMb, List<String> features) {

        public static final Limits UNLIMITED = new Limits(null, null, null, null, null, null, null, null, null);

        public static Limits of(Plan plan) {
            return new Limits(plan.maxEmailAccounts, plan.maxDatabases, plan.maxFtpAccounts, plan.maxSubdomains,
                    plan.maxAddonDomains, plan.maxParkedDomains, plan.diskQuotaMb, plan.bandwidthMb, plan.features);
        }
    }

    /** What shows as a private plan's package when it was made from none. */
    public static final String DEFAULT = "default";
    private static final String PRIVATE_PREFIX = "~account-";

    private final PlanRepository plans;
    private final AccountRepository accounts;
    private final AccountSettingsService settings;

    PlanService(PlanRepository plans, AccountRepository accounts, AccountSettingsService settings) {
        this.plans = plans;
        this.accounts = accounts;
        this.settings = settings;
    }

    @Transactional
    public List<Plan> list() {
        return plans.listByName();
    }

    @Transactional
    public Plan get(String name) {
        return find(name).orElseThrow(() -> ApiException.notFound("The plan " + Quote.of(name) + " does not exist."));
    }

    public Optional<Plan> find(String name) {
        return plans.byName(name);
    }

    /** An account's plan, by the id the account holds; empty for none. */
    public Optional<Plan> byId(Long planId) {
        return planId == null ? Optional.empty() : plans.findByIdOptional(planId);
    }

    @Transactional
    public Plan create(String name, Limits limits) {
        return create(name, limits, new PackageOptions());
    }

    /** A package with its limits and what it gives each account (cPanel's addpkg). */
    @Transactional
    public Plan create(String name, Limits limits, PackageOptions options) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalid("A plan name is 1 to 64 letters, digits, spaces, dots, dashes or underscores.");
        }
        Plan plan = new Plan();
        plan.name = name;
        plan.createdAt = Epoch.now();
        apply(plan, limits);
        options.check();
        options.applyTo(plan);
        return Unique.insert(plans.getEntityManager(), plan, "The plan " + Quote.of(name) + " already exists.");
    }

    /** Changes a plan; a feature list it carries is given to every account on it at once. */
    @Transactional
    public Plan update(String name, Limits limits) {
        Plan plan = get(name);
        apply(plan, limits);
        reclaim(plan);
        if (plan.features != null) {
            for (Account account : accounts.onPlan(plan.id)) {
                account.features = plan.features;
                account.updatedAt = Epoch.now();
            }
        }
        return plan;
    }

    /**
     * cPanel's editpkg: the package's new limits and options, given to every account on it at once. An account
     * with limits of its own (a private plan made from this package) goes back to the package's, as cPanel
     * overwrites an account's custom values when its package changes.
     */
    @Transactional
    public Plan update(String name, Limits limits, PackageOptions options) {
        options.check();
        Plan plan = update(name, limits);
        options.applyTo(plan);
        for (Account account : accounts.onPlan(plan.id)) {
            copyOptions(plan, account);
        }
        return plan;
    }

    /** What the package gives its accounts now. */
    @Transactional
    public PackageOptions options(String name) {
        return PackageOptions.of(get(name));
    }

    /** The limits an account has now: its own, its package's, or none. */
    @Transactional
    public Limits limitsOf(Account account) {
        return byId(account.planId).map(Limits::of).orElse(Limits.UNLIMITED);
    }

    /**
     * Gives the account limits of its own (createacct's {@code quota}, {@code maxpop}...; modifyacct's
     * {@code QUOTA}, {@code MAXPOP}...): {@code change} gets its current limits and returns the new ones. They live in
     * the account's private plan, made from its package on first use, so every check that reads the account's
     * plan enforces them; listaccts still names the package.
     */
    @Transactional
    public Plan customize(String username, UnaryOperator<Limits> change) {
        Account account = account(username);
        Plan current = byId(account.planId).orElse(null);
        Limits limits = change.apply(current == null ? Limits.UNLIMITED : Limits.of(current));
        Plan own = current != null && current.isPrivate() ? current : null;
        if (own == null) {
            own = new Plan();
            own.name = PRIVATE_PREFIX + account.id;
            own.accountId = account.id;
            own.basePlanId = current == null ? null : current.id;
            own.createdAt = Epoch.now();
            if (current != null) {
                PackageOptions.of(current).applyTo(own);
            }
            apply(own, new Limits(limits.maxEmailAccounts(), limits.maxDatabases(), limits.maxFtpAccounts(), limits.maxSubdomains(),
                    limits.maxAddonDomains(), limits.maxParkedDomains(), limits.diskQuotaMb(), limits.bandwidthMb(), null));
            // a concurrent first customisation of the same account meets the unique key: a clear conflict, not a 500
            own = Unique.insert(plans.getEntityManager(), own, "The account " + Quote.of(username) + " is being changed by another call; try again.");
            account.planId = own.id;
        } else {
            apply(own, new Limits(limits.maxEmailAccounts(), limits.maxDatabases(), limits.maxFtpAccounts(), limits.maxSubdomains(),
                    limits.maxAddonDomains(), limits.maxParkedDomains(), limits.diskQuotaMb(), limits.bandwidthMb(), own.features));
        }
        account.updatedAt = Epoch.now();
        return own;
    }

    /**
     * Every plan, read once, for the reports that show many accounts (listaccts, accountsummary, showbw): what each plan
     * is called (a package by its name, a private plan by its package's) and what it allows.
     */
    public record Catalog(Map<Long, Plan> byId, Map<Long, String> names) {

        /** The package name an account on {@code planId} shows ({@code default} for none). */
        public String nameOf(Long planId) {
            return planId == null ? DEFAULT : names.getOrDefault(planId, DEFAULT);
        }

        /** The limits of an account on {@code planId}: its plan's, or none. */
        public Limits limitsOf(Long planId) {
            Plan plan = planId == null ? null : byId.get(planId);
            return plan == null ? Limits.UNLIMITED : Limits.of(plan);
        }
    }

    @Transactional
    public Catalog catalog() {
        Map<Long, Plan> byId = new LinkedHashMap<>();
        plans.listAll().forEach(p -> byId.put(p.id, p));
        Map<Long, String> names = new LinkedHashMap<>();
        byId.values().stream().filter(p -> !p.isPrivate()).forEach(p -> names.put(p.id, p.name));
        byId.values().stream().filter(Plan::isPrivate)
                .forEach(p -> names.put(p.id, p.basePlanId == null ? DEFAULT : names.getOrDefault(p.basePlanId, DEFAULT)));
        return new Catalog(byId, names);
    }

    /** The account's private plan goes with it. */
    void onAccountRemoving(@Observes AccountEvents.Removing event) {
        Account account = event.account();
        byId(account.planId).filter(Plan::isPrivate).ifPresent(own -> {
            account.planId = null;
            accounts.flush();
            plans.delete(own);
        });
    }

    @Transactional
    public void delete(String name) {
        Plan plan = get(name);
        long users = accounts.countOnPlan(plan.id) + plans.basedOn(plan.id).size();
        if (users > 0) {
            throw ApiException.conflict("The plan " + Quote.of(name) + " is used by " + users + " account(s).");
        }
        plans.delete(plan);
    }

    /** Puts an account on a plan, or on none ({@code planName} null: no limits). */
    @Transactional
    public Account assign(String username, String planName) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(username) + " does not exist."));
        Plan plan = planName == null ? null : get(planName);
        Plan previous = byId(account.planId).filter(Plan::isPrivate).orElse(null);
        account.planId = plan == null ? null : plan.id;
        if (plan != null && plan.features != null) {
            account.features = plan.features; // the account gets the plan's feature list
        }
        if (plan != null) {
            copyOptions(plan, account);
        }
        account.updatedAt = Epoch.now();
        if (previous != null) { // the account's own limits give way to the package's, as on cPanel
            accounts.flush();
            plans.delete(previous);
        }
        return account;
    }

    /**
     * What a package gives an account, copied to it as cPanel copies a package into the cpuser file: the shell,
     * CGI, the limits the hosting stack applies, the theme and the locale. Digest Authentication stays as it is
     * (cPanel: "Changing a user's package does not affect their Digest Authentication settings").
     */
    private void copyOptions(Plan plan, Account account) {
        account.shell = plan.hasShell ? (account.shell.equals(AccountOptions.NO_SHELL) ? AccountOptions.SHELL : account.shell)
                : AccountOptions.NO_SHELL;
        account.cgi = plan.cgi;
        account.setMailLimits(plan.mailLimits());
        if (plan.theme != null) {
            settings.setTheme(account.id, plan.theme);
        }
        if (plan.locale != null) {
            settings.setLocale(account.id, plan.locale);
        }
        account.updatedAt = Epoch.now();
    }

    /** The accounts with limits of their own made from {@code plan} go back to the plan's. */
    private void reclaim(Plan plan) {
        List<Plan> own = plans.basedOn(plan.id);
        if (own.isEmpty()) {
            return;
        }
        for (Plan privatePlan : own) {
            accounts.findByIdOptional(privatePlan.accountId).ifPresent(account -> {
                account.planId = plan.id;
                account.updatedAt = Epoch.now();
            });
        }
        accounts.flush();
        own.forEach(plans::delete);
    }

    private Account account(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(username) + " does not exist."));
    }

    /**
     * Refuses to create one more of {@code limit} when the account already has as many as its plan allows.
     * Call it inside the transaction that creates the resource, before it creates anything: it locks the
     * account's row before {@code count} runs, so two concurrent creates cannot both take the last place.
     *
     * <p>The count runs in a short transaction of its own. Under MariaDB's REPEATABLE READ this
     * transaction's reads use a snapshot taken at its first read, before the lock was granted, so they would
     * not see the resource that the request we waited for has just committed.
     */
    public void requireRoom(Account account, Limit limit, Supplier<Long> count) {
        Integer max = byId(account.planId).map(plan -> plan.limit(limit)).orElse(null);
        if (max == null) {
            return;
        }
        accounts.lock(account.id);
        long existing = QuarkusTransaction.requiringNew().call(count::get);
        if (existing >= max) {
            throw ApiException.invalid("The account has reached its plan’s limit of " + max + " " + limit.noun + ".");
        }
    }

    private static void apply(Plan plan, Limits limits) {
        Limits l = limits == null ? new Limits(null, null, null, null, null, null, null, null, null) : limits;
        for (Number value : new Number[] { l.maxEmailAccounts(), l.maxDatabases(), l.maxFtpAccounts(), l.maxSubdomains(),
                l.maxAddonDomains(), l.maxParkedDomains(), l.diskQuotaMb(), l.bandwidthMb() }) {
            if (value != null && value.longValue() < 0) {
                throw ApiException.invalid("Limits are whole numbers of 0 or more; leave one out (or null) for unlimited.");
            }
        }
        plan.maxEmailAccounts = l.maxEmailAccounts();
        plan.maxDatabases = l.maxDatabases();
        plan.maxFtpAccounts = l.maxFtpAccounts();
        plan.maxSubdomains = l.maxSubdomains();
        plan.maxAddonDomains = l.maxAddonDomains();
        plan.maxParkedDomains = l.maxParkedDomains();
        plan.diskQuotaMb = l.diskQuotaMb();
        plan.bandwidthMb = l.bandwidthMb();
        if (l.features() == null) {
            plan.features = null;
        } else {
            for (String feature : l.features()) {
                if (!FeatureCatalog.exists(feature)) {
                    throw ApiException.invalid(Quote.of(feature) + " is not a known feature. Known features: "
                            + String.join(", ", FeatureCatalog.names()) + ".");
                }
            }
            plan.features = CommaList.sorted(l.features());
        }
    }
}
