package dev.openuapi.email;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountEvents;
import dev.openuapi.account.AccountRepository;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import dev.openuapi.domain.AccountDomainRepository;
import dev.openuapi.domain.MainDomainChanged;
import dev.openuapi.files.HomePath;
import dev.openuapi.files.HomePaths;
import dev.openuapi.files.HomesRootMoved;
import dev.openuapi.login.HostedLogins;
import dev.openuapi.login.LoginAddress;
import dev.openuapi.plan.Limit;
import dev.openuapi.plan.PlanService;

/**
 * An account's mailboxes and forwarders, on its own domains only. What a mailbox shares with an FTP login
 * (find, list, count, delete, passwd, setQuota) is {@link HostedLogins}'.
 */
@ApplicationScoped
public class EmailService extends HostedLogins<Mailbox> {

    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[a-z0-9.-]{1,253}");

    private final EmailForwarderRepository forwarders;
    private final HomePaths homes;
    private final Event<MailboxChanged> changed;

    EmailService(MailboxRepository mailboxes, EmailForwarderRepository forwarders, AccountRepository accounts,
            AccountDomainRepository domains, PlanService plans, HomePaths homes, Event<MailboxChanged> changed) {
        super(mailboxes, accounts, domains, plans, Limit.EMAIL_ACCOUNTS, "email account", "password_hash");
        this.forwarders = forwarders;
        this.homes = homes;
        this.changed = changed;
    }

    /** Removes the mailbox and says so ({@link MailboxChanged}), for the files kept in the home for it. */
    @Override
    @Transactional
    public void delete(long accountId, String user, String domain) {
        Mailbox box = find(accountId, user, domain);
        logins.delete(box);
        changed.fire(new MailboxChanged(accountId, box.account.username, box.account.planId, box.email, null));
    }

    /** A renamed account: its pipe forwarders' programs follow the home directory to {@code <root>/<new name>}. */
    void onAccountRenamed(@Observes AccountEvents.Renamed event) {
        String from = homes.of(event.oldUsername());
        String to = homes.of(event.account().username);
        for (EmailForwarder forwarder : forwarders.forAccount(event.account().id)) {
            if (forwarder.destination.startsWith("|")) {
                forwarder.destination = "|" + HomePaths.moved(forwarder.destination.substring(1), from, to);
            }
        }
    }

    /** The homes root changed: the pipe forwarders' programs follow it (one statement). */
    void onHomesRootMoved(@Observes HomesRootMoved moved) {
        forwarders.movePipesBelow(moved.from(), moved.to());
    }

    /**
     * The account's {@code max_emailacct_quota} (createacct, modifyacct {@code MAX_EMAILACCT_QUOTA}, its package's): the
     * largest quota a mailbox may have: a larger one is refused, and "unlimited" (or none given) gets the maximum.
     */
    @Override
    protected Long allowedQuota(Account account, Long quotaMb) {
        Long max = account.mailLimits().maxEmailAccountQuotaMb;
        if (max == null) {
            return quotaMb;
        }
        if (quotaMb == null) {
            return max;
        }
        if (quotaMb > max) {
            throw ApiException.invalid("The quota " + quotaMb + " MB exceeds this account's maximum mailbox quota of " + max + " MB.");
        }
        return quotaMb;
    }

    /**
     * Mailboxes {@code x@old.example} become {@code x@new.example} with their passwords, quotas and disk figures; forwarders
     * from an address on the old domain move with it, and a forwarder's destination on the old domain (one of the moved
     * mailboxes) names the new address; any other destination stays as it was.
     */
    void onMainDomainChanged(@Observes MainDomainChanged change) {
        Map<Long, String> before = new HashMap<>();
        for (Mailbox box : logins.forAccount(change.accountId())) {
            before.put(box.id, box.email);
        }
        follow(change);
        for (Mailbox box : logins.forAccount(change.accountId())) {
            String old = before.get(box.id);
            if (old != null && !old.equals(box.email)) {
                changed.fire(new MailboxChanged(change.accountId(), box.account.username, box.account.planId, old, box.email));
            }
        }
        for (EmailForwarder forwarder : forwarders.forAccount(change.accountId())) {
            forwarder.domain = change.rename(forwarder.domain);
            forwarder.address = change.renameAddress(forwarder.address);
            String moved = change.renameAddress(forwarder.destination);
            if (!moved.equals(forwarder.destination) && logins.byAddress(change.accountId(), moved).isPresent()) {
                forwarder.destination = moved;
            }
        }
    }

