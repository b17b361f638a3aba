package dev.openuapi.auth;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import dev.openuapi.face.FaceErrors;
import dev.openuapi.face.Rejections;

/** Authenticates the operator on the admin API: HTTP Basic as {@code root}. */
@Provider
@OperatorAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class OperatorAuthFilter implements ContainerRequestFilter {

    static final String DISABLED = "The admin API is disabled: set OPENUAPI_ROOT_PASSWORD to enable it.";

    private final Authenticator authenticator;

    OperatorAuthFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        String path = FaceErrors.pathOf(context.getUriInfo());
        if (!authenticator.operatorConfigured()) {
            context.abortWith(Rejections.forbidden(path, DISABLED));
            return;
        }
        Optional<AuthorizationHeader> header = AuthorizationHeader.parse(context.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (header.isEmpty()) {
            authenticator.noCredentials();
        }
        boolean operator = header.filter(h -> h.scheme() == AuthorizationHeader.Scheme.BASIC)
                .map(h -> authenticator.isOperator(h.user(), h.secret())).orElse(false);
        if (!operator) {
            context.abortWith(Rejections.unauthorized(context));
        }
    }
}
