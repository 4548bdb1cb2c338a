package dev.clipflow.aws.dynamodb.common;

import dev.clipflow.pipeline.TransientStageException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

/**
 * Shared helpers of the social and discovery DynamoDB adapters: attribute conversions, fixed-width
 * timestamps, failure translation, transaction cancellation reasons and batched reads.
 */
public final class Items {
    /** Fixed-width UTC timestamps, so that string order is time order. */
    public static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'");
    /** BatchGetItem takes at most 100 keys. */
    public static final int MAX_BATCH_GET = 100;

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

    public static String time(Instant instant) {
        return TIMESTAMP.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    public static Instant parseTime(String value) {
        return LocalDateTime.parse(value, TIMESTAMP).toInstant(ZoneOffset.UTC);
    }

    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static long lng(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0L : Long.parseLong(v.n());
    }

    public static double dbl(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0.0 : Double.parseDouble(v.n());
    }

    public static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
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

    public static RuntimeException translate(String operation, SdkException e) {
        if (isTransient(e)) {
            return new TransientStageException("DynamoDB " + operation + " failed transiently: "
                    + e.getClass().getSimpleName(), e);
        }
        return e;
    }

    public static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.isThrottlingException() || service.statusCode() >= 500 || e.retryable();
        }
        return e instanceof SdkClientException || e.retryable();
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

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1000L, 20L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientStageException("Interrupted while reading");
        }
    }
}
