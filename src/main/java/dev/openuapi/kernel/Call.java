package dev.openuapi.kernel;

import java.util.ArrayList;
import java.util.List;

import dev.openuapi.account.Account;
import dev.openuapi.operator.Operator;

/**
 * One execution of an API function: who calls, with which arguments, and the informational messages and
 * warnings the function adds to its result.
 */
public final class Call {

    private final Account account;
    private final Operator operator;
    private final Args args;
    private final List<String> messages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    public Call(Account account, Args args) {
        this(account, null, args);
    }

    private Call(Account account, Operator operator, Args args) {
        this.account = account;
        this.operator = operator;
        this.args = args;
    }

    /** A WHM API 1 call: made by a WHM user, for no account in particular. */
    public static Call byOperator(Operator operator, Args args) {
        return new Call(null, operator, args);
    }

    public Account account() {
        return account;
    }

    /** The WHM user making a WHM API 1 call. */
    public Operator operator() {
        if (operator == null) {
            throw new IllegalStateException("Not a WHM call");
        }
        return operator;
    }

    public Args args() {
        return args;
    }

    public void message(String text) {
        messages.add(text);
    }

    public void warning(String text) {
        warnings.add(text);
    }

    /**
     * Reports an error while still returning data: API 2 functions do this (cPanel's
     * {@code $Cpanel::CPERROR}), answering {@code data:[{"result":0,…}]} with an {@code error} beside it.
     */
    public void error(String text) {
        errors.add(text);
    }

    List<String> errors() {
        return errors;
    }

    List<String> messages() {
        return messages;
    }

    List<String> warnings() {
        return warnings;
    }
}
