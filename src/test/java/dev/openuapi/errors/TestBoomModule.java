package dev.openuapi.errors;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.openuapi.kernel.ApiFunction;
import dev.openuapi.kernel.ApiModule;
import dev.openuapi.kernel.Call;
import dev.openuapi.kernel.Param;
import dev.openuapi.kernel.Shape;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Test-only UAPI and API 2 functions that fail unexpectedly. Only {@link InternalErrorsTest}'s profile sets the
 * build property, so the registry (and the OpenAPI document that AclMatrixTest and OpenApiTest read) knows
 * them nowhere else; the packaged jar of the *IT runs never contains them.
 */
@ApplicationScoped
@IfBuildProperty(name = TestBoomModule.ENABLED, stringValue = "true")
public class TestBoomModule implements ApiModule {

    public static final String ENABLED = "openuapi-test.boom-module";
    static final Param NONCE = Param.string("nonce", "Put into the exception's message.");

    @Override
    public String name() {
        return "TestBoom";
    }

    @Override
    public List<ApiFunction> functions() {
        return List.of(
                ApiFunction.named("fn").readsOnly().summary("Throws an unexpected exception").param(NONCE).handledBy(TestBoomModule::boom),
                ApiFunction.named("unserialisable").readsOnly().summary("Returns data that cannot be written as JSON").param(NONCE)
                        .returns(Shape.object("Data.").build()).handledBy(call -> Map.of("value", new Exploding(nonce(call)))),
                ApiFunction.named("fn").api2().readsOnly().summary("Throws an unexpected exception").param(NONCE).handledBy(TestBoomModule::boom),
                ApiFunction.named("unserialisable").api2().readsOnly().summary("Returns rows that cannot be written as JSON").param(NONCE)
                        .handledBy(call -> List.of(Map.of("value", new Exploding(nonce(call))))));
    }

    static Object boom(Call call) {
        throw new TestBoomException(nonce(call));
    }

    static String nonce(Call call) {
        return call.args().getOrDefault("nonce", "");
    }

    /** A value whose only property throws when Jackson reads it: the failure comes after the function returned. */
    public static final class Exploding {
        private final String nonce;

        Exploding(String nonce) {
            this.nonce = nonce;
        }

        public String getValue() {
            throw new TestBoomException(nonce);
        }
    }

    /** The WHM API 1 side: WHM functions live in the module named {@code WHM}. */
    @ApplicationScoped
    @IfBuildProperty(name = TestBoomModule.ENABLED, stringValue = "true")
    public static class Whm implements ApiModule {

        @Override
        public String name() {
            return WHM;
        }

        @Override
        public List<ApiFunction> functions() {
            return List.of(
                    ApiFunction.named("testboom_fn").whm1().acl("all").summary("Throws an unexpected exception").param(NONCE)
                            .handledBy(TestBoomModule::boom),
                    ApiFunction.named("testboom_unserialisable").whm1().acl("all").summary("Returns data that cannot be written")
                            .param(NONCE).handledBy(call -> Map.of("value", new Exploding(nonce(call)))));
        }
    }
}
