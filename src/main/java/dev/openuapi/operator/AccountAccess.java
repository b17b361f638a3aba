package dev.openuapi.operator;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountOptions;
import dev.openuapi.account.AccountService;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.domain.MainDomainService;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.plan.PackageOptions;
import dev.openuapi.plan.Plan;
import dev.openuapi.plan.PlanService;
import dev.openuapi.settings.AccountSettingsService;

/**
 * Which accounts a WHM user may reach: root (and a root-level reseller) every account, a reseller only the
 * accounts it owns. To a reseller, another reseller's account looks exactly like one that does not exist.
 */
@ApplicationScoped
public class AccountAccess {

    /** What {@code createacct} asks for; {@code null} contact email, plan and owner take their defaults. */
    public record NewAccount(String username, String password, String domain, String contactEmail, String plan, String owner) {
    }

    /**
     * What createacct and modifyacct set beyond the basics, each {@code null} when not asked for: the account's own
     * limits ({@code limits} gets the current ones and returns the new), what it keeps for the hosting stack
     * ({@code options} edits the current values), its theme and locale. See src/docs/account-arguments.md.
     */
    public record Settings(UnaryOperator<PlanService.Limits> limits, Consumer<AccountOptions> options, String theme, String locale) {

        public static final Settings NONE = new Settings(null, null, null, null);
    }

    /**
     * What else {@code createacct} may ask for, each root-level only: {@code reseller} makes the new account a reseller
     * (as {@code setupreseller}), {@code ownSelf} has it own itself (ignored when an owner is named), {@code ip} gives it
     * that address of the server, or {@code dedicatedIp} the first one no account uses.
     */
    public record Role(boolean reseller, boolean ownSelf, String ip, boolean dedicatedIp) {

        public static final Role PLAIN = new Role(false, false, null, false);
    }

    private final AccountService accounts;
    private final PlanService plans;
    private final AccountSettingsService interfaceSettings;
    private final ResellerService resellers;
    private final SiteIpService siteIps;
    private final MainDomainService mainDomains;

    AccountAccess(AccountService accounts, PlanService plans, AccountSettingsService interfaceSettings, ResellerService resellers,
            SiteIpService siteIps, MainDomainService mainDomains) {
        this.mainDomains = mainDomains;
        this.accounts = accounts;
        this.plans = plans;
        this.interfaceSettings = interfaceSettings;
        this.resellers = resellers;
        this.siteIps = siteIps;
    }

    /**
     * createacct with its settings, in one transaction: the account on its package, then its own values over the
     * package's; {@code savePackageAs} (savepkg/pkgname) saves the result as a new package and puts the account on it.
     */
    @Transactional
    public Account create(WhmUser user, NewAccount request, Role role, Settings settings, String savePackageAs) {
        Account account = create(user, request, role);
        if (request.plan() != null) {
            boolean digest = plans.options(request.plan()).digestAuth; // a new account takes the package's
            accounts.setOptions(account.username, o -> o.digestAuth = digest);
        }
        apply(account, settings);
        if (savePackageAs != null) {
            PlanService.Limits limits = plans.limitsOf(account);
            PackageOptions options = new PackageOptions();
            options.hasShell = !account.shell.equals(AccountOptions.NO_SHELL);
            options.cgi = account.cgi;
            options.digestAuth = account.digestAuth;
            options.theme = interfaceSettings.theme(account.id);
            options.locale = interfaceSettings.locale(account.id);
            options.mailLimits = account.mailLimits();
            Plan saved = plans.create(savePackageAs, new PlanService.Limits(limits.maxEmailAccounts(), limits.maxDatabases(),
                    limits.maxFtpAccounts(), limits.maxSubdomains(), limits.maxAddonDomains(), limits.maxParkedDomains(),
                    limits.diskQuotaMb(), limits.bandwidthMb(), null), options);
            plans.assign(account.username, saved.name);
        }
        return account;
    }

