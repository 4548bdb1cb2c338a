package dev.clipflow.local.runtime.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.runtime.template.LocalAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The actions and resources AWS authorises for a request of the AWS JSON protocols the local endpoints speak:
 * DynamoDB ({@code DynamoDB_20120810.<Op>}: the table or {@code table/<t>/index/<i>} ARN; batch operations on
 * each table; TransactWriteItems as PutItem/UpdateItem/DeleteItem/ConditionCheckItem on each item's table,
 * TransactGetItems as GetItem), SQS ({@code AmazonSQS.<Op>}: the queue ARN from its URL or name), Step Functions
 * ({@code AWSStepFunctions.<Op>}: the state machine, execution or map run ARN) and Secrets Manager
 * ({@code secretsmanager.<Op>}: the secret's ARN) and EventBridge ({@code AWSEvents.PutEvents}: each entry's
 * bus).
 */
public final class JsonRequests {

    /** A service behind a local endpoint: its IAM prefix and the {@code X-Amz-Target} prefix of its operations. */
    public enum Service {
        DYNAMODB("dynamodb", "DynamoDB_20120810."),
        SQS("sqs", "AmazonSQS."),
        STATES("states", "AWSStepFunctions."),
        SECRETS_MANAGER("secretsmanager", "secretsmanager."),
        EVENTS("events", "AWSEvents.");

        final String iamPrefix;
        final String targetPrefix;

        Service(String iamPrefix, String targetPrefix) {
            this.iamPrefix = iamPrefix;
            this.targetPrefix = targetPrefix;
        }
    }

    private JsonRequests() {
    }

    /**
     * @param operation the API operation ({@code PutItem}), from {@code X-Amz-Target} or the query protocol's
     *                  {@code Action}
     * @param body the request (for the query protocol: its parameters as a JSON object)
     */
    public static List<AccessRequest> map(Service service, String operation, JsonNode body) {
        String action = service.iamPrefix + ":" + operation;
        return switch (service) {
            case DYNAMODB -> dynamoDb(operation, action, body);
            case SQS -> List.of(new AccessRequest(action, queueArn(body)));
            case STATES -> List.of(new AccessRequest(action, firstText(body, "*", "executionArn", "stateMachineArn",
                    "mapRunArn", "resourceArn")));
            case SECRETS_MANAGER -> List.of(new AccessRequest(action, secretArn(body.path("SecretId").asText(
                    body.path("Name").asText("*")))));
            case EVENTS -> events(operation, action, body);
        };
    }

    private static List<AccessRequest> dynamoDb(String operation, String action, JsonNode body) {
        List<AccessRequest> out = new ArrayList<>();
        switch (operation) {
            case "BatchGetItem", "BatchWriteItem" -> body.path("RequestItems").fieldNames().forEachRemaining(t ->
                    out.add(new AccessRequest(action, tableArn(t))));
            case "TransactWriteItems" -> body.path("TransactItems").forEach(item -> {
                Map<String, String> kinds = Map.of("Put", "PutItem", "Update", "UpdateItem", "Delete", "DeleteItem",
                        "ConditionCheck", "ConditionCheckItem");
                kinds.forEach((kind, op) -> {
                    if (item.has(kind)) {
                        out.add(new AccessRequest("dynamodb:" + op, tableArn(item.get(kind).path("TableName")
                                .asText())));
                    }
                });
            });
            case "TransactGetItems" -> body.path("TransactItems").forEach(item -> out.add(new AccessRequest(
                    "dynamodb:GetItem", tableArn(item.path("Get").path("TableName").asText()))));
            case "ListTables", "DescribeLimits", "DescribeEndpoints" -> out.add(new AccessRequest(action, "*"));
            default -> {
                String table = body.path("TableName").asText(body.path("ResourceArn").asText(null));
                if (table == null) {
                    throw new PolicyUnsupportedException("No IAM resource known for DynamoDB " + operation);
                }
                String arn = tableArn(table);
                out.add(new AccessRequest(action, body.hasNonNull("IndexName") ? arn + "/index/"
                        + body.get("IndexName").asText() : arn));
            }
        }
        return out;
    }

    /** PutEvents: the bus of each entry (the account's {@code default} bus when the entry names none). */
    private static List<AccessRequest> events(String operation, String action, JsonNode body) {
        if (!operation.equals("PutEvents")) {
            throw new PolicyUnsupportedException("No IAM resource known for EventBridge " + operation);
        }
        List<AccessRequest> out = new ArrayList<>();
        body.path("Entries").forEach(e -> {
            String bus = e.path("EventBusName").asText("default");
            out.add(new AccessRequest(action, bus.startsWith("arn:") ? bus : LocalAws.eventBusArn(bus)));
        });
        return out;
    }

    private static String tableArn(String table) {
        return table.startsWith("arn:") ? table : LocalAws.tableArn(table);
    }

    private static String queueArn(JsonNode body) {
        String url = body.path("QueueUrl").asText(null);
        String name = url != null ? url.replaceAll("/+$", "").substring(url.replaceAll("/+$", "").lastIndexOf('/')
                + 1) : body.path("QueueName").asText(null);
        return name == null ? "*" : LocalAws.queueArn(name);
    }

    private static String secretArn(String id) {
        return id.startsWith("arn:") || id.equals("*") ? id : LocalAws.secretArn(id);
    }

    private static String firstText(JsonNode body, String fallback, String... fields) {
        for (String f : fields) {
            if (body.hasNonNull(f)) {
                return body.get(f).asText();
            }
        }
        return fallback;
    }
}
