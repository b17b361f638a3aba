package dev.openuapi.fileops;

import static dev.openuapi.fileops.FileOps.read;
import static dev.openuapi.fileops.FileOps.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * fileop extract and compress: round trips byte for byte (UTF-8 names included), crafted archives that try to
 * leave the destination (zip-slip, absolute names, symlinks and hard links out) leave nothing outside and nothing
 * half-extracted, zip bombs (entry count, expanded size: %test limits 500 entries, 8 MiB) and the disk quota
 * stop an extraction whole, and compress and copy are held to the quota.
 */
@QuarkusTest
class FileOpsArchiveTest {

    /** One entry of a crafted archive: a file, a directory, a symlink or a hard link. */
    record Entry(String name, byte[] content, String link, byte type) {
        static Entry file(String name, byte[] content) {
            return new Entry(name, content, null, TarConstants.LF_NORMAL);
        }

        static Entry file(String name, String content) {
            return file(name, content.getBytes(StandardCharsets.UTF_8));
        }

        static Entry symlink(String name, String target) {
            return new Entry(name, null, target, TarConstants.LF_SYMLINK);
        }

        static Entry hardlink(String name, String target) {
            return new Entry(name, null, target, TarConstants.LF_LINK);
        }
    }

    static byte[] zip(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Entry entry : entries) {
                zip.putNextEntry(new ZipEntry(entry.name()));
                zip.write(entry.content());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] tarGz(Entry... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes); TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Entry entry : entries) {
                TarArchiveEntry e = new TarArchiveEntry(entry.name(), entry.type(), true);
                if (entry.link() != null) {
                    e.setLinkName(entry.link());
                    tar.putArchiveEntry(e);
                } else {
                    e.setSize(entry.content().length);
                    e.setMode(0100644);
                    tar.putArchiveEntry(e);
                    tar.write(entry.content());
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.util.Random(n).nextBytes(b);
        return b;
    }

    /** Extracts into {@code destination} below the home (absolute: a relative one would be taken in the archive's directory). */
    static JsonNode extract(FileOps.Account account, String archive, String destination) {
        return account.fileop(Map.of("op", "extract", "sourcefiles", archive, "destfiles", "/home/" + account.username() + "/" + destination));
    }

    /** The destination holds nothing (no entry, no temporary directory) and nothing appeared next to the home. */
    static void assertNothingExtracted(FileOps.Account account, String destination, List<String> homesBefore, JsonNode row) {
        assertEquals(0, row.get("result").intValue(), row.toString());
        Path dest = account.at(destination);
        assertTrue(!Files.exists(dest) || FileOps.tree(dest).equals(List.of("")), destination + ": " + (Files.exists(dest) ? FileOps.tree(dest) : ""));
        assertEquals(homesBefore, FileOps.tree(account.home().getParent()).stream().filter(p -> !p.startsWith(account.username())).toList());
    }

    @Test
    void compressThenExtractKeepsEveryByte() throws IOException {
        FileOps.Account frank = FileOps.newAccount();
        byte[] binary = random(300_000);
        write(frank.at("site/index.html"), "<h1>☃</h1>".getBytes(StandardCharsets.UTF_8));
        write(frank.at("site/img/ünïcødé ☃.bin"), binary);
        Files.createDirectories(frank.at("site/empty"));
        write(frank.at("notes ☃.txt"), "notes".getBytes(StandardCharsets.UTF_8));
        for (String type : List.of("zip", "tar.gz", "tar", "tar.bz2")) {
            String archive = "archives/site." + type;
            JsonNode compressed = frank.fileop(Map.of("op", "compress", "sourcefiles", "site,notes ☃.txt", "destfiles", "/home/" + frank.username() + "/"
                    + archive, "metadata", type));
            assertEquals(1, compressed.get("result").intValue(), compressed.toString());
            assertEquals(frank.at("site").toString(), compressed.get("src").textValue());
            assertEquals(frank.at(archive).toString(), compressed.get("dest").textValue());
            assertTrue(compressed.get("output").textValue().contains("site/img/ünïcødé ☃.bin"), compressed.toString());

            String into = "out-" + type.replace('.', '-');
            JsonNode extracted = extract(frank, archive, into);
            assertEquals(1, extracted.get("result").intValue(), extracted.toString());
            assertEquals(frank.at(into).toString(), extracted.get("dest").textValue());
            assertTrue(extracted.get("output").textValue().contains("notes ☃.txt"));
            assertArrayEquals(binary, read(frank.at(into + "/site/img/ünïcødé ☃.bin")), type);
            assertEquals("<h1>☃</h1>", Files.readString(frank.at(into + "/site/index.html")), type);
            assertEquals("notes", Files.readString(frank.at(into + "/notes ☃.txt")), type);
            assertTrue(Files.isDirectory(frank.at(into + "/site/empty")), type);
            assertEquals(FileOps.tree(frank.at("site")), FileOps.tree(frank.at(into + "/site")), type);
        }
        // extracting again over what is there replaces the files, as unzip -o does
        write(frank.at("out-zip/notes ☃.txt"), "changed".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, extract(frank, "archives/site.zip", "out-zip").get("result").intValue());
        assertEquals("notes", Files.readString(frank.at("out-zip/notes ☃.txt")));

        assertEquals("Invalid archive type: rar.  No archive created.",
                frank.fileop(Map.of("op", "compress", "sourcefiles", "site", "destfiles", "s.rar", "metadata", "rar")).get("err").textValue());
        write(frank.at("s.rar"), new byte[10]);
        assertEquals("The File Manager does not support extracting this type of archive.", extract(frank, "s.rar", "x").get("err").textValue());
    }

    @Test
    void linksInsideATarAreKept() throws IOException {
        FileOps.Account gina = FileOps.newAccount();
        write(gina.at("ok.tar.gz"), tarGz(Entry.file("d/target.txt", "target"), Entry.symlink("d/alias", "target.txt"),
                Entry.symlink("top", "d/target.txt"), Entry.hardlink("d/copy", "d/target.txt")));
        JsonNode row = extract(gina, "ok.tar.gz", "x");
        assertEquals(1, row.get("result").intValue(), row.toString());
        assertEquals(Path.of("target.txt"), Files.readSymbolicLink(gina.at("x/d/alias")));
        assertEquals(Path.of("d/target.txt"), Files.readSymbolicLink(gina.at("x/top")));
        assertFalse(Files.isSymbolicLink(gina.at("x/d/copy")));
        assertEquals("target", Files.readString(gina.at("x/d/copy")));
    }

    @Test
    void craftedArchivesLeaveNothingOutsideAndNothingHalfExtracted() throws IOException {
        FileOps.Account hank = FileOps.newAccount();
        String evil = "evil-" + Fixtures.randomSuffix(8);
        List<String> homesBefore = FileOps.tree(hank.home().getParent()).stream().filter(p -> !p.startsWith(hank.username())).toList();
        Map<String, byte[]> archives = new java.util.LinkedHashMap<>();
        Entry good = Entry.file("good.txt", "good");
        archives.put("slip.zip", zip(good, Entry.file("../../" + evil, "x")));
        archives.put("deep-slip.zip", zip(good, Entry.file("a/../../" + evil, "x")));
        archives.put("absolute.zip", zip(good, Entry.file("/tmp/" + evil, "x")));
        archives.put("slip.tar.gz", tarGz(good, Entry.file("../" + evil, "x")));
        archives.put("absolute.tar.gz", tarGz(good, Entry.file("/tmp/" + evil, "x")));
        archives.put("symlink-etc.tar.gz", tarGz(good, Entry.symlink("etc", "/etc"), Entry.file("etc/" + evil, "x")));
        archives.put("symlink-up.tar.gz", tarGz(good, Entry.symlink("up", "../../.."), Entry.file("up/" + evil, "x")));
        archives.put("symlink-chain.tar.gz", tarGz(good, Entry.symlink("d/l", "../../x")));
        archives.put("hardlink-etc.tar.gz", tarGz(good, Entry.hardlink("passwd", "/etc/passwd")));
        archives.put("hardlink-up.tar.gz", tarGz(good, Entry.hardlink("h", "../../../" + evil)));
        archives.put("hardlink-missing.tar.gz", tarGz(good, Entry.hardlink("h", "nothing")));
        archives.put("both.tar.gz", tarGz(good, Entry.file("x", "file"), Entry.file("x/y", "under a file")));
        for (Map.Entry<String, byte[]> archive : archives.entrySet()) {
            write(hank.at("in/" + archive.getKey()), archive.getValue());
            JsonNode row = extract(hank, "in/" + archive.getKey(), "dest");
            assertNothingExtracted(hank, "dest", homesBefore, row);
            assertFalse(Files.exists(Path.of("/tmp/" + evil)), archive.getKey());
            assertFalse(Files.exists(Path.of("/etc/" + evil)), archive.getKey());
            assertFalse(Files.exists(hank.home().getParent().resolve(evil)), archive.getKey());
            assertFalse(Files.exists(hank.home().resolve(evil)), archive.getKey());
        }
        assertTrue(extract(hank, "in/slip.zip", "dest").get("err").textValue().contains("nothing was extracted"));

        // a zip symlink entry (Unix mode 0120777): java.util.zip sees a file, so it is written as one, holding its target
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            ZipArchiveEntry link = new ZipArchiveEntry("etc");
            link.setUnixMode(0120777);
            zip.putArchiveEntry(link);
            zip.write("/etc".getBytes(StandardCharsets.UTF_8));
            zip.closeArchiveEntry();
        }
        write(hank.at("in/link.zip"), bytes.toByteArray());
        assertEquals(1, extract(hank, "in/link.zip", "links").get("result").intValue());
        assertFalse(Files.isSymbolicLink(hank.at("links/etc")));
        assertEquals("/etc", Files.readString(hank.at("links/etc")));

        // a conflict with what is there stops the whole extraction before anything moves
        Files.createDirectories(hank.at("conflict/x"));
        write(hank.at("in/conflict.zip"), zip(Entry.file("a.txt", "a"), Entry.file("x", "file where a directory is")));
        JsonNode conflict = extract(hank, "in/conflict.zip", "conflict");
        assertEquals(0, conflict.get("result").intValue());
        assertEquals(List.of("", "x"), FileOps.tree(hank.at("conflict")));
    }

    @Test
    void zipBombsAreStoppedWhole() throws IOException {
        FileOps.Account ivan = FileOps.newAccount();
        List<String> homesBefore = FileOps.tree(ivan.home().getParent()).stream().filter(p -> !p.startsWith(ivan.username())).toList();
        List<Entry> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(Entry.file("f" + i, "x"));
        }
        write(ivan.at("many.zip"), zip(many.toArray(Entry[]::new)));
        JsonNode count = extract(ivan, "many.zip", "dest");
        assertNothingExtracted(ivan, "dest", homesBefore, count);
        assertEquals("The archive “many.zip” has more than 500 entries; nothing was extracted.", count.get("err").textValue());

        write(ivan.at("bomb.zip"), zip(Entry.file("small", "x"), Entry.file("zeros", new byte[9 * 1024 * 1024])));
        assertTrue(Files.size(ivan.at("bomb.zip")) < 100_000);
        JsonNode bomb = extract(ivan, "bomb.zip", "dest");
        assertNothingExtracted(ivan, "dest", homesBefore, bomb);
        assertEquals("The archive “bomb.zip” expands to more than 8388608 bytes; nothing was extracted.", bomb.get("err").textValue());
    }

    @Test
    void theDiskQuotaHoldsForCopyExtractAndCompress() throws IOException {
        FileOps.Account judy = FileOps.newAccount(1);
        List<String> homesBefore = FileOps.tree(judy.home().getParent()).stream().filter(p -> !p.startsWith(judy.username())).toList();
        write(judy.at("big.bin"), random(600_000));
        write(judy.at("three.zip"), zip(Entry.file("a.bin", new byte[300_000]), Entry.file("b.bin", new byte[300_000])));

        JsonNode copy = judy.fileop(Map.of("op", "copy", "sourcefiles", "big.bin", "destfiles", "big2.bin"));
        assertEquals(0, copy.get("result").intValue(), copy.toString());
        assertTrue(copy.get("err").textValue().toLowerCase(java.util.Locale.ROOT).contains("disk quota"), copy.toString());
        assertFalse(Files.exists(judy.at("big2.bin")));

        JsonNode extracted = extract(judy, "three.zip", "dest");
        assertNothingExtracted(judy, "dest", homesBefore, extracted);
        assertTrue(extracted.get("err").textValue().toLowerCase(java.util.Locale.ROOT).contains("disk quota"), extracted.toString());

        JsonNode compressed = judy.fileop(Map.of("op", "compress", "sourcefiles", "big.bin", "destfiles", "big.zip", "metadata", "zip"));
        assertEquals(0, compressed.get("result").intValue(), compressed.toString());
        assertTrue(compressed.get("err").textValue().toLowerCase(java.util.Locale.ROOT).contains("disk quota"), compressed.toString());
        assertFalse(Files.exists(judy.at("big.zip")));
        assertTrue(FileOps.tree(judy.home()).stream().noneMatch(p -> p.contains(".openuapi-")), FileOps.tree(judy.home()).toString());

        // what the refused writes had used is given back: once big.bin is gone, the same extraction fits
        assertEquals(1, judy.fileop(Map.of("op", "unlink", "sourcefiles", "big.bin")).get("result").intValue());
        JsonNode fits = extract(judy, "three.zip", "dest");
        assertEquals(1, fits.get("result").intValue(), fits.toString());
        assertArrayEquals(new byte[300_000], read(judy.at("dest/b.bin")));
        assertTrue(Files.isDirectory(judy.at("dest"), LinkOption.NOFOLLOW_LINKS));
    }
}