    /**
     * What {@code modifyacct} changes; {@code null}: unchanged.
     *
     * @param reseller    {@code true}: the account becomes a reseller (as setupreseller), {@code false}: it stops being one
     *                    (as unsetupreseller); root-level callers only
     * @param domain      the account's new main domain ({@link MainDomainService#change})
     * @param newUsername the account's new name, applied after the other changes
     */
    public record Modification(String contactEmail, Settings settings, Long startDate, String owner, Boolean reseller,
            String domain, String newUsername) {
    }

    /**
     * modifyacct, in one transaction: the contact email, start date and owner, the account's settings, then its rename:
     * a refused rename leaves the other changes unmade too.
     */
    @Transactional
    public Account modify(WhmUser user, String username, Modification change) {
        Account account = owned(user, username);
        String contactEmail = change.contactEmail();
        String owner = change.owner();
        Long startDate = change.startDate();
        if (contactEmail != null) {
            accounts.update(account.username, new AccountService.Changes(null, null, contactEmail, null));
        }
        if (owner != null && !owner.equals(account.owner)) {
            if (!user.privileges().contains(Acl.ALL)) {
                throw ApiException.forbidden("Only root-level users may change an account's owner.");
            }
            if (!owner.equals(WhmUser.ROOT) && !accounts.get(owner).isReseller()) {
                throw ApiException.invalid(Quote.of(owner) + " is not a reseller.");
            }
            accounts.setOwner(account.username, owner);
        }
        if (startDate != null) {
            accounts.setStartDate(account.username, startDate);
        }
        apply(account, change.settings());
        if (change.reseller() != null && change.reseller() != account.isReseller()) {
            if (!user.privileges().contains(Acl.ALL)) {
                throw ApiException.forbidden("Only root-level users may make an account a reseller or end its reselling (reseller).");
            }
            if (change.reseller()) {
                resellers.setup(account.username, false);
            } else {
                resellers.remove(account.username);
            }
        }
        if (change.domain() != null) {
            mainDomains.change(account.username, change.domain());
        }
        return change.newUsername() == null ? account : rename(user, account.username, change.newUsername());
    }

    /** passwd, in one transaction: the password and, when {@code digestAuth} is given, Digest Authentication. */
    @Transactional
    public Account changePassword(WhmUser user, String username, String password, Boolean digestAuth) {
        Account account = owned(user, username);
        accounts.update(account.username, new AccountService.Changes(null, null, null, password));
        if (digestAuth != null) {
            boolean on = digestAuth;
            accounts.setOptions(account.username, o -> o.digestAuth = on);
        }
        return account;
    }

    /** unsuspendacct: a suspension made with {@code disallowun=1} is root's to lift. */
    @Transactional
    public Account unsuspend(WhmUser user, String username) {
        Account account = owned(user, username);
        if (account.suspensionLocked && !user.privileges().contains(Acl.ALL)) {
            throw ApiException.forbidden("Only root may unsuspend the account " + Quote.of(account.username)
                    + ": it was suspended with disallowun.");
        }
        return accounts.update(account.username, new AccountService.Changes(false, null, null, null));
    }

    /** The theme and locale of each of these accounts, as accountsummary and listaccts report them, in one query. */
    public Map<Long, AccountSettingsService.Interface> interfaces(List<Account> accounts) {
        return interfaceSettings.interfaces(accounts.stream().map(a -> a.id).toList());
    }

    private void apply(Account account, Settings settings) {
        if (settings.limits() != null) {
            plans.customize(account.username, settings.limits());
        }
        if (settings.options() != null) {
            accounts.setOptions(account.username, settings.options());
        }
        if (settings.theme() != null) {
            interfaceSettings.setTheme(account.id, settings.theme());
        }
        if (settings.locale() != null) {
            interfaceSettings.setLocale(account.id, settings.locale());
        }
    }

    /**
     * Creates an account for a WHM user, with its main domain and zone and its plan, in one transaction: the
     * caller owns it, unless a root-level caller names another owner (root or a reseller). The contact email
     * defaults to webmaster@domain.
     */
    @Transactional
    public Account create(WhmUser user, NewAccount request) {
        return create(user, request, Role.PLAIN);
    }

