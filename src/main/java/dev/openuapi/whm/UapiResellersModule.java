package dev.openuapi.whm;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.openuapi.account.AccountService;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * UAPI {@code Resellers} (cPanel's {@code Cpanel::API::Resellers}): a reseller's accounts, as its cPanel account sees
 * them. Not the WHM API 1 reseller functions ({@link ResellersModule}).
 */
@ApplicationScoped
public class UapiResellersModule implements ApiModule {

    /** One of the reseller's accounts. {@code select} is cPanel's Perl boolean: "1" for the caller's own account, else "". */
    @RegisterForReflection
    @Schema(description = "One of the reseller's accounts.")
    public record ResellerAccount(@Schema(description = "The account's main domain.") String domain,
            @Schema(description = "\"1\": the calling account itself; \"\": another.") String select,
            @Schema(description = "The account's username.") String user) {
    }

    private final AccountService accounts;

    UapiResellersModule(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "Resellers";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("list_accounts").readsOnly()
                .summary("Return reseller's cPanel accounts")
                .description("For a reseller: its own account and the accounts it owns, by username. For an account that is not a "
                        + "reseller cPanel's reseller lookup finds nothing and data is null.")
                .returns(Shape.arrayOf("The accounts; null when the caller is not a reseller.", Shape.of(ResellerAccount.class)).orNull())
                .exampleJson("[{\"domain\":\"example.com\",\"select\":\"1\",\"user\":\"username\"}]")
                .exampleSetup("/json-api/setupreseller?api.version=1&user=example&makeowner=1")
                .handledBy(this::listAccounts));
    }

    private Object listAccounts(Call call) {
        Principal me = call.principal();
        if (!me.isReseller()) {
            return null;
        }
        return accounts.list().stream()
                .filter(a -> a.username.equals(me.username()) || a.owner.equals(me.username()))
                .sorted(Comparator.comparing(a -> a.username))
                .map(a -> new ResellerAccount(a.domain, a.username.equals(me.username()) ? "1" : "", a.username))
                .toList();
    }
}
