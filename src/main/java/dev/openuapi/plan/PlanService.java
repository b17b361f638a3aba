package dev.openuapi.plan;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.CommaList;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import dev.openuapi.feature.FeatureCatalog;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Plans, and the check every resource makes before it creates one more of something. */
@ApplicationScoped
public class PlanService {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_ .-]{0,63}");

    /** The limits of a plan as an operator sends them; {@code null} fields are unlimited. */
    public record Limits(Integer maxEmailAccounts, Integer maxDatabases, Integer maxFtpAccounts, Integer maxSubdomains,
            Integer maxAddonDomains, Integer maxParkedDomains, Long diskQuotaMb, Long bandwidthMb, List<String> features) {
    }

    private final PlanRepository plans;
    private final AccountRepository accounts;

    PlanService(PlanRepository plans, AccountRepository accounts) {
        this.plans = plans;
        this.accounts = accounts;
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
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalid("A plan name is 1 to 64 letters, digits, spaces, dots, dashes or underscores.");
        }
        Plan plan = new Plan();
        plan.name = name;
        plan.createdAt = Epoch.now();
        apply(plan, limits);
        return Unique.insert(plans.getEntityManager(), plan, "The plan " + Quote.of(name) + " already exists.");
    }

    /** Changes a plan; a feature list it carries is given to every account on it at once. */
    @Transactional
    public Plan update(String name, Limits limits) {
        Plan plan = get(name);
        apply(plan, limits);
        if (plan.features != null) {
            for (Account account : accounts.onPlan(plan.id)) {
                account.features = plan.features;
                account.updatedAt = Epoch.now();
            }
        }
        return plan;
    }

    @Transactional
    public void delete(String name) {
        Plan plan = get(name);
        long users = accounts.countOnPlan(plan.id);
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
        account.planId = plan == null ? null : plan.id;
        if (plan != null && plan.features != null) {
            account.features = plan.features; // the account gets the plan's feature list
        }
        account.updatedAt = Epoch.now();
        return account;
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
