package dev.openuapi.fileman;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;

/**
 * UAPI Fileman (src/docs/fileman.md) against cPanel's reference ("Manage files", api.docs.cpanel.net): the raw JSON of
 * each function, every documented option, paths that try to leave the home, special files and the disk quota.
 */
@QuarkusTest
class FilemanModuleTest {

    /**
     * The keys of a list_files entry in cPanel's reference (without the optional ones), in our order:
     * {"absdir":"/home/user","ctime":1400573272,"exists":1,"file":"cgi-bin","fullpath":"/home/user/public_html/cgi-bin",
     * "gid":503,"humansize":"5 KB","isparent":1,"mode":"16877","mtime":1400573272,"nicemode":755,"path":"/home/user/public.html",
     * "size":4096,"type":"file","uid":502}
     */
    static final List<String> ENTRY_KEYS = List.of("absdir", "ctime", "exists", "file", "fullpath", "gid", "humansize", "isparent", "mode",
            "mtime", "nicemode", "path", "size", "type", "uid");

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            keys.add(it.next());
        }
        return keys;
    }

    static List<String> names(JsonNode entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(e -> names.add(e.get("file").textValue()));
        return names;
    }

    static Map<String, String> args(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static void mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + path);
    }

    static JsonNode refused(String body) {
        JsonNode root = Uapi.envelope(body);
        assertEquals(0, root.get("status").intValue(), body);
        assertTrue(root.get("errors").isArray(), body);
        return root;
    }

    @Test
    void listFilesAnswersCpanelsShape() throws IOException {
        FilemanFixture alice = FilemanFixture.newAccount();
        Path home = alice.home();
        Files.createDirectory(home.resolve("public_html/cgi-bin"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(home.resolve("public_html/cgi-bin"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Uapi.success(alice.get("save_file_content", args("dir", "public_html", "file", "index.html", "content", "<h1>hi</h1>")));

        JsonNode data = Uapi.success(alice.get("list_files", args("dir", "public_html"))).get("data");
        assertEquals(List.of("dirs", "files"), keys(data));
        JsonNode dir = data.get("dirs").get(0);
        assertEquals(ENTRY_KEYS, keys(dir), dir.toString());
        assertEquals("cgi-bin", dir.get("file").textValue());
        assertEquals("dir", dir.get("type").textValue());
        assertEquals("16877", dir.get("mode").textValue(), "st_mode of a 0755 directory, as a string");
        assertEquals(755, dir.get("nicemode").intValue());
        assertTrue(dir.get("nicemode").isInt() && dir.get("size").isNumber() && dir.get("mtime").isNumber() && dir.get("uid").isInt());
        assertEquals(1, dir.get("exists").intValue());
        assertEquals(0, dir.get("isparent").intValue());
        assertEquals(home + "/public_html", dir.get("absdir").textValue());
        assertEquals(home + "/public_html", dir.get("path").textValue());
        assertEquals(home + "/public_html/cgi-bin", dir.get("fullpath").textValue());
        JsonNode file = data.get("files").get(0);
        assertEquals(ENTRY_KEYS, keys(file));
        assertEquals("index.html", file.get("file").textValue());
        assertEquals("file", file.get("type").textValue());
        assertEquals(11, file.get("size").intValue());
        assertEquals("0.01 KB", file.get("humansize").textValue());
        assertEquals("33188", file.get("mode").textValue(), "st_mode of a 0644 file");
        assertEquals(644, file.get("nicemode").intValue());

        refused(alice.get("list_files", args("dir", "public_html/missing")));
        refused(alice.get("list_files", args("dir", "public_html/index.html")));
        refused(alice.get("list_files", Map.of()));
    }

    @Test
    void listFilesOptionsTakeEffect() throws IOException {
        FilemanFixture bob = FilemanFixture.newAccount();
        Path dir = bob.home().resolve("public_html");
        Files.writeString(dir.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("b.html"), "<p>b</p>");
        Files.writeString(dir.resolve(".hidden"), "h");
        Files.createDirectories(dir.resolve("sub/inner"));
        Files.createDirectory(dir.resolve("leafdir"));
        Files.createSymbolicLink(dir.resolve("link"), Path.of("a.txt"));

        JsonNode plain = bob.ok("list_files", args("dir", "public_html"));
        assertEquals(List.of("leafdir", "sub"), names(plain.get("dirs")));
        assertEquals(List.of("a.txt", "b.html", "link"), names(plain.get("files")), "sorted; hidden left out");
        assertEquals("link", plain.get("files").get(2).get("type").textValue());
        assertFalse(plain.get("dirs").get(0).has("isleaf"));
        assertFalse(plain.get("files").get(0).has("mimetype"));
        assertFalse(plain.get("files").get(0).has("read"));

        assertEquals(List.of(".hidden", "a.txt", "b.html", "link"), names(bob.ok("list_files", args("dir", "public_html", "show_hidden", "1")).get("files")));
        JsonNode dirsOnly = bob.ok("list_files", args("dir", "public_html", "types", "dir"));
        assertEquals(2, dirsOnly.get("dirs").size());
        assertEquals(0, dirsOnly.get("files").size());
        assertEquals(List.of("a.txt", "b.html", "link"), names(bob.ok("list_files", args("dir", "public_html", "types", "file|link")).get("files")));
        assertEquals(List.of("link"), names(bob.ok("list_files", args("dir", "public_html", "types", "link")).get("files")));
        refused(bob.get("list_files", args("dir", "public_html", "types", "file|bogus")));

        assertEquals(List.of("a.txt", "b.html"), names(bob.ok("list_files", args("dir", "public_html", "only_these_files", "a.txt,b.html,zzz")).get("files")));
        assertEquals(List.of("b.html"), names(bob.ok("list_files", args("dir", "public_html", "limit_to_list", "1", "filepath-0",
                "public_html/b.html")).get("files")));
        JsonNode none = bob.ok("list_files", args("dir", "public_html", "limit_to_list", "1"));
        assertEquals(0, none.get("files").size() + none.get("dirs").size());

        Files.setPosixFilePermissions(dir.resolve("a.txt"), PosixFilePermissions.fromString("r--r--r--"));
        JsonNode perms = bob.ok("list_files", args("dir", "public_html", "include_permissions", "1")).get("files");
        assertEquals(1, perms.get(0).get("read").intValue());
        assertEquals(0, perms.get(0).get("write").intValue(), "a.txt is 0444");
        assertEquals(1, perms.get(1).get("write").intValue());

        JsonNode mime = bob.ok("list_files", args("dir", "public_html", "include_mime", "1"));
        assertEquals("text/plain", mime.get("files").get(0).get("mimetype").textValue());
        assertEquals("text-plain", mime.get("files").get(0).get("mimename").textValue());
        assertEquals("text/plain", mime.get("files").get(0).get("rawmimetype").textValue());
        assertEquals("httpd/unix-directory", mime.get("dirs").get(0).get("mimetype").textValue());
        JsonNode html = bob.ok("list_files", args("dir", "public_html", "mime_types", "text-html"));
        assertEquals(List.of("b.html"), names(html.get("files")));
        assertEquals("text/html", html.get("files").get(0).get("mimetype").textValue(), "mime_types sets include_mime");
        assertEquals(0, html.get("dirs").size());
        assertEquals(List.of("a.txt"), names(bob.ok("list_files", args("dir", "public_html", "raw_mime_types", "text/plain")).get("files")));

        JsonNode leaves = bob.ok("list_files", args("dir", "public_html", "check_for_leaf_directories", "1")).get("dirs");
        assertEquals(1, leaves.get(0).get("isleaf").intValue(), "leafdir has no subdirectory");
        assertEquals(0, leaves.get(1).get("isleaf").intValue(), "sub has inner");
    }

    @Test
    void getFileInformation() throws IOException {
        FilemanFixture carol = FilemanFixture.newAccount();
        Path home = carol.home();
        // cPanel's example (get_file_information path=public_html): {"absdir":"/home/user","exists":1,"file":"public_html",
        // "fullpath":…,"mode":"16872","nicemode":750,"type":"dir",…}
        JsonNode info = carol.ok("get_file_information", args("path", "public_html"));
        assertEquals(List.of("absdir", "ctime", "exists", "file", "fullpath", "gid", "humansize", "mode", "mtime", "nicemode", "path", "size",
                "type", "uid"), keys(info));
        assertEquals("public_html", info.get("file").textValue());
        assertEquals("dir", info.get("type").textValue());
        assertEquals("16872", info.get("mode").textValue(), "public_html is 0750, as cPanel makes it");
        assertEquals(750, info.get("nicemode").intValue());
        assertEquals(home + "/public_html", info.get("fullpath").textValue());
        assertEquals(home.toString(), info.get("absdir").textValue());

        JsonNode full = carol.ok("get_file_information", args("path", "public_html", "include_permissions", "1", "include_mime", "1",
                "check_for_leaf_directories", "1"));
        assertEquals(1, full.get("read").intValue());
        assertEquals(1, full.get("write").intValue());
        assertEquals(1, full.get("isleaf").intValue());
        assertEquals("httpd/unix-directory", full.get("mimetype").textValue());

        Files.writeString(home.resolve(".secretrc"), "x");
        refused(carol.get("get_file_information", args("path", ".secretrc")));
        assertEquals("file", carol.ok("get_file_information", args("path", ".secretrc", "show_hidden", "1")).get("type").textValue());
        refused(carol.get("get_file_information", args("path", "nothing-here")));
        JsonNode homeInfo = carol.ok("get_file_information", args("path", "/home/" + carol.username()));
        assertEquals(carol.username(), homeInfo.get("file").textValue());
        assertEquals(home.toString(), homeInfo.get("fullpath").textValue());
    }

    @Test
    void getFileContentInTheAskedCharset() throws IOException {
        FilemanFixture dave = FilemanFixture.newAccount();
        Path home = dave.home();
        Files.writeString(home.resolve("public_html/example.html"), "<p>café €</p>", StandardCharsets.UTF_8);
        // cPanel's example: {"content":"hi","dir":"/home/user/public_html","filename":"example.html","from_char":"UTF-8",
        // "from_charset":"_DETECT_","path":"/home/user/public_html/example.html","to_char":"UTF-8","to_charset":"_LOCALE_"}
        JsonNode data = dave.ok("get_file_content", args("dir", "public_html", "file", "example.html"));
        assertEquals(List.of("content", "dir", "filename", "from_char", "from_charset", "path", "to_char", "to_charset"), keys(data));
        assertEquals("<p>café €</p>", data.get("content").textValue());
        assertEquals(home + "/public_html", data.get("dir").textValue());
        assertEquals("example.html", data.get("filename").textValue());
        assertEquals("UTF-8", data.get("from_char").textValue());
        assertEquals("_DETECT_", data.get("from_charset").textValue());
        assertEquals(home + "/public_html/example.html", data.get("path").textValue());
        assertEquals("UTF-8", data.get("to_char").textValue());
        assertEquals("_LOCALE_", data.get("to_charset").textValue());

        // a Latin-1 HTML file: detected, and its meta charset follows the answer's unless told not to
        Files.write(home.resolve("latin.html"), "<meta charset=\"iso-8859-1\"><p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1));
        JsonNode latin = dave.ok("get_file_content", args("dir", "/home/" + dave.username(), "file", "latin.html"));
        assertEquals("ISO-8859-1", latin.get("from_char").textValue());
        assertEquals("<meta charset=\"UTF-8\"><p>café</p>", latin.get("content").textValue());
        assertEquals("<meta charset=\"iso-8859-1\"><p>café</p>", dave.ok("get_file_content", args("dir", home.toString(), "file", "latin.html",
                "update_html_document_encoding", "0")).get("content").textValue());

        assertEquals("<p>caf\u00c3\u00a9 \u00e2\u0082\u00ac</p>", dave.ok("get_file_content", args("dir", "public_html", "file", "example.html",
                "from_charset", "ISO-8859-1")).get("content").textValue(), "from_charset is used as given");
        refused(dave.get("get_file_content", args("dir", "public_html", "file", "example.html", "to_charset", "ISO-8859-1")));
        refused(dave.get("get_file_content", args("dir", "public_html", "file", "example.html", "to_charset", "US-ASCII")));
        refused(dave.get("get_file_content", args("dir", "public_html", "file", "example.html", "from_charset", "no-such-charset")));
        Files.writeString(home.resolve("ascii.txt"), "plain");
        assertEquals("US-ASCII", dave.ok("get_file_content", args("dir", ".", "file", "ascii.txt", "to_charset", "US-ASCII"))
                .get("to_char").textValue());
        refused(dave.get("get_file_content", args("dir", "public_html", "file", "missing.html")));
        refused(dave.get("get_file_content", args("dir", ".", "file", "public_html")));
    }

    @Test
    void getFileContentOfABinaryFileByteForByte() throws IOException {
        FilemanFixture erin = FilemanFixture.newAccount();
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        Files.write(erin.home().resolve("blob.bin"), bytes);
        // cPanel's advice for non-UTF-8 content: from_charset=ISO-8859-1, to_charset=UTF-8, then each character is one byte
        JsonNode data = erin.ok("get_file_content", args("dir", ".", "file", "blob.bin", "from_charset", "ISO-8859-1", "to_charset", "UTF-8"));
        assertArrayEquals(bytes, data.get("content").textValue().getBytes(StandardCharsets.ISO_8859_1));
        JsonNode detected = erin.ok("get_file_content", args("dir", ".", "file", "blob.bin"));
        assertEquals("ISO-8859-1", detected.get("from_char").textValue(), "not UTF-8: every byte one character");
        assertArrayEquals(bytes, detected.get("content").textValue().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void saveFileContent() throws IOException {
        FilemanFixture frank = FilemanFixture.newAccount();
        Path home = frank.home();
        // cPanel's example: save_file_content file=example.html →
        // {"from_charset":"UTF-8","path":"/home/user/public_html/example.html","to_charset":"UTF-8"} (here: dir defaults to the home)
        JsonNode data = Uapi.success(frank.get("save_file_content", args("file", "example.html"))).get("data");
        assertEquals(List.of("from_charset", "path", "to_charset"), keys(data));
        assertEquals(home + "/example.html", data.get("path").textValue());
        assertEquals("UTF-8", data.get("from_charset").textValue());
        assertEquals("UTF-8", data.get("to_charset").textValue());
        assertEquals(0, Files.size(home.resolve("example.html")), "no content: an empty file");

        String name = "résumé-日本.txt";
        Uapi.success(frank.post("save_file_content", args("dir", "public_html", "file", name, "content", "naïve ✓\r\nline 2\n")));
        assertArrayEquals("naïve ✓\r\nline 2\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(home.resolve("public_html").resolve(name)));
        assertEquals("naïve ✓\r\nline 2\n", frank.ok("get_file_content", args("dir", "public_html", "file", name)).get("content").textValue());
        assertTrue(names(frank.ok("list_files", args("dir", "public_html")).get("files")).contains(name));

        JsonNode latin = Uapi.success(frank.post("save_file_content", args("file", "latin.txt", "content", "café", "to_charset", "ISO-8859-1")))
                .get("data");
        assertEquals("ISO-8859-1", latin.get("to_charset").textValue());
        assertArrayEquals(new byte[] {'c', 'a', 'f', (byte) 0xe9}, Files.readAllBytes(home.resolve("latin.txt")));

        refused(frank.post("save_file_content", args("file", "ascii.txt", "content", "café", "to_charset", "US-ASCII", "fallback", "0")));
        assertFalse(Files.exists(home.resolve("ascii.txt")));
        JsonNode fellBack = Uapi.success(frank.post("save_file_content", args("file", "ascii.txt", "content", "café", "to_charset", "US-ASCII")));
        assertEquals("UTF-8", fellBack.get("data").get("to_charset").textValue());
        assertEquals(1, fellBack.get("warnings").size());
        assertArrayEquals("café".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(home.resolve("ascii.txt")));
        refused(frank.post("save_file_content", args("file", "x.txt", "content", "café", "from_charset", "US-ASCII")));
        refused(frank.post("save_file_content", args("file", "x.txt", "content", "a", "to_charset", "bogus")));
        refused(frank.get("save_file_content", args("dir", "public_html")));

        Files.setPosixFilePermissions(home.resolve("latin.txt"), PosixFilePermissions.fromString("rw-------"));
        Uapi.success(frank.post("save_file_content", args("file", "latin.txt", "content", "replaced")));
        assertEquals("replaced", Files.readString(home.resolve("latin.txt")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("latin.txt"))), "kept");
    }

    @Test
    void autocompletedir() throws IOException {
        FilemanFixture gina = FilemanFixture.newAccount();
        Path home = gina.home();
        Files.createDirectory(home.resolve("public_ftp"));
        Files.writeString(home.resolve("public_notes.txt"), "n");
        Files.createDirectory(home.resolve("public_html/a&b"));
        // cPanel's example: autocompletedir path=public → [{"file":"public_ftp"}, …]
        JsonNode data = Uapi.success(gina.get("autocompletedir", args("path", "public"))).get("data");
        assertEquals("[{\"file\":\"public_ftp\"},{\"file\":\"public_html\"},{\"file\":\"public_notes.txt\"}]", data.toString());
        assertEquals("[{\"file\":\"public_ftp\"},{\"file\":\"public_html\"}]", gina.ok("autocompletedir", args("path", "public", "dirsonly", "1")).toString());
        assertEquals("[{\"file\":\"public_html/a&amp;b\"}]", gina.ok("autocompletedir", args("path", "public_html")).toString());
        assertEquals("[{\"file\":\"public_html/a&b\"}]", gina.ok("autocompletedir", args("path", "public_html/", "html", "0")).toString());
        assertEquals("[{\"file\":\"public_html\"}]", gina.ok("autocompletedir", args("path", "public_html", "list_all", "0")).toString());
        assertEquals("[]", gina.ok("autocompletedir", args("path", "zzz")).toString());
    }

    /** Every function that takes a path, with every form of a path that leads out of the home. */
    @Test
    void pathsThatLeaveTheHomeAreRefused() throws IOException {
        FilemanFixture hank = FilemanFixture.newAccount();
        Path home = hank.home();
        Path outside = Files.createTempDirectory("fm-outside-");
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(home.resolve("escape"), outside);
        Files.createSymbolicLink(home.resolve("leak.txt"), outside.resolve("secret.txt"));
        List<String> bad = List.of("..", "../..", "../" + hank.username() + "x", "/etc", "/home/" + hank.username() + "/..",
                "/home/" + hank.username() + "/../other", home + "/../other", home.getParent().toString(), "escape", "escape/sub", "a\0b", "a\rb",
                "a\nb");
        for (String path : bad) {
            refused(hank.get("list_files", args("dir", path)));
            refused(hank.get("get_file_information", args("path", path + "/secret.txt")));
            refused(hank.get("get_file_content", args("dir", path, "file", "secret.txt")));
            refused(hank.post("save_file_content", args("dir", path, "file", "planted.txt", "content", "x")));
            refused(hank.get("autocompletedir", args("path", path + "/")));
        }
        for (String name : List.of("..", "../secret.txt", "escape/secret.txt", "leak.txt", "a\0b", "a\nb", "")) {
            refused(hank.get("get_file_content", args("dir", ".", "file", name)));
            refused(hank.post("save_file_content", args("dir", ".", "file", name, "content", "x")));
        }
        refused(hank.get("get_file_information", args("path", "leak.txt/x")));
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")), "never written through");
        try (var left = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("secret.txt")), left.toList(), "nothing planted outside");
        }
        // the links themselves are listed as links, not followed
        JsonNode listed = hank.ok("list_files", args("dir", ".", "types", "link"));
        assertEquals(List.of("escape", "leak.txt"), names(listed.get("files")));
    }

    @Test
    void aFifoIsNeverOpened() throws IOException, InterruptedException {
        FilemanFixture ivy = FilemanFixture.newAccount();
        Path home = ivy.home();
        mkfifo(home.resolve("pipe"));
        refused(ivy.get("get_file_content", args("dir", ".", "file", "pipe")));
        refused(ivy.post("save_file_content", args("file", "pipe", "content", "x")));
        JsonNode info = ivy.ok("get_file_information", args("path", "pipe"));
        assertEquals("fifo", info.get("type").textValue());
        assertEquals(List.of("pipe"), names(ivy.ok("list_files", args("dir", ".", "types", "fifo")).get("files")));
        assertTrue(Files.exists(home.resolve("pipe")) && !Files.isRegularFile(home.resolve("pipe")), "still a FIFO");
    }

    @Test
    void saveFileContentIsHeldToTheDiskQuota() throws IOException {
        FilemanFixture jack = FilemanFixture.withDiskQuota(1);
        String big = "x".repeat(700 * 1024);
        Uapi.success(jack.post("save_file_content", args("file", "one.txt", "content", big)));
        JsonNode over = refused(jack.post("save_file_content", args("file", "two.txt", "content", big)));
        assertTrue(over.get("errors").get(0).textValue().startsWith("Disk quota exceeded: "), over.toString());
        Path home = jack.home();
        assertFalse(Files.exists(home.resolve("two.txt")));
        try (var left = Files.list(home)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".openuapi-")), "no temporary file left");
        }
        Uapi.success(jack.post("save_file_content", args("file", "one.txt", "content", "small now")));
        Uapi.success(jack.post("save_file_content", args("file", "two.txt", "content", big)));
    }
}
