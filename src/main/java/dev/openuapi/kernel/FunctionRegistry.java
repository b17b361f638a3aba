package dev.openuapi.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Every API function, by module and name, from the {@link ApiModule} beans; each module's declarations are built at its first use. */
@ApplicationScoped
public class FunctionRegistry {

    /**
     * A module and its functions, keyed by API and function name; {@code groups} gives each function's group (its
     * declaring bean's {@link ApiModule#group()}), keyed the same way.
     */
    public record Module(ApiModule module, Map<ApiKind, Map<String, ApiFunction>> functions, Map<ApiKind, Map<String, String>> groups) {
        public String name() {
            return module.name();
        }

        /** The group a function of this module is listed under in the OpenAPI document. */
        public String group(ApiFunction function) {
            return groups.getOrDefault(function.kind(), Map.of()).getOrDefault(function.name(), module.name());
        }

        public Map<String, ApiFunction> functions(ApiKind kind) {
            return functions.getOrDefault(kind, Map.of());
        }
    }

    /** The beans serving each module name, in name order. */
    private final Map<String, List<ApiModule>> beans;
    /** Each module's functions, declared at the module's first use. */
    private final Map<String, Module> built = new ConcurrentHashMap<>();

    /**
     * Several beans may serve one module name (WHM's functions live with the features they manage); they
     * must agree on the module's feature, and a function may be declared only once. A module's declarations
     * are built, and checked, when the module is first looked up, so that a call pays only for its own module
     * (the first call after start-up used to build all of them: issue 13, start-up time).
     */
    FunctionRegistry(Instance<ApiModule> beans) {
        Map<String, List<ApiModule>> byName = new TreeMap<>();
        for (ApiModule bean : beans) {
            byName.computeIfAbsent(bean.name(), n -> new ArrayList<>()).add(bean);
        }
        byName.replaceAll((name, list) -> List.copyOf(list));
        this.beans = Collections.unmodifiableMap(byName);
    }

    private static Module build(String name, List<ApiModule> beans) {
        ApiModule first = beans.get(0);
        Map<ApiKind, Map<String, ApiFunction>> byKind = new EnumMap<>(ApiKind.class);
        Map<ApiKind, Map<String, String>> groups = new EnumMap<>(ApiKind.class);
        for (ApiModule bean : beans) {
            if (!first.feature().equals(bean.feature())) {
                throw new IllegalStateException("Module " + name + " is declared with two different features");
            }
            for (ApiFunction function : bean.functions()) {
                if (byKind.computeIfAbsent(function.kind(), k -> new LinkedHashMap<>()).put(function.name(), function) != null) {
                    throw new IllegalStateException("Function declared twice: " + function.kind() + " " + name + "::" + function.name());
                }
                groups.computeIfAbsent(function.kind(), k -> new LinkedHashMap<>()).put(function.name(), bean.group());
            }
        }
        return new Module(first, Collections.unmodifiableMap(byKind), Collections.unmodifiableMap(groups));
    }

    /** What {@link #names} gives for a module or function that is not registered. */
    public static final String UNKNOWN = "unknown";

    /**
     * A call's module and function as the metrics and the activity log name them: registered names only, any other is
     * {@link #UNKNOWN}, so that a caller cannot make up new time series or rows.
     *
     * @param known the module has this function for this API
     */
    public record Names(String module, String function, boolean known) {
    }

    public Names names(ApiKind kind, String moduleName, String functionName) {
        Optional<Module> module = moduleName == null ? Optional.empty() : module(moduleName);
        boolean known = functionName != null && module.map(m -> m.functions(kind).containsKey(functionName)).orElse(false);
        return new Names(module.isPresent() ? moduleName : UNKNOWN, known ? functionName : UNKNOWN, known);
    }

    public Optional<Module> module(String name) {
        List<ApiModule> serving = beans.get(name);
        return serving == null ? Optional.empty() : Optional.of(built.computeIfAbsent(name, n -> build(n, serving)));
    }

    /** Every module, in name order (declaring those not used yet). */
    public List<Module> modules() {
        return beans.keySet().stream().map(name -> module(name).orElseThrow()).toList();
    }
}
