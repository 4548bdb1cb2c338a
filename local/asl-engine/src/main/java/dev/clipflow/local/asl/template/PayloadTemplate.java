package dev.clipflow.local.asl.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.intrinsic.IntrinsicArg;
import dev.clipflow.local.asl.intrinsic.IntrinsicEvaluator;
import dev.clipflow.local.asl.intrinsic.IntrinsicFailureException;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.path.PathNotFoundException;
import dev.clipflow.local.asl.path.QueryPath;
import java.util.List;
import java.util.function.Supplier;

/**
 * A compiled payload template (Parameters, ResultSelector, ItemSelector): fields ending in {@code .$} take their
 * value from a path into the input, a path into the context object ({@code $$}) or an intrinsic call.
 */
public sealed interface PayloadTemplate {

    /** Applies the template. */
    JsonNode apply(JsonNode input, Supplier<JsonNode> context);

    /** Whether applying may read the context object (so callers build it only when needed). */
    boolean usesContext();

    /** A value without dynamic fields, returned as is. */
    record Literal(JsonNode value) implements PayloadTemplate {
        @Override
        public JsonNode apply(JsonNode input, Supplier<JsonNode> context) {
            return value;
        }

        @Override
        public boolean usesContext() {
            return false;
        }
    }

    /** {@code "field.$": "$.path"} or {@code "field.$": "$$.path"}. */
    record PathField(String field, QueryPath path, boolean context) implements PayloadTemplate {
        @Override
        public JsonNode apply(JsonNode input, Supplier<JsonNode> ctx) {
            JsonNode root = context ? ctx.get() : input;
            try {
                return path.read(root);
            } catch (PathNotFoundException e) {
                throw new TemplateFailureException("The JSONPath '" + (context ? "$" : "") + path.text()
                        + "' specified for the field '" + field + "' could not be found in the input '"
                        + Json.write(root) + "'");
            }
        }

        @Override
        public boolean usesContext() {
            return context;
        }
    }

    /**
     * {@code "field.$": "States.Fn(...)"}; {@code expression} is the call as written, which AWS quotes when a path
     * argument selects nothing: {@code The function 'States.Format('{}', $.nope)' had the following error: The
     * JsonPath argument for the field '$.nope' could not be found in the input '{"other":1}'}.
     */
    record IntrinsicField(String field, String expression, IntrinsicArg.Call call, boolean usesContext)
            implements PayloadTemplate {
        @Override
        public JsonNode apply(JsonNode input, Supplier<JsonNode> context) {
            try {
                return IntrinsicEvaluator.eval(call, field, input, context);
            } catch (IntrinsicFailureException e) {
                throw new TemplateFailureException(e.missingPath()
                        ? "The function '" + expression + "' had the following error: " + e.getMessage()
                        : e.getMessage());
            }
        }
    }

    /** An object with at least one dynamic field somewhere below. */
    record ObjectTemplate(List<String> keys, List<PayloadTemplate> values, boolean usesContext)
            implements PayloadTemplate {
        public ObjectTemplate {
            keys = List.copyOf(keys);
            values = List.copyOf(values);
        }

        @Override
        public JsonNode apply(JsonNode input, Supplier<JsonNode> context) {
            ObjectNode out = Json.object();
            for (int i = 0; i < keys.size(); i++) {
                out.set(keys.get(i), values.get(i).apply(input, context));
            }
            return out;
        }
    }

    /** An array with at least one dynamic field somewhere below. */
    record ArrayTemplate(List<PayloadTemplate> items, boolean usesContext) implements PayloadTemplate {
        public ArrayTemplate {
            items = List.copyOf(items);
        }

        @Override
        public JsonNode apply(JsonNode input, Supplier<JsonNode> context) {
            ArrayNode out = Json.array();
            for (PayloadTemplate item : items) {
                out.add(item.apply(input, context));
            }
            return out;
        }
    }
}
