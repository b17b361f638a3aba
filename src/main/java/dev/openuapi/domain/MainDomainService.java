package dev.openuapi.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import dev.openuapi.dns.ZoneService;

/**
 * Changes an account's main domain (WHM's {@code modifyacct domain}/{@code DNS}): the account's domain, its main domain
 * row, the subdomains of the main domain ({@code blog.old.example} becomes {@code blog.new.example}) and its DNS zone
 * (renamed, with every name under the old domain moved under the new one) change, then {@link MainDomainChanged} lets
 * mailboxes, FTP logins and installed certificates follow. All of it is one transaction: PowerDNS's tables are reached
 * through the application's own datasource (in its database or another one on the same server, {@code openuapi.dns.database}),
 * so a refusal or a failure at any step leaves everything as it was.
 */
@ApplicationScoped
public class MainDomainService {

    private static final Logger LOG = Logger.getLogger(MainDomainService.class);

    /** What changed; {@code from} equals {@code to} when the domain was the account's main domain already. */
    public record Changed(String from, String to) {
    }

    private final AccountRepository accounts;
    private final AccountDomainRepository domains;
    private final ZoneService zones;
    private final Event<MainDomainChanged> changed;

    MainDomainService(AccountRepository accounts, AccountDomainRepository domains, ZoneService zones, Event<MainDomainChanged> changed) {
        this.accounts = accounts;
        this.domains = domains;
        this.zones = zones;
        this.changed = changed;
    }

    /**
     * Makes {@code domain} the account's main domain. It must be a valid domain name that no account has (as a main,
     * addon, parked or sub domain) and that has no DNS zone here, and it may not be above or under another account's
     * domain. The account's current main domain asks for nothing to change.
     */
    @Transactional
    public Changed change(String username, String domain) {
        Account account = accounts.findByUsername(username)
                .orElseThrow(() -> ApiException.notFound("The account " + Quote.of(username) + " does not exist."));
        accounts.lock(account.id); // two changes of one account one after the other
        String to = DomainNames.check(domain);
        List<AccountDomain> owned = domains.forAccount(account.id);
        AccountDomain main = owned.stream().filter(d -> AccountDomain.MAIN.equals(d.type)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The account " + username + " has no main domain row"));
        String from = main.name;
        if (to.equals(from)) {
            return new Changed(from, to);
        }
        String taken = "The domain " + Quote.of(to) + " already exists on this server.";
        if (domains.byName(to).isPresent() || zones.zoneExists(to)) {
            throw ApiException.conflict(taken);
        }
        if (domains.relatedOwnedByOthers(to, account.id)) {
            throw ApiException.conflict("The domain " + Quote.of(to) + " is a parent or a subdomain of a domain of another account.");
        }
        MainDomainChanged event = new MainDomainChanged(account.id, account.username, from, to);
        for (AccountDomain sub : owned) {
            if (AccountDomain.SUB.equals(sub.type) && from.equals(sub.parent)) {
                String name = event.rename(sub.name);
                if (domains.byName(name).isPresent()) {
                    throw ApiException.conflict("The domain " + Quote.of(name) + " already exists on this server.");
                }
                sub.name = name;
                sub.parent = to;
            }
        }
        main.name = to;
        account.domain = to;
        account.updatedAt = Epoch.now();
        // the unique names decide a race with another request for one of the new names
        Unique.flush(domains.getEntityManager(), taken);
        zones.renameZone(account.username, from, to);
        changed.fire(event);
        LOG.infof("Changing the main domain of account %s from %s to %s", account.username, from, to);
        return new Changed(from, to);
    }
}
