package dev.clipflow.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The optimized SQS integration ({@code arn:aws:states:::sqs:sendMessage}): takes QueueUrl, MessageBody, ...
 * and returns MessageId, MD5OfMessageBody, ... An implementation against an SQS emulator comes with the local
 * runtime; until then the CLI only mocks it.
 */
public interface SqsIntegration {

    /**
     * @throws TaskFailedException with {@code SQS.<ExceptionName>} errors, as AWS names them
     */
    JsonNode sendMessage(JsonNode parameters);
}
