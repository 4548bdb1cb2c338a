package dev.clipflow.aws.dynamodb.discovery;

import static dev.clipflow.aws.dynamodb.common.Items.call;
import static dev.clipflow.aws.dynamodb.common.Items.s;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.AT;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.PK;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.SK;

import dev.clipflow.aws.dynamodb.common.Items;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The terms of a video whose index marker was written before markers recorded them (docs/adr/0014): such a marker
 * holds only their count ({@code terms}), and nothing keyed by the video id names them, so they are found from the
 * video's postings ({@code t#<term>} / {@code <videoId>}, each carrying the term's weight, the video's norm and
 * publish time) with a {@code Scan} of the table filtered on the video id, stopping as soon as the marker's count is
 * found. It runs once per such video: the re-index or un-index that asked writes the terms to the marker (or deletes
 * it) in its own transaction. A scan reads the table up to the last posting it finds, so its cost grows with the
 * table; this path exists only for markers of that age.
 */
final class LegacyMarkerTerms {
    /** Items per Scan page (before the filter). */
    static final int PAGE_SIZE = 1000;

    /** What the postings say: the weight of each term, the video's norm and publish time when it was indexed. */
    record Found(Map<String, Double> weights, double norm, Instant publishedAt) {
    }

    private LegacyMarkerTerms() {
    }

    /**
     * The postings of {@code videoId}, if exactly {@code count} of them are found; empty when fewer are (the index is
     * inconsistent, and nothing can be derived safely). A count of 0 needs no scan.
     */
    static Optional<Found> find(DynamoDbClient dynamo, String table, String videoId, long count) {
        Map<String, Double> weights = new HashMap<>();
        if (count == 0) {
            return Optional.of(new Found(weights, 0, Instant.EPOCH));
        }
        double norm = 0;
        Instant publishedAt = null;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanRequest request = ScanRequest.builder().tableName(table).limit(PAGE_SIZE).exclusiveStartKey(from)
                    .filterExpression("#sk = :v AND begins_with(#pk, :t)")
                    .projectionExpression("#pk, w, #norm, #at")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#norm", DynamoTermIndex.NORM, "#at", AT))
                    .expressionAttributeValues(Map.of(":v", s(videoId), ":t", s("t#")))
                    .build();
            var page = call("Scan(legacy marker terms)", () -> dynamo.scan(request));
            for (Map<String, AttributeValue> posting : page.items()) {
                weights.put(Items.str(posting, PK).substring(2), Items.dbl(posting, "w"));
                norm = Items.dbl(posting, DynamoTermIndex.NORM);
                String at = Items.str(posting, AT);
                publishedAt = Items.parseTime(at.substring(0, at.lastIndexOf('#')));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && weights.size() < count);
        return weights.size() == count ? Optional.of(new Found(weights, norm, publishedAt)) : Optional.empty();
    }
}
