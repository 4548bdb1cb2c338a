package dev.clipflow.aws.dynamodb.common;

import dev.clipflow.pipeline.TransientStageException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The one set of helpers every DynamoDB adapter (catalog, social, discovery) uses: attribute conversions,
 * fixed-width timestamps, failure translation, transaction cancellation reasons and batched reads.
 */
public final class Items {
    /**
     * Fixed-width UTC timestamps, so that the string order is the time order (the {@code byChannel} index and
     * the feeds sort on it). {@link Instant#toString()} is not fixed width.
     */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'");
    /** BatchGetItem takes at most 100 keys. */
    public static final int MAX_BATCH_GET = 100;
    /** BatchWriteItem takes at most 25 requests. */
    public static final int MAX_BATCH_WRITE = 25;

    private Items() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue n(double value) {
        return AttributeValue.fromN(Double.toString(value));
    }

    /** A {@link #TIMESTAMP} string attribute. */
    public static AttributeValue time(Instant instant) {
        return s(formatTime(instant));
    }

    /** A {@link #TIMESTAMP} string, for a key that joins a time with other parts. */
    public static String formatTime(Instant instant) {
        return TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Parses a {@link #TIMESTAMP}; throws {@link DateTimeParseException} on anything else. */
    public static Instant parseTime(String value) {
        return LocalDateTime.parse(value, TIMESTAMP).toInstant(ZoneOffset.UTC);
    }

    public static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Items::s).toList());
    }

    public static void putIfNotNull(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static long lng(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0L : Long.parseLong(v.n());
    }

    public static int integer(Map<String, AttributeValue> item, String name) {
        return Math.toIntExact(lng(item, name));
    }

    public static double dbl(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0.0 : Double.parseDouble(v.n());
    }

    public static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    /** The {@link #TIMESTAMP} attribute {@code name} as an instant, or null when absent. */
    public static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : parseTime(v);
    }

    public static List<String> strList(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        if (v == null || !v.hasL()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        v.l().forEach(e -> out.add(e.s()));
        return out;
    }

    public static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasM() ? null : v.m();
    }

    public static Map<String, AttributeValue> key(String pkName, String pk, String skName, String sk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(pkName, s(pk));
        key.put(skName, s(sk));
        return key;
    }

    /** Runs an SDK call, turning failures that may pass on retry into {@link TransientStageException}. */
    public static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(operation, e);
        }
    }

    /**
     * Turns an SDK failure that may succeed on retry ({@link #isTransient}) into {@link TransientStageException},
     * the one transient error the state machine retries; every other SDK failure is returned unchanged (a bug or
     * a misconfiguration, which a retry will not help).
     */
    public static RuntimeException translate(String operation, SdkException e) {
        if (isTransient(e)) {
            return new TransientStageException("DynamoDB " + operation + " failed transiently: "
                    + e.getClass().getSimpleName(), e);
        }
        return e;
    }

    /**
     * Throttling (every code the SDK names as such), 5xx, a transaction that conflicted with another one in
     * flight, anything the SDK marks retryable, and client-side I/O failures and timeouts.
     */
    public static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500 || e.retryable()
                    || "TransactionConflictException".equals(errorCode(service));
        }
        return e instanceof SdkClientException || e.retryable();
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** Whether a cancelled transaction failed only because the item at {@code index} failed its condition. */
    public static boolean conditionFailedAt(TransactionCanceledException e, int index) {
        if (!e.hasCancellationReasons() || e.cancellationReasons().size() <= index) {
            return false;
        }
        return "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }

    /**
     * Reads many items by key with BatchGetItem (100 keys per call), retrying unprocessed keys a few
     * times; returns the items found.
     */
    public static List<Map<String, AttributeValue>> batchGet(DynamoDbClient dynamo, String table,
                                                             List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_BATCH_GET) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_BATCH_GET));
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(chunk).build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                if (attempt == 8) {
                    throw new TransientStageException("DynamoDB BatchGetItem left keys unprocessed");
                }
                Map<String, KeysAndAttributes> current = request;
                var response = call("BatchGetItem", () -> dynamo.batchGetItem(r -> r.requestItems(current)));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!request.isEmpty()) {
                    pause(attempt);
                }
            }
        }
        return found;
    }

    /**
     * Deletes many items by key with BatchWriteItem (25 keys per call), retrying unprocessed keys a few times
     * (deleting a missing item is no error, so a repeat is harmless); throws {@link TransientStageException} when
     * keys stay unprocessed.
     */
    public static void batchDelete(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> keys) {
        for (int from = 0; from < keys.size(); from += MAX_BATCH_WRITE) {
            List<WriteRequest> request = keys.subList(from, Math.min(keys.size(), from + MAX_BATCH_WRITE)).stream()
                    .map(k -> WriteRequest.builder().deleteRequest(d -> d.key(k)).build()).toList();
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                if (attempt == 8) {
                    throw new TransientStageException("DynamoDB BatchWriteItem left deletes unprocessed");
                }
                List<WriteRequest> current = request;
                var response = call("BatchWriteItem", () -> dynamo.batchWriteItem(r -> r.requestItems(
                        Map.of(table, current))));
                request = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(table, List.of())
                        : List.of();
                if (!request.isEmpty()) {
                    pause(attempt);
                }
            }
        }
    }

    /** Every item of partition {@code pkName = pk} (all pages, consistent reads). */
    public static List<Map<String, AttributeValue>> partition(DynamoDbClient dynamo, String table, String pkName,
                                                              String pk) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = call("Query", () -> dynamo.query(r -> r.tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", pkName))
                    .expressionAttributeValues(Map.of(":pk", s(pk))).exclusiveStartKey(from)));
            out.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1000L, 20L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientStageException("Interrupted while reading");
        }
    }
}
