package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.model.ChoiceOperator;
import dev.clipflow.local.asl.model.ChoiceRule;
import dev.clipflow.local.asl.parse.DefinitionParser;
import java.time.Instant;

/**
 * Evaluates Choice Rules the way AWS does: a Variable (or a {@code ...Path} operand) that selects nothing fails
 * the execution with {@code States.Runtime}, except under IsPresent; an operand of the wrong type simply does
 * not match (so {@code NumericEquals} on a string or on null is false).
 */
final class ChoiceEvaluator {

    private ChoiceEvaluator() {
    }

    static boolean matches(ChoiceRule rule, JsonNode input, Scope scope) {
        return switch (rule) {
            case ChoiceRule.And and -> {
                for (ChoiceRule r : and.rules()) {
                    if (!matches(r, input, scope)) {
                        yield false;
                    }
                }
                yield true;
            }
            case ChoiceRule.Or or -> {
                for (ChoiceRule r : or.rules()) {
                    if (matches(r, input, scope)) {
                        yield true;
                    }
                }
                yield false;
            }
            case ChoiceRule.Not not -> !matches(not.rule(), input, scope);
            case ChoiceRule.Comparison c -> compare(c, input, scope);
        };
    }

    private static boolean compare(ChoiceRule.Comparison c, JsonNode input, Scope scope) {
        JsonNode value = scope.find(c.variable(), input);
        ChoiceOperator op = c.operator();
        if (op == ChoiceOperator.IS_PRESENT) {
            return (value != null) == c.value().booleanValue();
        }
        if (value == null) {
            throw invalidPath(c.variable().text(), scope);
        }
        if (op.kind() == ChoiceOperator.Kind.TYPE_TEST) {
            boolean is = switch (op) {
                case IS_NULL -> value.isNull();
                case IS_NUMERIC -> value.isNumber();
                case IS_STRING -> value.isTextual();
                case IS_BOOLEAN -> value.isBoolean();
                case IS_TIMESTAMP -> value.isTextual() && DefinitionParser.timestamp(value.textValue()) != null;
                default -> throw new IllegalStateException(op.name());
            };
            return is == c.value().booleanValue();
        }
        JsonNode other = c.value();
        if (c.valuePath() != null) {
            other = scope.find(c.valuePath(), input);
            if (other == null) {
                throw invalidPath(c.valuePath().text(), scope);
            }
        }
        return switch (op.kind()) {
            case STRING -> value.isTextual() && other.isTextual()
                    && holds(op.relation(), value.textValue().compareTo(other.textValue()));
            case MATCH -> value.isTextual() && StringMatcher.matches(other.textValue(), value.textValue());
            case NUMERIC -> value.isNumber() && other.isNumber()
                    && holds(op.relation(), value.decimalValue().compareTo(other.decimalValue()));
            case BOOLEAN -> value.isBoolean() && other.isBoolean() && value.booleanValue() == other.booleanValue();
            case TIMESTAMP -> {
                Instant a = value.isTextual() ? DefinitionParser.timestamp(value.textValue()) : null;
                Instant b = other.isTextual() ? DefinitionParser.timestamp(other.textValue()) : null;
                yield a != null && b != null && holds(op.relation(), a.compareTo(b));
            }
            case TYPE_TEST -> throw new IllegalStateException(op.name());
        };
    }

    private static boolean holds(ChoiceOperator.Relation relation, int cmp) {
        return switch (relation) {
            case EQ -> cmp == 0;
            case LT -> cmp < 0;
            case GT -> cmp > 0;
            case LTE -> cmp <= 0;
            case GTE -> cmp >= 0;
        };
    }

    private static StatesErrorException invalidPath(String path, Scope scope) {
        return scope.runtime("Invalid path '" + path + "': The choice state's condition path references an invalid"
                + " value.");
    }
}
