package dev.openuapi.dirprivacy;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code DirectoryPrivacy} (cPanel's reference: api.docs.cpanel.net, DirectoryPrivacy; Cpanel::API::DirectoryPrivacy):
 * password-protected directories, in the directory's {@code .htaccess} and {@code ~/.htpasswds/<dir>/passwd}.
 */
@ApplicationScoped
public class DirectoryPrivacyModule implements ApiModule {

    /** cPanel's feature for DirectoryPrivacy, DirectoryProtection and API 2's Htaccess. */
    public static final String FEATURE = "webprotect";

    static final Param DIR = Param.string("dir", "The directory: absolute (under the home) or relative to the home.").required()
            .example("/home/example/example.com");

    /** Setup calls of the examples: the directory of {@link #DIR}'s example, a subdirectory, a user, protection. */
    static final String MKDIR_EXAMPLE = "/json-api/cpanel?cpanel_jsonapi_module=Fileman&cpanel_jsonapi_func=mkdir"
            + "&cpanel_jsonapi_apiversion=2&name=example.com";
    static final String MKDIR_IMAGES = "/json-api/cpanel?cpanel_jsonapi_module=Fileman&cpanel_jsonapi_func=mkdir"
            + "&cpanel_jsonapi_apiversion=2&path=example.com&name=images";
    static final String ADD_USER = "/execute/DirectoryPrivacy/add_user?dir=/home/example/example.com&user=example1"
            + "&password=123456luggage";
    private static final String PROTECTED_EXAMPLE = "{\"auth_type\":\"Basic\",\"auth_name\":\"protectandserve\","
            + "\"passwd_file\":\"/home/example/.htpasswds/example.com/passwd\",\"protected\":1}";
    private static final String UNPROTECTED = "{\"auth_type\":\"None\",\"auth_name\":\"\",\"passwd_file\":\"\",\"protected\":0}";
    static final String PROTECT = "/execute/DirectoryPrivacy/configure_directory_protection?dir=/home/example/example.com&enabled=1"
            + "&authname=protectandserve";

    private final DirectoryPrivacyService service;

    DirectoryPrivacyModule(DirectoryPrivacyService service) {
        this.service = service;
    }

    /** cPanel's {@code needs_feature => 'webprotect'} on every function (Cpanel/API/DirectoryPrivacy.pm, {@code %API}). */
    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public String name() {
        return "DirectoryPrivacy";
    }

    @Override
    public List<ApiFunction> functions() {
        Shape protection = Shape.of(DirRows.Protection.class);
        return List.of(
                ApiFunction.named("add_user").changesState().summary("Add authorized user for protected directory")
                        .description("Adds the user to the directory's password file, or sets a new password for an existing one. "
                                + "The password is stored as an Apache MD5 ($apr1$) hash.")
                        .param(DIR)
                        .param(Param.string("user", "The username (no :, <, > or whitespace; 255 characters at most).").required()
                                .example("example1"))
                        .param(Param.string("password", "The password (255 characters at most).").required().example("123456luggage"))
                        .example(null).exampleSetup(MKDIR_EXAMPLE)
                        .doing(call -> service.addUser(call.principal(), DIR.from(call), call.args().get("user"), call.args().get("password"))),
                ApiFunction.named("delete_user").changesState().summary("Delete authorized user for protected directory").param(DIR)
                        .param(Param.string("user", "The username to remove.").required().example("example1"))
                        .example(null).exampleSetup(MKDIR_EXAMPLE, ADD_USER)
                        .doing(call -> service.deleteUser(call.principal(), DIR.from(call), call.args().get("user"))),
                ApiFunction.named("list_users").readsOnly().summary("Return authorized users for protected directory").param(DIR)
                        .returns(Shape.arrayOf("The users in the directory's password file.", Shape.string("A username.")))
                        .exampleJson("[\"example1\"]").exampleSetup(MKDIR_EXAMPLE, ADD_USER)
                        .handledBy(call -> service.users(call.principal(), DIR.from(call))),
                ApiFunction.named("is_directory_protected").readsOnly().summary("Return whether directory uses password protection").param(DIR)
                        .returns(protection).exampleJson(PROTECTED_EXAMPLE).exampleSetup(MKDIR_EXAMPLE, PROTECT)
                        .handledBy(call -> DirRows.Protection.of(service.protection(call.principal(), DIR.from(call)))),
                ApiFunction.named("configure_directory_protection").changesState().summary("Enable or disable protected directory")
                        .description("Writes or removes cPanel's managed section (AuthType Basic, AuthName, AuthUserFile, "
                                + "Require valid-user) in the directory's .htaccess; the rest of the file is kept.")
                        .param(DIR)
                        .param(Param.string("enabled", "1: protect the directory; 0: stop protecting it.").required().example("1"))
                        .param(Param.string("authname", "The AuthName; required when enabled=1, printable ASCII.").example("protectandserve"))
                        .returns(protection).exampleJson(PROTECTED_EXAMPLE).exampleSetup(MKDIR_EXAMPLE)
                        .handledBy(this::configure),
                ApiFunction.named("list_directories").readsOnly().summary("Return privacy status of subdirectories").param(DIR)
                        .returns(Shape.of(DirRows.PrivacyListing.class))
                        .exampleJson("{\"home\":{\"path\":\"/home/example\",\"state\":" + UNPROTECTED + "},"
                                + "\"parent\":{\"path\":\"/home/example\",\"state\":" + UNPROTECTED + "},"
                                + "\"current\":{\"path\":\"/home/example/example.com\",\"state\":{\"auth_type\":\"Basic\","
                                + "\"auth_name\":\"protectandserve\",\"passwd_file\":\"/home/example/.htpasswds/example.com/passwd\","
                                + "\"protected\":1}},\"children\":[{\"path\":\"/home/example/example.com/images\",\"state\":" + UNPROTECTED + "}]}")
                        .exampleSetup(MKDIR_EXAMPLE, MKDIR_IMAGES, PROTECT)
                        .handledBy(call -> listing(service.privacyListing(call.principal(), DIR.from(call)))));
    }

    /** cPanel's order: authname (when enabling) and its characters, then the Boolean, then the directory. */
    private Object configure(Call call) {
        String dir = DIR.from(call);
        String enabled = call.args().get("enabled");
        boolean enabling = !enabled.isEmpty() && !enabled.equals("0");
        String authName = null;
        if (enabling) {
            authName = call.args().get("authname");
            if (authName == null) {
                throw ApiException.invalid("Provide the " + Quote.of("authname") + " argument.");
            }
            if (authName.isEmpty()) {
                throw ApiException.invalid("The " + Quote.of("authname") + " argument cannot be empty.");
            }
            if (!authName.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
                throw ApiException.invalid("The " + Quote.of("authname") + " argument contains the value " + Quote.of(authName)
                        + ", which contains unsupported characters. It must contain only printable ASCII characters.");
            }
        }
        if (enabled.isBlank()) {
            throw ApiException.invalid("The " + Quote.of("enabled") + " argument cannot be empty.");
        }
        if (!enabled.equals("0") && !enabled.equals("1")) {
            throw ApiException.invalid("The " + Quote.of("enabled") + " argument contains the value " + Quote.of(enabled)
                    + ", which is an invalid Boolean value. Boolean values are either 0 or 1.");
        }
        return DirRows.Protection.of(service.configure(call.principal(), dir, enabling, authName));
    }

    private static DirRows.PrivacyListing listing(DirectoryPrivacyService.Listing<DirectoryPrivacyService.Protection> l) {
        return new DirRows.PrivacyListing(dir(l.home()), dir(l.parent()), dir(l.current()),
                l.children().stream().map(DirectoryPrivacyModule::dir).toList());
    }

    private static DirRows.PrivacyDir dir(DirectoryPrivacyService.Entry<DirectoryPrivacyService.Protection> e) {
        DirectoryPrivacyService.Protection p = e.state();
        DirRows.PrivacyState state = p == null ? new DirRows.PrivacyState(e.error(), null, null, null, null)
                : new DirRows.PrivacyState(null, p.authType(), p.authName(), p.passwdFile(), p.isProtected());
        return new DirRows.PrivacyDir(e.path(), state);
    }
}
