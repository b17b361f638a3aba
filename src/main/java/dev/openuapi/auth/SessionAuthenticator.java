package dev.openuapi.auth;

import static dev.openuapi.face.Credential.CPANEL_SESSION;
import static dev.openuapi.face.Credential.WHM_SESSION;

import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.face.Credential;
import dev.openuapi.face.Face;
import dev.openuapi.metrics.OpenUapiMetrics;
import dev.openuapi.metrics.OpenUapiMetrics.AuthFailure;
import dev.openuapi.session.Daemon;
import dev.openuapi.session.SessionSecrets;
import dev.openuapi.session.SessionService;
import dev.openuapi.session.SessionService.Snapshot;

/**
 * The session path of the credential check (issue 14 §1), from memory in the steady state: the cookie's session by
 * the hash of its value ({@link SessionService}'s snapshot, kept current by the change feed), the security token
 * in the URL compared with the session's in constant time, the session's service against the face (a whostmgrd
 * session works only on WHM's paths, a cpaneld one only on cPanel's), then its ends against the clock. A use is
 * only noted. Every failure is the face's one answer; only the metric says why.
 */
@ApplicationScoped
public class SessionAuthenticator {

    private final SessionService sessions;
    private final Authenticator authenticator;
    private final OpenUapiMetrics metrics;

    SessionAuthenticator(SessionService sessions, Authenticator authenticator, OpenUapiMetrics metrics) {
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.metrics = metrics;
    }

    /**
     * Who the session stands for, if {@code face} takes its kind and it is live; {@code onFailure} hears of each
     * failed login. A cookie without the URL's token, or a session of the other service, is no login attempt here.
     */
    public Optional<Authenticated> authenticate(Face face, PresentedSession presented, Consumer<AuthFailure> onFailure) {
        if (!presented.isComplete()) {
            return authenticator.noCredentials();
        }
        Snapshot chosen = null;
        boolean known = false;
        for (String cookie : presented.cookies()) {
            Optional<SessionSecrets.Presented> parsed = SessionSecrets.parse(cookie);
            if (parsed.isEmpty()) {
                continue;
            }
            Optional<Snapshot> found = sessions.find(parsed.get().hash());
            if (found.isEmpty() || found.get().pending() || found.get().daemon() == null) {
                continue;
            }
            known = true;
            if (SessionSecrets.sameToken(found.get().securityToken(), presented.securityToken())) {
                chosen = found.get();
                break;
            }
        }
        if (chosen == null) {
            return failed(known ? AuthFailure.WRONG_SECURITY_TOKEN : AuthFailure.UNKNOWN_SESSION, onFailure);
        }
        Credential kind = chosen.daemon() == Daemon.CPANELD ? CPANEL_SESSION : WHM_SESSION;
        if (!face.accepts(kind)) {
            return authenticator.noCredentials();
        }
        long now = System.currentTimeMillis();
        if (sessions.ended(chosen, now)) {
            // The snapshot may only be behind: another replica may have used the session since. Ask the database.
            Optional<Snapshot> again = sessions.reread(chosen.secretHash());
            if (again.isEmpty() || sessions.ended(again.get(), now)) {
                if (again.isPresent()) {
                    sessions.end(chosen.secretHash());
                }
                return failed(AuthFailure.EXPIRED, onFailure);
            }
            chosen = again.get();
        }
        if (!chosen.usable()) {
            return failed(AuthFailure.SUSPENDED, onFailure);
        }
        sessions.used(chosen, now);
        return Optional.of(new Authenticated(kind, chosen.principal(), chosen.whmUser()));
    }

    private <T> Optional<T> failed(AuthFailure reason, Consumer<AuthFailure> onFailure) {
        metrics.authFailure(reason);
        onFailure.accept(reason);
        return Optional.empty();
    }
}
