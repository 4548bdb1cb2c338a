package dev.clipflow.aws.dynamodb;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.ChannelLimits;
import dev.clipflow.catalog.ChannelRepository;
import dev.clipflow.media.MediaLimits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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
 * {@link ChannelRepository} on DynamoDB: the table's {@code CHANNEL#{channelId}} items. The same table holds the
 * counters {@link DynamoUploadQuotas} writes.
 */
public final class DynamoChannelRepository implements ChannelRepository {

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

    @Override
    public void create(Channel channel) {
        Map<String, AttributeValue> item = item(channel, clock.instant());
        try {
            call("PutItem", () -> dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)")));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Channel " + channel.channelId() + " already exists", e);
        }
    }

    /** The channel's item (shared with {@link DynamoUploadQuotas}, which writes it counted). */
    static Map<String, AttributeValue> item(Channel channel, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CatalogTables.CHANNELS_KEY, Items.s(channelKey(channel.channelId())));
        item.put("channelId", Items.s(channel.channelId()));
        item.put("ownerId", Items.s(channel.ownerId()));
        Items.putIfNotNull(item, "name", channel.name());
        item.put("maxBytes", Items.n(channel.limits().maxBytes()));
        item.put("allowedContentTypes", Items.strings(List.copyOf(channel.limits().allowedContentTypes())));
        item.put("uploadsPerDay", Items.n(channel.limits().uploadsPerDay()));
        item.put("maxDurationSeconds", Items.n(channel.limits().maxDurationSeconds()));
        if (channel.limits().maxCostUsd() != null) {
            item.put("maxCostUsd", AttributeValue.fromN(channel.limits().maxCostUsd().toPlainString()));
        }
        item.put("createdAt", Items.time(now));
        return item;
    }

    @Override
    public Optional<Channel> find(String channelId) {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of(CatalogTables.CHANNELS_KEY, Items.s(channelKey(channelId))))));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        double maxSeconds = item.containsKey("maxDurationSeconds")
                ? Double.parseDouble(item.get("maxDurationSeconds").n()) : MediaLimits.DEFAULT_MAX_DURATION_SECONDS;
        ChannelLimits limits = new ChannelLimits(Items.lng(item, "maxBytes"),
                new HashSet<>(Items.strList(item, "allowedContentTypes")), Items.integer(item, "uploadsPerDay"),
                maxSeconds, item.containsKey("maxCostUsd") ? new BigDecimal(item.get("maxCostUsd").n()) : null);
        return Optional.of(new Channel(Items.str(item, "channelId"), Items.str(item, "ownerId"),
                Items.str(item, "name"), limits));
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw Items.translate(operation, e);
        }
    }
}
