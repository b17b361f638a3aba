package dev.openuapi.auth;

import jakarta.enterprise.context.RequestScoped;

import dev.openuapi.account.Account;

/** Who the current request authenticated as; filled in by {@link AccountAuthFilter}. */
@RequestScoped
public class Caller {

    public enum Method {
        TOKEN,
        PASSWORD
    }

    private Account account;
    private Method method;

    void set(Account account, Method method) {
        this.account = account;
        this.method = method;
    }

    /** The authenticated account (a detached snapshot taken at authentication). */
    public Account account() {
        if (account == null) {
            throw new IllegalStateException("No authenticated account on this request");
        }
        return account;
    }

    public Method method() {
        return method;
    }
}
