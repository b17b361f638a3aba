package dev.openuapi.usermanager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.ParamType;
import dev.openuapi.kernel.Shape;

/**
 * UAPI {@code UserManager} (list_users, lookup_service_account), as cPanel's {@code Cpanel::API::UserManager} and
 * {@code Cpanel::UserManager}: the feature {@code user_manager}, the record keys, the grouping of service accounts
 * that share a name under a hypothetical subaccount (unless {@code flat=1}), the cPanel account last, and the
 * refusals' wording.
 */
@ApplicationScoped
public class UserManagerModule implements ApiModule {

    public static final String FEATURE = "user_manager";
    private static final List<String> SERVICE_TYPES = List.of("email", "ftp", "webdisk");

    private static final Param FLAT = Param.of("flat", ParamType.BOOLEAN,
            "1: list service accounts that share a name one by one instead of under a hypothetical subaccount.").example("1");
    private static final Param FULL_USERNAME = Param.string("full_username", "The service account: user@domain.")
            .requiredWithMessage("You must specify the full_username attribute.").example("info@example.com");
    private static final Param TYPE = Param.string("type", "email, ftp or webdisk.").requiredWithMessage("You must specify a service type.")
            .example("email");

    /** A service account's record, for the OpenAPI document. */
    private static final String SERVICE_EXAMPLE = "{\"has_invite\":0,\"synced_password\":0,\"can_delete\":1,\"can_set_password\":1,\"can_set_quota\":1,"
            + "\"dismissed\":0,\"has_expired_invite\":0,\"has_siblings\":0,\"special\":0,\"sub_account_exists\":0,"
            + "\"alternate_email\":null,\"avatar_url\":null,\"domain\":\"example.com\",\"guid\":\"INFO:EXAMPLE.COM:69253F00:"
            + "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08\",\"invite_expiration\":null,"
            + "\"phone_number\":null,\"real_name\":null,\"type\":\"service\",\"username\":\"info\","
            + "\"dismissed_merge_candidates\":[],\"full_username\":\"info@example.com\",\"issues\":[],\"merge_candidates\":[],"
            + "\"parent_type\":null,\"services\":{\"email\":{\"enabled\":1,\"quota\":250},\"ftp\":{\"enabled\":0},"
            + "\"webdisk\":{\"enabled\":0}},\"team_owner\":null}";

    /** The mailbox the examples show, with its 250 MB quota. */
    private static final String ADD_MAILBOX = "/execute/Email/add_pop?email=info&domain=example.com&password=Secr3t-Pass!&quota=250";

    private final UserManagerService users;

    UserManagerModule(UserManagerService users) {
        this.users = users;
    }

    @Override
    public String name() {
        return "UserManager";
    }

    @Override
    public Optional<String> feature() {
        return Optional.of(FEATURE);
    }

    @Override
    public List<ApiFunction> functions() {
        Shape user = Shape.of(UserManagerRows.User.class);
        return List.of(
                ApiFunction.named("list_users").readsOnly().summary("List the account's users: service accounts and the cPanel account")
                        .param(FLAT)
                        .returns(Shape.arrayOf("The users; the cPanel account is last.", user))
                        .exampleJson("[" + SERVICE_EXAMPLE + "]")
                        .exampleSetup(ADD_MAILBOX)
                        .handledBy(this::listUsers),
                ApiFunction.named("lookup_service_account").readsOnly().summary("Return one service account").param(FULL_USERNAME).param(TYPE)
                        .returns(user)
                        .exampleJson(SERVICE_EXAMPLE)
                        .exampleSetup(ADD_MAILBOX)
                        .handledBy(this::lookup));
    }

    private List<UserManagerRows.User> listUsers(Call call) {
        String home = users.home(call.principal().username());
        boolean flat = call.args().isTrue(FLAT.name());
        List<UserManagerRows.User> rows = new ArrayList<>();
        for (UserManagerService.Group group : users.serviceAccounts(call.principal().accountId(), home)) {
            List<UserManagerService.ServiceAccount> accounts = group.accounts();
            int siblings = accounts.size() > 1 ? 1 : 0;
            if (flat || accounts.size() == 1) {
                accounts.forEach(a -> rows.add(service(a, siblings, null)));
            } else {
                UserManagerService.ServiceAccount first = accounts.get(0);
                List<Object> candidates = new ArrayList<>();
                accounts.forEach(a -> candidates.add(service(a, siblings, "hypothetical")));
                rows.add(new UserManagerRows.User(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, first.domain(),
                        UserManagerRows.guid(first.username(), first.domain(), first.createdAt(), "hypothetical"), null, null, null,
                        "hypothetical", first.username(), List.of(), group.fullUsername(), List.of(), candidates, null,
                        UserManagerRows.services(null, null, null), null));
            }
        }
        String username = call.principal().username();
        Map<String, Object> on = Map.of("enabled", 1);
        rows.add(new UserManagerRows.User(0, 0, 0, 0, 0, 0, 0, 0, 1, 0, null, null, null, UserManagerRows.guid(username, null, 0, "cpanel"),
                null, null, null, "cpanel", username, List.of(), username, List.of(), List.of(), null,
                UserManagerRows.services(on, on, on), null));
        return rows;
    }

    private UserManagerRows.User lookup(Call call) {
        String fullUsername = FULL_USERNAME.from(call);
        String type = TYPE.from(call);
        if (!SERVICE_TYPES.contains(type)) {
            throw ApiException.invalid("Unsupported service type. You must specify email, ftp, or webdisk.");
        }
        List<UserManagerService.ServiceAccount> accounts = users.serviceAccounts(call.principal().accountId(),
                users.home(call.principal().username()), fullUsername);
        int siblings = accounts.size() > 1 ? 1 : 0;
        return accounts.stream().filter(a -> a.service().equals(type)).findFirst().map(a -> service(a, siblings, null))
                .orElseThrow(() -> ApiException.notFound("The specified service account does not exist."));
    }

    /** A service account's record, as cPanel's gather_email_accounts and gather_ftp_accounts make it. */
    private static UserManagerRows.User service(UserManagerService.ServiceAccount account, int siblings, String parentType) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("enabled", 1);
        long quota = account.quotaMb() == null ? 0 : account.quotaMb();
        settings.put("quota", quota);
        List<UserManagerRows.Issue> issues = new ArrayList<>();
        Map<String, Map<String, Object>> services;
        if (account.service().equals("email")) {
            services = UserManagerRows.services(settings, null, null);
        } else {
            settings.put("homedir", account.homedir());
            services = UserManagerRows.services(null, settings, null);
            long used = (long) Math.floor(UserManagerService.mb(account.usedBytes()));
            if (quota > 0 && used >= quota) {
                issues.add(new UserManagerRows.Issue("error", "quota", "ftp",
                        "This account has exhausted its FTP quota of “" + quota + " MB”.", used, quota));
            } else if (quota > 0 && used >= quota * 0.8) {
                issues.add(new UserManagerRows.Issue("warning", "quota", "ftp",
                        "This account has used “" + String.format(Locale.ROOT, "%.2f MB", UserManagerService.mb(account.usedBytes()))
            + "” of its FTP quota of “" + quota + " MB”.", used, quota));
            }
        }
        return new UserManagerRows.User(0, 0, 1, 1, 1, 0, 0, siblings, 0, 0, null, null, account.domain(),
                UserManagerRows.guid(account.username(), account.domain(), account.createdAt(), "service"), null, null, null, "service",
                account.username(), List.of(), account.fullUsername(), issues, List.of(), parentType, services, null);
    }
}
