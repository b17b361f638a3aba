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

    private final AccountService accounts;
    private final PlanService plans;

    AccountAccess(AccountService accounts, PlanService plans) {
        this.accounts = accounts;
        this.plans = plans;
    }

    /**
     * Creates an account for a WHM user, with its main domain and zone and its plan, in one transaction: the
     * caller owns it, unless a root-level caller names another owner (root or a reseller). The contact email
     * defaults to webmaster@domain.
     */
    @Transactional
    public Account create(WhmUser user, NewAccount request) {
        String owner = ownerFor(user, request.owner());
        String email = request.contactEmail() == null ? "webmaster@" + request.domain() : request.contactEmail();
        Account account = accounts.create(request.username(), request.password(), request.domain(), email, owner);
        if (request.plan() != null) {
            plans.assign(account.username, request.plan());
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
     * WHM's {@code modifyacct}: the account's changes, then its rename when {@code newUsername} is given, in one
     * transaction: a refused rename leaves the other changes unmade too.
     */
    @Transactional
    public Account modify(WhmUser user, String username, AccountService.Changes changes, String newUsername) {
        Account account = accounts.update(owned(user, username).username, changes);
        return newUsername == null ? account : rename(user, account.username, newUsername);
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
