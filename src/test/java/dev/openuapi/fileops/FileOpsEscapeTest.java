package dev.openuapi.fileops;

import static dev.openuapi.fileops.FileOps.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every fileop operation, mkdir and listfiles refuse a path that leaves the home: {@code ..}, an absolute path
 * elsewhere, a symlink (made on disk in the real home) that leads out, NUL, CR and LF; a FIFO is never read or
 * written. After each refusal the directory outside is checked: nothing added, removed or changed.
 */
@QuarkusTest
class FileOpsEscapeTest {

    FileOps.Account eve;
    Path outside;
    Path sentinel;

    @BeforeEach
    void setUp() throws IOException {
        eve = FileOps.newAccount();
        outside = Files.createTempDirectory(eve.home().getParent().getParent(), "outside-");
        sentinel = outside.resolve("sentinel.txt");
        write(sentinel, "outside".getBytes(StandardCharsets.UTF_8));
        Files.setPosixFilePermissions(sentinel, PosixFilePermissions.fromString("rw-r--r--"));
        write(eve.at("hot.txt"), "inside".getBytes(StandardCharsets.UTF_8));
        Files.createDirectory(eve.at("dir"));
        Files.createSymbolicLink(eve.at("out"), outside);
        FileOps.mkfifo(eve.at("fifo"));
    }

    /** The paths that lead out, as sources and as destinations. */
    List<String> escapes() {
        return List.of("../" + eve.home().getParent().relativize(sentinel), "../../../../../../../etc/passwd", "/etc/passwd",
                outside + "/sentinel.txt", "out/sentinel.txt", "hot.txt\0.png", "hot.txt\r", "hot\n.txt");
    }

    void assertOutsideUntouched(String what) throws IOException {
        assertEquals(List.of("", "sentinel.txt"), FileOps.tree(outside), what);
        assertEquals("outside", Files.readString(sentinel), what);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(sentinel)), what);
        assertTrue(Files.exists(Path.of("/etc/passwd")), what);
        assertEquals("inside", Files.readString(eve.at("hot.txt")), what);
    }

    void assertRefused(Map<String, String> args) throws IOException {
        JsonNode result = eve.api2("fileop", args);
        String what = args.toString().replace("\0", "\\0");
        for (JsonNode row : result.get("data")) {
            assertEquals(0, row.get("result").intValue(), what + " → " + result);
            assertTrue(row.get("err").textValue().length() > 5, what);
        }
        assertTrue(result.get("data").size() >= 1, what + " → " + result);
        assertOutsideUntouched(what);
    }

    static Map<String, String> args(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void sourcesThatLeadOut() throws IOException {
        for (String escape : escapes()) {
            for (String op : List.of("copy", "move", "rename", "trash", "chmod", "unlink", "extract", "restorefile")) {
                assertRefused(args("op", op, "sourcefiles", escape, "destfiles", "dir", "metadata", "0777", "multiform", "1"));
            }
            assertRefused(args("op", "compress", "sourcefiles", escape, "destfiles", "a.zip", "metadata", "zip", "multiform", "1"));
            assertFalse(Files.exists(eve.at("a.zip")));
        }
    }

    @Test
    void destinationsThatLeadOut() throws IOException {
        Path archive = eve.at("inside.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("payload.txt"));
            zip.write("payload".getBytes(StandardCharsets.UTF_8));
        }
        for (String escape : escapes()) {
            for (String op : List.of("copy", "move", "rename")) {
                assertRefused(args("op", op, "sourcefiles", "hot.txt", "destfiles", escape, "multiform", "1"));
            }
            assertRefused(args("op", "extract", "sourcefiles", "inside.zip", "destfiles", escape, "multiform", "1"));
            assertRefused(args("op", "compress", "sourcefiles", "hot.txt", "destfiles", escape, "metadata", "zip", "multiform", "1"));
        }
        // the symlinked directory itself as a destination
        for (String op : List.of("copy", "move")) {
            assertRefused(args("op", op, "sourcefiles", "hot.txt", "destfiles", "out"));
        }
        assertRefused(args("op", "extract", "sourcefiles", "inside.zip", "destfiles", "out"));
        assertRefused(args("op", "compress", "sourcefiles", "hot.txt", "destfiles", "out/x.zip", "metadata", "zip"));
        assertTrue(Files.exists(archive), "the archive stays");
    }

    @Test
    void mkdirAndListfilesStayInside() throws IOException {
        for (String escape : escapes()) {
            JsonNode made = eve.api2("mkdir", Map.of("path", escape, "name", "new"));
            assertEquals(0, made.get("event").get("result").intValue(), escape + " → " + made);
            JsonNode listed = eve.api2("listfiles", Map.of("dir", escape));
            assertEquals(0, listed.get("event").get("result").intValue(), escape + " → " + listed);
            assertEquals(0, listed.get("data").size());
        }
        assertEquals(0, eve.api2("mkdir", Map.of("path", "out", "name", "new")).get("event").get("result").intValue());
        assertEquals(0, eve.api2("listfiles", Map.of("dir", "out")).get("event").get("result").intValue());
        for (String name : List.of("..", "a\0b", "a\nb", "a\rb")) {
            assertEquals(0, eve.api2("mkdir", Map.of("name", name)).get("event").get("result").intValue(), name);
        }
        assertOutsideUntouched("mkdir/listfiles");
        assertFalse(Files.exists(eve.home().getParent().resolve("new")));
    }

    @Test
    void aFifoIsNeverReadOrWritten() throws IOException {
        // each of these would block on the FIFO if it were opened
        assertRefused(args("op", "copy", "sourcefiles", "fifo", "destfiles", "dir"));
        assertRefused(args("op", "chmod", "sourcefiles", "fifo", "metadata", "0600"));
        assertRefused(args("op", "extract", "sourcefiles", "fifo", "destfiles", "dir"));
        assertRefused(args("op", "compress", "sourcefiles", "fifo", "destfiles", "f.tar.gz", "metadata", "tar.gz"));
        assertRefused(args("op", "copy", "sourcefiles", "hot.txt", "destfiles", "fifo"));
        assertFalse(Files.exists(eve.at("f.tar.gz")));
        assertTrue(Files.exists(eve.at("fifo"), LinkOption.NOFOLLOW_LINKS));
        // listed as what it is, without being opened
        JsonNode listed = eve.api2("listfiles", Map.of("types", "special"));
        assertEquals(1, listed.get("data").size(), listed.toString());
        assertEquals("fifo", listed.get("data").get(0).get("file").textValue());
        // unlink takes the link itself, never what it points to
        assertEquals(1, eve.fileop(Map.of("op", "unlink", "sourcefiles", "out")).get("result").intValue());
        assertOutsideUntouched("unlink of the link");
        assertFalse(Files.exists(eve.at("out"), LinkOption.NOFOLLOW_LINKS));
    }
}
