package dev.openuapi.kernel;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file sent as a part of a {@code multipart/form-data} request ({@code Fileman::upload_files}): the part's field name,
 * the {@code filename} it was sent with and its bytes, already received in full by the face (spooled to disk, never held
 * in memory). Files are not arguments: cPanel drops every {@code file-*} key from the arguments (spec §5.1).
 *
 * @param field    the form field's name ({@code file-0})
 * @param filename the part's {@code filename} attribute, as sent
 * @param size     the number of bytes received
 */
public record Upload(String field, String filename, long size, Content content) {

    /** Opens the received bytes; each call starts from the first byte. The caller closes the stream. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }
}
