package dev.clipflow.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.path.PathSyntaxException;
import dev.clipflow.local.asl.path.QueryPath;
import dev.clipflow.local.asl.path.ReferencePath;
import dev.clipflow.local.asl.template.TemplateCompiler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Typed reads of definition fields that record a diagnostic, with its pointer, for each problem. */
final class Fields {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    void error(String code, String message, String pointer) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, code, message, pointer));
    }

    void schema(String message, String pointer) {
        error(Diagnostic.SCHEMA, message, pointer);
    }

    static String ptr(String base, String field) {
        return base + "/" + TemplateCompiler.escape(field);
    }

    void allowOnly(JsonNode obj, Set<String> allowed, Set<String> unsupported, String pointer) {
        obj.fieldNames().forEachRemaining(f -> {
            if (unsupported.contains(f)) {
                error(Diagnostic.UNSUPPORTED, "The field '" + f + "' is valid for AWS but not supported by the local"
                        + " engine (see docs/asl-feature-support.md)", ptr(pointer, f));
            } else if (!allowed.contains(f)) {
                // AWS locates this at the object holding the field (/States/M), not at the field itself
                schema("Field '" + f + "' is not supported", pointer);
            }
        });
    }

    String string(JsonNode obj, String field, String pointer, boolean required) {
        JsonNode v = obj.get(field);
        if (v == null) {
            if (required) {
                schema("These fields are required: [" + field + "]", pointer);
            }
            return null;
        }
        if (!v.isTextual()) {
            schema("The value for the field '" + field + "' must be a STRING", ptr(pointer, field));
            return null;
        }
        return v.textValue();
    }

    Integer integer(JsonNode obj, String field, String pointer, long min, long max) {
        JsonNode v = obj.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || v.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(min)) < 0
                || v.bigIntegerValue().compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            schema("The value for the field '" + field + "' must be an INTEGER between " + min + " and " + max,
                    ptr(pointer, field));
            return null;
        }
        return v.intValue();
    }

    BigDecimal decimal(JsonNode obj, String field, String pointer, BigDecimal min, BigDecimal max) {
        JsonNode v = obj.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isNumber() || v.decimalValue().compareTo(min) < 0
                || (max != null && v.decimalValue().compareTo(max) > 0)) {
            schema("The value for the field '" + field + "' must be a NUMBER"
                    + (max == null ? " of at least " + min : " between " + min + " and " + max), ptr(pointer, field));
            return null;
        }
        return v.decimalValue();
    }

    Boolean bool(JsonNode obj, String field, String pointer) {
        JsonNode v = obj.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            schema("The value for the field '" + field + "' must be a BOOLEAN", ptr(pointer, field));
            return null;
        }
        return v.booleanValue();
    }

    /** A JSONPath field; absent gives {@code "$"}, JSON null gives {@code null}. */
    QueryPath queryPath(JsonNode obj, String field, String pointer) {
        JsonNode v = obj.get(field);
        if (v == null) {
            return QueryPath.parse("$");
        }
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            schema("The value for the field '" + field + "' must be a valid JSONPath", ptr(pointer, field));
            return QueryPath.parse("$");
        }
        try {
            return QueryPath.parse(v.textValue());
        } catch (PathSyntaxException e) {
            schema("The value for the field '" + field + "' must be a valid JSONPath", ptr(pointer, field));
            return QueryPath.parse("$");
        }
    }

    /** A Reference Path field; absent gives {@code "$"} when {@code defaultRoot}, else {@code null}. */
    ReferencePath referencePath(JsonNode obj, String field, String pointer, boolean defaultRoot, boolean nullable) {
        JsonNode v = obj.get(field);
        if (v == null) {
            return defaultRoot ? ReferencePath.parse("$") : null;
        }
        if (v.isNull() && nullable) {
            return null;
        }
        ReferencePath p = v.isTextual() ? ReferencePath.tryParse(v.textValue()) : null;
        if (p == null || p.context() && field.equals("ResultPath")) { // $$ is read-only: no ResultPath into it
            schema("The value for the field '" + field + "' must be a valid ReferencePath", ptr(pointer, field));
            return ReferencePath.parse("$");
        }
        return p;
    }

    List<String> stringList(JsonNode obj, String field, String pointer) {
        JsonNode v = obj.get(field);
        List<String> out = new ArrayList<>();
        if (v == null) {
            schema("These fields are required: [" + field + "]", pointer);
            return out;
        }
        if (!v.isArray() || v.isEmpty()) {
            schema("The value for the field '" + field + "' must be a non-empty ARRAY of STRING", ptr(pointer, field));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                schema("The value for the field '" + field + "' must be a non-empty ARRAY of STRING",
                        ptr(pointer, field) + "/" + i);
            } else {
                out.add(v.get(i).textValue());
            }
        }
        return out;
    }
}
