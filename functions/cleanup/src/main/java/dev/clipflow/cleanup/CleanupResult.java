package dev.clipflow.cleanup;

/**
 * What the compensation did.
 *
 * @param status         the video's status afterwards (null when the video does not exist)
 * @param objectsDeleted partial outputs deleted under videos/{videoId}/
 * @param reason         the failure reason recorded (or that would have been, for a published video)
 */
public record CleanupResult(String videoId, String status, int objectsDeleted, String reason) {
}
