package dev.clipflow.local.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import java.util.List;
import java.util.function.Function;

/** Reading Step Functions API requests: required fields, AWS's errors for them, list pages. */
final class SfnRequests {

    private SfnRequests() {
    }

    static String required(JsonNode req, String field) {
        String v = text(req, field);
        if (v == null) {
            throw new SfnErrorException("ValidationException", "1 validation error detected: Value null at '"
                    + field + "' failed to satisfy constraint: Member must not be null");
        }
        return v;
    }

    /** A field's text, {@code null} when absent or JSON null. */
    static String text(JsonNode req, String field) {
        JsonNode v = req.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static SfnErrorException noExecution(String arn) {
        if (!arn.startsWith("arn:aws:states:") || !arn.contains(":execution:")) {
            return new SfnErrorException("InvalidArn", "Invalid Arn: '" + arn + "'");
        }
        return new SfnErrorException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }

    /** One page of {@code items} under {@code field}: {@code maxResults} (default 100, at most 1000), tokens. */
    static <T> ObjectNode page(JsonNode req, List<T> items, String field, Function<T, ObjectNode> shape) {
        int max = req.path("maxResults").asInt(0) <= 0 ? 100 : Math.min(1000, req.path("maxResults").asInt());
        int from = req.hasNonNull("nextToken") ? Integer.parseInt(req.get("nextToken").textValue()) : 0;
        ObjectNode out = Json.object();
        ArrayNode page = out.putArray(field);
        for (int i = from; i < Math.min(items.size(), from + max); i++) {
            page.add(shape.apply(items.get(i)));
        }
        if (from + max < items.size()) {
            out.put("nextToken", String.valueOf(from + max));
        }
        return out;
    }
}
