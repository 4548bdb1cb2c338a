package dev.clipflow.catalog.upload;

/**
 * What {@link UploadIngest} did with one created object (the ingest function returns it; EventBridge ignores
 * it; tests and logs read it).
 *
 * @param videoId     null when the key names no video
 * @param executionId the pipeline execution, for STARTED and ALREADY_STARTED only
 * @param detail      a sentence saying why, for every other result
 */
public record IngestOutcome(IngestResult result, String videoId, String executionId, String detail) {

    public static IngestOutcome of(IngestResult result, String videoId, String detail) {
        return new IngestOutcome(result, videoId, null, detail);
    }
}
