package dev.clipflow.local.asl.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.eval.Engine;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.eval.ManualClock;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskInvoker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MockConfigTest {

    private static final String DEF = """
        {"StartAt":"Fetch","States":{
          "Fetch":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
            "Parameters":{"FunctionName":"Fetch","Payload.$":"$"},"OutputPath":"$.Payload",
            "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"MaxAttempts":3}],"Next":"Save"},
          "Save":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
            "Parameters":{"TableName":"t","Item":{"id":{"S.$":"$.id"}}},"ResultPath":null,"End":true}}}""";

    private static MockConfig config() throws IOException {
        return MockConfig.parse(Json.parse(Files.readString(
                Path.of("src/test/resources/mock-config/video-pipeline.json"))));
    }

    private static ExecutionResult run(TaskInvoker invoker) {
        return new Engine(invoker, new ManualClock(Fixtures.T0)).execute(Fixtures.machine(DEF), Json.object(),
                ExecutionOptions.defaults());
    }

    @Test
    void invoker_throwThenReturnByAttempt_retriesIntoTheReturn() throws IOException {
        ExecutionResult r = run(config().invoker("Pipeline", "ThrottledOnce", Fixtures.noFunctions()));
        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(Json.write(r.output())).isEqualTo("{\"id\":\"v1\"}");
    }

    @Test
    void invoker_throwOnEveryAttempt_failsWithTheMockedError() throws IOException {
        ExecutionResult r = run(config().invoker("Pipeline", "AlwaysThrottled", Fixtures.noFunctions()));
        assertThat(r.error()).isEqualTo("Lambda.TooManyRequestsException");
        assertThat(r.cause()).isEqualTo("Rate exceeded");
    }

    @Test
    void invoker_unmockedLambda_failsLikeAMissingFunction() throws IOException {
        ExecutionResult r = run(config().invoker("Pipeline", "OnlySaveMocked", Fixtures.noFunctions()));
        assertThat(r.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(r.cause()).startsWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:Fetch");
    }

    @Test
    void invoker_testCaseLookedUpAcrossMachinesWhenNoneNamed() throws IOException {
        assertThat(run(config().invoker(null, "ThrottledOnce", Fixtures.noFunctions())).status())
                .isEqualTo(ExecutionResult.Status.SUCCEEDED);
    }

    @Test
    void invoker_unknownTestCase_isReported() {
        assertThatThrownBy(() -> config().invoker("Pipeline", "Nope", Fixtures.noFunctions()))
                .isInstanceOf(MockConfigInvalidException.class).hasMessageContaining("Nope");
    }

    @Test
    void parse_responseWithBothReturnAndThrow_isRejectedWithItsLocation() {
        assertThatThrownBy(() -> MockConfig.parse(Json.parse("""
            {"StateMachines":{},"MockedResponses":{"R":{"0":{"Return":1,"Throw":{"Error":"E"}}}}}""")))
                .isInstanceOf(MockConfigInvalidException.class).hasMessageContaining("MockedResponses/R/0");
    }

    @Test
    void parse_testCaseNamingUnknownResponse_isRejected() {
        assertThatThrownBy(() -> MockConfig.parse(Json.parse("""
            {"StateMachines":{"S":{"TestCases":{"T":{"A":"Missing"}}}},"MockedResponses":{}}""")))
                .isInstanceOf(MockConfigInvalidException.class).hasMessageContaining("Missing");
    }
}