    /** The same, with {@code createacct}'s reseller and IP arguments, all in the one transaction. */
    @Transactional
    public Account create(WhmUser user, NewAccount request, Role role) {
        boolean rootLevel = user.privileges().contains(Acl.ALL);
        if (role.reseller() && !rootLevel) {
            throw ApiException.forbidden("Only root-level users may create resellers (reseller=1).");
        }
        if ((role.ip() != null || role.dedicatedIp()) && !rootLevel) {
            throw ApiException.forbidden("Only root-level users may give an account its own IP address (ip=y, customip).");
        }
        boolean ownSelf = role.ownSelf() && request.owner() == null;
        if (ownSelf && !rootLevel) {
            throw ApiException.forbidden("Only root-level users may create accounts for another owner.");
        }
        String owner = ownerFor(user, request.owner());
        String email = request.contactEmail() == null ? "webmaster@" + request.domain() : request.contactEmail();
        Account account = accounts.create(request.username(), request.password(), request.domain(), email, owner);
        if (request.plan() != null) {
            plans.assign(account.username, request.plan());
        }
        if (role.reseller()) {
            resellers.setup(account.username, false);
        }
        if (ownSelf) {
            account.owner = account.username;
        }
        if (role.ip() != null || role.dedicatedIp()) {
            siteIps.setSiteIp(account.username, role.ip() != null ? role.ip() : siteIps.freeAddress());
        }
        return account;
    }

    private String ownerFor(WhmUser user, String asked) {
        if (asked == null || asked.equals(user.username())) {
            return user.username();
        }
        if (!user.privileges().contains(Acl.ALL)) {
            throw ApiException.forbidden("Only root-level users may create accounts for another owner.");
        }
        if (!asked.equals(WhmUser.ROOT) && !accounts.get(asked).isReseller()) {
            throw ApiException.invalid(Quote.of(asked) + " is not a reseller.");
        }
        return asked;
    }

    /** The account, if this WHM user may manage it. */
    @Transactional
    public Account owned(WhmUser user, String username) {
        Account account;
        try {
            account = accounts.get(username);
        } catch (ApiException e) {
            throw missing(username);
        }
        if (!user.sees(account.owner)) {
            throw missing(username);
        }
        return account;
    }

    /**
     * Renames an account this WHM user may manage ({@code modifyacct newuser}; {@link AccountService#rename}). As cPanel
     * documents ("Only the root user can rename a self-owned reseller account."), a reseller that owns itself is renamed
     * by root only.
     */
    @Transactional
    public Account rename(WhmUser user, String username, String newUsername) {
        Account account = owned(user, username);
        if (account.isReseller() && account.owner.equals(account.username) && !WhmUser.ROOT.equals(user.username())
                && !account.username.equals(newUsername)) {
            throw ApiException.forbidden("Only the root user can rename a self-owned reseller account.");
        }
        return accounts.rename(account.username, newUsername);
    }

    @Transactional
    public List<Account> visible(WhmUser user) {
        return accounts.list().stream().filter(a -> user.sees(a.owner)).toList();
    }

    /**
     * The account a WHM user acts as through {@code uapi_cpanel} or {@code /json-api/cpanel?cpanel_jsonapi_user=}:
     * it needs the {@code cpanel-api} privilege and the account.
     */
    @Transactional
    public Principal actingAs(WhmUser user, String username) {
        if (username == null || username.isEmpty()) {
            throw ApiException.invalid("Provide the “cpanel_jsonapi_user” (or “cpanel.user”) argument: the account to act as.");
        }
        if (!user.has(Acl.CPANEL_API)) {
            throw ApiException.forbidden("Permission denied: acting as a cPanel user needs the " + Quote.of(Acl.CPANEL_API) + " privilege.");
        }
        return owned(user, username).principal();
    }

    private static ApiException missing(String username) {
        return ApiException.notFound("The account " + Quote.of(username) + " does not exist.");
    }
}
