package dev.openuapi.fileman;

import java.util.Locale;
import java.util.Map;

/**
 * The MIME type of a file by its extension, for {@code list_files}' {@code include_mime}, {@code mime_types} and
 * {@code raw_mime_types}. cPanel names a type by replacing its {@code /} with {@code -} ({@code text/plain} is
 * {@code text-plain}, its reference's examples); a directory is {@code httpd/unix-directory}. A table rather than
 * the JDK's {@code FileNameMap}, whose data file a native image does not carry by default.
 */
final class MimeTypes {

    static final String DIRECTORY = "httpd/unix-directory";
    static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("txt", "text/plain"), Map.entry("text", "text/plain"), Map.entry("log", "text/plain"), Map.entry("conf", "text/plain"),
            Map.entry("ini", "text/plain"), Map.entry("md", "text/markdown"), Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"), Map.entry("htm", "text/html"), Map.entry("shtml", "text/html"),
            Map.entry("xhtml", "application/xhtml+xml"), Map.entry("css", "text/css"), Map.entry("js", "application/javascript"),
            Map.entry("mjs", "application/javascript"), Map.entry("json", "application/json"), Map.entry("xml", "text/xml"),
            Map.entry("php", "application/x-httpd-php"), Map.entry("pl", "text/x-perl"), Map.entry("cgi", "application/x-cgi"),
            Map.entry("py", "text/x-python"), Map.entry("sh", "application/x-sh"),
            Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"),
            Map.entry("bmp", "image/bmp"), Map.entry("pdf", "application/pdf"), Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/x-gzip"), Map.entry("tgz", "application/x-gzip"), Map.entry("tar", "application/x-tar"),
            Map.entry("bz2", "application/x-bzip2"), Map.entry("xz", "application/x-xz"), Map.entry("7z", "application/x-7z-compressed"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/x-wav"), Map.entry("ogg", "audio/ogg"), Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
            Map.entry("sql", "text/x-sql"), Map.entry("htaccess", "text/plain"));

    private MimeTypes() {
    }

    /** The type of a file named {@code name}; {@code application/octet-stream} when the extension is unknown. */
    static String ofFile(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return UNKNOWN;
        }
        return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), UNKNOWN);
    }

    /** cPanel's name of a type: {@code text/plain} → {@code text-plain}. */
    static String nameOf(String type) {
        return type.replace('/', '-');
    }

    static boolean isHtml(String name) {
        return ofFile(name).equals("text/html") || ofFile(name).equals("application/xhtml+xml");
    }
}
