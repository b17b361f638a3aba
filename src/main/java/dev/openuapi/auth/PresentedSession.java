package dev.openuapi.auth;

import java.util.ArrayList;
import java.util.List;

import dev.openuapi.session.Daemon;
import dev.openuapi.session.SessionSecrets;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * The session credentials a request presents: its session cookies ({@code cpsession}, {@code whostmgrsession}) and
 * the security token its path began with. A session is accepted only with both: the token in the URL is the
 * defence against cross-site requests, which a browser sends with the cookie but cannot know the token for.
 *
 * @param cookies       the cookies' values as sent (possibly percent-encoded)
 * @param securityToken the digits of {@code /cpsessNNNNNNNNNN}, or {@code null}
 */
public record PresentedSession(List<String> cookies, String securityToken) {

    /** {@code null} when the request has neither a session cookie nor a security token. */
    static PresentedSession read(HttpServerRequest request, String securityToken) {
        if (securityToken == null && !request.headers().contains(HttpHeaders.COOKIE)) {
            return null; // the common case, token and Basic calls: nothing to read, nothing allocated
        }
        List<String> values = new ArrayList<>(2);
        for (String name : Daemon.cookieNames()) {
            Cookie cookie = request.getCookie(name);
            if (cookie != null && !cookie.getValue().isEmpty()) {
                values.add(cookie.getValue());
            }
        }
        return values.isEmpty() && securityToken == null ? null : new PresentedSession(List.copyOf(values), securityToken);
    }

    /**
     * Whether this is a login attempt: a cookie and a token. A cookie without the URL's token is refused as
     * carrying no credentials, as cpsrvd defers such a login ("security token missing") rather than failing it.
     */
    public boolean isComplete() {
        return !cookies.isEmpty() && securityToken != null;
    }

    /** The user the first readable cookie names, for cPHulk's per-user count; {@code null} if none. */
    public String user() {
        return cookies.stream().map(SessionSecrets::parse).flatMap(java.util.Optional::stream).map(SessionSecrets.Presented::user)
                .findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "PresentedSession[" + cookies.size() + " cookie(s), token " + (securityToken == null ? "none" : "***") + "]";
    }
}
