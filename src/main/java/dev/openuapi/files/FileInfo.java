package dev.openuapi.files;

/**
 * What a path in a home directory is, read without following a symlink at its end.
 *
 * @param mode  the permission bits ({@code 0644})
 * @param mtime the last modification, seconds since the epoch
 * @param ctime the last status change, seconds since the epoch
 */
public record FileInfo(HomePath path, Kind kind, long size, int mode, long mtime, long ctime, int uid, int gid, String owner, String group) {

    public enum Kind {
        FILE, DIRECTORY, SYMLINK, OTHER
    }

    public String name() {
        return path.name();
    }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }

    public boolean isFile() {
        return kind == Kind.FILE;
    }
}
