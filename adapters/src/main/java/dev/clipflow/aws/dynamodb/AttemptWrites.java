package dev.clipflow.aws.dynamodb;

import static dev.clipflow.aws.dynamodb.common.Items.call;

import dev.clipflow.aws.dynamodb.common.Items;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * A workflow run's attempt counter on a video's item ({@link dev.clipflow.catalog.AttemptLog}): absent is attempt 1,
 * and it moves with one conditional {@code UpdateItem} only from the attempt it is on, while the run is in progress,
 * stamping the attempt's start. Shared by the deletion ({@code deletionAttempt}) and the visibility change (the pending
 * change's {@code attempt}).
 *
 * @param attempt    the counter's path in expressions ({@code #attempt}, {@code #vc.#attempt})
 * @param inProgress the condition that the run is in progress
 * @param stamp      the {@code SET} clause that records the attempt's start at {@code :now}
 * @param names      the expression attribute names the three use
 */
record AttemptWrites(String attempt, String inProgress, String stamp, Map<String, String> names) {

    /** The attempt recorded in {@code holder} under {@code attribute}: 1 when absent. */
    static int read(Map<String, AttributeValue> holder, String attribute) {
        return holder.containsKey(attribute) ? Items.integer(holder, attribute) : 1;
    }

    /** The current attempt of a run that is in progress per {@code inProgress}; empty when it is not. */
    static OptionalInt current(boolean inProgress, Map<String, AttributeValue> holder, String attribute) {
        return inProgress ? OptionalInt.of(read(holder, attribute)) : OptionalInt.empty();
    }

    /**
     * {@code from} -> {@code to} on the item of {@code videoId}, the attempt's start stamped at {@code now}, only while
     * the run is in progress and on attempt {@code from}; false (nothing written) otherwise.
     *
     * @param values the values {@code inProgress} names, besides {@code :from}, {@code :to} and {@code :now}
     */
    boolean move(DynamoDbClient dynamo, String table, String videoId, int from, int to, AttributeValue now,
                 Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":from", Items.n(from));
        all.put(":to", Items.n(to));
        all.put(":now", now);
        String onFrom = from == 1 ? "(attribute_not_exists(" + attempt + ") OR " + attempt + " = :from)"
                : attempt + " = :from";
        try {
            call("UpdateItem", () -> dynamo.updateItem(r -> r.tableName(table)
                    .key(Map.of(VideoItems.VIDEO_ID, Items.s(videoId)))
                    .updateExpression("SET " + attempt + " = :to, " + stamp)
                    .conditionExpression(inProgress + " AND " + onFrom)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(all)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
