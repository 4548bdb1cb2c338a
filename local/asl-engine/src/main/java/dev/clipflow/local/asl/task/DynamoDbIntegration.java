package dev.clipflow.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The optimized DynamoDB integration ({@code arn:aws:states:::dynamodb:getItem|putItem|updateItem|deleteItem}):
 * takes the API request in DynamoDB JSON and returns the API response, as Step Functions does. An implementation
 * against a DynamoDB emulator comes with the local runtime; until then the CLI only mocks it.
 */
public interface DynamoDbIntegration {

    /**
     * @param action {@code getItem}, {@code putItem}, {@code updateItem} or {@code deleteItem}
     * @throws TaskFailedException with {@code DynamoDB.<ExceptionName>} errors, as AWS names them
     */
    JsonNode call(String action, JsonNode parameters);
}
