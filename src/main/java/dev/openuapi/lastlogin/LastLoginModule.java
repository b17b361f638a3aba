package dev.openuapi.lastlogin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.auth.ClientAddress;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Shape;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * UAPI {@code LastLogin}. The answer is a string, as cPanel's {@code Cpanel::API::LastLogin} sets it (the
 * OpenAPI document at api.docs.cpanel.net shows an array; the code and spec §9.1 row 43 say a string).
 */
@ApplicationScoped
public class LastLoginModule implements ApiModule {

    private final LastLoginService lastLogins;
    private final ClientAddress clientAddress;
    private final CurrentVertxRequest request;

    LastLoginModule(LastLoginService lastLogins, ClientAddress clientAddress, CurrentVertxRequest request) {
        this.lastLogins = lastLogins;
        this.clientAddress = clientAddress;
        this.request = request;
    }

    @Override
    public String name() {
        return "LastLogin";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("get_last_or_current_logged_in_ip").changesState()
                .summary("Return the address the account last logged in from, else the current one")
                .description("The previous address this function saw for the account, or the caller's own when there is none. "
                        + "Each call records the caller's IPv4 address, as cPanel's ~/.lastlogin does.")
                .returns(Shape.string("An IP address, or an empty string."))
                .exampleJson("\"192.168.0.1\"")
                .handledBy(call -> lastLogins.lastOrCurrent(call.principal().accountId(), current())));
    }

    private String current() {
        var routing = request.getCurrent();
        return routing == null ? "" : clientAddress.of(routing.request());
    }
}
