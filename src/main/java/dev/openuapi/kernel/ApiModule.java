package dev.openuapi.kernel;

import java.util.List;
import java.util.Optional;

/**
 * A UAPI module ({@code Tokens}, {@code Variables}, …). Implementations are CDI beans; the
 * {@link FunctionRegistry} collects them at startup, with no class scanning, so the registry works the
 * same in a native image.
 */
public interface ApiModule {

    /** The one module name of WHM API 1's functions (they live with the features they manage). */
    String WHM = "WHM";

    /** The module name as it appears in {@code /execute/<Module>/…}; case-sensitive. */
    String name();

    /** A feature every function of the module needs; checked before the function is even looked up. */
    default Optional<String> feature() {
        return Optional.empty();
    }

    /**
     * Where this bean's functions are listed in the OpenAPI document, within the face: the module itself, except for WHM
     * API 1, whose functions form one module but are grouped by what they manage, as in cPanel's WHM API 1 reference
     * (Accounts, Packages, cPHulk, …).
     */
    default String group() {
        return name();
    }

    List<ApiFunction> functions();
}
