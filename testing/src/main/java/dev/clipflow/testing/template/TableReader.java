package dev.clipflow.testing.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an {@code AWS::DynamoDB::Table}'s properties (as {@link CfnYaml} parses them) into a {@link TableDef}. */
public final class TableReader {

    private TableReader() {
    }

    /**
     * @param name the table's physical name
     * @param p the resource's {@code Properties}, intrinsic functions already resolved where they matter
     */
    public static TableDef read(String id, String name, Map<?, ?> p) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object a : list(p.get("AttributeDefinitions"))) {
            attributes.put(text(map(a).get("AttributeName")), text(map(a).get("AttributeType")));
        }
        List<TableDef.Index> indexes = indexes(p.get("GlobalSecondaryIndexes"));
        Map<?, ?> ttl = map(p.get("TimeToLiveSpecification"));
        String ttlAttribute = Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))
                ? text(ttl.get("AttributeName")) : null;
        return new TableDef(id, name, attributes, keys(p.get("KeySchema")), indexes,
                indexes(p.get("LocalSecondaryIndexes")), ttlAttribute);
    }

    private static List<TableDef.Index> indexes(Object definitions) {
        List<TableDef.Index> indexes = new ArrayList<>();
        for (Object i : list(definitions)) {
            Map<?, ?> index = map(i);
            Map<?, ?> projection = map(index.get("Projection"));
            List<String> nonKey = list(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList();
            indexes.add(new TableDef.Index(text(index.get("IndexName")), keys(index.get("KeySchema")),
                    projection.get("ProjectionType") == null ? "ALL" : text(projection.get("ProjectionType")),
                    nonKey));
        }
        return indexes;
    }

    private static List<TableDef.Key> keys(Object schema) {
        List<TableDef.Key> keys = new ArrayList<>();
        for (Object k : list(schema)) {
            keys.add(new TableDef.Key(text(map(k).get("AttributeName")), text(map(k).get("KeyType"))));
        }
        keys.sort((a, b) -> a.type().compareTo(b.type()));
        return keys;
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }
}
