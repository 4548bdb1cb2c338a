package dev.clipflow.testing.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::DynamoDB::Table}.
 *
 * @param attributes attribute name → type ({@code S}, {@code N}, {@code B}) from {@code AttributeDefinitions}
 * @param keySchema the table's key: HASH first, then RANGE if any
 * @param globalIndexes the GSIs
 * @param localIndexes the LSIs
 * @param ttlAttribute the enabled TTL attribute, or {@code null}
 */
public record TableDef(String logicalId, String name, Map<String, String> attributes, List<Key> keySchema,
                       List<Index> globalIndexes, List<Index> localIndexes, String ttlAttribute) {

    public TableDef {
        attributes = Map.copyOf(attributes);
        keySchema = List.copyOf(keySchema);
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
    }

    /** The same table under another physical name (a test's unique name). */
    public TableDef named(String otherName) {
        return new TableDef(logicalId, otherName, attributes, keySchema, globalIndexes, localIndexes, ttlAttribute);
    }

    /** One key element: attribute name and {@code HASH} or {@code RANGE}. */
    public record Key(String attribute, String type) {
    }

    /** A global or local secondary index with its projection ({@code ALL}, {@code KEYS_ONLY}, {@code INCLUDE}). */
    public record Index(String name, List<Key> keySchema, String projection, List<String> nonKeyAttributes) {
        public Index {
            keySchema = List.copyOf(keySchema);
            nonKeyAttributes = List.copyOf(nonKeyAttributes);
        }
    }
}
