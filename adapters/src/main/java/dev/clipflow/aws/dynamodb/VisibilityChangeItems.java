package dev.clipflow.aws.dynamodb;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.Video;
import dev.clipflow.catalog.Visibility;
import dev.clipflow.catalog.visibility.VisibilityStep;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The pending visibility change on a video's item: the map {@value #ATTRIBUTE} = {@code {from, to, requestedAt,
 * steps, attempt, startedAt}} (the last two written when its workflow starts), where {@code steps} maps each step
 * done to when it was recorded (a map, since {@code ADD} to a set works on top-level attributes only). Absent when no
 * change is in progress. {@code requestedAt} (the table's timestamp format) is the change's identity.
 */
final class VisibilityChangeItems {
    static final String ATTRIBUTE = "visibilityChange";
    static final String REQUESTED_AT = "requestedAt";
    static final String STEPS = "steps";
    /** The change's workflow attempt (N, absent: 1; {@link DynamoVisibilityChangeRecords#current}). */
    static final String ATTEMPT = "attempt";
    /** When the current attempt was started (absent until the first start is recorded). */
    static final String STARTED_AT = "startedAt";

    private VisibilityChangeItems() {
    }

    /** A change as the edit records it: no step done. */
    static AttributeValue pending(Video.VisibilityChange change) {
        return AttributeValue.fromM(Map.of("from", Items.s(change.from().name()), "to", Items.s(change.to().name()),
                REQUESTED_AT, Items.time(change.requestedAt()), STEPS, AttributeValue.fromM(Map.of())));
    }

    /** The item's pending change; null when there is none. */
    static Video.VisibilityChange pending(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> c = Items.map(item, ATTRIBUTE);
        return c == null ? null : new Video.VisibilityChange(Visibility.valueOf(Items.str(c, "from")),
                Visibility.valueOf(Items.str(c, "to")), Items.instant(c, REQUESTED_AT));
    }

    /** The steps done of the change requested at {@code requestedAt}: all of them when it is not the pending one. */
    static Set<VisibilityStep> done(Map<String, AttributeValue> item, Instant requestedAt) {
        Map<String, AttributeValue> c = Items.map(item, ATTRIBUTE);
        if (c == null || !Items.formatTime(requestedAt).equals(Items.str(c, REQUESTED_AT))) {
            return EnumSet.allOf(VisibilityStep.class);
        }
        Set<VisibilityStep> done = EnumSet.noneOf(VisibilityStep.class);
        Map<String, AttributeValue> steps = Items.map(c, STEPS);
        if (steps != null) {
            steps.keySet().forEach(s -> done.add(VisibilityStep.valueOf(s)));
        }
        return done;
    }
}
