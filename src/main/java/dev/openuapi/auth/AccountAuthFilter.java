package dev.openuapi.auth;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import dev.openuapi.account.Account;
import dev.openuapi.common.ErrorMapper;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Authenticates account holders on {@code /execute}, {@code /json-api/cpanel} and {@code /api/v1/tokens}:
 * {@code Authorization: cpanel USER:TOKEN} or HTTP Basic with the account's password.
 *
 * <p>A post-matching filter runs on the same thread as its resource method; the resources it guards are
 * blocking, so the database lookup here runs on a worker thread, never on the event loop.
 */
@Provider
@AccountAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class AccountAuthFilter implements ContainerRequestFilter {

    private final Authenticator authenticator;
    private final Caller caller;
    private final CurrentVertxRequest request;

    AccountAuthFilter(Authenticator authenticator, Caller caller, CurrentVertxRequest request) {
        this.authenticator = authenticator;
        this.caller = caller;
        this.request = request;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            // Only a programming error gets here: a non-blocking resource behind this filter.
            throw new IllegalStateException("Account authentication must not run on the event loop");
        }
        Optional<AuthorizationHeader> header = AuthorizationHeader.parse(context.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<Account> account = Optional.empty();
        Caller.Method method = null;
        if (header.isPresent()) {
            AuthorizationHeader credentials = header.get();
            switch (credentials.scheme()) {
                case CPANEL -> {
                    account = authenticator.byToken(credentials.user(), credentials.secret(), remoteIp());
                    method = Caller.Method.TOKEN;
                }
                case BASIC -> {
                    account = authenticator.byPassword(credentials.user(), credentials.secret());
                    method = Caller.Method.PASSWORD;
                }
                default -> {
                }
            }
        }
        if (account.isEmpty()) {
            context.abortWith(Rejections.unauthorized(ErrorMapper.pathOf(context.getUriInfo())));
            return;
        }
        caller.set(account.get(), method);
    }

    private String remoteIp() {
        var address = request.getCurrent().request().remoteAddress();
        return address == null ? "" : address.hostAddress();
    }
}
