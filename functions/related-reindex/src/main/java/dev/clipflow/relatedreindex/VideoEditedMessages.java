package dev.clipflow.relatedreindex;

import dev.clipflow.catalog.events.VideoEvent;
import dev.clipflow.discovery.VideoTextEdited;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a queued {@code Video Edited} event (the whole EventBridge event, as the bus rule delivers it to the queue;
 * docs/events/video-edited.schema.json): schema version {@value VideoEvent#SCHEMA_VERSION} or the one before.
 */
final class VideoEditedMessages {
    static final String DETAIL_TYPE = "Video Edited";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VideoEditedMessages() {
    }

    /**
     * The edited text, or empty for an edit of a video that is not PUBLISHED, or not PUBLIC (nothing of it is indexed;
     * an event without {@code visibility}, from before it was added, counts as PUBLIC).
     *
     * @throws VideoEditedMessageMalformedException naming what is wrong
     */
    static Optional<VideoTextEdited> read(String body) {
        JsonNode event;
        try {
            event = JSON.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new VideoEditedMessageMalformedException("The message is not JSON");
        }
        if (event == null || !VideoEvent.SOURCE.equals(event.path("source").asString(""))
                || !DETAIL_TYPE.equals(event.path("detail-type").asString(""))) {
            throw new VideoEditedMessageMalformedException("The message is not a " + DETAIL_TYPE + " event");
        }
        JsonNode detail = event.path("detail");
        int version = detail.path("schemaVersion").asInt(0);
        if (version < VideoEvent.SCHEMA_VERSION - 1 || version > VideoEvent.SCHEMA_VERSION || version < 1) {
            throw new VideoEditedMessageMalformedException("Unknown schemaVersion " + detail.path("schemaVersion"));
        }
        String videoId = text(detail, "videoId");
        if (!"PUBLISHED".equals(detail.path("status").asString(""))
                || !"PUBLIC".equals(detail.path("visibility").asString("PUBLIC"))) {
            return Optional.empty();
        }
        JsonNode revision = detail.path("revision");
        if (!revision.isIntegralNumber() || revision.asLong() < 1) {
            throw new VideoEditedMessageMalformedException("The event's revision is not a whole number from 1");
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : detail.path("tags")) {
            tags.add(tag.asString(""));
        }
        return Optional.of(new VideoTextEdited(videoId, revision.asLong(), text(detail, "title"),
                detail.path("description").asString(""), tags));
    }

    private static String text(JsonNode detail, String field) {
        JsonNode node = detail.path(field);
        if (!node.isString() || node.asString().isEmpty()) {
            throw new VideoEditedMessageMalformedException("The event has no " + field);
        }
        return node.asString();
    }
}