    /**
     * @param passwordHash instead of {@code password}: a SHA512-CRYPT hash the client computed
     * @param quota        MB, or empty, 0 or "unlimited" for none
     */
    @Transactional
    public Mailbox add(long accountId, String email, String domainName, String password, String passwordHash, String quota) {
        Account account = accounts.findById(accountId);
        LoginAddress address = address(account, email, domainName);
        Mailbox box = insert(account, address, password, passwordHash, quota, Mailbox::new, "The account " + Quote.of(address) + " already exists.");
        changed.fire(new MailboxChanged(accountId, account.username, account.planId, null, box.email));
        return box;
    }

    /** Sets one of the suspension flags. */
    @Transactional
    public void change(long accountId, String email, Consumer<Mailbox> change) {
        change.accept(find(accountId, email, null));
    }

    @Transactional
    public List<EmailForwarder> forwarders(long accountId, String domain) {
        return domain == null || domain.isEmpty() ? forwarders.forAccount(accountId)
                : forwarders.forDomain(accountId, DomainNames.normalize(domain));
    }

    /** @param fwdopt fwd (to fwdemail), fail (with failmsgs), blackhole or pipe (to pipefwd) */
    @Transactional
    public EmailForwarder addForwarder(long accountId, String email, String domainName, String fwdopt, String fwdemail, String failmsgs,
            String pipefwd) {
        Account account = accounts.findById(accountId);
        LoginAddress address = address(account, email, domainName);
        String destination = switch (fwdopt == null ? "" : fwdopt) {
            case "fwd" -> {
                String target = fwdemail == null ? "" : fwdemail.trim().toLowerCase(Locale.ROOT);
                if (!ADDRESS.matcher(target).matches()) {
                    throw ApiException.invalid(Quote.of(fwdemail) + " is not a valid email address.");
                }
                yield target;
            }
            case "fail" -> ":fail: " + (failmsgs == null || failmsgs.isBlank() ? "No such person at this address." : oneLine(failmsgs));
            case "blackhole" -> ":blackhole:";
            case "pipe" -> {
                if (pipefwd == null || pipefwd.isBlank()) {
                    throw ApiException.invalid("Provide the “pipefwd” argument.");
                }
                // relative to the home (cPanel's mailscript.pl), or under /home/<user> or the real home; never out of it
                HomePath program = homes.parse(account.username, oneLine(pipefwd).trim());
                if (program.isHome()) {
                    throw ApiException.invalid(Quote.of(pipefwd) + " is not a program in the home directory.");
                }
                yield "|" + homes.of(account.username, program);
            }
            default -> throw ApiException.invalid(Quote.of(fwdopt) + " is not a valid “fwdopt”: use fwd, fail, blackhole or pipe.");
        };
        EmailForwarder forwarder = new EmailForwarder();
        forwarder.account = account;
        forwarder.address = address.toString();
        forwarder.domain = address.domain();
        forwarder.destination = destination;
        forwarder.createdAt = Epoch.now();
        return Unique.insert(forwarders.getEntityManager(), forwarder,
                "The forwarder from " + Quote.of(address) + " to " + Quote.of(destination) + " already exists.");
    }

    /** @return whether a forwarder was removed; a pipe may name its program under {@code /home/<user>}, as cPanel shows it */
    @Transactional
    public boolean deleteForwarder(long accountId, String address, String destination) {
        String exact = destination == null ? "" : destination.trim();
        if (exact.startsWith("|/home/")) {
            String username = accounts.findById(accountId).username;
            exact = "|" + HomePaths.moved(exact.substring(1), "/home/" + username, homes.of(username));
        }
        return forwarders.deleteExact(accountId, address == null ? "" : address.trim().toLowerCase(Locale.ROOT), exact) > 0;
    }

    /** Refuses a domain ({@code asGiven}, normalised as {@code domain}) that is not one of the account's own. */
    @Transactional
    public void requireDomain(long accountId, String domain, String asGiven) {
        requireOwnDomain(accounts.findById(accountId), domain, asGiven);
    }

    /** user@domain on one of the account's domains, its local part checked. */
    private LoginAddress address(Account account, String email, String domainName) {
        LoginAddress address = LoginAddress.of(email, domainName, account.domain);
        String local = address.user();
        if (local.isEmpty() || local.length() > 64 || !LOCAL.matcher(local).matches()) {
            throw ApiException.invalid(Quote.of(email) + " is not a valid email account name.");
        }
        requireOwnDomain(account, address.domain(), address.domain());
        return address;
    }

    private static String oneLine(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0) {
            throw ApiException.invalid("The value must be a single line.");
        }
        return text.trim();
    }
}
