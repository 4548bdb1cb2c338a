package dev.clipflow.local.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the demo produced.
 *
 * @param status the video's status as the owner sees it ({@code PUBLISHED}, {@code FAILED}, ...)
 * @param video the owner's view of the video (GET /videos/{id})
 * @param states the states the execution entered, in order
 * @param pipeline from the upload's completion to the end of its execution ({@code null}: still running)
 * @param feeds each subscriber's feed (video ids, newest first), by username; empty unless PUBLISHED
 * @param related the related videos' {@code items} ({@code videoId}, {@code score}); empty unless PUBLISHED
 * @param titles the title of each video named above, by id
 */
public record DemoOutcome(String channelId, String videoId, String executionArn, String executionStatus,
                          String status, JsonNode video, List<String> states, Duration pipeline,
                          Map<String, List<String>> feeds, JsonNode related, Map<String, String> titles) {

    public DemoOutcome {
        states = List.copyOf(states);
        feeds = Map.copyOf(feeds);
        titles = Map.copyOf(titles);
    }

    public boolean published() {
        return "PUBLISHED".equals(status);
    }
}
