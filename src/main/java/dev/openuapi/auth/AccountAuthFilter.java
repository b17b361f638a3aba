package dev.openuapi.auth;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import dev.openuapi.account.Account;
import dev.openuapi.face.FaceErrors;
import dev.openuapi.face.Rejections;
import dev.openuapi.operator.Operator;

import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Authenticates account holders on {@code /execute}, {@code /json-api/cpanel} and {@code /api/v1/tokens}:
 * {@code Authorization: cpanel USER:TOKEN} or HTTP Basic with the account's password.
 *
 * <p>On {@code /json-api/cpanel} a WHM user may come instead ({@code whm USER:TOKEN}, or Basic as root or a
 * reseller) to act as one of its accounts with {@code cpanel_jsonapi_user} (spec §10.2); the resource
 * checks which account.
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
    private final ClientAddress clientAddress;

    AccountAuthFilter(Authenticator authenticator, Caller caller, CurrentVertxRequest request, ClientAddress clientAddress) {
        this.authenticator = authenticator;
        this.caller = caller;
        this.request = request;
        this.clientAddress = clientAddress;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        requireWorkerThread();
        String path = FaceErrors.pathOf(context.getUriInfo());
        boolean actingAllowed = TokenPathGuard.isJsonApiCpanel(path);
        Optional<AuthorizationHeader> header = AuthorizationHeader.parse(context.getHeaderString(HttpHeaders.AUTHORIZATION));
        boolean authenticated = false;
        if (header.isEmpty()) {
            authenticator.noCredentials();
        } else {
            AuthorizationHeader credentials = header.get();
            switch (credentials.scheme()) {
                case CPANEL -> {
                    Optional<Account> account = authenticator.byToken(credentials.user(), credentials.secret(),
                            clientAddress.of(request.getCurrent().request()));
                    account.ifPresent(a -> caller.set(a, Caller.Method.TOKEN));
                    authenticated = account.isPresent();
                }
                case BASIC -> {
                    if (Operator.ROOT.equals(credentials.user())) {
                        Optional<Operator> root = actingAllowed
                                ? authenticator.operatorByPassword(credentials.user(), credentials.secret())
                                : Optional.empty();
                        root.ifPresent(o -> caller.setOperator(o, Caller.Method.PASSWORD));
                        authenticated = root.isPresent();
                    } else {
                        Optional<Account> account = authenticator.byPassword(credentials.user(), credentials.secret());
                        account.ifPresent(a -> {
                            caller.set(a, Caller.Method.PASSWORD);
                            if (a.isReseller()) {
                                caller.setOperator(Operator.reseller(a, null), Caller.Method.PASSWORD);
                            }
                        });
                        authenticated = account.isPresent();
                    }
                }
                case WHM -> {
                    Optional<Operator> operator = actingAllowed
                            ? authenticator.operatorByToken(credentials.user(), credentials.secret(),
                                    clientAddress.of(request.getCurrent().request()))
                            : Optional.empty();
                    operator.ifPresent(o -> caller.setOperator(o, Caller.Method.WHM_TOKEN));
                    authenticated = operator.isPresent();
                }
            }
        }
        if (!authenticated) {
            context.abortWith(Rejections.unauthorized(context));
        }
    }

    /** Only a programming error gets here: a non-blocking resource behind an authentication filter. */
    static void requireWorkerThread() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            throw new IllegalStateException("Authentication must not run on the event loop");
        }
    }
}
