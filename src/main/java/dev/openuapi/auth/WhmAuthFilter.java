package dev.openuapi.auth;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import dev.openuapi.face.Rejections;
import dev.openuapi.operator.Operator;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Authenticates WHM users on WHM API 1 (spec §2.2): {@code whm USER:TOKEN} with a WHM API token, or HTTP
 * Basic as root ({@code OPENUAPI_ROOT_PASSWORD}) or as a reseller (its account password). A cPanel token
 * never gets here: {@link TokenPathGuard} refuses it first. Failures answer like cpsrvd on
 * {@code /json-api/}: 403 with the JSON "Access denied" body.
 */
@Provider
@WhmAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class WhmAuthFilter implements ContainerRequestFilter {

    private final Authenticator authenticator;
    private final Caller caller;
    private final CurrentVertxRequest request;
    private final ClientAddress clientAddress;

    WhmAuthFilter(Authenticator authenticator, Caller caller, CurrentVertxRequest request, ClientAddress clientAddress) {
        this.authenticator = authenticator;
        this.caller = caller;
        this.request = request;
        this.clientAddress = clientAddress;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        AccountAuthFilter.requireWorkerThread();
        Optional<AuthorizationHeader> header = AuthorizationHeader.parse(context.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<Operator> operator = Optional.empty();
        Caller.Method method = null;
        if (header.isEmpty()) {
            authenticator.noCredentials();
        } else {
            AuthorizationHeader credentials = header.get();
            switch (credentials.scheme()) {
                case WHM -> {
                    operator = authenticator.operatorByToken(credentials.user(), credentials.secret(),
                            clientAddress.of(request.getCurrent().request()));
                    method = Caller.Method.WHM_TOKEN;
                }
                case BASIC -> {
                    operator = authenticator.operatorByPassword(credentials.user(), credentials.secret());
                    method = Caller.Method.PASSWORD;
                }
                default -> {
                }
            }
        }
        if (operator.isEmpty()) {
            context.abortWith(Rejections.unauthorized(context));
            return;
        }
        caller.setOperator(operator.get(), method);
    }
}
