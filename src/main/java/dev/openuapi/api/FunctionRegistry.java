package dev.openuapi.api;

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

    FunctionRegistry(Instance<ApiModule> beans) {
        Map<String, Module> byName = new TreeMap<>();
        for (ApiModule bean : beans) {
            Map<ApiKind, Map<String, ApiFunction>> functions = new EnumMap<>(ApiKind.class);
            for (ApiFunction function : bean.functions()) {
                if (functions.computeIfAbsent(function.kind(), k -> new LinkedHashMap<>()).put(function.name(), function) != null) {
                    throw new IllegalStateException("Function declared twice: " + function.kind() + " " + bean.name() + "::"
                            + function.name());
                }
            }
            if (byName.put(bean.name(), new Module(bean, Collections.unmodifiableMap(functions))) != null) {
                throw new IllegalStateException("Module declared twice: " + bean.name());
            }
        }
        this.modules = Collections.unmodifiableMap(byName);
    }

    public Optional<Module> module(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    public List<Module> modules() {
        return List.copyOf(modules.values());
    }
}
