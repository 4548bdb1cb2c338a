package dev.clipflow.local.runtime.template;

import java.util.Map;

/**
 * An {@code AWS::SQS::Queue}.
 *
 * @param attributes SQS queue attributes from the properties (VisibilityTimeout, MessageRetentionPeriod,
 *                   FifoQueue, DelaySeconds, ...), as strings
 * @param deadLetterQueue the logical id of the redrive target, or {@code null}
 * @param maxReceiveCount the redrive policy's count (0 without a redrive policy)
 */
public record QueueDef(String logicalId, String name, Map<String, String> attributes, String deadLetterQueue,
                       int maxReceiveCount) {

    public QueueDef {
        attributes = Map.copyOf(attributes);
    }

    public String arn() {
        return LocalAws.queueArn(name);
    }
}
