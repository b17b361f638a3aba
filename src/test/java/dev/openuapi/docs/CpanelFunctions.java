package dev.openuapi.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.openuapi.kernel.ApiKind;

/**
 * The snapshot of cPanel's function names in {@code src/docs/data/cpanel-functions.tsv}: rows {@code face, module,
 * function}, and in the header {@code # version:} (the cPanel version the names come from) and one {@code # coverage:}
 * line per module (whether the snapshot holds all of that module's functions, some, or none), and {@code # unread:}
 * lines that name, in words, what else cPanel has that the snapshot does not hold yet.
 */
record CpanelFunctions(String version, String checked, Map<ApiKind, Map<String, Module>> faces,
        Map<ApiKind, List<String>> unread) {

    static final Path FILE = Path.of("src/docs/data/cpanel-functions.tsv");

    /** How much of a cPanel module the snapshot holds. */
    enum Coverage {
        /** every function of the module, from its OpenAPI document. */
        COMPLETE,
        /** some functions: the note says which part is missing. */
        PARTIAL,
        /** the module exists in cPanel, but its functions were not read into the snapshot. */
        NOT_READ
    }

    record Module(String name, Coverage coverage, String note, TreeSet<String> functions) {
    }

    List<String> unread(ApiKind face) {
        return unread.getOrDefault(face, List.of());
    }

    Map<String, Module> modules(ApiKind face) {
        return faces.getOrDefault(face, Map.of());
    }

    static CpanelFunctions read() throws IOException {
        return parse(Files.readAllLines(FILE));
    }

    static CpanelFunctions parse(List<String> lines) {
        String version = null;
        String checked = null;
        Map<ApiKind, Map<String, Module>> faces = new LinkedHashMap<>();
        Map<ApiKind, List<String>> unread = new LinkedHashMap<>();
        List<String[]> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("# version:")) {
                version = line.substring("# version:".length()).trim();
            } else if (line.startsWith("# checked:")) {
                checked = line.substring("# checked:".length()).trim();
            } else if (line.startsWith("# unread:")) {
                String[] part = line.substring("# unread:".length()).trim().split("\\s+", 2);
                unread.computeIfAbsent(ApiKind.valueOf(part[0]), f -> new ArrayList<>()).add(part[1]);
            } else if (line.startsWith("# coverage:")) {
                // # coverage: FACE Module COMPLETE|PARTIAL|NOT_READ [note]
                String[] part = line.substring("# coverage:".length()).trim().split("\\s+", 4);
                ApiKind face = ApiKind.valueOf(part[0]);
                Coverage coverage = Coverage.valueOf(part[2]);
                Module module = new Module(part[1], coverage, part.length > 3 ? part[3] : "", new TreeSet<>());
                if (faces.computeIfAbsent(face, f -> new TreeMap<>()).put(part[1], module) != null) {
                    throw new IllegalStateException("coverage given twice: " + line);
                }
            } else if (!line.startsWith("#") && !line.isBlank() && !line.equals("face\tmodule\tfunction")) {
                String[] row = line.split("\t");
                if (row.length != 3) {
                    throw new IllegalStateException("not face, module, function: " + line);
                }
                rows.add(row);
            }
        }
        for (String[] row : rows) {
            ApiKind face = ApiKind.valueOf(row[0]);
            Module module = faces.getOrDefault(face, Map.of()).get(row[1]);
            if (module == null) {
                throw new IllegalStateException("no # coverage: line for " + row[0] + " " + row[1]);
            }
            if (!module.functions().add(row[2])) {
                throw new IllegalStateException("listed twice: " + String.join(" ", row));
            }
        }
        if (version == null) {
            throw new IllegalStateException("no # version: line");
        }
        return new CpanelFunctions(version, checked, faces, unread);
    }
}
