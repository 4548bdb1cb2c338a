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
    /** DynamoDB service-integration errors as Step Functions names them ("DynamoDB." + the SDK exception). */
    static final Set<String> DYNAMODB_ERRORS = Set.of(
            "DynamoDB.ProvisionedThroughputExceededException", "DynamoDB.RequestLimitExceededException",
            "DynamoDB.InternalServerErrorException", "DynamoDB.AmazonDynamoDBException",
            "DynamoDB.ConditionalCheckFailedException", "DynamoDB.ThrottlingException");
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
            } else if (name.startsWith("DynamoDB.")) {
                assertThat(DYNAMODB_ERRORS).as("documented DynamoDB integration error").contains(name);
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

    @Test
    void branchLambdaTasks_retryEveryTransientError_andOnlyTransientOnes() {
        List<String> checked = new ArrayList<>();
        forEachBranchState(Repo.asl().get("States"), (name, state) -> {
            if (!state.get("Type").asString().equals("Task")
                    || !state.get("Resource").asString().equals("arn:aws:states:::lambda:invoke")) {
                return;
            }
            checked.add(name);
            List<String> first = new ArrayList<>();
            state.get("Retry").get(0).get("ErrorEquals").forEach(e -> first.add(e.asString()));
            assertThat(first).as("%s retries every transient error", name).containsAll(TRANSIENT);
            for (JsonNode retrier : state.get("Retry")) {
                for (JsonNode error : retrier.get("ErrorEquals")) {
                    String e = error.asString();
                    assertThat(TRANSIENT.contains(e) || e.equals("States.Timeout") || isTransientSubclass(e))
                            .as("%s retries only transient errors, not %s", name, e).isTrue();
                }
            }
            assertThat(state.get("Catch").get(0).get("Next").asString())
                    .as("%s: a failed branch or chunk never reaches the cleanup step itself", name)
                    .isNotEqualTo("Clean up the failed video");
        });
        assertThat(checked).as("branch tasks after publish, the chunk task of the Map")
                .containsExactlyInAnyOrder("Fan out to subscribers", "Update related videos", "Transcode one chunk");
    }

    static boolean isTransientSubclass(String name) {
        try {
            return dev.clipflow.pipeline.TransientStageException.class.isAssignableFrom(
                    Class.forName(name, false, StateMachineErrorNamesTest.class.getClassLoader()));
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    static List<String> errorNames(String field) {
        List<String> names = new ArrayList<>();
        java.util.function.BiConsumer<String, JsonNode> collect = (name, state) -> {
            if (state.has(field)) {
                state.get(field).forEach(rule -> rule.get("ErrorEquals").forEach(e -> names.add(e.asString())));
            }
        };
        Repo.asl().get("States").properties().forEach(e -> collect.accept(e.getKey(), e.getValue()));
        forEachBranchState(Repo.asl().get("States"), collect);
        return names;
    }

    /** Every state inside a Parallel branch or a Map processor, at any depth. */
    static void forEachBranchState(JsonNode states, java.util.function.BiConsumer<String, JsonNode> action) {
        for (var entry : states.properties()) {
            JsonNode state = entry.getValue();
            List<JsonNode> inner = new ArrayList<>();
            if (state.has("Branches")) {
                state.get("Branches").forEach(inner::add);
            }
            if (state.has("ItemProcessor")) {
                inner.add(state.get("ItemProcessor"));
            }
            if (state.has("Iterator")) {
                inner.add(state.get("Iterator"));
            }
            for (JsonNode machine : inner) {
                machine.get("States").properties().forEach(e -> action.accept(e.getKey(), e.getValue()));
                forEachBranchState(machine.get("States"), action);
            }
        }
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
