package dev.openuapi.email;

import java.util.Optional;

import dev.openuapi.kernel.ApiModule;

/**
 * A bean that declares functions of cPanel's {@code Email} module. Several do (mailboxes and forwarders, counts,
 * filters and auto-responders, spam settings), and the registry requires them to agree on the module's feature,
 * {@code popaccts}; a function may ask for another feature on top of it.
 */
public interface EmailFunctions extends ApiModule {

    @Override
    default String name() {
        return "Email";
    }

    @Override
    default Optional<String> feature() {
        return Optional.of(EmailModule.FEATURE);
    }
}
