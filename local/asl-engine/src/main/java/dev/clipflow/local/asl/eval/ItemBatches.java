package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.ItemBatcher;
import dev.clipflow.local.asl.path.ReferencePath;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The child inputs of a Map Run: one per item, or with an ItemBatcher {@code {"BatchInput": ..., "Items": [...]}}
 * (AWS's key order) holding at most MaxItemsPerBatch items and at most MaxInputBytesPerBatch bytes of UTF-8 JSON.
 */
final class ItemBatches {

    /** One child execution's input and how many items it carries. */
    record Unit(JsonNode input, int itemCount) {
    }

    private ItemBatches() {
    }

    static List<Unit> of(List<JsonNode> items, ItemBatcher batcher, JsonNode effective, Run run, String stateName,
                         int retryCount, Scope scope) {
        List<Unit> units = new ArrayList<>(items.size());
        if (batcher == null) {
            items.forEach(item -> units.add(new Unit(item, 1)));
            return units;
        }
        long maxItems = batcher.maxItemsPerBatchPath() != null
                ? positive(batcher.maxItemsPerBatchPath(), effective, Integer.MAX_VALUE, scope)
                : batcher.maxItemsPerBatch() == null ? Integer.MAX_VALUE : batcher.maxItemsPerBatch();
        long maxBytes = batcher.maxInputBytesPerBatchPath() != null
                ? positive(batcher.maxInputBytesPerBatchPath(), effective, ItemBatcher.MAX_INPUT_BYTES, scope)
                : batcher.maxInputBytesPerBatch() == null ? ItemBatcher.MAX_INPUT_BYTES
                : batcher.maxInputBytesPerBatch();
        JsonNode batchInput = batcher.batchInput() == null ? null : DataFlow.template(batcher.batchInput(),
                effective, () -> run.context(stateName, retryCount, null, null), scope);
        long emptySize = bytes(batch(batchInput, Json.array()));
        ArrayNode current = Json.array();
        long size = emptySize;
        for (int i = 0; i < items.size(); i++) {
            long itemSize = bytes(items.get(i));
            if (emptySize + itemSize > maxBytes) {
                throw scope.runtime("The item at index " + i + " does not fit in a batch of MaxInputBytesPerBatch "
                        + maxBytes + " bytes.");
            }
            long grown = size + itemSize + (current.isEmpty() ? 0 : 1);
            if (!current.isEmpty() && (current.size() >= maxItems || grown > maxBytes)) {
                units.add(new Unit(batch(batchInput, current), current.size()));
                current = Json.array();
                grown = emptySize + itemSize;
            }
            current.add(items.get(i));
            size = grown;
        }
        if (!current.isEmpty()) {
            units.add(new Unit(batch(batchInput, current), current.size()));
        }
        return units;
    }

    private static ObjectNode batch(JsonNode batchInput, ArrayNode items) {
        ObjectNode o = Json.object();
        if (batchInput != null) {
            o.set("BatchInput", batchInput);
        }
        o.set("Items", items);
        return o;
    }

    private static long bytes(JsonNode node) {
        return Json.write(node).getBytes(StandardCharsets.UTF_8).length;
    }

    /** A {@code ...PerBatchPath} value: AWS wants a positive integer; at most {@code max}. */
    private static long positive(ReferencePath path, JsonNode effective, long max, Scope scope) {
        JsonNode v = scope.find(path, effective);
        if (v == null || !v.isIntegralNumber() || v.longValue() < 1 || v.longValue() > max) {
            throw scope.runtime("The value at the path '" + path.text() + "' must be a positive integer of at most "
                    + max + ".");
        }
        return v.longValue();
    }
}
