package dev.clipflow.aws.dynamodb;

import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.media.MediaLimits;
import dev.clipflow.catalog.ChannelRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link ChannelRepository} on DynamoDB: one table holding {@code CHANNEL#{channelId}} items and
 * daily upload counters {@code USAGE#{channelId}#{yyyy-MM-dd}} (an atomic {@code ADD} conditioned on
 * the limit, expiring through the table's TTL attribute {@code expiresAt} two days after the day).
 */
public final class DynamoChannelRepository implements ChannelRepository {
    /** How long a daily counter is kept after its UTC day ends, for support questions. */
    static final int COUNTER_KEPT_DAYS = 2;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoChannelRepository(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DynamoChannelRepository(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    static String channelKey(String channelId) {
        return "CHANNEL#" + channelId;
    }

    static String usageKey(String channelId, LocalDate day) {
        return "USAGE#" + channelId + "#" + day;
    }

    @Override
    public void create(Channel channel) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CatalogTables.CHANNELS_KEY, Attr.s(channelKey(channel.channelId())));
        item.put("channelId", Attr.s(channel.channelId()));
        item.put("ownerId", Attr.s(channel.ownerId()));
        Attr.putIfNotNull(item, "name", channel.name());
        item.put("maxBytes", Attr.n(channel.limits().maxBytes()));
        item.put("allowedContentTypes", Attr.strings(List.copyOf(channel.limits().allowedContentTypes())));
        item.put("uploadsPerDay", Attr.n(channel.limits().uploadsPerDay()));
        item.put("maxDurationSeconds", Attr.n(channel.limits().maxDurationSeconds()));
        if (channel.limits().maxCostUsd() != null) {
            item.put("maxCostUsd", AttributeValue.fromN(channel.limits().maxCostUsd().toPlainString()));
        }
        item.put("createdAt", Attr.time(clock.instant()));
        try {
            call("PutItem", () -> dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)")));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Channel " + channel.channelId() + " already exists", e);
        }
    }

    @Override
    public Optional<Channel> find(String channelId) {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(CatalogTables.CHANNELS_KEY, Attr.s(channelKey(channelId))))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        double maxSeconds = item.containsKey("maxDurationSeconds")
                ? Double.parseDouble(item.get("maxDurationSeconds").n()) : MediaLimits.DEFAULT_MAX_DURATION_SECONDS;
        ChannelLimits limits = new ChannelLimits(Attr.lng(item, "maxBytes"),
                new HashSet<>(Attr.strList(item, "allowedContentTypes")), Attr.integer(item, "uploadsPerDay"),
                maxSeconds, item.containsKey("maxCostUsd") ? new BigDecimal(item.get("maxCostUsd").n()) : null);
        return Optional.of(new Channel(Attr.str(item, "channelId"), Attr.str(item, "ownerId"),
                Attr.str(item, "name"), limits));
    }

    @Override
    public boolean tryCountUpload(String channelId, LocalDate day, int limit) {
        if (limit <= 0) {
            return false;
        }
        long expiresAt = day.plusDays(1 + COUNTER_KEPT_DAYS).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        try {
            call("UpdateItem", () -> dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of(CatalogTables.CHANNELS_KEY, Attr.s(usageKey(channelId, day))))
                    .updateExpression("ADD uploads :one SET channelId = :c, #day = :day, expiresAt = :ttl")
                    .conditionExpression("attribute_not_exists(uploads) OR uploads < :limit")
                    .expressionAttributeNames(Map.of("#day", "day"))
                    .expressionAttributeValues(Map.of(":one", Attr.n(1), ":c", Attr.s(channelId),
                            ":day", Attr.s(day.toString()), ":ttl", Attr.n(expiresAt), ":limit", Attr.n(limit)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw DynamoFailures.translate(operation, e);
        }
    }
}
