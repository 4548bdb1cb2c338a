package dev.clipflow.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.eval.Engine;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.eval.ScaledClock;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.parse.DefinitionParser;
import dev.clipflow.local.asl.task.IntegrationTaskInvoker;
import dev.clipflow.local.asl.task.LambdaResolver;
import dev.clipflow.local.runtime.integrations.EmulatorDynamoDb;
import dev.clipflow.local.runtime.integrations.EmulatorSqs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's DynamoDB and SQS task integrations against the emulators, with small definitions, and
 * {@code ./clipflow execute} mapping Lambda resources to the template's functions.
 */
class TaskIntegrationsIT {

    @TempDir
    static Path dir;
    static LocalClipflow stack;
    static String table;
    static String queueUrl;

    @BeforeAll
    static void start() throws IOException {
        stack = TestStacks.fixture(dir, "/events-template/template.yaml", 1.0);
        table = stack.template().tables().get(0).name();
        queueUrl = stack.clients().sqs().getQueueUrl(r -> r.queueName("clipflow-local-OutboxQueue")).queueUrl();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    static ExecutionResult run(String states, String input) {
        String definition = "{\"StartAt\":\"S0\",\"States\":{" + states + "}}";
        return new Engine(new IntegrationTaskInvoker(LambdaResolver.none(), new EmulatorDynamoDb(stack.config()),
                new EmulatorSqs(stack.config())), new ScaledClock(1)).execute(DefinitionParser.parse(definition)
                .orThrow(), Json.parse(input), ExecutionOptions.defaults());
    }

    static String task(String name, String resource, String parameters, String next) {
        return "\"" + name + "\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::" + resource
                + "\",\"Parameters\":" + parameters + ",\"ResultPath\":\"$." + name + "\","
                + (next == null ? "\"End\":true" : "\"Next\":\"" + next + "\"") + "}";
    }

    @Test
    void dynamoDbTasks_putUpdateGetDelete_responsesAsStepFunctions() {
        String key = "{\"pk\":{\"S.$\":\"$.id\"}}";
        ExecutionResult r = run(String.join(",",
                task("S0", "dynamodb:putItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":{\"S.$\":\"$.id\"},"
                        + "\"n\":{\"N\":\"1\"}}}", "S1"),
                task("S1", "dynamodb:updateItem", "{\"TableName\":\"" + table + "\",\"Key\":" + key
                        + ",\"UpdateExpression\":\"SET n = n + :one\",\"ExpressionAttributeValues\":{\":one\":"
                        + "{\"N\":\"1\"}},\"ReturnValues\":\"UPDATED_NEW\"}", "S2"),
                task("S2", "dynamodb:getItem", "{\"TableName\":\"" + table + "\",\"Key\":" + key + "}", "S3"),
                task("S3", "dynamodb:deleteItem", "{\"TableName\":\"" + table + "\",\"Key\":" + key
                        + ",\"ReturnValues\":\"ALL_OLD\"}", "S4"),
                task("S4", "dynamodb:getItem", "{\"TableName\":\"" + table + "\",\"Key\":" + key + "}", null)),
                "{\"id\":\"item-1\"}");

        assertThat(r.status()).as("%s %s", r.error(), r.cause()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        JsonNode out = r.output();
        assertThat(out.path("S0").path("SdkHttpMetadata").path("HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(out.path("S0").path("SdkResponseMetadata").path("RequestId").asText()).isNotBlank();
        assertThat(out.path("S1").path("Attributes").path("n").path("N").asText()).isEqualTo("2");
        assertThat(out.path("S2").path("Item").path("pk").path("S").asText()).isEqualTo("item-1");
        assertThat(out.path("S2").path("Item").path("n").path("N").asText()).isEqualTo("2");
        assertThat(out.path("S3").path("Attributes").path("pk").path("S").asText()).isEqualTo("item-1");
        assertThat(out.path("S4").has("Item")).isFalse();
    }

    @Test
    void dynamoDbTask_conditionFails_errorNamedAsStepFunctions() {
        ExecutionResult r = run(task("S0", "dynamodb:putItem", "{\"TableName\":\"" + table + "\",\"Item\":{\"pk\":"
                + "{\"S\":\"cond\"}},\"ConditionExpression\":\"attribute_exists(pk)\"}", null), "{}");

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(r.error()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
        assertThat(r.cause()).contains("Service: AmazonDynamoDBv2").contains("Status Code: 400");
    }

    @Test
    void sqsTask_sendMessage_jsonBodyArrivesAndMessageIdReturned() {
        ExecutionResult r = run(task("S0", "sqs:sendMessage", "{\"QueueUrl\":\"" + queueUrl
                + "\",\"MessageBody\":{\"videoId.$\":\"$.id\"}}", null), "{\"id\":\"v-9\"}");

        assertThat(r.status()).as("%s %s", r.error(), r.cause()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        JsonNode sent = r.output().path("S0");
        assertThat(sent.path("MessageId").asText()).isNotBlank();
        assertThat(sent.path("MD5OfMessageBody").asText()).hasSize(32);
        var received = stack.clients().sqs().receiveMessage(q -> q.queueUrl(queueUrl).waitTimeSeconds(2)).messages();
        assertThat(received).hasSize(1);
        assertThat(received.get(0).body()).isEqualTo("{\"videoId\":\"v-9\"}");
        assertThat(received.get(0).messageId()).isEqualTo(sent.path("MessageId").asText());
    }

    @Test
    void sqsTask_missingQueue_errorNamedAsStepFunctions() {
        ExecutionResult r = run(task("S0", "sqs:sendMessage", "{\"QueueUrl\":\"" + queueUrl + "-missing"
                + "\",\"MessageBody\":\"x\"}", null), "{}");

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(r.error()).startsWith("SQS.");
    }

    @Test
    void executeCommand_lambdaArnAndLogicalId_runTemplateFunctions() throws IOException {
        Path definition = Files.writeString(dir.resolve("def.json"), """
                {"StartAt":"ByArn","States":{
                  "ByArn":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:WorkerFunction",
                           "ResultPath":"$.byArn","Next":"ByName"},
                  "ByName":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                            "Parameters":{"FunctionName":"RecorderFunction","Payload":{"x":1}},
                            "ResultSelector":{"p.$":"$.Payload"},"ResultPath":"$.byName","End":true}}}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int rc = Cli.run(new String[] {"execute", "--definition", definition.toString(), "--input", "{\"a\":1}",
                "--history", "--template", dir.resolve("template.yaml").toString(), "--clock-speed", "10"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(rc).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode result = Json.parse(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("{"))
                .reduce((a, b) -> b).orElseThrow());
        assertThat(result.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.path("output").path("byArn").path("batchItemFailures").isArray()).isTrue();
        assertThat(result.path("output").path("byName").path("p").path("batchItemFailures").isArray()).isTrue();
        assertThat(result.path("history")).isNotEmpty();
    }

    @Test
    void executeCommand_unknownFunction_failsWithLambdaError() throws IOException {
        Path definition = Files.writeString(dir.resolve("missing.json"), """
                {"StartAt":"T","States":{"T":{"Type":"Task",
                  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:NoSuchFunction","End":true}}}""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int rc = Cli.run(new String[] {"execute", "--definition", definition.toString(), "--input", "{}",
                "--template", dir.resolve("template.yaml").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(rc).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Lambda.ResourceNotFoundException");
    }
}
