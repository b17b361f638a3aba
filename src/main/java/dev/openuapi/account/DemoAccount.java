package dev.openuapi.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.openuapi.config.OpenUapiConfig;
import dev.openuapi.files.HomeDirectories;
import io.quarkus.runtime.StartupEvent;

/**
 * Creates the demo account of the dev profile, with its home directory, so that Swagger UI works at once. Off unless
 * {@code openuapi.demo-account.enabled} is set, which only the dev profile does.
 */
@ApplicationScoped
public class DemoAccount {

    private static final Logger LOG = Logger.getLogger(DemoAccount.class);

    void create(@Observes StartupEvent event, OpenUapiConfig config, AccountService service, HomeDirectories homes) {
        OpenUapiConfig.DemoAccount demo = config.demoAccount();
        if (!demo.enabled() || demo.password().isEmpty()) {
            return;
        }
        if (service.exists(demo.username())) {
            homes.of(service.get(demo.username())); // made before homes existed, or its home removed: made again
            return;
        }
        service.create(demo.username(), demo.password().get(), demo.domain(), demo.username() + "@" + demo.domain());
        LOG.infof("Demo account %s created (dev profile); its password is openuapi.demo-account.password", demo.username());
    }
}
