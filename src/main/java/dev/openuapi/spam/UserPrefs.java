package dev.openuapi.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of an Apache SpamAssassin™ {@code user_prefs} file, read and changed line by line (no I/O here). A setting
 * line is {@code name value…}; blank lines and lines starting with {@code #} are comments. Reading follows cPanel's
 * {@code Cpanel::SpamAssassin::Config::get_user_preferences} (a {@code LoadConfig} read with a space delimiter, each
 * name to the list of its values, in file order). A change replaces every line of one setting and keeps every other
 * line as it is: comments, blank lines, other settings (cPanel's own save rewrites the whole file without them).
 */
final class UserPrefs {

    private final List<String> lines;

    private UserPrefs(List<String> lines) {
        this.lines = lines;
    }

    static UserPrefs parse(String text) {
        List<String> lines = new ArrayList<>();
        if (!text.isEmpty()) {
            String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            for (String line : body.split("\n", -1)) {
                lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            }
        }
        return new UserPrefs(lines);
    }

    /** Every setting, by name as written (sorted, as cPanel's JSON answer lists them), each with its values in file order. */
    Map<String, List<String>> settings() {
        Map<String, List<String>> settings = new TreeMap<>();
        for (String line : lines) {
            String[] setting = setting(line);
            if (setting != null) {
                settings.computeIfAbsent(setting[0], k -> new ArrayList<>()).add(setting[1]);
            }
        }
        return settings;
    }

    /** The values of one setting (its name in any case, as SpamAssassin reads it), in file order. */
    List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            String[] setting = setting(line);
            if (setting != null && setting[0].equalsIgnoreCase(name)) {
                values.add(setting[1]);
            }
        }
        return values;
    }

    /**
     * The file with every line of {@code name} (in any case) replaced by one line per value, written where its first line
     * was (at the end when it had none); no values: its lines removed. Every other line is kept.
     */
    UserPrefs with(String name, List<String> values) {
        List<String> out = new ArrayList<>();
        boolean placed = false;
        for (String line : lines) {
            String[] setting = setting(line);
            if (setting != null && setting[0].equalsIgnoreCase(name)) {
                if (!placed) {
                    values.forEach(v -> out.add(name + " " + v));
                    placed = true;
                }
                continue;
            }
            out.add(line);
        }
        if (!placed) {
            values.forEach(v -> out.add(name + " " + v));
        }
        return new UserPrefs(out);
    }

    String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** {name, value} of a setting line, {@code null} for a comment or a blank line. */
    private static String[] setting(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return null;
        }
        int space = 0;
        while (space < trimmed.length() && !Character.isWhitespace(trimmed.charAt(space))) {
            space++;
        }
        return new String[] {trimmed.substring(0, space), trimmed.substring(space).strip()};
    }
}
