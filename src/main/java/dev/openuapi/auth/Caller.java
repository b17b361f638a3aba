package dev.openuapi.auth;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import dev.openuapi.account.Account;
import dev.openuapi.operator.Operator;

/**
 * Who the current request authenticated as; filled in by the authentication filters. An account holder
 * (cPanel token or password), a WHM user (WHM token, root's or a reseller's password), or both: a
 * reseller's password is also its own account's.
 */
@RequestScoped
public class Caller {

    public enum Method {
        TOKEN,
        PASSWORD,
        WHM_TOKEN
    }

    private Account account;
    private Operator operator;
    private Method method;

    void set(Account account, Method method) {
        this.account = account;
        this.method = method;
    }

    void setOperator(Operator operator, Method method) {
        this.operator = operator;
        this.method = method;
    }

    /** The authenticated account (a detached snapshot taken at authentication). */
    public Account account() {
        if (account == null) {
            throw new IllegalStateException("No authenticated account on this request");
        }
        return account;
    }

    public Optional<Account> accountIfAny() {
        return Optional.ofNullable(account);
    }

    /** The WHM user, when the request authenticated as one. */
    public Optional<Operator> operator() {
        return Optional.ofNullable(operator);
    }

    public Method method() {
        return method;
    }
}
