package dev.clipflow.aws.dynamodb;

import dev.clipflow.aws.dynamodb.common.Items;
import dev.clipflow.catalog.PageCursorInvalidException;
import dev.clipflow.media.MediaKeys;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque page cursor of the {@code byChannel} listing: base64url of {@code createdAt|videoId}
 * of the last item evaluated. The channel id is not in it: it comes from the request, so a cursor
 * cannot open another channel's listing.
 */
final class ChannelCursor {
    private static final int MAX_LENGTH = 200;

    private ChannelCursor() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        String raw = Items.str(lastEvaluatedKey, VideoItems.CREATED_AT) + "|"
                + Items.str(lastEvaluatedKey, VideoItems.VIDEO_ID);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The exclusive start key for the cursor; throws {@link PageCursorInvalidException} on a bad one. */
    static Map<String, AttributeValue> decode(String channelId, String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw new PageCursorInvalidException();
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new PageCursorInvalidException();
        }
        int bar = raw.indexOf('|');
        if (bar < 0) {
            throw new PageCursorInvalidException();
        }
        String createdAt = raw.substring(0, bar);
        String videoId = raw.substring(bar + 1);
        try {
            Items.parseTime(createdAt);
        } catch (DateTimeParseException e) {
            throw new PageCursorInvalidException();
        }
        if (!MediaKeys.isValidId(videoId)) {
            throw new PageCursorInvalidException();
        }
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(VideoItems.VIDEO_ID, Items.s(videoId));
        key.put(VideoItems.CHANNEL_ID, Items.s(channelId));
        key.put(VideoItems.CREATED_AT, Items.s(createdAt));
        return key;
    }
}
