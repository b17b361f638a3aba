package dev.openuapi.fileops;

import static dev.openuapi.fileops.FileOps.read;
import static dev.openuapi.fileops.FileOps.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

/**
 * API 2 Fileman::fileop, mkdir and listfiles, and UAPI Fileman::empty_trash, on the raw JSON. cPanel's reference:
 * api.docs.cpanel.net "cPanel API 2 Functions - Fileman::fileop" (example: op=copy&sourcefiles=hot.txt&
 * destfiles=new_directory&doubledecode=1), "Fileman::mkdir", "Fileman::listfiles", and
 * specifications/cpanel.openapi/manage-files/fileman-empty_trash; rows and texts as Cpanel::Fileman builds them.
 */
@QuarkusTest
class FileOpsModuleTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Test
    void copyAsInCpanelsExampleKeepsEveryByteAndAUtf8Name() throws IOException {
        FileOps.Account alice = FileOps.newAccount();
        byte[] content = randomBytes(200_000);
        write(alice.at("hot.txt"), content);
        String utf8 = "héllo wörld ☃.bin";
        write(alice.at(utf8), content);
        Files.createDirectory(alice.at("new_directory"));

        // cPanel's example: op=copy&sourcefiles=hot.txt&destfiles=new_directory&doubledecode=1
        JsonNode result = alice.api2("fileop", Map.of("op", "copy", "sourcefiles", "hot.txt", "destfiles", "new_directory", "doubledecode", "1"));
        assertEquals(2, result.get("apiversion").intValue());
        assertEquals("Fileman", result.get("module").textValue());
        assertEquals("fileop", result.get("func").textValue());
        assertEquals(1, result.get("event").get("result").intValue(), result.toString());
        JsonNode row = result.get("data").get(0);
        assertEquals("{\"src\":\"" + alice.at("hot.txt") + "\",\"dest\":\"" + alice.at("new_directory") + "\",\"result\":1}", row.toString());
        assertArrayEquals(content, read(alice.at("new_directory/hot.txt")));

        // doubledecode=1: the names arrive URI-encoded once more
        JsonNode encoded = alice.fileop(Map.of("op", "copy", "sourcefiles", java.net.URLEncoder.encode(utf8, StandardCharsets.UTF_8),
                "destfiles", "new_directory", "doubledecode", "1"));
        assertEquals(1, encoded.get("result").intValue(), encoded.toString());
        assertArrayEquals(content, read(alice.at("new_directory/" + utf8)));
        assertEquals(alice.at(utf8).toString(), encoded.get("src").textValue());

        JsonNode same = alice.fileop(Map.of("op", "copy", "sourcefiles", "new_directory/hot.txt", "destfiles", "/home/" + alice.username()
                + "/new_directory"));
        assertEquals(0, same.get("result").intValue());
        assertEquals("Source and Destination are the Same", same.get("err").textValue());
    }

    @Test
    void moveRenameChmodUnlink() throws IOException {
        FileOps.Account bob = FileOps.newAccount();
        write(bob.at("a.txt"), "a".getBytes(StandardCharsets.UTF_8));
        write(bob.at("b.txt"), "bb".getBytes(StandardCharsets.UTF_8));
        Files.createDirectory(bob.at("dir"));

        JsonNode moved = bob.api2("fileop", Map.of("op", "move", "sourcefiles", "a.txt,b.txt", "destfiles", "dir"));
        assertEquals(2, moved.get("data").size(), moved.toString());
        assertEquals(1, moved.get("data").get(1).get("result").intValue());
        assertTrue(Files.exists(bob.at("dir/a.txt")) && Files.exists(bob.at("dir/b.txt")));
        assertFalse(Files.exists(bob.at("a.txt")));

        JsonNode refused = bob.api2("fileop", Map.of("op", "move", "sourcefiles", "dir/a.txt,dir/b.txt", "destfiles", "c.txt"));
        assertEquals("Multiple sources may not be moved to a non-directory destination.", refused.get("data").get(0).get("err").textValue());
        assertEquals("Multiple sources may not be moved to a non-directory destination.", refused.get("error").textValue());
        JsonNode noDest = bob.api2("fileop", Map.of("op", "move", "sourcefiles", "dir/a.txt"));
        assertEquals("Destination must be supplied.", noDest.get("data").get(0).get("err").textValue());

        // a relative destination is taken in the source's directory
        JsonNode renamed = bob.fileop(Map.of("op", "rename", "sourcefiles", "dir/a.txt", "destfiles", "z.txt"));
        assertEquals(1, renamed.get("result").intValue(), renamed.toString());
        assertEquals(bob.at("dir/z.txt").toString(), renamed.get("dest").textValue());
        assertTrue(Files.exists(bob.at("dir/z.txt")));
        JsonNode exists = bob.fileop(Map.of("op", "rename", "sourcefiles", "dir/z.txt", "destfiles", "b.txt"));
        assertEquals(0, exists.get("result").intValue());
        assertEquals("Destination already exists", exists.get("err").textValue());

        JsonNode chmod = bob.fileop(Map.of("op", "chmod", "sourcefiles", "dir/z.txt", "metadata", "0600"));
        assertEquals(1, chmod.get("result").intValue(), chmod.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(bob.at("dir/z.txt"))));
        for (String bad : List.of("999", "75", "abc", "")) {
            JsonNode invalid = bob.fileop(Map.of("op", "chmod", "sourcefiles", "dir/z.txt", "metadata", bad));
            assertEquals("Invalid filesystem permissions specified", invalid.get("err").textValue(), bad);
        }
        assertTrue(bob.fileop(Map.of("op", "chmod", "sourcefiles", "dir/z.txt", "metadata", "4755")).get("err").textValue()
                .startsWith("Invalid filesystem permissions specified: the setuid"));

        JsonNode unlinked = bob.fileop(Map.of("op", "unlink", "sourcefiles", "dir"));
        assertEquals(1, unlinked.get("result").intValue(), unlinked.toString());
        assertFalse(Files.exists(bob.at("dir")));
        assertEquals(0, bob.api2("fileop", Map.of("op", "unlink", "sourcefiles", "/home/" + bob.username())).get("data").size(),
                "the home itself is skipped, as cPanel does");
        assertTrue(Files.isDirectory(bob.home()));

        JsonNode unknown = bob.fileop(Map.of("op", "frobnicate", "sourcefiles", "b.txt"));
        assertEquals("Unknown operation sent to api2_fileop", unknown.get("err").textValue());
        JsonNode link = bob.fileop(Map.of("op", "link", "sourcefiles", "b.txt", "destfiles", "hard"));
        assertEquals(0, link.get("result").intValue());
        assertFalse(Files.exists(bob.at("hard"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void trashRestoreAndEmptyTrash() throws IOException {
        FileOps.Account carol = FileOps.newAccount();
        write(carol.at("public_html/x=1.txt"), "first".getBytes(StandardCharsets.UTF_8));
        JsonNode trashed = carol.fileop(Map.of("op", "trash", "sourcefiles", "public_html/x=1.txt"));
        assertEquals(1, trashed.get("result").intValue(), trashed.toString());
        assertTrue(trashed.get("dest").isNull());
        assertFalse(Files.exists(carol.at("public_html/x=1.txt")));
        assertEquals("first", Files.readString(carol.at(".trash/x=1.txt")));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(carol.at(".trash"))));
        // cPanel's .trash_restore: name=original path, "=" written as ____EQUALS____
        assertEquals("x____EQUALS____1.txt=" + carol.at("public_html/x____EQUALS____1.txt") + "\n",
                Files.readString(carol.at(".trash/.trash_restore")));

        write(carol.at("public_html/x=1.txt"), "second".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, carol.fileop(Map.of("op", "trash", "sourcefiles", "public_html/x=1.txt")).get("result").intValue());
        assertEquals("second", Files.readString(carol.at(".trash/x=1.txt.1")));

        JsonNode restored = carol.fileop(Map.of("op", "restorefile", "sourcefiles", ".trash/x=1.txt"));
        assertEquals(1, restored.get("result").intValue(), restored.toString());
        assertEquals("first", Files.readString(carol.at("public_html/x=1.txt")));
        write(carol.at("public_html/x=1.txt"), "third".getBytes(StandardCharsets.UTF_8));
        JsonNode present = carol.fileop(Map.of("op", "restorefile", "sourcefiles", ".trash/x=1.txt.1"));
        assertEquals("Unable to restore 'x=1.txt.1'! File is already present on the filesystem.", present.get("err").textValue());
        JsonNode notMapped = carol.fileop(Map.of("op", "restorefile", "sourcefiles", ".trash/nothing"));
        assertEquals("Unable to restore 'nothing'! File is not present within the .trash_restore map.", notMapped.get("err").textValue());

        // UAPI empty_trash (data null); older_than=1 keeps what was trashed just now, 0 purges it all
        JsonNode kept = carol.uapi("empty_trash", Map.of("older_than", "1"));
        assertEquals("{\"status\":1,\"errors\":null,\"warnings\":null,\"messages\":null,\"metadata\":{},\"data\":null}", kept.toString());
        assertTrue(Files.exists(carol.at(".trash/x=1.txt.1")));
        JsonNode invalid = carol.uapi("empty_trash", Map.of("older_than", "a week"));
        assertEquals(0, invalid.get("status").intValue());
        assertEquals("The parameter “older_than” must be a whole number.", invalid.get("errors").get(0).textValue());
        assertEquals(1, carol.uapi("empty_trash", Map.of()).get("status").intValue());
        assertEquals(List.of("", ".trash_restore"), FileOps.tree(carol.at(".trash")));
        assertEquals("", Files.readString(carol.at(".trash/.trash_restore")), "the map keeps only what is still in the trash");
    }

    @Test
    void mkdirAsCpanelAnswers() {
        FileOps.Account dave = FileOps.newAccount();
        JsonNode made = dave.api2("mkdir", Map.of("path", "public_html", "name", "new dir ☃", "permissions", "0700"));
        assertEquals("[{\"path\":\"" + dave.at("public_html") + "\",\"name\":\"new dir ☃\",\"permissions\":\"0700\"}]", made.get("data").toString());
        assertTrue(Files.isDirectory(dave.at("public_html/new dir ☃")));
        JsonNode plain = dave.api2("mkdir", Map.of("name", "top"));
        assertEquals("0755", plain.get("data").get(0).get("permissions").textValue());
        assertEquals(dave.home().toString(), plain.get("data").get(0).get("path").textValue());

        assertEquals("No name specified.", dave.api2("mkdir", Map.of("path", "public_html", "name", "")).get("error").textValue());
        assertEquals("The following character may not be part of a file or directory name: /",
                dave.api2("mkdir", Map.of("name", "a/b")).get("error").textValue());
        assertEquals("Invalid permissions string: 0999", dave.api2("mkdir", Map.of("name", "c", "permissions", "0999")).get("error").textValue());
        JsonNode again = dave.api2("mkdir", Map.of("name", "top"));
        assertEquals(0, again.get("event").get("result").intValue());
        assertTrue(again.get("error").textValue().startsWith("Could not create directory \"top\" in " + dave.home() + ": "), again.toString());
        assertTrue(dave.api2("mkdir", Map.of("path", "nowhere", "name", "x")).get("error").textValue()
                .endsWith("Directory " + dave.at("nowhere") + " does not exist."));
    }

    @Test
    void listfilesAsCpanelsListFiles() throws IOException {
        FileOps.Account erin = FileOps.newAccount();
        write(erin.at("public_html/Zeta.txt"), "hello".getBytes(StandardCharsets.UTF_8));
        write(erin.at("public_html/alpha.bin"), new byte[1536]);
        write(erin.at("public_html/.hidden"), new byte[0]);
        write(erin.at("public_html/sub/inner/deep.txt"), new byte[1]);
        Files.createDirectory(erin.at("public_html/empty"));
        Files.setPosixFilePermissions(erin.at("public_html/Zeta.txt"), PosixFilePermissions.fromString("rw-r--r--"));

        JsonNode listed = erin.api2("listfiles", Map.of("dir", "public_html", "checkleaf", "1"));
        assertEquals(1, listed.get("event").get("result").intValue(), listed.toString());
        List<String> names = new ArrayList<>();
        listed.get("data").forEach(row -> names.add(row.get("file").textValue()));
        assertEquals(List.of("empty", "sub", "alpha.bin", "Zeta.txt"), names, "directories first, case-insensitive order, no dot files");
        JsonNode zeta = listed.get("data").get(3);
        assertEquals(erin.at("public_html/Zeta.txt").toString(), zeta.get("fullpath").textValue());
        assertEquals(erin.at("public_html").toString(), zeta.get("path").textValue());
        assertEquals(erin.at("public_html").toString(), zeta.get("absdir").textValue());
        assertEquals(5, zeta.get("size").intValue());
        assertTrue(zeta.get("size").isNumber() && zeta.get("mtime").isNumber() && zeta.get("ctime").isNumber(), zeta.toString());
        int uid = (Integer) Files.getAttribute(erin.at("public_html/Zeta.txt"), "unix:uid");
        // cPanel writes $stat[4] || '': root's 0 becomes ""
        assertEquals(uid == 0 ? "\"\"" : String.valueOf(uid), zeta.get("uid").toString());
        assertEquals("5 bytes", zeta.get("humansize").textValue());
        assertEquals("0644", zeta.get("nicemode").textValue());
        assertEquals(0100644, zeta.get("mode").intValue());
        assertEquals("file", zeta.get("type").textValue());
        assertEquals(1, zeta.get("exists").intValue());
        assertFalse(zeta.has("isleaf"));
        assertEquals("1.5 KB", listed.get("data").get(2).get("humansize").textValue());
        assertEquals(1, listed.get("data").get(0).get("isleaf").intValue(), "empty has no subdirectory");
        assertEquals(0, listed.get("data").get(1).get("isleaf").intValue(), "sub has one");
        assertEquals("dir", listed.get("data").get(1).get("type").textValue());

        assertEquals(5, erin.api2("listfiles", Map.of("dir", "public_html", "showdotfiles", "1")).get("data").size());
        assertEquals(2, erin.api2("listfiles", Map.of("dir", "public_html", "types", "file")).get("data").size());
        JsonNode only = erin.api2("listfiles", Map.of("dir", "public_html", "filelist", "1", "filepath-A", "Zeta.txt", "filepath-B", "sub"));
        assertEquals(2, only.get("data").size(), only.toString());
        assertEquals("The directory " + erin.at("missing") + " does not exist.", erin.api2("listfiles", Map.of("dir", "missing")).get("error").textValue());
        assertTrue(erin.api2("listfiles", Map.of("needmime", "1")).get("error").textValue().startsWith("needmime=1 is not available"));
    }
}
