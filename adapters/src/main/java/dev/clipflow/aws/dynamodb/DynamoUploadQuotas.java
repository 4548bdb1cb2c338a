package dev.clipflow.aws.dynamodb;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.Channel;
import dev.clipflow.catalog.QuotaExceededException;
import dev.clipflow.catalog.QuotaExceededException.Quota;
import dev.clipflow.catalog.UserLimits;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.upload.UploadQuotas;
import dev.clipflow.catalog.upload.UploadRules;
import dev.clipflow.pipeline.TransientStageException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link UploadQuotas} on DynamoDB: one {@code TransactWriteItems} puts the new item (a channel in the channels
 * table, a video in the videos table) and adds to its counters in the channels table, each {@code ADD}
 * conditioned on its limit; the SDK's idempotency token makes its own retries count once. Counters:
 * <ul>
 *   <li>{@code USER#{userId}}: {@code channels}, the channels the user owns (kept);</li>
 *   <li>{@code USAGE#{channelId}#{yyyy-MM-dd}}: {@code uploads} of the channel that UTC day;</li>
 *   <li>{@code USAGE#USER#{userId}#{yyyy-MM-dd}}: {@code uploads} and {@code sourceSeconds} (reserved) of the
 *       user that day.</li>
 * </ul>
 * Daily counters expire through the table's TTL attribute {@code expiresAt} two days after their day. Channel ids
 * never contain {@code #}, so the keys cannot collide.
 */
public final class DynamoUploadQuotas implements UploadQuotas {
    /** How long a daily counter is kept after its UTC day ends, for support questions. */
    static final int COUNTER_KEPT_DAYS = 2;
    /** Attempts when concurrent transactions on the same counter conflict (DynamoDB cancels one of them). */
    private static final int ATTEMPTS = 4;

    private final DynamoDbClient dynamo;
    private final String videosTable;
    private final String channelsTable;
    private final Clock clock;

    public DynamoUploadQuotas(DynamoDbClient dynamo, String videosTable, String channelsTable, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.videosTable = Objects.requireNonNull(videosTable, "videosTable");
        this.channelsTable = Objects.requireNonNull(channelsTable, "channelsTable");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DynamoUploadQuotas(DynamoDbClient dynamo, String videosTable, String channelsTable) {
        this(dynamo, videosTable, channelsTable, Clock.systemUTC());
    }

    static String userKey(String userId) {
        return "USER#" + userId;
    }

    static String usageKey(String channelId, LocalDate day) {
        return "USAGE#" + channelId + "#" + day;
    }

    static String userUsageKey(String userId, LocalDate day) {
        return "USAGE#USER#" + userId + "#" + day;
    }

    @Override
    public void createChannel(Channel channel, UserLimits limits) {
        if (limits.channels() == 0) {
            throw QuotaExceededException.of(Quota.CHANNELS, limits);
        }
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(channelsTable)
                .item(DynamoChannelRepository.item(channel, clock.instant()))
                .conditionExpression("attribute_not_exists(pk)")).build();
        TransactWriteItem count = TransactWriteItem.builder().update(u -> u.tableName(channelsTable)
                .key(key(userKey(channel.ownerId())))
                .updateExpression("ADD channels :one SET userId = :u")
                .conditionExpression("attribute_not_exists(channels) OR channels < :max")
                .expressionAttributeValues(Map.of(":one", Items.n(1), ":u", Items.s(channel.ownerId()),
                        ":max", Items.n(limits.channels())))).build();
        List<CancellationReason> failed = transact("createChannel", List.of(put, count));
        if (conditionFailed(failed, 0)) {
            throw new IllegalStateException("Channel " + channel.channelId() + " already exists");
        }
        if (conditionFailed(failed, 1)) {
            throw QuotaExceededException.of(Quota.CHANNELS, limits);
        }
    }

    @Override
    public void createVideo(Video video, LocalDate day, int channelUploadsPerDay, UserLimits limits) {
        long seconds = video.reservedSeconds() == null ? 0 : (long) Math.ceil(video.reservedSeconds());
        if (channelUploadsPerDay <= 0) {
            throw UploadRules.dailyLimitReached(channelUploadsPerDay);
        }
        if (limits.uploadsPerDay() == 0) {
            throw QuotaExceededException.of(Quota.UPLOADS_PER_DAY, limits);
        }
        if (seconds > limits.sourceSecondsPerDay()) {
            throw QuotaExceededException.of(Quota.SOURCE_MINUTES_PER_DAY, limits);
        }
        long expiresAt = day.plusDays(1 + COUNTER_KEPT_DAYS).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(videosTable)
                .item(VideoItems.toItem(video, clock.instant()))
                .conditionExpression("attribute_not_exists(videoId)")).build();
        TransactWriteItem channelDay = TransactWriteItem.builder().update(u -> u.tableName(channelsTable)
                .key(key(usageKey(video.channelId(), day)))
                .updateExpression("ADD uploads :one SET channelId = :c, #day = :day, expiresAt = :ttl")
                .conditionExpression("attribute_not_exists(uploads) OR uploads < :max")
                .expressionAttributeNames(Map.of("#day", "day"))
                .expressionAttributeValues(Map.of(":one", Items.n(1), ":c", Items.s(video.channelId()),
                        ":day", Items.s(day.toString()), ":ttl", Items.n(expiresAt),
                        ":max", Items.n(channelUploadsPerDay)))).build();
        TransactWriteItem userDay = TransactWriteItem.builder().update(u -> u.tableName(channelsTable)
                .key(key(userUsageKey(video.ownerId(), day)))
                .updateExpression("ADD uploads :one, sourceSeconds :s SET userId = :u, #day = :day, expiresAt = :ttl")
                .conditionExpression("(attribute_not_exists(uploads) OR uploads < :maxUploads) AND "
                        + "(attribute_not_exists(sourceSeconds) OR sourceSeconds <= :room)")
                .expressionAttributeNames(Map.of("#day", "day"))
                .expressionAttributeValues(Map.of(":one", Items.n(1), ":s", Items.n(seconds),
                        ":u", Items.s(video.ownerId()), ":day", Items.s(day.toString()), ":ttl", Items.n(expiresAt),
                        ":maxUploads", Items.n(limits.uploadsPerDay()),
                        ":room", Items.n(limits.sourceSecondsPerDay() - seconds)))).build();
        List<CancellationReason> failed = transact("createVideo", List.of(put, channelDay, userDay));
        if (conditionFailed(failed, 0)) {
            throw new IllegalStateException("Video " + video.videoId() + " already exists");
        }
        if (conditionFailed(failed, 1)) {
            throw UploadRules.dailyLimitReached(channelUploadsPerDay);
        }
        if (conditionFailed(failed, 2)) {
            throw QuotaExceededException.of(uploadsFull(video.ownerId(), day, limits)
                    ? Quota.UPLOADS_PER_DAY : Quota.SOURCE_MINUTES_PER_DAY, limits);
        }
    }

    /** Which of the user's daily counters is full, read after a refusal (only to word the answer). */
    private boolean uploadsFull(String userId, LocalDate day, UserLimits limits) {
        var item = call("GetItem", () -> dynamo.getItem(r -> r.tableName(channelsTable).consistentRead(true)
                .key(key(userUsageKey(userId, day))))).item();
        return item != null && item.containsKey("uploads") && Items.lng(item, "uploads") >= limits.uploadsPerDay();
    }

    /**
     * Runs the transaction; returns the cancellation reasons when a condition failed (empty on success).
     * Conflicts with a concurrent transaction on the same counter are retried, then transient.
     */
    private List<CancellationReason> transact(String operation, List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                call("TransactWriteItems(" + operation + ")",
                        () -> dynamo.transactWriteItems(r -> r.transactItems(items)));
                return List.of();
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                boolean conditionFailed = reasons.stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
                if (conditionFailed) {
                    return reasons;
                }
                if (attempt >= ATTEMPTS) {
                    throw new TransientStageException("DynamoDB TransactWriteItems(" + operation
                            + ") was cancelled: " + reasons.stream().map(CancellationReason::code).toList(), e);
                }
            }
        }
    }

    private static boolean conditionFailed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of(CatalogTables.CHANNELS_KEY, Items.s(pk));
    }

    private static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (TransactionCanceledException e) {
            throw e;
        } catch (SdkException e) {
            throw Items.translate(operation, e);
        }
    }
}
