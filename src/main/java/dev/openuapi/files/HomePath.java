package dev.openuapi.files;

import java.util.ArrayList;
import java.util.List;

import dev.openuapi.common.ApiException;
import dev.openuapi.common.Quote;

/**
 * A path inside one account's home directory, as the components below the home ({@code []} is the home itself).
 * Made only by {@link #parse}, which has already refused what leads out of the home by its text: {@code ..} past
 * the top, an absolute path elsewhere, NUL, CR or LF. Symlinks are checked where the path is used ({@link Home}).
 */
public record HomePath(List<String> parts) {

    public HomePath {
        parts = List.copyOf(parts);
    }

    public static final HomePath HOME = new HomePath(List.of());

    /**
     * A client's path: relative to the home, absolute under {@code /home/<user>} (cPanel's examples), or absolute
     * under the real home directory {@code realHome}. {@code .} and {@code ..} are applied; {@code ..} past the
     * home, and every other absolute path, is refused.
     */
    public static HomePath parse(String username, String realHome, String path) {
        if (path == null) {
            throw ApiException.invalid("Provide a path.");
        }
        if (path.indexOf('\0') >= 0 || path.indexOf('\r') >= 0 || path.indexOf('\n') >= 0) {
            throw ApiException.invalid("The path " + Quote.of(printable(path)) + " contains a NUL, carriage return or line feed character.");
        }
        String relative = path;
        if (path.startsWith("/")) {
            relative = below(path, "/home/" + username);
            if (relative == null) {
                relative = below(path, realHome);
            }
            if (relative == null) {
                throw ApiException.invalid("The path " + Quote.of(path) + " is outside your home directory.");
            }
        } else if (path.equals("~") || path.startsWith("~/")) {
            relative = path.substring(1);
        }
        HomePath parsed = HOME.resolve(relative);
        if (parsed == null) {
            throw ApiException.invalid("The path " + Quote.of(path) + " leads out of your home directory.");
        }
        return parsed;
    }

    /** {@code relative} (components separated by {@code /}) below this path, or {@code null} when {@code ..} leads out of the home. */
    public HomePath resolve(String relative) {
        List<String> result = new ArrayList<>(parts);
        for (String part : relative.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (result.isEmpty()) {
                    return null;
                }
                result.remove(result.size() - 1);
            } else {
                result.add(part);
            }
        }
        return new HomePath(result);
    }

    /** One more component; {@code name} must be a plain file name (no {@code /}, not {@code .} or {@code ..}). */
    public HomePath child(String name) {
        checkName(name);
        List<String> result = new ArrayList<>(parts);
        result.add(name);
        return new HomePath(result);
    }

    /** Refuses a name that is not a single plain component. */
    public static String checkName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0
                || name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
            throw ApiException.invalid("The name " + Quote.of(name == null ? "" : printable(name)) + " is not a valid file name.");
        }
        return name;
    }

    public boolean isHome() {
        return parts.isEmpty();
    }

    /** The last component; {@code ""} for the home itself. */
    public String name() {
        return parts.isEmpty() ? "" : parts.get(parts.size() - 1);
    }

    public HomePath parent() {
        return parts.isEmpty() ? this : new HomePath(parts.subList(0, parts.size() - 1));
    }

    /** Whether this is {@code other} or below it. */
    public boolean isWithin(HomePath other) {
        return parts.size() >= other.parts.size() && parts.subList(0, other.parts.size()).equals(other.parts);
    }

    /** Relative to the home: {@code public_html/index.html}, {@code ""} for the home. */
    public String relative() {
        return String.join("/", parts);
    }

    /** This path below the directory {@code top} (a home's real path): {@code top} itself for the home. */
    public String under(String top) {
        return isHome() ? top : top + "/" + relative();
    }

    @Override
    public String toString() {
        return relative();
    }

    /** {@code path} relative to the directory {@code top} ({@code ""} for {@code top} itself), or {@code null} when it is not below it. */
    static String below(String path, String top) {
        if (path.equals(top) || path.equals(top + "/")) {
            return "";
        }
        return path.startsWith(top + "/") ? path.substring(top.length() + 1) : null;
    }

    private static String printable(String path) {
        return path.replace("\0", "\\0").replace("\r", "\\r").replace("\n", "\\n");
    }
}
