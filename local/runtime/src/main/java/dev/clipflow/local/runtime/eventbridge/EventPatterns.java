package dev.clipflow.local.runtime.eventbridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * EventBridge event pattern matching for the forms templates use: a field lists the values it accepts
 * (strings, numbers, booleans, null), or content filters {@code {"prefix": ...}}, {@code {"suffix": ...}},
 * {@code {"anything-but": value or [values]}}, {@code {"exists": true|false}}, {@code {"equals-ignore-case":
 * ...}}; nested objects match nested fields. Unknown filters never match.
 */
public final class EventPatterns {

    private EventPatterns() {
    }

    public static boolean matches(Map<?, ?> pattern, JsonNode event) {
        for (Map.Entry<?, ?> e : pattern.entrySet()) {
            JsonNode field = event == null ? null : event.get(String.valueOf(e.getKey()));
            Object rule = e.getValue();
            if (rule instanceof Map<?, ?> nested) {
                if (field == null || !field.isObject() || !matches(nested, field)) {
                    return false;
                }
            } else if (rule instanceof List<?> accepted) {
                if (!anyMatches(accepted, field)) {
                    return false;
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(List<?> accepted, JsonNode field) {
        for (Object a : accepted) {
            if (a instanceof Map<?, ?> filter) {
                if (filter(filter, field)) {
                    return true;
                }
            } else if (field != null && field.isArray()) {
                for (JsonNode item : field) {
                    if (equal(a, item)) {
                        return true;
                    }
                }
            } else if (equal(a, field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean filter(Map<?, ?> filter, JsonNode field) {
        if (filter.size() != 1) {
            return false;
        }
        String kind = String.valueOf(filter.keySet().iterator().next());
        Object arg = filter.values().iterator().next();
        String text = field != null && field.isTextual() ? field.textValue() : null;
        return switch (kind) {
            case "prefix" -> text != null && text.startsWith(String.valueOf(arg));
            case "suffix" -> text != null && text.endsWith(String.valueOf(arg));
            case "equals-ignore-case" -> text != null && text.equalsIgnoreCase(String.valueOf(arg));
            case "exists" -> Boolean.parseBoolean(String.valueOf(arg)) == (field != null && !field.isMissingNode());
            case "anything-but" -> field != null && !(arg instanceof List<?> l ? anyMatches(l, field)
                    : anyMatches(List.of(arg), field));
            default -> false;
        };
    }

    private static boolean equal(Object expected, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (expected == null) {
            return actual.isNull();
        }
        if (expected instanceof Number n) {
            return actual.isNumber() && actual.decimalValue().compareTo(new java.math.BigDecimal(n.toString())) == 0;
        }
        if (expected instanceof Boolean b) {
            return actual.isBoolean() && actual.booleanValue() == b;
        }
        return actual.isTextual() && actual.textValue().equals(String.valueOf(expected));
    }
}
