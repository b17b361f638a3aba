package dev.openuapi.dirprivacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines of a directory's {@code .htaccess} that Directory Privacy, Directory Indexes and leech protection read
 * and write, edited as cPanel edits them (Cpanel::HttpUtils::Htaccess set_protected_directives /
 * get_protected_directives, Cpanel::Htaccess setindex / indextype / has_leech_protection). Text in, text out: no
 * file access here. Every other line of the file is kept as it was.
 */
final class Htaccess {

    private static final String TAG = "ppd";
    private static final String SECTION = "Password Protected Directories";
    private static final String DIVIDER = "#" + "-".repeat(63) + "-cp:" + TAG;

    private static final Pattern AUTH_TYPE = Pattern.compile("^\\s*AuthType\\s+\"?([^\"\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTH_NAME = Pattern.compile("^\\s*AuthName\\s+\"?((?:[^\"\\\\\\n]|\\\\.)*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTH_USER_FILE = Pattern.compile("^\\s*AuthUserFile\\s+\"?((?:[^\"\\\\\\n]|\\\\.)*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIRE_VALID_USER = Pattern.compile("^\\s*Require\\s+valid-user", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOVED_AUTH_TYPE = Pattern.compile("^\\s*AuthType", Pattern.CASE_INSENSITIVE);
    private static final Pattern REMOVED_REQUIRE = Pattern.compile("^\\s*Require valid-user", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER = Pattern.compile("^#.*-cp:" + TAG + "$");
    private static final Pattern FIRST_ESCAPE = Pattern.compile("\\\\(.)");

    private static final Pattern OPTIONS = Pattern.compile("^[\\s\\t]*Options[\\s\\t]*(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTIONS_PRESENT = Pattern.compile("^[\\s\\t]*Options[\\s\\t]", Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEX_OPTIONS = Pattern.compile("^[\\s\\t]*IndexOptions[\\s\\t]*(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEX_OPTIONS_PRESENT = Pattern.compile("^[\\s\\t]*IndexOptions[\\s\\t]", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTIONS_LINE = Pattern.compile("^[\\s\\t]*options", Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEXES = Pattern.compile("[\\s\\t]*(-?)indexes", Pattern.CASE_INSENSITIVE);
    private static final Pattern INDEX_OPTIONS_LINE = Pattern.compile("^[\\s\\t]*IndexOptions", Pattern.CASE_INSENSITIVE);
    private static final Pattern FANCY = Pattern.compile("[\\s\\t]*(-?)FancyIndexing", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEECH = Pattern.compile("RewriteCond\\s+\\$\\{LeechProtect:");

    /** What the file says about password protection; cPanel's defaults when it says nothing. */
    record Protection(String authType, String authName, String passwdFile, int isProtected) {
    }

    private Htaccess() {
    }

    /** cPanel's {@code split /\n/}: no trailing empty fields, nothing at all for an empty text. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static Protection protection(String text) {
        String type = "None";
        String name = "";
        String file = "";
        int on = 0;
        for (String line : lines(text)) {
            Matcher m;
            if ((m = AUTH_TYPE.matcher(line)).find()) {
                type = m.group(1);
            } else if ((m = AUTH_NAME.matcher(line)).find()) {
                name = FIRST_ESCAPE.matcher(m.group(1)).replaceFirst("$1");
            } else if ((m = AUTH_USER_FILE.matcher(line)).find()) {
                file = FIRST_ESCAPE.matcher(m.group(1)).replaceFirst("$1");
            } else if (REQUIRE_VALID_USER.matcher(line).find()) {
                on = 1;
            }
        }
        return new Protection(type, unescape(name), file, on);
    }

    /**
     * The file with every earlier protection directive and cPanel's section markers taken out and, when {@code on},
     * cPanel's managed section appended. A blank line just before a removed section (the one cPanel puts there) goes
     * with it, so that turning protection on and off does not grow the file.
     */
    static String withProtection(String text, boolean on, String authName, String passwdFile) {
        List<String> kept = new ArrayList<>();
        for (String line : lines(text)) {
            boolean ours = REMOVED_AUTH_TYPE.matcher(line).find() || AUTH_NAME_REMOVED.matcher(line).find()
                    || AUTH_USER_FILE_REMOVED.matcher(line).find() || REMOVED_REQUIRE.matcher(line).find() || MARKER.matcher(line).find();
            if (ours) {
                if (MARKER.matcher(line).find() && !kept.isEmpty() && kept.get(kept.size() - 1).isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                continue;
            }
            kept.add(line);
        }
        if (on) {
            kept.add("");
            kept.add(DIVIDER);
            kept.add("# Section managed by cPanel: " + SECTION + "     -cp:" + TAG);
            kept.add("# - Do not edit this section of the htaccess file!              -cp:" + TAG);
            kept.add(DIVIDER);
            kept.add("AuthType Basic");
            kept.add("AuthName " + quoted(authName));
            kept.add("AuthUserFile " + quoted(passwdFile));
            kept.add("Require valid-user");
            kept.add(DIVIDER);
            kept.add("# End section managed by cPanel: " + SECTION + " -cp:" + TAG);
            kept.add(DIVIDER);
        }
        return String.join("\n", kept);
    }

    private static final Pattern AUTH_NAME_REMOVED = Pattern.compile("^\\s*AuthName\\s+", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTH_USER_FILE_REMOVED = Pattern.compile("^\\s*AuthUserFile\\s+", Pattern.CASE_INSENSITIVE);

    /**
     * The file with each {@code AuthUserFile} under {@code oldHome} moved under {@code newHome} (an account's rename);
     * {@code null} when no line changes.
     */
    static String withHomeMoved(String text, String oldHome, String newHome) {
        boolean changed = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = AUTH_USER_FILE.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            String file = FIRST_ESCAPE.matcher(m.group(1)).replaceFirst("$1");
            if (file.startsWith(oldHome + "/")) {
                lines[i] = "AuthUserFile " + quoted(newHome + file.substring(oldHome.length()));
                changed = true;
            }
        }
        return changed ? String.join("\n", lines) : null;
    }

    /** cPanel's internal index type: -1 inherit, 0 disabled, 1 standard, 2 fancy (Cpanel::Htaccess::indextype). */
    static int indexType(String text) {
        int type = -1;
        for (String line : lines(text)) {
            Matcher m;
            if (OPTIONS_LINE.matcher(line).find() && (m = INDEXES.matcher(line)).find()) {
                if (m.group(1).equals("-")) {
                    type = 0;
                    break;
                }
                if (type != 1) {
                    type = 2;
                }
            }
            if (INDEX_OPTIONS_LINE.matcher(line).find() && (m = FANCY.matcher(line)).find() && m.group(1).equals("-")) {
                type = 1;
            }
        }
        return type;
    }

    /**
     * The file with its {@code Options} and {@code IndexOptions} lines set for {@code type} as Cpanel::Htaccess::setindex
     * sets them: the indexing words replaced, the other options kept, a line left empty removed, the lines added at the
     * end when missing. Other lines are kept as they are.
     */
    static String withIndexType(String text, int type) {
        List<String> lines = lines(text);
        boolean hasOptions = lines.stream().anyMatch(l -> OPTIONS_PRESENT.matcher(l).find());
        boolean hasIndexOptions = lines.stream().anyMatch(l -> INDEX_OPTIONS_PRESENT.matcher(l).find());
        if (!hasOptions) {
            lines.add("Options +Indexes");
        }
        if (!hasIndexOptions) {
            lines.add("IndexOptions +FancyIndexing");
        }
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            Matcher m;
            if ((m = OPTIONS.matcher(line)).find()) {
                List<String> options = words(m.group(1), "indexes");
                if (type == 0) {
                    options.add("-Indexes");
                } else if (type == 1 || type == 2) {
                    options.add("+Indexes");
                }
                if (!options.isEmpty()) {
                    out.append("Options ").append(String.join(" ", options)).append('\n');
                }
            } else if ((m = INDEX_OPTIONS.matcher(line)).find()) {
                List<String> options = words(m.group(1), "fancyindexing|htmltable");
                if (type == 1) {
                    options.add("-HTMLTable -FancyIndexing");
                } else if (type == 2) {
                    options.add("+HTMLTable +FancyIndexing");
                }
                if (!options.isEmpty()) {
                    out.append("IndexOptions ").append(String.join(" ", options)).append('\n');
                }
            } else {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** Whether cPanel's leech protection rule is in the file (Cpanel::Htaccess::has_leech_protection). */
    static boolean hasLeechProtection(String text) {
        for (String line : lines(text)) {
            if (LEECH.matcher(line).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String options, String dropped) {
        Pattern drop = Pattern.compile(dropped, Pattern.CASE_INSENSITIVE);
        List<String> kept = new ArrayList<>();
        for (String word : options.split("[\\s\\t]+")) {
            if (!word.isEmpty() && !drop.matcher(word).find()) {
                kept.add(word);
            }
        }
        return kept;
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String unescape(String text) {
        return text.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
