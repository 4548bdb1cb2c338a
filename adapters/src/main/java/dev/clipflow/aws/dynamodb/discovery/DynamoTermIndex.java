package dev.clipflow.aws.dynamodb.discovery;

import static dev.clipflow.aws.dynamodb.common.Items.call;
import static dev.clipflow.aws.dynamodb.common.Items.n;
import static dev.clipflow.aws.dynamodb.common.Items.s;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.AT;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.PK;
import static dev.clipflow.aws.dynamodb.discovery.DiscoveryTables.SK;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.discovery.IndexedTerms;
import dev.clipflow.discovery.IndexedTermsUnknownException;
import dev.clipflow.discovery.IndexedVideo;
import dev.clipflow.discovery.Posting;
import dev.clipflow.discovery.RelatedList;
import dev.clipflow.discovery.TermIndex;
import dev.clipflow.discovery.TermsChange;
import dev.clipflow.pipeline.TransientStageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link TermIndex} on the discovery table. {@link #add} is one transaction: the video's marker
 * (conditional on its absence), a posting and a document-frequency {@code ADD} per term, and the
 * document count {@code ADD}; at most 40 terms make at most 82 items (the limit is 100). A repeat
 * fails the marker's condition and changes nothing, so no counter is counted twice. The marker records the video's
 * terms and weights ({@value #WEIGHTS}), norm, publish time, the catalog's edit {@value #REVISION} its terms are from
 * and a write counter {@value #VERSION}; {@link #apply} (an edit's re-index) is one transaction conditional on that
 * counter.
 * {@link #remove} (a deleted video) takes every posting and count back from the weights in one transaction. A marker
 * written before markers recorded their terms (only their count) is completed from the video's postings
 * ({@link LegacyMarkerTerms}) when it is read, and the re-index or un-index writes the result in its transaction.
 */
public final class DynamoTermIndex implements TermIndex {
    static final String DF = "#df";
    /** Marker attributes: term to weight (M), the catalog's edit revision, the write counter. */
    static final String WEIGHTS = "weights";
    static final String REVISION = "revision";
    static final String VERSION = "version";
    static final String NORM = "norm";
    static final String PUBLISHED_AT = "publishedAt";
    /** How often {@link #remove} reads the marker again when it changed between the read and the transaction. */
    static final int MAX_ATTEMPTS = 5;
    private static final Map<String, AttributeValue> CATALOG = Items.key(PK, "#catalog", SK, "#count");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoTermIndex(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public boolean add(IndexedVideo video) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> marker = markerKey(video.videoId());
        marker.put("channelId", s(video.channelId()));
        marker.put("terms", n(video.weights().size()));
        marker.put(WEIGHTS, weights(video.weights()));
        marker.put(NORM, n(video.norm()));
        marker.put(PUBLISHED_AT, Items.time(video.publishedAt()));
        marker.put(REVISION, n(0L));
        marker.put(VERSION, n(0L));
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(marker)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))).build());
        video.weights().forEach((term, weight) -> {
            writes.add(posting(video, term));
            writes.add(increment(Items.key(PK, "t#" + term, SK, DF)));
        });
        writes.add(increment(new HashMap<>(CATALOG)));
        try {
            call("TransactWriteItems(index)", () -> dynamo.transactWriteItems(r -> r.transactItems(writes)));
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailedAt(e, 0)) {
                return false;
            }
            throw Items.translate("TransactWriteItems(index)", e);
        }
    }

    /**
     * One transaction conditional on the marker's {@value #VERSION} as read (a marker without one: on its still having
     * none), so an edit's re-index that changed the terms in between makes it read them again; a marker written before
     * markers recorded their terms is read through {@link LegacyMarkerTerms}.
     *
     * @throws IndexedTermsUnknownException when such a marker's postings do not add up to its count
     */
    @Override
    public boolean remove(String videoId) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<IndexedTerms> current = indexed(videoId);
            if (current.isEmpty()) {
                return false;
            }
            if (!current.get().termsKnown()) {
                throw new IndexedTermsUnknownException(videoId);
            }
            Map<String, AttributeValue> markerKey = markerKey(videoId);
            Map<String, AttributeValue> values = new HashMap<>();
            String condition = versionCondition(current.get().version(), values);
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(markerKey)
                    .conditionExpression("attribute_exists(#pk) AND (" + condition + ")")
                    .expressionAttributeNames(Map.of("#pk", PK, "#ver", VERSION))
                    .expressionAttributeValues(values)).build());
            for (String term : current.get().video().weights().keySet()) {
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(Items.key(PK, "t#" + term, SK, videoId))).build());
                writes.add(add(Items.key(PK, "t#" + term, SK, DF), -1L));
            }
            writes.add(add(new HashMap<>(CATALOG), -1L));
            try {
                call("TransactWriteItems(unindex)", () -> dynamo.transactWriteItems(r -> r.transactItems(writes)));
                return true;
            } catch (TransactionCanceledException e) {
                if (!Items.conditionFailedAt(e, 0)) {
                    throw Items.translate("TransactWriteItems(unindex)", e);
                }
                // re-indexed or removed meanwhile: read the marker again
            }
        }
        throw new TransientStageException("The index entry of video " + videoId + " kept changing while it was "
                + "being removed; try again");
    }

    @Override
    public List<Posting> postings(String term, int limit) {
        var response = call("Query", () -> dynamo.query(r -> r.tableName(table).indexName(DiscoveryTables.BY_TIME)
                .keyConditionExpression("#pk = :t").expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":t", s("t#" + term)))
                .scanIndexForward(false).limit(limit)));
        return response.items().stream()
                .map(i -> new Posting(Items.str(i, SK), Items.dbl(i, "w"), Items.dbl(i, "norm")))
                .toList();
    }

    @Override
    public Map<String, Long> documentFrequencies(Collection<String> terms) {
        Map<String, Long> out = new HashMap<>();
        terms.forEach(t -> out.put(t, 0L));
        List<Map<String, AttributeValue>> keys = terms.stream().distinct()
                .map(t -> Items.key(PK, "t#" + t, SK, DF)).toList();
        Items.batchGet(dynamo, table, keys).forEach(i -> out.put(Items.str(i, PK).substring(2), Items.lng(i, "n")));
        return out;
    }

    @Override
    public long documentCount() {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).key(CATALOG)));
        return response.hasItem() ? Items.lng(response.item(), "n") : 0L;
    }

    /**
     * The marker as it is; one written before markers recorded their terms ({@value #WEIGHTS} or
     * {@value #PUBLISHED_AT} missing) is completed from the video's postings ({@link LegacyMarkerTerms}), and is
     * {@code termsKnown} only if they add up to the count it holds.
     */
    @Override
    public Optional<IndexedTerms> indexed(String videoId) {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).key(markerKey(videoId))
                .consistentRead(true)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        long revision = item.containsKey(REVISION) ? Items.lng(item, REVISION) : 0;
        long version = item.containsKey(VERSION) ? Items.lng(item, VERSION) : 0;
        String channelId = Items.str(item, "channelId");
        if (!item.containsKey(WEIGHTS) || !item.containsKey(PUBLISHED_AT)) {
            long count = item.containsKey("terms") ? Items.lng(item, "terms") : -1;
            return Optional.of(LegacyMarkerTerms.find(dynamo, table, videoId, count)
                    .map(f -> new IndexedTerms(new IndexedVideo(videoId, channelId, f.publishedAt(), f.weights(),
                            f.norm()), true, revision, version))
                    .orElseGet(() -> new IndexedTerms(new IndexedVideo(videoId, channelId, Instant.EPOCH, Map.of(), 0),
                            false, revision, version)));
        }
        Map<String, Double> weights = new HashMap<>();
        item.get(WEIGHTS).m().forEach((term, w) -> weights.put(term, Double.parseDouble(w.n())));
        IndexedVideo video = new IndexedVideo(videoId, channelId, Items.instant(item, PUBLISHED_AT), weights,
                item.containsKey(NORM) ? Items.dbl(item, NORM) : 0);
        return Optional.of(new IndexedTerms(video, true, revision, version));
    }

    /**
     * One transaction: the marker (conditional on its {@value #VERSION}), a delete and a document-frequency
     * decrement per removed term, a posting per term of the result, an increment per added term, and the video's own
     * related list (conditional on its version, in {@link DynamoRelatedStore}'s shape). Any failed condition
     * answers false; a conflict with another transaction in flight is transient.
     */
    @Override
    public boolean apply(TermsChange change) {
        if (change.items() > TermsChange.MAX_ITEMS) {
            throw new IllegalArgumentException("A change of " + change.items() + " items does not fit a transaction");
        }
        IndexedVideo after = change.after();
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":terms", n(after.weights().size()),
                ":weights", weights(after.weights()), ":norm", n(after.norm()),
                ":pub", Items.time(after.publishedAt()), ":rev", n(change.revision()),
                ":next", n(change.expectedVersion() + 1)));
        String condition = versionCondition(change.expectedVersion(), values);
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(markerKey(after.videoId()))
                .updateExpression("SET #terms = :terms, #weights = :weights, #norm = :norm, #pub = :pub, "
                        + "#rev = :rev, #ver = :next")
                .conditionExpression(condition)
                .expressionAttributeNames(Map.of("#terms", "terms", "#weights", WEIGHTS, "#norm", NORM,
                        "#pub", PUBLISHED_AT, "#rev", REVISION, "#ver", VERSION))
                .expressionAttributeValues(values)).build());
        for (String term : change.removed()) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(Items.key(PK, "t#" + term, SK, after.videoId()))).build());
            writes.add(add(Items.key(PK, "t#" + term, SK, DF), -1));
        }
        after.weights().keySet().forEach(term -> writes.add(posting(after, term)));
        change.added().forEach(term -> writes.add(increment(Items.key(PK, "t#" + term, SK, DF))));
        RelatedList list = change.ownList();
        if (list != null) {
            // The list's reverse references first (docs/adr/0014): a reference without its list entry is harmless,
            // an entry without its reference would survive the held video's deletion.
            list.items().forEach(held -> call("PutItem(reference)", () -> dynamo.putItem(r -> r.tableName(table)
                    .item(DynamoRelatedStore.reference(held.videoId(), after.videoId())))));
            writes.add(TransactWriteItem.builder().put(DynamoRelatedStore.put(table, list, list.version())).build());
        }
        try {
            call("TransactWriteItems(reindex)", () -> dynamo.transactWriteItems(r -> r.transactItems(writes)));
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailedAt(e, 0) || list != null && Items.conditionFailedAt(e, writes.size() - 1)) {
                return false;
            }
            throw Items.translate("TransactWriteItems(reindex)", e);
        }
    }

    private TransactWriteItem posting(IndexedVideo video, String term) {
        Map<String, AttributeValue> posting = Items.key(PK, "t#" + term, SK, video.videoId());
        posting.put(AT, s(Items.formatTime(video.publishedAt()) + "#" + video.videoId()));
        posting.put("w", n(video.weights().get(term)));
        posting.put(NORM, n(video.norm()));
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(posting)).build();
    }

    /**
     * The marker's {@value #VERSION} is {@code expected}; at 0 also a marker that has none (written before markers
     * counted their writes: the first change gives it one, so a second writer that read it without fails).
     */
    private static String versionCondition(long expected, Map<String, AttributeValue> values) {
        values.put(":ver", n(expected));
        return expected == 0 ? "attribute_not_exists(#ver) OR #ver = :ver" : "#ver = :ver";
    }

    private static Map<String, AttributeValue> markerKey(String videoId) {
        return Items.key(PK, "d#" + videoId, SK, "#doc");
    }

    private static AttributeValue weights(Map<String, Double> weights) {
        Map<String, AttributeValue> m = new HashMap<>();
        weights.forEach((term, w) -> m.put(term, n(w)));
        return AttributeValue.fromM(m);
    }

    private TransactWriteItem increment(Map<String, AttributeValue> key) {
        return add(key, 1L);
    }

    private TransactWriteItem add(Map<String, AttributeValue> key, long delta) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key)
                .updateExpression("ADD #n :d")
                .expressionAttributeNames(Map.of("#n", "n"))
                .expressionAttributeValues(Map.of(":d", n(delta)))).build();
    }
}
