package dev.openuapi.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * OpenUAPI's own settings, prefix {@code openuapi}. Each key maps to an environment variable in the usual
 * way ({@code openuapi.root-password} is {@code OPENUAPI_ROOT_PASSWORD}).
 */
@ConfigMapping(prefix = "openuapi")
public interface OpenUapiConfig {

    /**
     * The operator's password for HTTP Basic as {@code root} on the admin API ({@code /api/v1/accounts}).
     * There is no default outside the dev and test profiles: when it is not set the admin API is off.
     */
    Optional<String> rootPassword();

    Password password();

    DemoAccount demoAccount();

    interface Password {
        /** BCrypt cost factor for account passwords (2^cost rounds). */
        @WithDefault("12")
        int bcryptCost();
    }

    /** A demo account created at startup (enabled in the dev profile only) so Swagger UI works at once. */
    interface DemoAccount {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("alice")
        String username();

        Optional<String> password();

        @WithDefault("alice.example")
        String domain();
    }
}
