package dev.clipflow.local.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A Reference Path: {@code $} followed by field names ({@code .name}, {@code ['name']}, where a quote or backslash
 * inside the brackets is escaped with a backslash: {@code ['Test\\"Name']}) and array indexes ({@code [0]}),
 * selecting at most one node. {@code $$...} is the same path into the context object (AWS accepts it wherever a
 * path is allowed, except ResultPath). Compiled once; reading is allocation-free.
 */
public final class ReferencePath {

    private final String text;
    private final Object[] segments; // String = field, Integer = index
    private final boolean context;

    private ReferencePath(String text, Object[] segments, boolean context) {
        this.text = text;
        this.segments = segments;
        this.context = context;
    }

    public String text() {
        return text;
    }

    /** Whether this path starts with {@code $$} and selects from the context object. */
    public boolean context() {
        return context;
    }

    public boolean isRoot() {
        return segments.length == 0;
    }

    /** Parses a Reference Path, or returns {@code null} when the text is a JSONPath but not a simple one. */
    public static ReferencePath tryParse(String text) {
        if (text == null || !text.startsWith("$") || text.startsWith("$$$")) {
            return null;
        }
        boolean context = text.startsWith("$$");
        List<Object> segs = new ArrayList<>();
        int i = context ? 2 : 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    char d = text.charAt(i);
                    if (d == '*' || d == '@' || d == '?' || d == '(' || d == ')' || d == ' ' || d == ',' || d == ']'
                            || d == '\'' || d == '"') {
                        return null;
                    }
                    i++;
                }
                if (i == start) {
                    return null; // ".." or trailing dot
                }
                segs.add(text.substring(start, i));
            } else if (c == '[') {
                int q = i + 1;
                if (q < n && (text.charAt(q) == '\'' || text.charAt(q) == '"')) {
                    int end = quotedName(text, q, segs);
                    if (end < 0) {
                        return null;
                    }
                    i = end;
                    continue;
                }
                int close = text.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                String inner = text.substring(i + 1, close).trim();
                if (!inner.isEmpty() && inner.chars().allMatch(Character::isDigit) && inner.length() < 10) {
                    segs.add(Integer.valueOf(inner));
                } else {
                    return null;
                }
                i = close + 1;
            } else {
                return null;
            }
        }
        return new ReferencePath(text, segs.toArray(), context);
    }

    /**
     * Reads {@code 'name']} from {@code open} (the quote), unescaping {@code \\'}, {@code \\"} and {@code \\\\}
     * as Jayway JsonPath does, and adds the name.
     *
     * @return the index after {@code ]}, or -1 when this is not a single quoted name
     */
    private static int quotedName(String text, int open, List<Object> segs) {
        char quote = text.charAt(open);
        StringBuilder name = new StringBuilder();
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                name.append(text.charAt(i + 1));
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == ']') {
                    segs.add(name.toString());
                    return i + 2;
                }
                return -1;
            } else {
                name.append(c);
                i++;
            }
        }
        return -1;
    }

    /**
     * Parses a path that must be a Reference Path.
     *
     * @throws PathSyntaxException when it is not one
     */
    public static ReferencePath parse(String text) {
        ReferencePath p = tryParse(text);
        if (p == null) {
            throw new PathSyntaxException("The value must be a valid Reference Path: '" + text + "'");
        }
        return p;
    }

    /** The selected node, or {@code null} when the path selects nothing. */
    public JsonNode find(JsonNode root) {
        JsonNode cur = root;
        for (Object seg : segments) {
            if (seg instanceof String name) {
                if (!cur.isObject()) {
                    return null;
                }
                cur = cur.get(name);
            } else {
                if (!cur.isArray()) {
                    return null;
                }
                cur = cur.get((Integer) seg);
            }
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    /**
     * A copy of {@code root} with {@code value} placed at this path, creating missing objects on the way
     * (ResultPath semantics). Only the containers along the path are copied.
     *
     * @return the new root, or {@code null} when the path cannot be applied (a step meets a non-object)
     */
    public JsonNode put(JsonNode root, JsonNode value) {
        return put(root, 0, value);
    }

    private JsonNode put(JsonNode node, int depth, JsonNode value) {
        if (depth == segments.length) {
            return value;
        }
        Object seg = segments[depth];
        if (seg instanceof String name) {
            if (node != null && !node.isObject()) {
                return null;
            }
            ObjectNode copy = node == null ? Json.object() : Json.shallowCopy((ObjectNode) node);
            JsonNode child = put(node == null ? null : node.get(name), depth + 1, value);
            if (child == null) {
                return null;
            }
            copy.set(name, child);
            return copy;
        }
        int index = (Integer) seg;
        if (node == null || !node.isArray() || index >= node.size()) {
            return null;
        }
        ArrayNode copy = Json.array();
        copy.addAll((ArrayNode) node);
        JsonNode child = put(node.get(index), depth + 1, value);
        if (child == null) {
            return null;
        }
        copy.set(index, child);
        return copy;
    }

    @Override
    public String toString() {
        return text;
    }
}
