package dev.openuapi.backup;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * cPanel's names of a home-directory backup: the archive {@code backup-MM.DD.YYYY_HH-MM-SS_<user>.tar.gz}, and, while
 * it is written, a marker of the same name without the suffix whose first line is {@code <word> <start time>}
 * ({@code Cpanel::Backups::_fetchfullbackups} reads exactly that). Times are the server's local time, as cPanel's.
 */
final class BackupNames {

    static final String SUFFIX = ".tar.gz";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MM.dd.yyyy_HH-mm-ss");
    /** cPanel's pattern; {@code .tar} is listed too, as cPanel lists it. */
    private static final Pattern NAME = Pattern.compile("(backup-(\\d+)\\.(\\d+)\\.(\\d+)_(\\d+)-(\\d+)-(\\d+)_([a-z][a-z0-9]{0,15}))(\\.tar(?:\\.gz)?)?");

    /** One name, parsed. {@code suffix} is empty for a marker. */
    record Parsed(String base, String username, long time, String suffix) {

        boolean isMarker() {
            return suffix.isEmpty();
        }
    }

    private BackupNames() {
    }

    /** The base name (no suffix) of a backup of {@code username} started at {@code time}. */
    static String base(String username, LocalDateTime time) {
        return "backup-" + STAMP.format(time) + "_" + username;
    }

    static Optional<Parsed> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        long time;
        try {
            LocalDateTime at = LocalDateTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)));
            time = at.atZone(ZoneId.systemDefault()).toEpochSecond();
        } catch (RuntimeException e) {
            return Optional.empty(); // digits that make no date
        }
        return Optional.of(new Parsed(m.group(1), m.group(8), time, m.group(9) == null ? "" : m.group(9)));
    }
}
