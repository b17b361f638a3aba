package dev.openuapi.api;

import java.util.Collections;
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

    /** A module and its functions, keyed by function name. */
    public record Module(ApiModule module, Map<String, ApiFunction> functions) {
        public String name() {
            return module.name();
        }
    }

    private final Map<String, Module> modules;

    FunctionRegistry(Instance<ApiModule> beans) {
        Map<String, Module> byName = new TreeMap<>();
        for (ApiModule bean : beans) {
            Map<String, ApiFunction> functions = new LinkedHashMap<>();
            for (ApiFunction function : bean.functions()) {
                if (functions.put(function.name(), function) != null) {
                    throw new IllegalStateException("Function declared twice: " + bean.name() + "::" + function.name());
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
