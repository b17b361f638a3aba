package dev.openuapi.api;

import java.util.ArrayList;
import java.util.List;

import dev.openuapi.account.Account;

/**
 * One execution of an API function: who calls, with which arguments, and the informational messages and
 * warnings the function adds to its result.
 */
public final class Call {

    private final Account account;
    private final Args args;
    private final List<String> messages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    public Call(Account account, Args args) {
        this.account = account;
        this.args = args;
    }

    public Account account() {
        return account;
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
