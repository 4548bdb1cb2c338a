package dev.clipflow.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.model.ChoiceOperator;
import dev.clipflow.local.asl.model.ChoiceRule;
import dev.clipflow.local.asl.model.ChoiceState;
import dev.clipflow.local.asl.path.ReferencePath;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses "Choices": boolean operators, comparisons and their operand types. */
final class ChoiceRuleParser {

    private final Fields f;

    ChoiceRuleParser(Fields f) {
        this.f = f;
    }

    List<ChoiceState.Branch> branches(JsonNode s, String sp) {
        List<ChoiceState.Branch> out = new ArrayList<>();
        JsonNode choices = s.get("Choices");
        String cp = Fields.ptr(sp, "Choices");
        if (choices == null) {
            f.schema("These fields are required: [Choices]", sp);
            return out;
        }
        if (!choices.isArray() || choices.isEmpty()) {
            f.schema("The value for the field 'Choices' must be a non-empty ARRAY", cp);
            return out;
        }
        for (int i = 0; i < choices.size(); i++) {
            String ip = cp + "/" + i;
            JsonNode c = choices.get(i);
            if (!c.isObject()) {
                f.schema("A Choice Rule must be an OBJECT", ip);
                continue;
            }
            String next = f.string(c, "Next", ip, true);
            ChoiceRule rule = rule(c, ip, true);
            if (rule != null) {
                out.add(new ChoiceState.Branch(rule, next));
            }
        }
        return out;
    }

    private ChoiceRule rule(JsonNode c, String ip, boolean top) {
        if (!c.isObject()) {
            f.schema("A Choice Rule must be an OBJECT", ip);
            return null;
        }
        if (!top && c.has("Next")) {
            f.schema("Field 'Next' is not supported in a nested Choice Rule", Fields.ptr(ip, "Next"));
        }
        if (c.has("Assign")) {
            f.error(Diagnostic.UNSUPPORTED, "Variables (Assign) are not supported by the local engine",
                    Fields.ptr(ip, "Assign"));
        }
        List<String> ops = new ArrayList<>();
        c.fieldNames().forEachRemaining(k -> {
            if (!Set.of("Variable", "Next", "Comment", "Assign").contains(k)) {
                ops.add(k);
            }
        });
        if (ops.size() != 1) {
            f.schema("A Choice Rule must have exactly one comparison or boolean operator, found " + ops, ip);
            return null;
        }
        String op = ops.get(0);
        String opp = Fields.ptr(ip, op);
        JsonNode v = c.get(op);
        switch (op) {
            case "And", "Or" -> {
                if (c.has("Variable")) {
                    f.schema("Field 'Variable' is not supported with " + op, Fields.ptr(ip, "Variable"));
                }
                if (!v.isArray() || v.isEmpty()) {
                    f.schema("The value for the field '" + op + "' must be a non-empty ARRAY", opp);
                    return null;
                }
                List<ChoiceRule> rules = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    ChoiceRule r = rule(v.get(i), opp + "/" + i, false);
                    if (r != null) {
                        rules.add(r);
                    }
                }
                return op.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
            }
            case "Not" -> {
                ChoiceRule r = rule(v, opp, false);
                return r == null ? null : new ChoiceRule.Not(r);
            }
            default -> {
                return comparison(c, ip, op, v, opp);
            }
        }
    }

    private ChoiceRule comparison(JsonNode c, String ip, String op, JsonNode v, String opp) {
        boolean pathForm = op.endsWith("Path");
        ChoiceOperator operator = ChoiceOperator.byAslName(pathForm ? op.substring(0, op.length() - 4) : op);
        if (operator == null || (pathForm && !operator.hasPathForm())) {
            f.schema("Field '" + op + "' is not a supported Choice Rule operator", opp);
            return null;
        }
        ReferencePath variable = f.referencePath(c, "Variable", ip, false, false);
        if (variable == null) {
            f.schema("These fields are required: [Variable]", ip);
            return null;
        }
        if (pathForm) {
            ReferencePath other = v.isTextual() ? ReferencePath.tryParse(v.textValue()) : null;
            if (other == null) {
                f.schema("The value for the field '" + op + "' must be a valid ReferencePath", opp);
                return null;
            }
            return new ChoiceRule.Comparison(variable, operator, null, other, null);
        }
        OffsetDateTime ts = null;
        boolean ok = switch (operator.kind()) {
            case STRING, MATCH -> v.isTextual();
            case NUMERIC -> v.isNumber();
            case BOOLEAN, TYPE_TEST -> v.isBoolean();
            case TIMESTAMP -> {
                if (v.isTextual() && DefinitionParser.timestamp(v.textValue()) != null) {
                    ts = OffsetDateTime.parse(v.textValue());
                    yield true;
                }
                yield false;
            }
        };
        if (!ok) {
            String type = switch (operator.kind()) {
                case STRING, MATCH -> "a STRING";
                case NUMERIC -> "a NUMBER";
                case BOOLEAN, TYPE_TEST -> "a BOOLEAN";
                case TIMESTAMP -> "a valid RFC3339 timestamp";
            };
            f.schema("The value for the field '" + op + "' must be " + type, opp);
            return null;
        }
        return new ChoiceRule.Comparison(variable, operator, v, null, ts);
    }
}
