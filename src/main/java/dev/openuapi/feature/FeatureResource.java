package dev.openuapi.feature;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.openuapi.auth.Caller;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The features the calling account has, with their plain-language names: what a limited token may be given
 * ({@code features} on {@code POST /api/v1/tokens}), listed by the token page.
 */
@Path("/api/v1/features")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "REST Tokens")
@SecurityRequirement(name = "cpanelToken")
@SecurityRequirement(name = "basicAuth")
public class FeatureResource {

    @RegisterForReflection
    public record FeatureView(
            @Schema(description = "cPanel's name of the feature, as `features` on a token takes it.", example = "zoneedit") String name,
            @Schema(description = "Its plain-language name, as cPanel's Feature Manager shows it.", example = "Zone Editor") String label) {
    }

    private final Caller caller;

    FeatureResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "rest_features_list", summary = "List the account's features, with their plain-language names")
    @APIResponse(responseCode = "200", description = "The account's enabled features, by name", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = FeatureView.class),
            examples = @ExampleObject(name = "features", value = "[{\"name\":\"mysql\",\"label\":\"MySQL Databases\"},"
                    + "{\"name\":\"zoneedit\",\"label\":\"Zone Editor\"}]")))
    public List<FeatureView> list() {
        return caller.principal().features().stream().map(name -> new FeatureView(name, FeatureCatalog.label(name))).toList();
    }
}
