package dev.clipflow.local.runtime.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.task.TaskFailedException;
import dev.clipflow.local.asl.task.TaskRequest;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class StateMachineAuthorizerTest {

    static final String PROBE = "arn:aws:lambda:us-east-1:000000000000:function:ProbeFunction:live";
    static final Role ROLE = new Role("VideoPipeline", "stack-VideoPipelineRole", "video-pipeline",
            RolePolicies.read("VideoPipeline", List.of(Map.of("Statement", List.of(Map.of("Effect", "Allow",
                    "Action", "lambda:InvokeFunction", "Resource", PROBE)))), UnaryOperator.identity()));

    private final StateMachineAuthorizer tasks = new StateMachineAuthorizer(new Principals("admin", List.of(ROLE)),
            ROLE, request -> Json.object().put("ran", request.resource()));

    private static TaskRequest task(String resource, String parameters) {
        return new TaskRequest("Run", resource, Json.parse(parameters), 0, Json::object);
    }

    @Test
    void lambdaTask_granted_runs() {
        assertThat(tasks.invoke(task(PROBE, "{}")).get("ran").asText()).isEqualTo(PROBE);
        assertThat(tasks.invoke(task("arn:aws:states:::lambda:invoke",
                "{\"FunctionName\":\"" + PROBE + "\"}")).has("ran")).isTrue();
    }

    @Test
    void lambdaTask_notGranted_failsAsStepFunctionsReportsIt() {
        assertThatThrownBy(() -> tasks.invoke(task(PROBE.replace(":live", ""), "{}")))
                .isInstanceOfSatisfying(TaskFailedException.class, e -> {
                    assertThat(e.error()).isEqualTo("Lambda.AWSLambdaException");
                    assertThat(e.cause()).startsWith("User: arn:aws:sts::000000000000:assumed-role/"
                            + "stack-VideoPipelineRole/video-pipeline is not authorized to perform: "
                            + "lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:000000000000:function:"
                            + "ProbeFunction because no identity-based policy allows the lambda:InvokeFunction action")
                            .contains("Status Code: 403; Error Code: AccessDeniedException");
                });
        assertThatThrownBy(() -> tasks.invoke(task("arn:aws:states:::lambda:invoke",
                "{\"FunctionName\":\"TranscodeFunction\",\"Qualifier\":\"live\"}")))
                .isInstanceOf(TaskFailedException.class).hasMessageContaining("function:TranscodeFunction:live");
    }
}
