package dev.openuapi.domain;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.account.Homes;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.dns.RecordData;
import dev.openuapi.dns.ZoneService;
import dev.openuapi.plan.Limit;
import dev.openuapi.plan.PlanService;

import io.quarkus.runtime.StartupEvent;

/**
 * The domains of an account. A domain belongs to exactly one account; main, addon and parked domains
 * get a DNS zone of their own, created and removed with the domain.
 */
@ApplicationScoped
public class DomainService {

    private static final Logger LOG = Logger.getLogger(DomainService.class);

    private final AccountDomainRepository domains;
    private final AccountRepository accounts;
    private final ZoneService zones;
    private final PlanService plans;

    DomainService(AccountDomainRepository domains, AccountRepository accounts, ZoneService zones,
            PlanService plans) {
        this.plans = plans;
        this.domains = domains;
        this.accounts = accounts;
        this.zones = zones;
    }

    void onAccountCreated(@Observes AccountEvents.Created event) {
        Account account = event.account();
        store(account, account.domain, AccountDomain.MAIN, null, Homes.of(account.username) + "/public_html");
    }

    void onAccountRemoving(@Observes AccountEvents.Removing event) {
        for (AccountDomain domain : domains.forAccount(event.account().id)) {
            if (domain.hasOwnZone()) {
                zones.deleteZone(domain.name);
            }
            domains.delete(domain);
        }
    }

    /**
     * Accounts made before domains existed get their main domain and zone (idempotent). One query at start-up,
     * not two per account: it finds none once every account has its main domain.
     */
    @Transactional
    void backfill(@Observes StartupEvent event) {
        for (Account account : domains.accountsWithoutMainDomain()) {
            if (!zones.zoneExists(account.domain)) {
                store(account, account.domain, AccountDomain.MAIN, null, Homes.of(account.username) + "/public_html");
                LOG.infof("Created the main domain and zone of account %s", account.username);
            }
        }
    }

    @Transactional
    public List<AccountDomain> list(String username) {
        return domains.forAccount(account(username).id);
    }

    /** The account's domains by type. */
    @Transactional
    public AccountDomains domainsOf(String username) {
        Account account = account(username);
        return AccountDomains.of(account, domains.forAccount(account.id));
    }

    /**
     * @param type       addon_domain, parked_domain or sub_domain
     * @param name       the domain; for a subdomain, either its full name or its label with {@code rootDomain}
     * @param rootDomain for a subdomain: the account's domain it lives under
     */
    @Transactional
    public AccountDomain add(String username, String type, String name, String rootDomain) {
        Account account = account(username);
        Limit limit = switch (type == null ? "" : type) {
            case AccountDomain.SUB -> Limit.SUBDOMAINS;
            case AccountDomain.ADDON -> Limit.ADDON_DOMAINS;
            case AccountDomain.PARKED -> Limit.PARKED_DOMAINS;
            default -> throw ApiException.invalid("The domain type must be addon_domain, parked_domain or sub_domain.");
        };
        plans.requireRoom(account, limit, () -> count(account.id, type));
        if (AccountDomain.SUB.equals(type)) {
            if (rootDomain == null || rootDomain.isEmpty()) {
                throw ApiException.invalid("A subdomain needs its root domain (rootdomain).");
            }
            String root = DomainNames.check(rootDomain);
            AccountDomain parent = domains.byName(root).filter(d -> d.account.id.equals(account.id) && d.hasOwnZone())
                    .orElseThrow(() -> ApiException.invalid(Quote.of(rootDomain) + " is not a domain of this account."));
            String label = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            String full = label.endsWith("." + root) ? label : label + "." + root;
            if (label.isEmpty() || full.equals(root)) {
                throw ApiException.invalid(Quote.of(name) + " is not a valid subdomain.");
            }
            full = DomainNames.check(full);
            AccountDomain sub = store(account, full, AccountDomain.SUB, parent.name, Homes.of(account.username) + "/" + full);
            zones.add(account.username, parent.name, ZoneService.RecordInput.of(full + ".", RecordData.A.parse(zones.defaultAddress())));
            return sub;
        }
        if (!AccountDomain.ADDON.equals(type) && !AccountDomain.PARKED.equals(type)) {
            throw ApiException.invalid("The domain type must be addon_domain, parked_domain or sub_domain.");
        }
        String domain = DomainNames.check(name);
        String root = AccountDomain.ADDON.equals(type) ? domain.split("\\.")[0] : null;
        String docroot = AccountDomain.ADDON.equals(type) ? Homes.of(account.username) + "/" + domain
                : Homes.of(account.username) + "/public_html";
        return store(account, domain, type, root, docroot);
    }

    @Transactional
    public void remove(String username, String name) {
        Account account = account(username);
        String domain = DomainNames.normalize(name);
        AccountDomain found = domains.byName(domain).filter(d -> d.account.id.equals(account.id))
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(username) + " has no domain " + Quote.of(name) + "."));
        if (AccountDomain.MAIN.equals(found.type)) {
            throw ApiException.invalid("The main domain cannot be removed; remove the account instead.");
        }
        if (found.hasOwnZone()) {
            for (AccountDomain sub : domains.forAccount(account.id)) {
                if (AccountDomain.SUB.equals(sub.type) && domain.equals(sub.parent)) {
                    domains.delete(sub);
                }
            }
            zones.deleteZone(domain);
        } else {
            zones.removeName(account.username, found.parent, found.name); // the subdomain's records go with it
        }
        domains.delete(found);
    }

    private AccountDomain store(Account account, String name, String type, String parent, String documentRoot) {
        if (domains.byName(name).isPresent() || zones.zoneExists(name)) {
            throw ApiException.conflict("The domain " + Quote.of(name) + " already exists on this server.");
        }
        // A name under another account's domain (or above one) would let this account answer for it in DNS.
        if (domains.relatedOwnedByOthers(name, account.id)) {
            throw ApiException.conflict("The domain " + Quote.of(name) + " is a parent or a subdomain of a domain of another account.");
        }
        AccountDomain domain = new AccountDomain();
        domain.account = account;
        domain.name = name;
        domain.type = type;
        domain.parent = parent;
        domain.documentRoot = documentRoot;
        domain.createdAt = Epoch.now();
        domains.persist(domain);
        if (domain.hasOwnZone()) {
            zones.createZone(name, account.username);
        }
        return domain;
    }

    /** A domain of some account, and that account's username: WHM's view of a domain. */
    public record OwnedDomain(String username, String owner, AccountDomain domain) {
    }

    /** The domain with the account it belongs to, if any account has it. */
    @Transactional
    public java.util.Optional<OwnedDomain> find(String name) {
        return domains.byName(DomainNames.normalize(name)).map(d -> new OwnedDomain(d.account.username, d.account.owner, d));
    }

    /** Every domain of every account, by name, with its account's username and owner. */
    @Transactional
    public List<OwnedDomain> all() {
        return domains.allWithAccounts().stream().map(d -> new OwnedDomain(d.account.username, d.account.owner, d)).toList();
    }

    public long count(long accountId, String type) {
        return domains.forAccount(accountId).stream().filter(d -> d.type.equals(type)).count();
    }

    private Account account(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(username) + " does not exist."));
    }
}
