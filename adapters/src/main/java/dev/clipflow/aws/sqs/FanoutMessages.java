package dev.clipflow.aws.sqs;

import dev.clipflow.social.FanoutBatch;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON body of a fan-out message: {@code {"schemaVersion":1,"videoId":..,"channelId":..,
 * "publishedAt":"<ISO-8601>","viewerIds":[..]}}. Readers accept schema versions 1 (current) and 0
 * (none given).
 */
public final class FanoutMessages {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FanoutMessages() {
    }

    public static String write(FanoutBatch batch) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", batch.schemaVersion());
        body.put("videoId", batch.videoId());
        body.put("channelId", batch.channelId());
        body.put("publishedAt", batch.publishedAt().toString());
        body.put("viewerIds", batch.viewerIds());
        return JSON.writeValueAsString(body);
    }

    /** Parses a body; throws {@link FanoutMessageMalformedException} when it is not one. */
    public static FanoutBatch read(String body) {
        try {
            JsonNode root = JSON.readTree(body == null ? "" : body);
            if (root == null || !root.isObject()) {
                throw new FanoutMessageMalformedException("not a JSON object");
            }
            int version = root.path("schemaVersion").asInt(0);
            if (version > FanoutBatch.SCHEMA_VERSION) {
                throw new FanoutMessageMalformedException("unknown schemaVersion " + version);
            }
            List<String> viewers = new ArrayList<>();
            JsonNode ids = root.path("viewerIds");
            if (!ids.isArray()) {
                throw new FanoutMessageMalformedException("viewerIds is not an array");
            }
            ids.forEach(n -> viewers.add(n.asString()));
            return new FanoutBatch(FanoutBatch.SCHEMA_VERSION, text(root, "videoId"), text(root, "channelId"),
                    Instant.parse(text(root, "publishedAt")), viewers);
        } catch (JacksonException | DateTimeParseException e) {
            throw new FanoutMessageMalformedException(e.getClass().getSimpleName());
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new FanoutMessageMalformedException("missing " + field);
        }
        return node.asString();
    }
}
