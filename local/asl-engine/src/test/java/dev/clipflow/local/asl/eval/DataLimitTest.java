package dev.clipflow.local.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.json.Json;
import org.junit.jupiter.api.Test;

/**
 * A task result over 256 KiB of UTF-8 fails the task with States.DataLimitExceeded and AWS's cause, which a
 * States.ALL catcher catches (LocalStack's AWS-recorded snapshot
 * tests/aws/services/stepfunctions/v2/error_handling/test_states_errors.snapshot.json).
 */
class DataLimitTest {

    private static final String BIG = "é".repeat(70_000); // 140,000 bytes: two of them exceed 262,144

    @Test
    void lambdaArnResultOverTheLimit_failsWithTheArnInTheCause() {
        String arn = "arn:aws:lambda:us-east-1:111111111111:function:F";
        ExecutionResult r = new Engine(req -> Json.object().put("a", BIG).put("b", BIG),
                new ManualClock(Fixtures.T0)).execute(Fixtures.machine("""
                    {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s","End":true}}}""".formatted(arn)),
                Json.object(), ExecutionOptions.defaults().withHistory(true));

        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause()).isEqualTo("The state/task '" + arn + "' returned a result with a size exceeding the"
                + " maximum number of bytes service limit.");
        assertThat(r.history()).extracting(HistoryEvent::type).contains("LambdaFunctionFailed");
    }

    @Test
    void lambdaInvokeResultOverTheLimit_isCaughtByStatesAll() {
        ExecutionResult r = new Engine(req -> Json.object().put("a", BIG).put("b", BIG),
                new ManualClock(Fixtures.T0)).execute(Fixtures.machine("""
                    {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                      "Parameters":{"FunctionName":"F"},"End":true,
                      "Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}]},"H":{"Type":"Pass","End":true}}}"""),
                Json.object(), ExecutionOptions.defaults());

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
        assertThat(Json.write(r.output())).isEqualTo("{\"Error\":\"States.DataLimitExceeded\","
                + "\"Cause\":\"The state/task 'lambda' returned a result with a size exceeding the maximum number of "
                + "bytes service limit.\"}");
    }

    @Test
    void resultJustUnderTheLimit_succeeds() {
        ExecutionResult r = new Engine(req -> Json.object().put("a", BIG), new ManualClock(Fixtures.T0)).execute(
                Fixtures.machine("""
                    {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F",
                      "End":true}}}"""), Json.object(), ExecutionOptions.defaults());
        assertThat(r.status()).isEqualTo(ExecutionResult.Status.SUCCEEDED);
    }

    @Test
    void passStateResultOverTheLimit_failsEvenWhenResultPathDiscardsIt() {
        // Issue 16: "a Pass state's Result included"; the Result never reaches the output here (ResultPath null)
        String definition = """
                {"StartAt":"Big","States":{"Big":{"Type":"Pass","Result":{"a":"%s","b":"%s"},"ResultPath":null,
                  "End":true}}}""".formatted(BIG, BIG);
        ExecutionResult r = Fixtures.run(definition, "{}", Fixtures.noFunctions());

        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause()).isEqualTo("The state/task 'Big' returned a result with a size exceeding the maximum"
                + " number of bytes service limit.");
    }

    @Test
    void stateOutputOverTheLimitInATask_isNotCaughtByItsOwnStatesAll() {
        // input 262,135 bytes; the small result merged in by ResultPath makes the output 262,154: over the limit
        ExecutionResult r = new Engine(req -> Json.object().put("small", true), new ManualClock(Fixtures.T0))
                .execute(Fixtures.machine("""
                    {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F",
                      "ResultPath":"$.r","Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},
                      "H":{"Type":"Pass","End":true}}}"""),
                        Json.object().put("a", BIG).put("b", BIG.substring(0, 61_060)), ExecutionOptions.defaults());

        assertThat(r.status()).isEqualTo(ExecutionResult.Status.FAILED);
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause()).startsWith("The state/task 'T' returned a result");
    }

    @Test
    void executionInputOverTheLimit_failsBeforeTheFirstState() {
        ExecutionResult r = new Engine(Fixtures.noFunctions(), new ManualClock(Fixtures.T0)).execute(
                Fixtures.machine("""
                    {"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}"""),
                Json.object().put("a", BIG).put("b", BIG), ExecutionOptions.defaults().withHistory(true));

        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause()).isEqualTo(PayloadLimit.EXECUTION_INPUT);
        assertThat(r.history()).extracting(HistoryEvent::type).containsExactly("ExecutionStarted", "ExecutionFailed");
    }
}
