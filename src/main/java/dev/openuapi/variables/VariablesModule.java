package dev.openuapi.variables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.account.Account;
import dev.openuapi.feature.FeaturesModule;
import dev.openuapi.api.ApiFunction;
import dev.openuapi.api.ApiModule;
import dev.openuapi.api.Call;
import dev.openuapi.api.Param;
import dev.openuapi.api.Shape;

/** UAPI {@code Variables}: the account's settings, as far as OpenUAPI holds them. */
@ApplicationScoped
public class VariablesModule implements ApiModule {

    @Override
    public String name() {
        return "Variables";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(ApiFunction.named("get_user_information")
                .summary("Return the account's configuration settings")
                .description("Returns every setting OpenUAPI holds for the account, or only those named. Repeat name "
                        + "(or send name-0, name-1, …) for several; a name we do not hold comes back as null.")
                .param(Param.string("name", "A setting to return. Repeatable.").multiple().example("domain"))
                .returns(Shape.object("The account's settings.")
                        .field("user", Shape.string("The username."))
                        .field("domain", Shape.string("The main domain."))
                        .field("domains", Shape.arrayOf("The account's domains.", Shape.string("A domain.")))
                        .field("contact_email", Shape.string("The contact email address."))
                        .field("contact_email_2", Shape.string("The alternate contact email address (empty)."))
                        .field("created", Shape.integer("When the account was created (Unix epoch)."))
                        .field("last_modified", Shape.integer("When the account was last changed (Unix epoch)."))
                        .field("demo_mode", Shape.integer("Always 0."))
                        .field("feature", Shape.mapOf("Feature names, 1 when enabled, 0 when not.", Shape.integer("1 or 0.")))
                        .build())
                .handledBy(this::getUserInformation));
    }

    private Object getUserInformation(Call call) {
        Map<String, Object> all = information(call.account());
        List<String> names = call.args().getMultiple("name");
        if (names.isEmpty()) {
            return all;
        }
        Map<String, Object> selected = new LinkedHashMap<>();
        names.forEach(name -> selected.put(name, all.get(name)));
        return selected;
    }

    private static Map<String, Object> information(Account account) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("user", account.username);
        info.put("domain", account.domain);
        info.put("domains", List.of(account.domain));
        info.put("contact_email", account.contactEmail);
        info.put("contact_email_2", "");
        info.put("created", account.createdAt);
        info.put("last_modified", account.updatedAt);
        info.put("demo_mode", 0);
        info.put("feature", FeaturesModule.featureMap(account.featureSet()));
        return info;
    }
}
