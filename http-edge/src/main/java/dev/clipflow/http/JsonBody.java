package dev.clipflow.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body read as a JSON object, with typed field access whose failures are 400 answers
 * naming the field (never the value: bodies are not echoed or logged).
 */
public final class JsonBody {
    private final JsonNode root;

    private JsonBody(JsonNode root) {
        this.root = root;
    }

    /**
     * Reads {@code body} as a JSON object: 400 {@code MALFORMED_JSON} when it is missing, blank, not
     * base64 (when {@code base64}), not JSON (trailing content and a repeated key included: which of two
     * values was meant is not ours to guess) or not an object; 413 {@code BODY_TOO_LARGE} when it is,
     * or decodes to, more than {@code maxBytes} bytes (checked on the encoded length before decoding).
     */
    public static JsonBody parse(JsonMapper json, String body, boolean base64, int maxBytes) {
        if (body == null || body.isBlank()) {
            throw invalid("MALFORMED_JSON", "The request needs a JSON object body.");
        }
        if (body.length() > (base64 ? maxBytes * 4 / 3 + 4 : maxBytes)) {
            throw new ApiRequestRejectedException(413, "BODY_TOO_LARGE",
                    "The request body is larger than " + maxBytes + " bytes.");
        }
        String text = body;
        if (base64) {
            try {
                text = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw invalid("MALFORMED_JSON", "The request body is not valid base64.");
            }
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new ApiRequestRejectedException(413, "BODY_TOO_LARGE",
                    "The request body is larger than " + maxBytes + " bytes.");
        }
        JsonNode root;
        try {
            root = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(text);
        } catch (JacksonException e) {
            throw invalid("MALFORMED_JSON", "The request body is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw invalid("MALFORMED_JSON", "The request body must be a JSON object.");
        }
        return new JsonBody(root);
    }

    /** Whether the object has the field, JSON null included (a partial update tells "absent" from "null"). */
    public boolean has(String name) {
        return root.has(name);
    }

    /** The object's field names, in the order sent. */
    public List<String> fieldNames() {
        return List.copyOf(root.propertyNames());
    }

    /** A string field; null when absent or JSON null and not required. */
    public String string(String name, boolean required) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw invalid("INVALID_REQUEST", "The field '" + name + "' is required.");
            }
            return null;
        }
        if (!node.isString()) {
            throw invalid("INVALID_REQUEST", "The field '" + name + "' must be a string.");
        }
        return node.stringValue();
    }

    /** A required whole-number field that fits a long. */
    public long wholeNumber(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            throw invalid("INVALID_REQUEST", "The field '" + name + "' is required.");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid("INVALID_REQUEST", "The field '" + name + "' must be a whole number.");
        }
        return node.longValue();
    }

    /** An optional finite number (a double); null when absent or JSON null. */
    public Double number(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw invalid("INVALID_REQUEST", "The field '" + name + "' must be a number.");
        }
        return node.doubleValue();
    }

    /** An array of strings; empty when absent or JSON null. */
    public List<String> strings(String name) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("INVALID_REQUEST", "The field '" + name + "' must be an array of strings.");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isString()) {
                throw invalid("INVALID_REQUEST", "The field '" + name + "' must be an array of strings.");
            }
            out.add(item.stringValue());
        }
        return out;
    }

    /** An array of objects, each handed over as its own {@link JsonBody}. */
    public List<JsonBody> objects(String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isArray()) {
            throw invalid("INVALID_REQUEST", "The field '" + name + "' must be an array of objects.");
        }
        List<JsonBody> out = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                throw invalid("INVALID_REQUEST", "The field '" + name + "' must be an array of objects.");
            }
            out.add(new JsonBody(item));
        }
        return out;
    }

    private static ApiRequestRejectedException invalid(String code, String message) {
        return new ApiRequestRejectedException(400, code, message);
    }
}
