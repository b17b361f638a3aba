package dev.openuapi.config;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;

/**
 * Every OpenUAPI setting ({@code openuapi.*}) is declared once, in {@link OpenUapiConfig}, and the
 * configuration table in {@code src/docs/configuration.md} lists each with its default.
 */
class ConfigReferenceTest {

    record Key(String name, String defaultValue, String group) {
    }

    static List<Key> keys(Class<?> type, String prefix, String group) {
        List<Key> keys = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            String name = prefix + kebab(method.getName());
            Class<?> returned = method.getReturnType();
            if (returned.isInterface() && returned.getDeclaringClass() == OpenUapiConfig.class) {
                keys.addAll(keys(returned, name + ".", name));
            } else {
                WithDefault fallback = method.getAnnotation(WithDefault.class);
                keys.add(new Key(name, fallback == null ? null : fallback.value(), group));
            }
        }
        return keys;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    @Test
    void theConfigurationPageDocumentsEverySettingWithItsDefault() throws IOException {
        String page = Files.readString(Path.of("src/docs/configuration.md"));
        String table = page.substring(page.indexOf("## Settings"), page.indexOf("\n## ", page.indexOf("## Settings") + 5));
        List<Key> keys = keys(OpenUapiConfig.class, "openuapi.", null);
        assertTrue(keys.size() >= 15, keys.toString());
        for (Key key : keys) {
            Optional<String> row = table.lines().filter(line -> line.startsWith("| `" + key.name() + "`")).findFirst();
            if (row.isEmpty() && key.group() != null) {
                row = table.lines().filter(line -> line.startsWith("| `" + key.group() + ".*`")).findFirst();
                assertTrue(row.isPresent(), key.name() + " (or " + key.group() + ".*) is not in the configuration table of src/docs/configuration.md");
                continue;
            }
            assertTrue(row.isPresent(), key.name() + " is not in the configuration table of src/docs/configuration.md");
            if (key.defaultValue() != null) {
                assertTrue(row.get().contains("`" + key.defaultValue() + "`"), key.name() + ": src/docs/configuration.md does not give its default "
                        + key.defaultValue());
            }
        }
    }
}
