package dev.clipflow.local.asl.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaTaskInvokerTest {

    private static final TaskInvoker FUNCTIONS = new IntegrationTaskInvoker(LambdaResolver.of(Map.of(
            "Double", payload -> LambdaResponse.ok(Json.NODES.numberNode(payload.get("n").intValue() * 2)),
            "Broken", payload -> LambdaResponse.error("VideoCorruptException", "moov atom not found"))), null, null);

    @Test
    void functionArn_resultIsThePayload() {
        ExecutionResult r = Fixtures.run("""
            {"StartAt":"T","States":{"T":{"Type":"Task",
              "Resource":"arn:aws:lambda:us-east-1:123456789012:function:Double:live","End":true}}}""",
                "{\"n\":21}", FUNCTIONS);
        assertThat(Json.write(r.output())).isEqualTo("42");
    }

    @Test
    void lambdaInvoke_resultHasPayloadStatusCodeAndExecutedVersion() {
        ExecutionResult r = Fixtures.run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:Double","Payload":{"n":2}},
              "End":true}}}""", "{}", FUNCTIONS);
        assertThat(r.output().get("Payload").intValue()).isEqualTo(4);
        assertThat(r.output().get("StatusCode").intValue()).isEqualTo(200);
        assertThat(r.output().get("ExecutedVersion").textValue()).isEqualTo("$LATEST");
        assertThat(r.output().get("SdkHttpMetadata").get("HttpStatusCode").intValue()).isEqualTo(200);
    }

    @Test
    void functionError_mapsErrorTypeToErrorAndPayloadToCause() {
        ExecutionResult r = Fixtures.run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"Broken","Payload.$":"$"},"End":true}}}""", "{}", FUNCTIONS);
        assertThat(r.error()).isEqualTo("VideoCorruptException");
        assertThat(Json.parse(r.cause()).get("errorMessage").textValue()).isEqualTo("moov atom not found");
    }

    @Test
    void serviceResource_parsesIntegrationsAndPatterns() {
        assertThat(ServiceResource.parse("arn:aws:states:::dynamodb:updateItem"))
                .isEqualTo(new ServiceResource(ServiceResource.Kind.INTEGRATION, "dynamodb", "updateItem",
                        ServiceResource.Pattern.REQUEST_RESPONSE));
        assertThat(ServiceResource.parse("arn:aws:states:::sqs:sendMessage.waitForTaskToken").pattern())
                .isEqualTo(ServiceResource.Pattern.WAIT_FOR_TASK_TOKEN);
        assertThat(ServiceResource.parse("arn:aws:states:::states:startExecution.sync:2").pattern())
                .isEqualTo(ServiceResource.Pattern.SYNC);
        assertThat(ServiceResource.parse("arn:aws:lambda:eu-west-1:1:function:F:3").action()).isEqualTo("F");
    }

    @Test
    void dynamoDbWithoutImplementation_failsWithRuntimeErrorNamingTheResource() {
        ExecutionResult r = Fixtures.run("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem",
              "Parameters":{"TableName":"t"},"End":true}}}""", "{}", FUNCTIONS);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("arn:aws:states:::dynamodb:getItem");
    }

    @Test
    void dynamoDbAndSqs_routeToTheirPorts() {
        TaskInvoker invoker = new IntegrationTaskInvoker(LambdaResolver.none(),
                (action, params) -> Json.object().put("action", action),
                params -> Json.object().put("MessageId", "m-1"));
        ExecutionResult r = Fixtures.run("""
            {"StartAt":"D","States":{"D":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
              "ResultPath":"$.d","Next":"Q"},
              "Q":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","ResultPath":"$.q","End":true}}}""",
                "{}", invoker);
        assertThat(Json.write(r.output())).isEqualTo("{\"d\":{\"action\":\"putItem\"},\"q\":{\"MessageId\":\"m-1\"}}");
    }
}
