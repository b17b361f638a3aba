package dev.openuapi.session;

/**
 * The {@code Set-Cookie} headers of a session: the cookie of its service, for the whole host ({@code Path=/}), never
 * readable by scripts ({@code HttpOnly}), never sent with another site's requests ({@code SameSite=Strict}), only over
 * HTTPS when the login came over HTTPS ({@code Secure}). A session cookie: it has no expiry of its own; the
 * session's timeouts end it on the server.
 */
final class SessionCookies {

    private SessionCookies() {
    }

    static String set(Daemon daemon, String secret, boolean secure) {
        return daemon.cookieName() + "=" + SessionSecrets.encode(secret) + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }

    /** Tells the browser to forget the cookie. */
    static String clear(Daemon daemon, boolean secure) {
        return daemon.cookieName() + "=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : "");
    }
}
