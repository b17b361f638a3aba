package dev.openuapi.dirprivacy;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Shape;

/**
 * cPanel API 2 {@code Htaccess} (api.docs.cpanel.net, cPanel API 2 Modules - Htaccess): {@code listusers} and its alias
 * {@code listuser}, a protected directory's users as {@code [{user}]} (Cpanel::Htaccess::api2_listusers), for the
 * clients that still call API 2. Both read what DirectoryPrivacy::list_users reads.
 */
@ApplicationScoped
public class HtaccessModule implements ApiModule {

    private final DirectoryPrivacyService service;

    HtaccessModule(DirectoryPrivacyService service) {
        this.service = service;
    }

    /** cPanel's {@code needs_feature => 'webprotect'} on listusers and listuser (Cpanel/Htaccess.pm, {@code %API}). */
    @Override
    public Optional<String> feature() {
        return Optional.of(DirectoryPrivacyModule.FEATURE);
    }

    @Override
    public String name() {
        return "Htaccess";
    }

    @Override
    public List<ApiFunction> functions() {
        Shape users = Shape.arrayOf("One row per user of the directory's password file.", Shape.of(DirRows.User.class));
        return List.of(
                ApiFunction.named("listusers").api2().readsOnly().summary("Return a protected directory's users").param(DirectoryPrivacyModule.DIR)
                        .returns(users).exampleJson("[{\"user\":\"example1\"}]")
                        .exampleSetup(DirectoryPrivacyModule.MKDIR_EXAMPLE, DirectoryPrivacyModule.ADD_USER)
                        .handledBy(this::users),
                ApiFunction.named("listuser").api2().readsOnly().summary("Return a protected directory's users (listusers)")
                        .param(DirectoryPrivacyModule.DIR).returns(users).exampleJson("[{\"user\":\"example1\"}]")
                        .exampleSetup(DirectoryPrivacyModule.MKDIR_EXAMPLE, DirectoryPrivacyModule.ADD_USER)
                        .handledBy(this::users));
    }

    private Object users(Call call) {
        return service.users(call.principal(), DirectoryPrivacyModule.DIR.from(call)).stream().map(DirRows.User::new).toList();
    }
}
