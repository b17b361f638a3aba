package dev.openuapi.kernel;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Every API function, by module and name. Built once from the {@link ApiModule} beans. */
@ApplicationScoped
public class FunctionRegistry {

    /** A module and its functions, keyed by API and function name. */
    public record Module(ApiModule module, Map<ApiKind, Map<String, ApiFunction>> functions) {
        public String name() {
            return module.name();
        }

        public Map<String, ApiFunction> functions(ApiKind kind) {
            return functions.getOrDefault(kind, Map.of());
        }
    }

    private final Map<String, Module> modules;

    /**
     * Several beans may serve one module name (WHM's functions live with the features they manage); they
     * must agree on the module's feature, and a function may be declared only once.
     */
    FunctionRegistry(Instance<ApiModule> beans) {
        Map<String, ApiModule> first = new TreeMap<>();
        Map<String, Map<ApiKind, Map<String, ApiFunction>>> functions = new TreeMap<>();
        for (ApiModule bean : beans) {
            ApiModule existing = first.putIfAbsent(bean.name(), bean);
            if (existing != null && !existing.feature().equals(bean.feature())) {
                throw new IllegalStateException("Module " + bean.name() + " is declared with two different features");
            }
            Map<ApiKind, Map<String, ApiFunction>> byKind = functions.computeIfAbsent(bean.name(), n -> new EnumMap<>(ApiKind.class));
            for (ApiFunction function : bean.functions()) {
                if (byKind.computeIfAbsent(function.kind(), k -> new LinkedHashMap<>()).put(function.name(), function) != null) {
                    throw new IllegalStateException("Function declared twice: " + function.kind() + " " + bean.name() + "::"
                            + function.name());
                }
            }
        }
        Map<String, Module> byName = new TreeMap<>();
        first.forEach((name, bean) -> byName.put(name, new Module(bean, Collections.unmodifiableMap(functions.get(name)))));
        this.modules = Collections.unmodifiableMap(byName);
    }

    public Optional<Module> module(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    public List<Module> modules() {
        return List.copyOf(modules.values());
    }
}
