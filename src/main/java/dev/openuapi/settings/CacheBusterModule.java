package dev.openuapi.settings;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code CacheBuster}: the id interfaces append to URLs to defeat browser caches, kept in MariaDB. As in
 * cPanel's {@code Cpanel::Themes::CacheBuster}, the id is the Unix time of the last update (cPanel writes it to
 * {@code ~/etc/cacheid}); api.docs.cpanel.net calls it an eight-digit random integer, which the code does not make.
 */
@ApplicationScoped
public class CacheBusterModule implements ApiModule {

    private final AccountSettingsService settings;

    CacheBusterModule(AccountSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "CacheBuster";
    }

    @Override
    public List<ApiFunction> functions() {
        Shape id = Shape.of(SettingsRows.CacheId.class);
        return List.of(
                ApiFunction.named("read").changesState().summary("Return the CacheBuster id").returns(id)
                        .exampleJson("{\"cache_id\":1796000000}")
                        .handledBy(call -> new SettingsRows.CacheId(settings.cacheId(call.principal().accountId()))),
                ApiFunction.named("update").changesState().summary("Make a new CacheBuster id").returns(id)
                        .exampleJson("{\"cache_id\":1796000123}")
                        .handledBy(call -> new SettingsRows.CacheId(settings.resetCacheId(call.principal().accountId()))));
    }
}
