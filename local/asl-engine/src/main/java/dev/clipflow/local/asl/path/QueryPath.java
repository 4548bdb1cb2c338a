package dev.clipflow.local.asl.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.clipflow.local.asl.json.Json;
import java.util.Collection;

/**
 * A JSONPath as used by InputPath, OutputPath, ItemsPath and {@code .$} fields. Simple paths are evaluated by
 * {@link ReferencePath} (fast, allocation-free); everything else (wildcards, slices, filters, deep scans) by
 * Jayway JsonPath, the library whose semantics and messages AWS Step Functions exposes.
 *
 * <p>A definite path that selects nothing throws {@link PathNotFoundException}; an indefinite path always yields
 * an array, possibly empty, also when a field on its way is missing ({@code $.items[*]}, {@code $.items[1:]} and
 * {@code $.items[*].x} over an input without {@code items} give {@code []}, as on AWS). A path written {@code $$...}
 * selects from the context object: {@link #context()} tells the caller which root to pass.
 */
public final class QueryPath {

    /** Jayway over Jackson trees with exact numbers. */
    public static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    private final String text;
    private final ReferencePath simple;
    private final JsonPath compiled;
    private final boolean definite;
    private final boolean context;

    private QueryPath(String text, ReferencePath simple, JsonPath compiled, boolean context) {
        this.text = text;
        this.simple = simple;
        this.compiled = compiled;
        this.definite = compiled.isDefinite();
        this.context = context;
    }

    /**
     * Compiles a path starting with {@code $}.
     *
     * @throws PathSyntaxException when it is not a valid JSONPath
     */
    public static QueryPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new PathSyntaxException("A path must start with '$': '" + text + "'");
        }
        boolean context = text.startsWith("$$");
        String own = context ? text.substring(1) : text;
        if (own.startsWith("$$")) {
            throw new PathSyntaxException("Invalid JSONPath '" + text + "'");
        }
        try {
            JsonPath compiled = JsonPath.compile(own);
            return new QueryPath(text, ReferencePath.tryParse(own), compiled, context);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new PathSyntaxException("Invalid JSONPath '" + text + "': " + e.getMessage());
        }
    }

    public String text() {
        return text;
    }

    public boolean isDefinite() {
        return definite;
    }

    /** Whether the path was written {@code $$...}: its root is the context object, not the state's data. */
    public boolean context() {
        return context;
    }

    /** The selected value; see the class comment for missing values. */
    public JsonNode read(JsonNode root) {
        if (simple != null) {
            JsonNode found = simple.find(root);
            if (found != null) {
                return found;
            }
        }
        try {
            Object result = compiled.read(root, JAYWAY);
            return toNode(result);
        } catch (com.jayway.jsonpath.PathNotFoundException e) {
            if (!definite) {
                return Json.array(); // Jayway throws when a field before the wildcard or slice is missing
            }
            throw new PathNotFoundException(e.getMessage());
        } catch (InvalidPathException e) {
            throw new PathNotFoundException(e.getMessage());
        }
    }

    /**
     * Like {@link #read}, but an index past the end of an array is a miss too (Jayway reads it as {@code null}).
     * AWS reads intrinsic arguments this way: {@code States.Format('{}', $.items[5])} on a two-item array fails,
     * while {@code "v.$": "$.items[5]"} gives {@code null}.
     */
    public JsonNode readStrict(JsonNode root) {
        if (simple != null) {
            JsonNode found = simple.find(root);
            if (found == null) {
                throw new PathNotFoundException("No results for path: " + text);
            }
            return found;
        }
        return read(root);
    }

    /** The selected value, or {@code null} when a definite path selects nothing. */
    public JsonNode find(JsonNode root) {
        if (simple != null) {
            return simple.find(root);
        }
        try {
            return read(root);
        } catch (PathNotFoundException e) {
            return null;
        }
    }

    static JsonNode toNode(Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        if (value instanceof Collection<?> c) {
            var array = Json.array();
            c.forEach(v -> array.add(toNode(v)));
            return array;
        }
        return Json.MAPPER.valueToTree(value);
    }

    @Override
    public String toString() {
        return text;
    }
}
