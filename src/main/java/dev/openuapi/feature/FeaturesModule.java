package dev.openuapi.feature;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.common.Quote;
import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;

/** UAPI {@code Features}: which of cPanel's features the account has. */
@ApplicationScoped
public class FeaturesModule implements ApiModule {

    @Override
    public String name() {
        return "Features";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("has_feature").readsOnly()
                        .summary("Check whether the account has a feature")
                        .description("data is 1 when the account has the feature, 0 (with a message) when the feature exists "
                                + "but is not enabled, and null for an unknown feature name.")
                        .param(Param.string("name", "The feature's name.").requiredWithMessage("You must specify a feature name.")
                                .example("apitokens"))
                        .returns(Shape.integer("1: enabled; 0: exists but not enabled; null: no such feature.").orNull())
                        .exampleJson("1")
                        .handledBy(this::hasFeature),
                ApiFunction.named("list_features").readsOnly()
                        .summary("List the account's features")
                        .description("Every feature OpenUAPI knows, with 1 when the account has it and 0 when it does not.")
                        .returns(Shape.mapOf("Feature names and whether each is enabled.", Shape.integer("1 or 0.")))
                        .example(FeatureCatalog.map(FeatureCatalog.names()))
                        .handledBy(this::listFeatures));
    }

    private Object hasFeature(Call call) {
        String name = call.args().get("name");
        if (!FeatureCatalog.exists(name)) {
            return null;
        }
        if (call.principal().hasFeature(name)) {
            return 1;
        }
        call.message("The feature " + Quote.of(name) + " exists but is not enabled.");
        return 0;
    }

    private Object listFeatures(Call call) {
        return FeatureCatalog.map(call.principal().features());
    }
}
