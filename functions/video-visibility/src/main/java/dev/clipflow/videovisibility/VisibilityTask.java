package dev.clipflow.videovisibility;

/**
 * The state machine's input to one step: {@code {"step": "SWITCH", "videoId": "...", "requestedAt": "..."}}
 * ({@code step} a VisibilityStep name; {@code requestedAt} the change's identity, an ISO-8601 instant, as the upload
 * API wrote it into the execution input).
 */
public record VisibilityTask(String step, String videoId, String requestedAt) {
}
