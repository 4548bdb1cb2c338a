package dev.clipflow.local.runtime.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.SqsIntegration;
import java.net.URI;
import java.util.Map;

/**
 * The engine's {@code arn:aws:states:::sqs:sendMessage} against the local SQS (ElasticMQ, AWS JSON protocol).
 * A {@code MessageBody} that is not a string is sent as its JSON text, as Step Functions does. Returns
 * {@code MessageId}, {@code MD5OfMessageBody}, ... with {@code SdkHttpMetadata}/{@code SdkResponseMetadata};
 * errors are {@code SQS.<ErrorCode>}.
 */
public final class EmulatorSqs implements SqsIntegration {

    private final AwsJsonClient client;

    /** @param config the stack's {@code AWS_*} settings ({@code AWS_ENDPOINT_URL_SQS}, credentials, region) */
    public EmulatorSqs(Map<String, String> config) {
        this.client = new AwsJsonClient(URI.create(config.get("AWS_ENDPOINT_URL_SQS")), "sqs", "AmazonSQS.", "SQS",
                "AmazonSQS", config);
    }

    @Override
    public JsonNode sendMessage(JsonNode parameters) {
        ObjectNode request = parameters.deepCopy();
        JsonNode body = request.get("MessageBody");
        if (body != null && !body.isTextual()) {
            request.put("MessageBody", Json.write(body));
        }
        return client.call("SendMessage", request);
    }
}
