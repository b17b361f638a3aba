package dev.openuapi.account;

/** Where an account's home directory is, as clients see it: {@code /home/<user>}, as on cPanel. */
public final class Homes {

    private Homes() {
    }

    public static String of(String username) {
        return "/home/" + username;
    }

    /** {@code dir} relative to the home directory ({@code public_html/sub}); a path outside it stays absolute. */
    public static String relative(String username, String dir) {
        String home = of(username);
        if (dir.equals(home)) {
            return "";
        }
        return dir.startsWith(home + "/") ? dir.substring(home.length() + 1) : dir;
    }

    /**
     * {@code path} with the home directory of {@code oldUser} replaced by that of {@code newUser} (an account's rename);
     * a path outside that home directory is returned as it is.
     */
    public static String renamed(String path, String oldUser, String newUser) {
        String oldHome = of(oldUser);
        if (path == null || !(path.equals(oldHome) || path.startsWith(oldHome + "/"))) {
            return path;
        }
        return of(newUser) + path.substring(oldHome.length());
    }
}
