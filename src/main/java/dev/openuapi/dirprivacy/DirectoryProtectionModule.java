package dev.openuapi.dirprivacy;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code DirectoryProtection} (cPanel's reference: api.docs.cpanel.net, DirectoryProtection;
 * Cpanel::API::DirectoryProtection): its one function lists the leech-protection status of a directory's
 * subdirectories, read from each {@code .htaccess} ({@code RewriteCond ${LeechProtect:…}}).
 */
@ApplicationScoped
public class DirectoryProtectionModule implements ApiModule {

    private final DirectoryPrivacyService service;

    DirectoryProtectionModule(DirectoryPrivacyService service) {
        this.service = service;
    }

    /** cPanel's {@code needs_feature => 'webprotect'} (Cpanel/API/DirectoryProtection.pm, {@code %API}). */
    @Override
    public Optional<String> feature() {
        return Optional.of(DirectoryPrivacyModule.FEATURE);
    }

    @Override
    public String name() {
        return "DirectoryProtection";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("list_directories").readsOnly().summary("Return Directory Protection settings")
                .description("The leech protection status of the home, the parent, the directory and its subdirectories.")
                .param(DirectoryPrivacyModule.DIR).returns(Shape.of(DirRows.LeechListing.class))
                .exampleJson("{\"home\":{\"path\":\"/home/example\",\"state\":{\"has_leech_protection\":0}},"
                        + "\"parent\":{\"path\":\"/home/example\",\"state\":{\"has_leech_protection\":0}},"
                        + "\"current\":{\"path\":\"/home/example/example.com\",\"state\":{\"has_leech_protection\":0}},"
                        + "\"children\":[{\"path\":\"/home/example/example.com/images\",\"state\":{\"has_leech_protection\":0}}]}")
                .exampleSetup(DirectoryPrivacyModule.MKDIR_EXAMPLE, DirectoryPrivacyModule.MKDIR_IMAGES)
                .handledBy(call -> {
                    DirectoryPrivacyService.Listing<Integer> l = service.leechListing(call.principal(), DirectoryPrivacyModule.DIR.from(call));
                    return new DirRows.LeechListing(dir(l.home()), dir(l.parent()), dir(l.current()),
                            l.children().stream().map(DirectoryProtectionModule::dir).toList());
                }));
    }

    private static DirRows.LeechDir dir(DirectoryPrivacyService.Entry<Integer> e) {
        return new DirRows.LeechDir(e.path(), new DirRows.LeechState(e.error(), e.state()));
    }
}
