package dev.clipflow.cleanup;

import dev.clipflow.media.MediaRejectedException;
import dev.clipflow.media.MediaRejectionReason;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a caught pipeline error into a reason a creator can read. Only errors whose messages are
 * written for creators (rejections of the file itself) are shown as they are; everything else gets
 * a plain sentence naming the kind of problem. Never a stack trace, never more than
 * {@value #MAX_LENGTH} characters.
 */
final class FailureReasons {
    static final int MAX_LENGTH = 500;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FailureReasons() {
    }

    static String from(PipelineError error) {
        String name = error == null || error.error() == null ? "" : error.error();
        Map<String, Object> cause = parseCause(error == null ? null : error.cause());
        String type = cause.get("errorType") instanceof String t ? t : name;
        String message = cause.get("errorMessage") instanceof String m ? m : null;
        if (type.endsWith("RejectedException") && message != null && !message.isBlank()) {
            return clean(creatorPart(message));
        }
        if (name.equals("States.Timeout") || name.equals("Sandbox.Timedout") || type.equals("Sandbox.Timedout")) {
            return "Processing took longer than the time limit and was stopped.";
        }
        if (name.startsWith("Lambda.") || type.endsWith("TransientStageException")
                || name.equals("States.TaskFailed") && type.isEmpty()) {
            return "Processing failed after several retries because a service was unavailable. "
                    + "Please upload the video again.";
        }
        String simple = type.isEmpty() ? "unknown error" : type.substring(type.lastIndexOf('.') + 1);
        return clean("Processing failed because of an internal error (" + simple + ").");
    }

    /**
     * A {@link MediaRejectedException} message is {@code REASON: explanation (operator detail)}: the
     * creator gets the reason's explanation only.
     */
    private static String creatorPart(String message) {
        int colon = message.indexOf(':');
        if (colon > 0) {
            String name = message.substring(0, colon);
            for (MediaRejectionReason reason : MediaRejectionReason.values()) {
                if (reason.name().equals(name)) {
                    return reason.explanation();
                }
            }
        }
        return message;
    }

    private static Map<String, Object> parseCause(String cause) {
        if (cause == null || !cause.strip().startsWith("{")) {
            return Map.of();
        }
        try {
            return JSON.readValue(cause, new TypeReference<Map<String, Object>>() { });
        } catch (JacksonException e) {
            return Map.of();
        }
    }

    private static String clean(String text) {
        String oneLine = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH - 1) + "…";
    }
}
