package dev.openuapi.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Test-only: a JAX-RS filter that runs after authentication and throws an unexpected exception when a request
 * carries {@link #HEADER}, so the test can see how each API face answers an exception that escapes a filter.
 */
@Provider
@Priority(Priorities.USER + 500)
@IfBuildProperty(name = TestBoomModule.ENABLED, stringValue = "true")
public class ThrowingFilter implements ContainerRequestFilter {

    public static final String HEADER = "X-OpenUAPI-Test-Throw";

    @Override
    public void filter(ContainerRequestContext context) {
        String nonce = context.getHeaderString(HEADER);
        if (nonce != null) {
            throw new TestBoomException(nonce);
        }
    }
}
