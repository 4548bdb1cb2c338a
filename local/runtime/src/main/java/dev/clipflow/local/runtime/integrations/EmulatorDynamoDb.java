package dev.clipflow.local.runtime.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.task.DynamoDbIntegration;
import dev.clipflow.local.asl.task.TaskFailedException;
import java.net.URI;
import java.util.Map;

/**
 * The engine's {@code arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem} against the local
 * DynamoDB (Dynoxide): the Parameters are the API request (DynamoDB JSON) and the result is the API response
 * plus {@code SdkHttpMetadata}/{@code SdkResponseMetadata}, as Step Functions returns it; errors are
 * {@code DynamoDB.<ErrorCode>} (e.g. {@code DynamoDB.ConditionalCheckFailedException}).
 */
public final class EmulatorDynamoDb implements DynamoDbIntegration {

    private final AwsJsonClient client;

    /** @param config the stack's {@code AWS_*} settings ({@code AWS_ENDPOINT_URL_DYNAMODB}, credentials, region) */
    public EmulatorDynamoDb(Map<String, String> config) {
        this.client = new AwsJsonClient(URI.create(config.get("AWS_ENDPOINT_URL_DYNAMODB")), "dynamodb",
                "DynamoDB_20120810.", "DynamoDB", "AmazonDynamoDBv2", config);
    }

    @Override
    public JsonNode call(String action, JsonNode parameters) {
        String operation = switch (action) {
            case "getItem" -> "GetItem";
            case "putItem" -> "PutItem";
            case "updateItem" -> "UpdateItem";
            case "deleteItem" -> "DeleteItem";
            default -> throw new TaskFailedException("States.Runtime", "Unsupported DynamoDB action " + action);
        };
        return client.call(operation, parameters);
    }
}
