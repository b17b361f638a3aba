package dev.openuapi.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.openuapi.kernel.ApiKind;
import dev.openuapi.kernel.FunctionRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code src/docs/compatibility.md} is generated from the function registry and the snapshot of cPanel's function
 * names; this test fails when the page is stale, and rewrites it when run with {@code -Ddocs.write=true}.
 */
@QuarkusTest
class CompatibilityMatrixTest {

    static final Path PAGE = Path.of("src/docs/compatibility.md");

    @Inject
    FunctionRegistry registry;

    @Test
    void thePageIsCurrent() throws IOException {
        String rendered = CompatibilityMatrix.render(registry, CpanelFunctions.read());
        if (Boolean.getBoolean("docs.write")) {
            Files.writeString(PAGE, rendered);
        }
        String current = Files.exists(PAGE) ? Files.readString(PAGE) : "";
        assertTrue(rendered.equals(current), () -> PAGE + " is stale (" + firstDifference(rendered, current)
                + "): regenerate it with `" + CompatibilityMatrix.COMMAND + "`");
    }

    /** Where two texts first differ, by line, so that the message stays short. */
    static String firstDifference(String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> have = actual.lines().toList();
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String w = i < want.size() ? want.get(i) : "<end>";
            String h = i < have.size() ? have.get(i) : "<end>";
            if (!w.equals(h)) {
                return "line " + (i + 1) + " is \"" + h + "\", expected \"" + w + "\"";
            }
        }
        return "line endings differ";
    }

    @Test
    void theDifferenceIsNamedByLine() {
        assertEquals("line 2 is \"b\", expected \"c\"", firstDifference("a\nc\n", "a\nb\n"));
        assertEquals("line 3 is \"x\", expected \"<end>\"", firstDifference("a\nb\n", "a\nb\nx\n"));
    }

    @Test
    void everyFunctionOfTheRegistryIsOnThePage() throws IOException {
        String page = CompatibilityMatrix.render(registry, CpanelFunctions.read());
        int functions = 0;
        for (FunctionRegistry.Module module : registry.modules()) {
            for (ApiKind kind : ApiKind.values()) {
                for (String name : module.functions(kind).keySet()) {
                    functions++;
                    assertTrue(page.contains("| `" + name + "` | "), kind + " " + module.name() + "::" + name);
                }
            }
        }
        assertTrue(functions > 100, "the registry holds " + functions + " functions");
    }

    @Test
    void statusesCompareBothSides() {
        CpanelFunctions cpanel = CpanelFunctions.parse(List.of("# version: 11.1", "# coverage: UAPI Tokens COMPLETE",
                "# coverage: UAPI Email PARTIAL only the first part", "# coverage: UAPI Nope NOT_READ", "face\tmodule\tfunction",
                "UAPI\tTokens\tlist", "UAPI\tTokens\tcreate_full_access", "UAPI\tTokens\tupdate", "UAPI\tEmail\tadd_pop"));
        String page = CompatibilityMatrix.render(registry, cpanel);
        assertTrue(page.contains("| `list` | implemented |"), page);
        assertTrue(page.contains("| `update` | **not implemented** |"), page);
        // Tokens::revoke is ours and Tokens is complete in this snapshot; Email's other functions cannot be checked.
        assertTrue(page.contains("| `revoke` | OpenUAPI only |"), page);
        assertTrue(page.contains("| `list_pops` | implemented (not checked"), page);
        assertTrue(page.contains("- `Nope` (its functions are not in the snapshot)"), page);
    }

    @Test
    void theSnapshotRefusesRowsWithoutCoverage() {
        assertThrows(IllegalStateException.class, () -> CpanelFunctions.parse(List.of("# version: 1", "UAPI\tX\ty")));
        assertThrows(IllegalStateException.class, () -> CpanelFunctions.parse(List.of("# coverage: UAPI X COMPLETE")));
    }
}
