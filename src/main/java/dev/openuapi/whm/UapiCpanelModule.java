package dev.openuapi.whm;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.face.uapi.UapiResult;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Args;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Dispatcher;
import dev.openuapi.kernel.Outcome;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Principal;
import dev.openuapi.kernel.Shape;
import dev.openuapi.operator.AccountAccess;
import dev.openuapi.operator.Acl;

/**
 * {@code uapi_cpanel} (spec §10.2): a WHM user runs a UAPI function as one of its accounts. The answer is
 * WHM's envelope with the UAPI result, unchanged, in {@code data.uapi}.
 */
@ApplicationScoped
public class UapiCpanelModule implements ApiModule {

    private final Dispatcher dispatcher;
    private final AccountAccess access;

    UapiCpanelModule(Dispatcher dispatcher, AccountAccess access) {
        this.dispatcher = dispatcher;
        this.access = access;
    }

    @Override
    public String name() {
        return WHM;
    }

    @Override
    public String group() {
        return "API Execution";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("uapi_cpanel").whm1().acl(Acl.CPANEL_API).summary("Run a UAPI function as one of your accounts")
                .description("Every other argument goes to the UAPI function. A reseller may act only as the accounts it owns.")
                .param(Param.string("cpanel.user", "The account to act as.").required().example("example"))
                .param(Param.string("cpanel.module", "The UAPI module.").required().example("Email"))
                .param(Param.string("cpanel.function", "The UAPI function.").required().example("list_pops"))
                .returns(Shape.object("The UAPI result.").field("uapi", Shape.object("UAPI's result object: status, data, errors, "
                        + "messages, warnings, metadata.").build()).build())
                // Email::list_pops' answer, the main account first
                .exampleJson("{\"uapi\":{\"status\":1,\"errors\":null,\"warnings\":null,\"messages\":null,\"metadata\":{\"transformed\":1},"
                        + "\"data\":[{\"email\":\"example\",\"login\":\"Main Account\",\"suspended_incoming\":0,\"suspended_login\":0}]}}")
                .handledBy(this::run));
    }

    private Object run(Call call) {
        Principal account = access.actingAs(call.whmUser(), call.args().get("cpanel.user"));
        Args arguments = call.args().without(key -> key.startsWith("cpanel."));
        Outcome outcome = dispatcher.run(ApiKind.UAPI, account, call.args().get("cpanel.module"), call.args().get("cpanel.function"),
                arguments);
        return Map.of("uapi", UapiResult.of(outcome, arguments).toMap());
    }
}
