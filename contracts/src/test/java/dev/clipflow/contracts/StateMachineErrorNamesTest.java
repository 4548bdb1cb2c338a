package dev.clipflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A Java exception's class name is an ASL error name once Retry or Catch mentions it: every name
 * must resolve, or a renamed class silently stops being retried.
 */
class StateMachineErrorNamesTest {
    /** Lambda service errors as Step Functions reports them (Lambda "Handle errors" documentation). */
    static final Set<String> LAMBDA_SERVICE_ERRORS = Set.of(
            "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
            "Lambda.TooManyRequestsException", "Lambda.ClientExecutionTimeoutException", "Lambda.Unknown");
    static final Set<String> STATES_ERRORS = Set.of("States.ALL", "States.Timeout", "States.TaskFailed",
            "States.Permissions", "States.HeartbeatTimeout", "States.Runtime", "States.DataLimitExceeded");
    static final Set<String> TRANSIENT = Set.of("Lambda.ServiceException", "Lambda.AWSLambdaException",
            "Lambda.SdkClientException", "Lambda.TooManyRequestsException",
            "dev.clipflow.pipeline.TransientStageException");

    @Test
    void errorEquals_everyNonStatesName_resolvesToThrowableOrIsALambdaServiceError() {
        List<String> names = errorNames("Retry");
        names.addAll(errorNames("Catch"));

        assertThat(names).isNotEmpty();
        for (String name : names) {
            if (name.startsWith("States.")) {
                assertThat(STATES_ERRORS).as("known States.* error").contains(name);
            } else if (name.startsWith("Lambda.")) {
                assertThat(LAMBDA_SERVICE_ERRORS).as("documented Lambda error").contains(name);
            } else {
                assertThat(resolvesToThrowable(name)).as("%s resolves to a Throwable on the classpath", name).isTrue();
            }
        }
    }

    @Test
    void retry_onlyTransientErrors_withCappedJitteredBackoff() {
        forEachTask((name, task) -> {
            assertThat(task.has("Retry")).as("%s retries", name).isTrue();
            for (JsonNode retrier : task.get("Retry")) {
                for (JsonNode error : retrier.get("ErrorEquals")) {
                    assertThat(TRANSIENT.contains(error.asString()) || error.asString().equals("States.Timeout"))
                            .as("%s retries only transient errors, not %s", name, error.asString()).isTrue();
                }
                assertThat(retrier.get("JitterStrategy").asString()).isEqualTo("FULL");
                assertThat(retrier.get("BackoffRate").asDouble()).isGreaterThan(1.0);
                assertThat(retrier.get("MaxDelaySeconds").asInt()).isPositive();
                assertThat(retrier.get("MaxAttempts").asInt()).isPositive();
            }
            List<String> first = new ArrayList<>();
            task.get("Retry").get(0).get("ErrorEquals").forEach(e -> first.add(e.asString()));
            assertThat(first).as("%s retries every transient error", name).containsAll(TRANSIENT);
        });
    }

    @Test
    void catch_everyTaskEndsInCleanupThenFail() {
        JsonNode states = Repo.asl().get("States");
        forEachTask((name, task) -> {
            JsonNode catcher = task.get("Catch").get(0);
            assertThat(catcher.get("ErrorEquals").get(0).asString()).isEqualTo("States.ALL");
            String next = catcher.get("Next").asString();
            if (name.equals("Clean up the failed video")) {
                assertThat(states.get(next).get("Type").asString()).isEqualTo("Fail");
                assertThat(catcher.get("ResultPath").asString()).isNotEqualTo("$.error");
            } else {
                assertThat(next).isEqualTo("Clean up the failed video");
                assertThat(catcher.get("ResultPath").asString()).isEqualTo("$.error");
            }
        });
        assertThat(states.get("Clean up the failed video").get("Next").asString()).isEqualTo("Video failed");
        assertThat(states.get("Video failed").get("Type").asString()).isEqualTo("Fail");
    }

    static boolean resolvesToThrowable(String name) {
        try {
            return Throwable.class.isAssignableFrom(Class.forName(name, false, StateMachineErrorNamesTest.class
                    .getClassLoader()));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static List<String> errorNames(String field) {
        List<String> names = new ArrayList<>();
        Repo.asl().get("States").forEach(state -> {
            if (state.has(field)) {
                state.get(field).forEach(rule -> rule.get("ErrorEquals").forEach(e -> names.add(e.asString())));
            }
        });
        return names;
    }

    static void forEachTask(java.util.function.BiConsumer<String, JsonNode> action) {
        JsonNode states = Repo.asl().get("States");
        for (var entry : states.properties()) {
            if (entry.getValue().get("Type").asString().equals("Task")) {
                action.accept(entry.getKey(), entry.getValue());
            }
        }
    }
}
