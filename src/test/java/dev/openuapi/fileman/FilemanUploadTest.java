package dev.openuapi.fileman;

import static dev.openuapi.fileman.FilemanModuleTest.args;
import static dev.openuapi.fileman.FilemanModuleTest.keys;
import static dev.openuapi.fileman.FilemanModuleTest.mkfifo;
import static dev.openuapi.support.TooLarge.expectContinue;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.openuapi.support.LogCapture;
import dev.openuapi.support.Uapi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.MultiPartConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import org.apache.http.entity.mime.HttpMultipartMode;

/**
 * UAPI Fileman::upload_files (cPanel's reference, "Upload files"): multipart parts stored under their filenames, byte for
 * byte, streamed to disk; its own size limit (openuapi.files.max-upload-size, 4M in tests) above the 1 MB body limit that
 * every other route keeps; authentication before any byte; the disk quota; paths that leave the home.
 */
@QuarkusTest
class FilemanUploadTest {

    static final String UPLOAD = "/execute/Fileman/upload_files";
    /** File names in the parts' headers as UTF-8 (as browsers send them), not RestAssured's default US-ASCII. */
    static final RestAssuredConfig UTF8_PARTS = RestAssured.config()
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset(StandardCharsets.UTF_8)).httpClient(io.restassured.config.HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE));

    static byte[] binary(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + i / 251);
        }
        return bytes;
    }

    static String upload(RequestSpecification request) {
        return request.post(UPLOAD).then().statusCode(200).extract().asString();
    }

    static long spools() throws IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("openuapi-upload-")).count();
        }
    }

    @Test
    void uploadsSeveralFilesByteForByte() throws IOException {
        FilemanFixture alice = FilemanFixture.newAccount();
        Path home = alice.home();
        byte[] blob = binary(300_000);
        byte[] text = "naïve ✓\n".getBytes(StandardCharsets.UTF_8);
        String utf8Name = "résumé-日本.txt";
        // cPanel's example (curl -F "file-0=@local.bin;filename=example.bin" -F dir=public_html -F overwrite=1):
        // {"uploads":[{"file":"example.png","size":268,"status":1,"reason":"Upload of “example.png” succeeded.","warnings":[]}],
        //  "succeeded":1,"failed":0,"warned":0}
        String body = upload(alice.request().config(UTF8_PARTS).multiPart("file-0", "example.bin", blob, "application/octet-stream")
                .multiPart("file-1", utf8Name, text, "text/plain").multiPart("dir", "public_html/uploads"));
        JsonNode data = Uapi.success(body).get("data");
        assertEquals(List.of("uploads", "succeeded", "failed", "warned"), keys(data));
        assertEquals(2, data.get("succeeded").intValue());
        assertEquals(0, data.get("failed").intValue());
        assertEquals(0, data.get("warned").intValue());
        JsonNode first = data.get("uploads").get(0);
        assertEquals(List.of("file", "size", "status", "reason", "warnings"), keys(first));
        assertEquals("example.bin", first.get("file").textValue());
        assertEquals(300_000, first.get("size").intValue());
        assertEquals(1, first.get("status").intValue());
        assertEquals("Upload of “example.bin” succeeded.", first.get("reason").textValue());
        assertEquals("[]", first.get("warnings").toString());
        assertEquals(utf8Name, data.get("uploads").get(1).get("file").textValue());
        Path dir = home.resolve("public_html/uploads");
        assertArrayEquals(blob, Files.readAllBytes(dir.resolve("example.bin")), "the directory is made, the bytes kept");
        assertArrayEquals(text, Files.readAllBytes(dir.resolve(utf8Name)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("example.bin"))), "0644 by default");
        // and read back through the API, byte for byte
        JsonNode read = alice.ok("get_file_content", args("dir", "public_html/uploads", "file", "example.bin", "from_charset", "ISO-8859-1"));
        assertArrayEquals(blob, read.get("content").textValue().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void overwriteDuplicatesPermissionsAndDiskInfo() throws IOException {
        FilemanFixture bob = FilemanFixture.newAccount();
        Path home = bob.home();
        Files.writeString(home.resolve("public_html/old.txt"), "old");
        JsonNode twice = Uapi.success(upload(bob.request().multiPart("file-0", "same.txt", "one".getBytes()).multiPart("file-1", "same.txt",
                "two".getBytes()).multiPart("dir", "public_html").multiPart("permissions", "600"))).get("data");
        assertEquals("same-2.txt", twice.get("uploads").get(1).get("file").textValue(), "cPanel renames the second of one request");
        assertEquals("one", Files.readString(home.resolve("public_html/same.txt")));
        assertEquals("two", Files.readString(home.resolve("public_html/same-2.txt")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("public_html/same.txt"))));

        // overwrite=0 (default): an existing file fails; when every file fails the call fails, with data
        String refused = upload(bob.request().multiPart("file-0", "old.txt", "new".getBytes()).multiPart("dir", "public_html"));
        JsonNode root = Uapi.envelope(refused);
        assertEquals(0, root.get("status").intValue());
        assertEquals("Failed to upload any of the requested files with various failures.", root.get("errors").get(0).textValue());
        assertEquals(0, root.get("data").get("uploads").get(0).get("status").intValue());
        assertTrue(root.get("data").get("uploads").get(0).get("size").isNull());
        assertTrue(root.get("data").get("uploads").get(0).get("reason").textValue().contains("already exists"), refused);
        assertEquals("old", Files.readString(home.resolve("public_html/old.txt")));

        JsonNode mixed = Uapi.success(upload(bob.request().queryParam("overwrite", "1").queryParam("get_disk_info", "1")
                .multiPart("file-0", "old.txt", "new".getBytes()).multiPart("file-1", "bad`name.txt", "x".getBytes())
                .multiPart("dir", "public_html"))).get("data");
        assertEquals(1, mixed.get("succeeded").intValue(), mixed.toString());
        assertEquals(1, mixed.get("failed").intValue(), mixed.toString());
        assertEquals("new", Files.readString(home.resolve("public_html/old.txt")));
        assertFalse(Files.exists(home.resolve("public_html/bad;name.txt")));
        JsonNode disk = mixed.get("diskinfo");
        assertEquals("4194304.00", disk.get("file_upload_max_bytes").textValue(), "openuapi.files.max-upload-size of the tests");
        assertEquals("∞", disk.get("spacelimit").textValue(), "no quota on the default plan");
        assertTrue(disk.get("spaceused").textValue().matches("[0-9]+\\.00"), disk.toString());
        assertTrue(disk.get("filesused").isInt());

        Uapi.failure(upload(bob.request().multiPart("file-0", "p.txt", "x".getBytes()).multiPart("permissions", "999")),
                "The “permissions” value “999” is not an octal mode such as 0644.");
    }

    @Test
    void noFileIsAnError() {
        FilemanFixture carol = FilemanFixture.newAccount();
        String body = upload(carol.request().multiPart("dir", "public_html"));
        JsonNode root = Uapi.envelope(body);
        assertEquals(0, root.get("status").intValue());
        assertEquals("You must specify at least one file to upload.", root.get("errors").get(0).textValue());
        // a query parameter named file-* is never a file (cPanel drops them)
        JsonNode get = Uapi.envelope(carol.get("upload_files", args("file-0", "x")));
        assertEquals("You must specify at least one file to upload.", get.get("errors").get(0).textValue());
    }

    @Test
    void anUnauthenticatedUploadIsRefusedBeforeAnyByteIsStored() throws IOException {
        FilemanFixture dave = FilemanFixture.newAccount();
        Path home = dave.home();
        long before = spools();
        given().multiPart("file-0", "unauth.txt", "x".getBytes()).multiPart("dir", ".").post(UPLOAD).then().statusCode(401);
        given().header("Authorization", "cpanel " + dave.username() + ":WRONGTOKENWRONGTOKENWRONGTOKEN12").multiPart("file-0", "unauth.txt",
                "x".getBytes()).multiPart("dir", ".").post(UPLOAD).then().statusCode(401);
        given().auth().preemptive().basic(dave.username(), "wrong-password").multiPart("file-0", "unauth.txt", "x".getBytes()).post(UPLOAD)
                .then().statusCode(401);
        assertFalse(Files.exists(home.resolve("unauth.txt")));
        assertEquals(before, spools(), "no spool was made");
        // the same credentials as every call: a password works too
        Uapi.success(upload(given().auth().preemptive().basic(dave.username(), dave.password()).multiPart("file-0", "auth.txt", "y".getBytes())));
        assertEquals("y", Files.readString(home.resolve("auth.txt")));
        assertEquals(before, spools(), "the spool is removed after the call");
    }

    @Test
    void theUploadLimitIsItsOwnAndTheRestKeepsOneMegabyte() throws IOException, InterruptedException {
        FilemanFixture erin = FilemanFixture.newAccount();
        Path home = erin.home();
        byte[] twoMb = binary(2 * 1024 * 1024);
        Uapi.success(upload(erin.request().multiPart("file-0", "two.bin", twoMb)));
        assertArrayEquals(twoMb, Files.readAllBytes(home.resolve("two.bin")));

        long before = spools();
        expectContinue(erin.request()).multiPart("file-0", "five.bin", binary(5 * 1024 * 1024)).post(UPLOAD).then().statusCode(413);
        assertFalse(Files.exists(home.resolve("five.bin")));
        assertEquals(before, spools());

        // every other route keeps quarkus.http.limits.max-body-size (1M)
        expectContinue(erin.request()).formParam("file", "big.txt").formParam("content", "x".repeat(1_200_000))
                .post("/execute/Fileman/save_file_content")
                .then().statusCode(413);
        assertFalse(Files.exists(home.resolve("big.txt")));
        // a multipart body goes out chunked: Quarkus answers 413 while the face reads it, and the failed read that follows
        // is not logged as a server error (SecondAnswers)
        try (LogCapture errors = LogCapture.warnings("io.quarkus.vertx.http.runtime.QuarkusErrorHandler")) {
            expectContinue(erin.request()).multiPart("file-0", "big.bin", twoMb).post("/execute/Fileman/list_files").then().statusCode(413);
            Thread.sleep(500); // the failure follows the answer
            assertEquals(List.of(), errors.messages());
        }
    }

    @Test
    void uploadsAreHeldToTheDiskQuota() throws IOException {
        FilemanFixture frank = FilemanFixture.withDiskQuota(1);
        Path home = frank.home();
        JsonNode data = Uapi.success(upload(frank.request().multiPart("file-0", "a.bin", binary(600 * 1024)).multiPart("file-1", "b.bin",
                binary(600 * 1024)))).get("data");
        assertEquals(1, data.get("succeeded").intValue());
        assertEquals(1, data.get("failed").intValue());
        assertTrue(data.get("uploads").get(1).get("reason").textValue().startsWith("Disk quota exceeded: "), data.toString());
        assertFalse(Files.exists(home.resolve("b.bin")));
        JsonNode over = Uapi.envelope(upload(frank.request().multiPart("file-0", "c.bin", binary(1536 * 1024))));
        assertEquals(0, over.get("status").intValue());
        assertFalse(Files.exists(home.resolve("c.bin")));
        try (Stream<Path> left = Files.list(home)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".openuapi-")), "no temporary file left");
        }
    }

    @Test
    void uploadPathsThatLeaveTheHomeAreRefused() throws IOException, InterruptedException {
        FilemanFixture gina = FilemanFixture.newAccount();
        Path home = gina.home();
        Path outside = Files.createTempDirectory("fm-outside-");
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(home.resolve("escape"), outside);
        Files.createSymbolicLink(home.resolve("leak.txt"), outside.resolve("secret.txt"));
        mkfifo(home.resolve("pipe"));
        for (String dir : List.of("..", "../..", "/etc", "/home/" + gina.username() + "/../x", home + "/..", "escape", "escape/sub", "a\0b",
                "a\nb")) {
            JsonNode root = Uapi.envelope(upload(gina.request().multiPart("file-0", "planted.txt", "x".getBytes()).multiPart("dir", dir)));
            assertEquals(0, root.get("status").intValue(), dir);
        }
        for (String name : List.of("..", ".", "../planted.txt", "leak.txt", "pipe", "a\u0001b")) {
            JsonNode root = Uapi.envelope(upload(gina.request().queryParam("overwrite", "1").multiPart("file-0", name, "x".getBytes())));
            assertEquals(0, root.get("status").intValue(), name + ": " + root);
            assertEquals(0, root.get("data").get("failed").intValue() - 1, name);
        }
        assertEquals("secret", Files.readString(outside.resolve("secret.txt")));
        try (Stream<Path> left = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("secret.txt")), left.toList());
        }
        assertFalse(Files.exists(home.getParent().resolve("planted.txt")));
        assertTrue(Files.exists(home.resolve("pipe")) && !Files.isRegularFile(home.resolve("pipe")));
    }
}
