package dev.openuapi.files;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The accounts' home directories as paths, the way clients are shown them and rows keep them (document roots, FTP
 * directories, pipe forwarders): the real absolute path {@code <openuapi.homes.root>/<user>} and paths below it, so
 * that an FTP or mail server reading those rows finds the files. Rows follow an account's rename through
 * {@link #renamed}, and a change of the root at start-up ({@link HomesRootService}).
 */
@ApplicationScoped
public class HomePaths {

    private final HomeDirectories directories;

    HomePaths(HomeDirectories directories) {
        this.directories = directories;
    }

    /** The real home directory of {@code username}: {@code /srv/homes/bob}. */
    public String of(String username) {
        return directories.directory(username).toString();
    }

    /** A path below the home, real and absolute: {@code /srv/homes/bob/public_html}. */
    public String of(String username, HomePath path) {
        return path.under(of(username));
    }

    /**
     * A client's path (relative to the home, under {@code /home/<user>} as on cPanel, or under the real home), checked
     * by its text: {@code ..} past the home and any other absolute path are refused ({@link HomePath#parse}).
     */
    public HomePath parse(String username, String clientPath) {
        return HomePath.parse(username, of(username), clientPath);
    }

    /** {@code absolute} relative to the home ({@code public_html/sub}, {@code ""} for the home); a path elsewhere stays as it is. */
    public String relative(String username, String absolute) {
        String relative = HomePath.below(absolute, of(username));
        return relative == null ? absolute : relative;
    }

    /** {@code path} with {@code oldUser}'s home replaced by {@code newUser}'s (a rename); a path elsewhere, or null, as it is. */
    public String renamed(String path, String oldUser, String newUser) {
        return moved(path, of(oldUser), of(newUser));
    }

    /** {@code path} with the directory {@code from} at its start replaced by {@code to}; a path not under {@code from} as it is. */
    public static String moved(String path, String from, String to) {
        if (path == null || !(path.equals(from) || path.startsWith(from + "/"))) {
            return path;
        }
        return to + path.substring(from.length());
    }
}
