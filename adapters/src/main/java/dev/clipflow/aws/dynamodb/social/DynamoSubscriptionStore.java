package dev.clipflow.aws.dynamodb.social;

import static dev.clipflow.aws.dynamodb.common.Items.call;
import static dev.clipflow.aws.dynamodb.common.Items.s;
import static dev.clipflow.aws.dynamodb.social.SocialTables.CHANNEL_ID;
import static dev.clipflow.aws.dynamodb.social.SocialTables.MEMBER;
import static dev.clipflow.aws.dynamodb.social.SocialTables.VIEWER_ID;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.Page;
import dev.clipflow.social.ChannelAudience;
import dev.clipflow.social.Subscription;
import dev.clipflow.social.SubscriptionStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link SubscriptionStore} on DynamoDB ({@link SocialTables}). Subscribe and unsubscribe are one
 * transaction each: the conditional put/delete of the subscription and the {@code ADD} on the
 * channel's counter, so a repeat changes neither and the count never drifts.
 */
public final class DynamoSubscriptionStore implements SubscriptionStore {
    static final String AUDIENCE = "#audience";
    private static final String SUBSCRIBERS = "subscribers";
    private static final String CELEBRITY = "celebrity";
    private static final String SUBSCRIBED_AT = "subscribedAt";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSubscriptionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public boolean subscribe(Subscription sub) {
        Map<String, AttributeValue> item = memberKey(sub.channelId(), sub.viewerId());
        item.put(VIEWER_ID, s(sub.viewerId()));
        item.put(SUBSCRIBED_AT, Items.time(sub.subscribedAt()));
        return transact("subscribe",
                TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(#m)")
                        .expressionAttributeNames(Map.of("#m", MEMBER))).build(),
                counter(sub.channelId(), 1));
    }

    @Override
    public boolean unsubscribe(String viewerId, String channelId) {
        return transact("unsubscribe",
                TransactWriteItem.builder().delete(d -> d.tableName(table).key(memberKey(channelId, viewerId))
                        .conditionExpression("attribute_exists(#m)")
                        .expressionAttributeNames(Map.of("#m", MEMBER))).build(),
                counter(channelId, -1));
    }

    @Override
    public boolean isSubscribed(String viewerId, String channelId) {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table)
                .key(memberKey(channelId, viewerId)).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty();
    }

    @Override
    public Page<Subscription> subscriptionsOf(String viewerId, String after, int limit) {
        Map<String, AttributeValue> start = null;
        if (after != null) {
            start = memberKey(after, viewerId);
            start.put(VIEWER_ID, s(viewerId));
        }
        List<Map<String, AttributeValue>> items = query(QueryRequest.builder().tableName(table)
                .indexName(SocialTables.BY_VIEWER)
                .keyConditionExpression("#v = :v")
                .expressionAttributeNames(Map.of("#v", VIEWER_ID))
                .expressionAttributeValues(Map.of(":v", s(viewerId))), start, limit + 1);
        List<Subscription> subs = items.stream().limit(limit).map(i -> new Subscription(Items.str(i, VIEWER_ID),
                Items.str(i, CHANNEL_ID), Items.parseTime(Items.str(i, SUBSCRIBED_AT)))).toList();
        return new Page<>(subs, items.size() > limit ? subs.getLast().channelId() : null);
    }

    @Override
    public Page<String> subscribers(String channelId, String after, int limit) {
        Map<String, AttributeValue> start = after == null ? null : memberKey(channelId, after);
        List<Map<String, AttributeValue>> items = query(QueryRequest.builder().tableName(table)
                .keyConditionExpression("#c = :c AND begins_with(#m, :p)")
                .expressionAttributeNames(Map.of("#c", CHANNEL_ID, "#m", MEMBER))
                .expressionAttributeValues(Map.of(":c", s(channelId), ":p", s("v#")))
                .projectionExpression("#m")
                .consistentRead(true), start, limit + 1);
        List<String> viewers = items.stream().limit(limit).map(i -> Items.str(i, MEMBER).substring(2)).toList();
        return new Page<>(viewers, items.size() > limit ? viewers.getLast() : null);
    }

    @Override
    public ChannelAudience audience(String channelId) {
        var response = call("GetItem", () -> dynamo.getItem(r -> r.tableName(table)
                .key(Items.key(CHANNEL_ID, channelId, MEMBER, AUDIENCE)).consistentRead(true)));
        return response.hasItem() && !response.item().isEmpty() ? audience(response.item())
                : ChannelAudience.none(channelId);
    }

    @Override
    public Map<String, ChannelAudience> audiences(Collection<String> channelIds) {
        Map<String, ChannelAudience> out = new HashMap<>();
        channelIds.forEach(c -> out.put(c, ChannelAudience.none(c)));
        List<Map<String, AttributeValue>> keys = channelIds.stream().distinct()
                .map(c -> Items.key(CHANNEL_ID, c, MEMBER, AUDIENCE)).toList();
        Items.batchGet(dynamo, table, keys).forEach(i -> out.put(Items.str(i, CHANNEL_ID), audience(i)));
        return out;
    }

    @Override
    public void markCelebrity(String channelId) {
        call("UpdateItem", () -> dynamo.updateItem(r -> r.tableName(table)
                .key(Items.key(CHANNEL_ID, channelId, MEMBER, AUDIENCE))
                .updateExpression("SET #f = :t")
                .expressionAttributeNames(Map.of("#f", CELEBRITY))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true)))));
    }

    private List<Map<String, AttributeValue>> query(QueryRequest.Builder base, Map<String, AttributeValue> start,
                                                    int wanted) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> next = start;
        do {
            QueryRequest request = base.exclusiveStartKey(next).limit(wanted - out.size()).build();
            QueryResponse response = call("Query", () -> dynamo.query(request));
            out.addAll(response.items());
            next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (next != null && out.size() < wanted);
        return out;
    }

    private boolean transact(String operation, TransactWriteItem first, TransactWriteItem second) {
        try {
            call("TransactWriteItems(" + operation + ")",
                    () -> dynamo.transactWriteItems(r -> r.transactItems(first, second)));
            return true;
        } catch (TransactionCanceledException e) {
            if (Items.conditionFailedAt(e, 0)) {
                return false;
            }
            throw Items.translate(operation, e);
        }
    }

    private TransactWriteItem counter(String channelId, int delta) {
        return TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(Items.key(CHANNEL_ID, channelId, MEMBER, AUDIENCE))
                .updateExpression("ADD #n :d")
                .expressionAttributeNames(Map.of("#n", SUBSCRIBERS))
                .expressionAttributeValues(Map.of(":d", Items.n(delta)))).build();
    }

    private static Map<String, AttributeValue> memberKey(String channelId, String viewerId) {
        return Items.key(CHANNEL_ID, channelId, MEMBER, "v#" + viewerId);
    }

    private static ChannelAudience audience(Map<String, AttributeValue> item) {
        return new ChannelAudience(Items.str(item, CHANNEL_ID), Math.max(0, Items.lng(item, SUBSCRIBERS)),
                Items.bool(item, CELEBRITY));
    }
}
