package dev.openuapi.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * One execution of an API function: who calls, with which arguments, and the informational messages,
 * warnings and errors the function adds to its result. A UAPI or API 2 call runs as an account
 * ({@link #principal()}); a WHM API 1 call runs as a WHM user ({@link #whmUser()}).
 */
public final class Call {

    private final Principal principal;
    private final WhmUser whmUser;
    private final Args args;
    private final List<Upload> uploads;
    private final List<String> messages = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();

    private Call(Principal principal, WhmUser whmUser, Args args, List<Upload> uploads) {
        this.principal = principal;
        this.whmUser = whmUser;
        this.args = args;
        this.uploads = List.copyOf(uploads);
    }

    /** A UAPI or API 2 call, as an account. */
    public static Call asAccount(Principal principal, Args args) {
        return new Call(principal, null, args, List.of());
    }

    /** A UAPI call as an account that carries files ({@code multipart/form-data}). */
    public static Call asAccount(Principal principal, Args args, List<Upload> uploads) {
        return new Call(principal, null, args, uploads);
    }

    /** A WHM API 1 call: made by a WHM user, for no account in particular. */
    public static Call asWhmUser(WhmUser whmUser, Args args) {
        return new Call(null, whmUser, args, List.of());
    }

    /** The account a UAPI or API 2 call runs as. */
    public Principal principal() {
        if (principal == null) {
            throw new IllegalStateException("Not a cPanel call");
        }
        return principal;
    }

    /** The WHM user making a WHM API 1 call. */
    public WhmUser whmUser() {
        if (whmUser == null) {
            throw new IllegalStateException("Not a WHM call");
        }
        return whmUser;
    }

    public Args args() {
        return args;
    }

    /** The files the request carried, in the order they were sent; empty unless the face received a multipart upload. */
    public List<Upload> uploads() {
        return uploads;
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

    /** Who made the call, for the log. */
    String who() {
        return principal != null ? principal.username() : whmUser.username();
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
