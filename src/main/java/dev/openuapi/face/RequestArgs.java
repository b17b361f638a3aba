package dev.openuapi.face;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.openuapi.common.ApiException;
import dev.openuapi.kernel.Args;

/**
 * Reads a call's arguments the way cpsrvd does (spec §5.1), for both {@code /execute} and
 * {@code /json-api/cpanel}: the query string; a form body merged after it; multipart fields; or a flat
 * JSON object body, in which case only the body counts.
 */
public final class RequestArgs {

    /** A JSON body that is not a flat object; each API face words this its own way. */
    public static final class UnreadableJson extends Exception {
        /** The key of the nested value, or {@code null} when the body is not a JSON object at all. */
        public final String nestedKey;

        UnreadableJson(String nestedKey) {
            super(null, null, false, false);
            this.nestedKey = nestedKey;
        }
    }

    static final String NAMELESS_PART = "A part of the multipart body has no name: give each part a Content-Disposition with a name.";

    private RequestArgs() {
    }

    /**
     * @param rawQuery the query string exactly as sent (Vert.x's {@code HttpServerRequest.query()})
     * @param max the most parameters a request may carry ({@code openuapi.input.max-parameters}); past it,
     *        an {@link ApiException} that each face renders in its envelope
     */
    public static Args query(String rawQuery, int max) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        FormEncoding.parseInto(rawQuery, pairs, max);
        return Args.fromPairs(pairs);
    }

    /** A POST that is not multipart: JSON when the Content-Type says so, otherwise the form parser. */
    public static Args post(String rawQuery, String contentType, String body, ObjectMapper json, int max) throws UnreadableJson {
        return post(rawQuery, contentType, body, json, max, false);
    }

    /**
     * The same; with {@code nestedAsJson}, a JSON body's nested value (WHM API 1's
     * {@code batch_create_cphulk_records} takes {@code records} as an array of objects) becomes its JSON text.
     */
    public static Args post(String rawQuery, String contentType, String body, ObjectMapper json, int max, boolean nestedAsJson)
            throws UnreadableJson {
        if (isJson(contentType)) {
            return fromJson(body, json, max, nestedAsJson);
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        FormEncoding.parseInto(rawQuery, pairs, max);
        FormEncoding.parseInto(body, pairs, max);
        return Args.fromPairs(pairs);
    }

    /** Multipart fields after the query string; files are not arguments. A field without a name is refused. */
    public static Args multipart(String rawQuery, MultipartFormDataInput input, int max) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        FormEncoding.parseInto(rawQuery, pairs, max);
        for (Map.Entry<String, Collection<FormValue>> field : input.getValues().entrySet()) {
            for (FormValue value : field.getValue()) {
                if (value.isFileItem()) {
                    continue;
                }
                if (field.getKey() == null || field.getKey().isEmpty()) {
                    throw ApiException.invalid(NAMELESS_PART);
                }
                if (pairs.size() >= max) {
                    throw FormEncoding.tooMany(max);
                }
                pairs.add(new AbstractMap.SimpleImmutableEntry<>(field.getKey(), value.getValue()));
            }
        }
        return Args.fromPairs(pairs);
    }

    /**
     * The query string, then a multipart body's fields as the Vert.x decoder gave them (the streamed upload,
     * {@code face.uapi.UploadRoute}); files are not arguments. A field without a name is refused.
     */
    public static Args multipart(String rawQuery, Iterable<Map.Entry<String, String>> fields, int max) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        FormEncoding.parseInto(rawQuery, pairs, max);
        for (Map.Entry<String, String> field : fields) {
            if (field.getKey() == null || field.getKey().isEmpty()) {
                throw ApiException.invalid(NAMELESS_PART);
            }
            if (pairs.size() >= max) {
                throw FormEncoding.tooMany(max);
            }
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(field.getKey(), field.getValue()));
        }
        return Args.fromPairs(pairs);
    }

    /** cPanel compares the whole header with application/json; we also accept a charset parameter. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.equalsIgnoreCase(MediaType.APPLICATION_JSON);
    }

    private static Args fromJson(String body, ObjectMapper json, int max, boolean nestedAsJson) throws UnreadableJson {
        JsonNode tree;
        try {
            tree = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            throw new UnreadableJson(null);
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isContainerNode() && !nestedAsJson) {
                throw new UnreadableJson(field.getKey());
            }
            if (pairs.size() >= max) {
                throw FormEncoding.tooMany(max);
            }
            pairs.add(new AbstractMap.SimpleImmutableEntry<>(field.getKey(), value.isContainerNode() ? value.toString() : scalar(value)));
        }
        return Args.fromPairs(pairs);
    }

    private static String scalar(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "1" : "0";
        }
        return value.asText();
    }
}
