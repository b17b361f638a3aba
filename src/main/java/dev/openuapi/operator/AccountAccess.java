package dev.openuapi.operator;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.openuapi.account.Account;
import dev.openuapi.account.AccountService;
import dev.openuapi.common.ApiException;

/**
 * Which accounts a WHM user may reach: root (and a root-level reseller) every account, a reseller only the
 * accounts it owns. To a reseller, another reseller's account looks exactly like one that does not exist.
 */
@ApplicationScoped
public class AccountAccess {

    private final AccountService accounts;

    AccountAccess(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The account, if this WHM user may manage it. */
    @Transactional
    public Account owned(Operator operator, String username) {
        Account account;
        try {
            account = accounts.get(username);
        } catch (ApiException e) {
            throw missing(username);
        }
        if (!operator.sees(account)) {
            throw missing(username);
        }
        return account;
    }

    @Transactional
    public List<Account> visible(Operator operator) {
        return accounts.list().stream().filter(operator::sees).toList();
    }

    /**
     * The account a WHM user acts as through {@code uapi_cpanel} or {@code /json-api/cpanel?cpanel_jsonapi_user=}:
     * it needs the {@code cpanel-api} privilege and the account.
     */
    public Account actingAs(Operator operator, String username) {
        if (username == null || username.isEmpty()) {
            throw ApiException.invalid("Provide the “cpanel_jsonapi_user” (or “cpanel.user”) argument: the account to act as.");
        }
        if (!operator.has(Acl.CPANEL_API)) {
            throw ApiException.forbidden("Permission denied: acting as a cPanel user needs the “" + Acl.CPANEL_API + "” privilege.");
        }
        return owned(operator, username);
    }

    private static ApiException missing(String username) {
        return ApiException.notFound("The account “" + username + "” does not exist.");
    }
}
