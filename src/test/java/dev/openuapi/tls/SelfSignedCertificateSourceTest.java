package dev.openuapi.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 row 8, without the application: the generated key is 0600 in a 0700 directory, and an old 0644 key is tightened. */
class SelfSignedCertificateSourceTest {

    @TempDir
    Path temp;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void theKeyIsTheOwnersAloneFromTheStart() throws Exception {
        Path directory = temp.resolve("tls");
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        SelfSignedCertificateSource.generate(directory, "panel.example.com");
        assertEquals("rwx------", mode(directory), "the directory is closed before the key is written into it");
        Path key = directory.resolve("openuapi.key");
        SelfSignedCertificateSource.restrict(directory, key);
        assertEquals("rw-------", mode(key));

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--")); // as versions before issue 12 wrote it
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        SelfSignedCertificateSource.restrict(directory, key);
        assertEquals("rw-------", mode(key));
        assertEquals("rwx------", mode(directory));
    }
}
