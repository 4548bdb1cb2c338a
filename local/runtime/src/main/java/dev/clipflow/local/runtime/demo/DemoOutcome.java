package dev.clipflow.local.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the demo produced.
 *
 * @param status the video's status as the owner sees it ({@code PUBLISHED}, {@code FAILED}, ...)
 * @param video the owner's view of the video (GET /videos/{id})
 * @param states the states the execution entered, in order
 */
public record DemoOutcome(String channelId, String videoId, String executionArn, String executionStatus,
                          String status, JsonNode video, List<String> states) {

    public DemoOutcome {
        states = List.copyOf(states);
    }

    public boolean published() {
        return "PUBLISHED".equals(status);
    }
}
