package dev.clipflow.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The optimized EventBridge integration ({@code arn:aws:states:::events:putEvents}): takes {@code Entries} (each
 * {@code Detail} may be a JSON object, which Step Functions sends as its text) and returns {@code Entries} and
 * {@code FailedEntryCount}. An entry the bus refused fails the task with {@code EventBridge.FailedEntry}, as on
 * AWS. The local runtime implements it against its bus.
 */
public interface EventBridgeIntegration {

    /**
     * @throws TaskFailedException with {@code EventBridge.<ExceptionName>} errors, as AWS names them
     */
    JsonNode putEvents(JsonNode parameters);
}
