package dev.openuapi.account;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.DomainNames;
import dev.openuapi.common.Epoch;
import dev.openuapi.common.Quote;
import dev.openuapi.common.Unique;
import dev.openuapi.feature.FeatureCatalog;

/** Accounts: created and managed by the operator, read by everything else. */
@ApplicationScoped
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class);
    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9]{0,15}");
    /**
     * One address, no markup: a dot-separated local part of letters, digits and {@code _ % + -} (no quotes,
     * angle brackets or spaces, so it is safe wherever it is shown), {@code @}, and a domain name.
     */
    private static final Pattern EMAIL = Pattern.compile("(?=[^@]{1,64}@)[A-Za-z0-9_%+-]+(?:\\.[A-Za-z0-9_%+-]+)*"
            + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    /** Names that belong to the operator or the system and never to a customer. */
    private static final Set<String> RESERVED = Set.of("root", "all", "cpanel", "whm", "nobody", "mysql", "admin");

    /** What may change on an existing account; {@code null} fields stay as they are. */
    public record Changes(Boolean suspended, List<String> features, String contactEmail, String password) {
    }

    private final AccountRepository accounts;
    private final PasswordHasher passwords;
    private final Event<AccountEvents.Created> created;
    private final Event<AccountEvents.Removing> removing;
    private final Event<AccountEvents.Renamed> renamed;

    AccountService(AccountRepository accounts, PasswordHasher passwords, Event<AccountEvents.Created> created,
            Event<AccountEvents.Removing> removing, Event<AccountEvents.Renamed> renamed) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.created = created;
        this.removing = removing;
        this.renamed = renamed;
    }

    @Transactional
    public Account create(String username, String password, String domain, String contactEmail) {
        return create(username, password, domain, contactEmail, Account.ROOT_OWNER);
    }

    /** @param owner the WHM user that owns the account: {@code root} or a reseller */
    @Transactional
    public Account create(String username, String password, String domain, String contactEmail, String owner) {
        checkUsername(username);
        String normalizedDomain = DomainNames.check(domain);
        String email = contactEmail == null ? "" : contactEmail; // left out: none
        checkEmail(email);
        PasswordHasher.checkAcceptable(password);
        if (accounts.findByUsername(username).isPresent()) {
            throw duplicate(username);
        }
        long now = Epoch.now();
        Account account = new Account();
        account.username = username;
        account.passwordHash = passwords.hash(password);
        account.domain = normalizedDomain;
        account.contactEmail = email;
        account.owner = owner;
        account.suspended = false;
        account.setFeatures(FeatureCatalog.names());
        account.createdAt = now;
        account.updatedAt = now;
        // the unique key catches a concurrent create of the same name
        Unique.insert(accounts.getEntityManager(), account, duplicate(username).getMessage());
        created.fire(new AccountEvents.Created(account));
        LOG.infof("Created account %s (%s)", username, normalizedDomain);
        return account;
    }

    @Transactional
    public List<Account> list() {
        return accounts.listByUsername();
    }

    @Transactional
    public boolean exists(String username) {
        return accounts.findByUsername(username).isPresent();
    }

    @Transactional
    public Account get(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> notFound(username));
    }

    @Transactional
    public Account update(String username, Changes changes) {
        Account account = accounts.findByUsername(username).orElseThrow(() -> notFound(username));
        if (changes.features() != null) {
            for (String feature : changes.features()) {
                if (!FeatureCatalog.exists(feature)) {
                    throw ApiException.invalid(Quote.of(feature) + " is not a known feature. Known features: "
                            + String.join(", ", FeatureCatalog.names()) + ".");
                }
            }
        }
        if (changes.contactEmail() != null) {
            checkEmail(changes.contactEmail());
        }
        String newHash = changes.password() == null ? null : passwords.hash(changes.password());
        if (changes.suspended() != null && changes.suspended() != account.suspended) {
            account.suspended = changes.suspended();
            account.suspendedAt = account.suspended ? Epoch.now() : null;
            account.suspensionReason = null;
            account.suspensionLocked = false;
            account.suspensionKeepsFtp = false;
        }
        if (changes.features() != null) {
            account.setFeatures(changes.features());
        }
        if (changes.contactEmail() != null) {
            account.contactEmail = changes.contactEmail();
        }
        if (newHash != null) {
            account.passwordHash = newHash;
        }
        account.updatedAt = Epoch.now();
        return account;
    }

    /**
     * Suspends the account (as {@link #update} does) and records why; suspending an account that is suspended
     * already only replaces the reason. {@code reason} {@code null}: none given.
     */
    @Transactional
    public Account suspend(String username, String reason) {
        if (reason != null && reason.length() > 1000) {
            throw ApiException.invalid("The reason is longer than 1000 characters.");
        }
        Account account = update(username, new Changes(true, null, null, null));
        account.suspensionReason = reason;
        return account;
    }

    /**
     * As {@link #suspend(String, String)}, and records suspendacct's {@code disallowun} ({@code locked}: only root may
     * unsuspend) and {@code leave-ftp-accts-enabled} ({@code keepsFtp}) for the hosting stack.
     */
    @Transactional
    public Account suspend(String username, String reason, boolean locked, boolean keepsFtp) {
        Account account = suspend(username, reason);
        account.suspensionLocked = locked;
        account.suspensionKeepsFtp = keepsFtp;
        return account;
    }

    /** Changes what the account keeps for the hosting stack: {@code change} gets the current values to edit. */
    @Transactional
    public Account setOptions(String username, Consumer<AccountOptions> change) {
        Account account = get(username);
        AccountOptions options = AccountOptions.of(account);
        change.accept(options);
        options.check();
        options.applyTo(account);
        account.updatedAt = Epoch.now();
        return account;
    }

    /**
     * A restored account's password, as the backup kept it (cPanel's {@code shadow} file in the archive): a bcrypt hash
     * in modular-crypt form, never a plain password (added for {@code dev.openuapi.backup}).
     */
    @Transactional
    public Account setPasswordHash(String username, String passwordHash) {
        if (passwordHash == null || !passwordHash.matches("\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}")) {
            throw ApiException.invalid("The archive's password hash is not a bcrypt hash.");
        }
        Account account = get(username);
        account.passwordHash = passwordHash;
        account.updatedAt = Epoch.now();
        return account;
    }

    /** modifyacct {@code STARTDATE}: the account's creation date, as listaccts reports it. */
    @Transactional
    public Account setStartDate(String username, long startDate) {
        if (startDate < 0) {
            throw ApiException.invalid("The start date is a Unix time of 0 or more.");
        }
        Account account = get(username);
        account.createdAt = startDate;
        account.updatedAt = Epoch.now();
        return account;
    }

    /** modifyacct {@code owner}: who owns the account (the caller checks that it may and that the owner exists). */
    @Transactional
    public Account setOwner(String username, String owner) {
        Account account = get(username);
        account.owner = owner;
        account.updatedAt = Epoch.now();
        return account;
    }

    /** Removes the account and, with it, everything it owns (each feature observes {@link AccountEvents.Removing}). */
    @Transactional
    public void delete(String username) {
        delete(username, false);
    }

    /** As {@link #delete(String)}; {@code keepDns}: the account's DNS zones stay (WHM's removeacct {@code keepdns=1}). */
    @Transactional
    public void delete(String username, boolean keepDns) {
        Account account = accounts.findByUsername(username).orElseThrow(() -> notFound(username));
        removing.fire(new AccountEvents.Removing(account, keepDns));
        accounts.delete(account);
        LOG.infof("Removed account %s", username);
    }

    /**
     * Renames the account (WHM's {@code modifyacct newuser}), in one transaction: the account row, then every feature
     * that keeps the name ({@link AccountEvents.Renamed}: the accounts a reseller owns, its WHM tokens, sessions,
     * zones, paths under the home directory, prefixed databases and database users). Its API tokens are tied to the
     * account, not the name, so they keep working under the new name; the old name no longer exists. The new name
     * follows the same rules as a new account's. The same name again changes nothing, as cPanel documents.
     */
    @Transactional
    public Account rename(String username, String newUsername) {
        Account account = accounts.findByUsername(username).orElseThrow(() -> notFound(username));
        if (username.equals(newUsername)) {
            return account;
        }
        checkUsername(newUsername);
        if (accounts.findByUsername(newUsername).isPresent()) {
            throw duplicate(newUsername);
        }
        account.username = newUsername;
        account.updatedAt = Epoch.now();
        // the unique key catches a concurrent create or rename to the same name
        Unique.flush(accounts.getEntityManager(), duplicate(newUsername).getMessage());
        renamed.fire(new AccountEvents.Renamed(account, username));
        LOG.infof("Renamed account %s to %s", username, newUsername);
        return account;
    }

    /** A new account's username: cPanel's form (a lowercase letter, then up to 15 letters or digits), not a reserved name. */
    private static void checkUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.invalid("The username must match ^[a-z][a-z0-9]{0,15}$ (a lowercase letter, then up to 15 "
                    + "lowercase letters or digits).");
        }
        if (RESERVED.contains(username)) {
            throw ApiException.invalid("The username " + Quote.of(username) + " is reserved.");
        }
    }

    /** An address as {@link #EMAIL} says, or "" for none. */
    private static void checkEmail(String email) {
        if (email.isEmpty()) {
            return;
        }
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            throw ApiException.invalid(Quote.of(email) + " is not a valid email address.");
        }
    }

    private static ApiException duplicate(String username) {
        return ApiException.conflict("An account with the username " + Quote.of(username) + " already exists.");
    }

    private static ApiException notFound(String username) {
        return ApiException.notFound("The account " + Quote.of(username) + " does not exist.");
    }
}
