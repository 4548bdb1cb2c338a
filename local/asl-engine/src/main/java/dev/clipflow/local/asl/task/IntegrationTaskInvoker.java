package dev.clipflow.local.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Routes a Task to Lambda, DynamoDB, SQS, EventBridge or CloudWatch (PutMetricData) by its Resource. Integrations left
 * {@code null} fail with a {@code States.Runtime} error saying so (the CLI then needs a mock for them).
 */
public final class IntegrationTaskInvoker implements TaskInvoker {

    private final LambdaTaskInvoker lambda;
    private final DynamoDbIntegration dynamoDb;
    private final SqsIntegration sqs;
    private final EventBridgeIntegration events;
    private final MetricsIntegration metrics;

    public IntegrationTaskInvoker(LambdaResolver functions, DynamoDbIntegration dynamoDb, SqsIntegration sqs) {
        this(functions, dynamoDb, sqs, null);
    }

    public IntegrationTaskInvoker(LambdaResolver functions, DynamoDbIntegration dynamoDb, SqsIntegration sqs,
                                  EventBridgeIntegration events) {
        this(functions, dynamoDb, sqs, events, null);
    }

    public IntegrationTaskInvoker(LambdaResolver functions, DynamoDbIntegration dynamoDb, SqsIntegration sqs,
                                  EventBridgeIntegration events, MetricsIntegration metrics) {
        this.metrics = metrics;
        this.lambda = new LambdaTaskInvoker(functions);
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.events = events;
    }

    @Override
    public JsonNode invoke(TaskRequest request) {
        ServiceResource r = ServiceResource.parse(request.resource());
        return switch (r.kind()) {
            case LAMBDA_FUNCTION -> lambda.invokeFunctionArn(request.resource(), request.parameters());
            case INTEGRATION -> switch (r.service() + ":" + r.action()) {
                case "lambda:invoke" -> lambda.invokeIntegration(request.parameters());
                case "dynamodb:getItem", "dynamodb:putItem", "dynamodb:updateItem", "dynamodb:deleteItem" ->
                        require(dynamoDb, request).call(r.action(), request.parameters());
                case "sqs:sendMessage" -> require(sqs, request).sendMessage(request.parameters());
                case "events:putEvents" -> require(events, request).putEvents(request.parameters());
                case "aws-sdk:cloudwatch:putMetricData" ->
                        require(metrics, request).putMetricData(request.parameters());
                default -> throw unsupported(request);
            };
            case OTHER -> throw unsupported(request);
        };
    }

    private static <T> T require(T integration, TaskRequest request) {
        if (integration == null) {
            throw new TaskFailedException("States.Runtime", "No local implementation of '" + request.resource()
                    + "' is configured; supply its result with a mock configuration (--mock-config)");
        }
        return integration;
    }

    private static TaskFailedException unsupported(TaskRequest request) {
        return new TaskFailedException("States.Runtime", "The resource '" + request.resource()
                + "' is not supported by the local engine");
    }
}
