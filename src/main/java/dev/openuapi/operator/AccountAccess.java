package dev.openuapi.operator;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountService;
import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.WhmUser;
import dev.openuapi.plan.PlanService;

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
     * What else {@code createacct} may ask for, each root-level only: {@code reseller} makes the new account a reseller
     * (as {@code setupreseller}), {@code ownSelf} has it own itself (ignored when an owner is named), {@code ip} gives it
     * that address of the server, or {@code dedicatedIp} the first one no account uses.
     */
    public record Role(boolean reseller, boolean ownSelf, String ip, boolean dedicatedIp) {

        public static final Role PLAIN = new Role(false, false, null, false);
    }

    private final AccountService accounts;
    private final PlanService plans;
    private final ResellerService resellers;
    private final SiteIpService siteIps;

    AccountAccess(AccountService accounts, PlanService plans, ResellerService resellers, SiteIpService siteIps) {
        this.accounts = accounts;
        this.plans = plans;
        this.resellers = resellers;
        this.siteIps = siteIps;
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
