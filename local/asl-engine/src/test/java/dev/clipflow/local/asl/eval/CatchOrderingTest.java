package dev.clipflow.local.asl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.asl.Fixtures;
import dev.clipflow.local.asl.task.TaskFailedException;
import org.junit.jupiter.api.Test;

class CatchOrderingTest {

    private static final String DEF = """
        {"StartAt":"T","States":{
          "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:F","End":true,
               "Retry":[{"ErrorEquals":["Transient"],"MaxAttempts":1}],
               "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Generic"},
                        {"ErrorEquals":["Specific"],"Next":"Special"},
                        {"ErrorEquals":["States.ALL"],"Next":"Last"}]},
          "Generic":{"Type":"Pass","Result":"generic","End":true},
          "Special":{"Type":"Pass","Result":"special","End":true},
          "Last":{"Type":"Pass","Result":"last","End":true}}}""";

    private static ExecutionResult failWith(String error) {
        return Fixtures.run(DEF, "{}", r -> {
            throw new TaskFailedException(error, "c");
        });
    }

    @Test
    void catch_firstMatchingCatcherWins_evenIfALaterOneIsMoreSpecific() {
        assertThat(failWith("Specific").output().textValue()).isEqualTo("generic");
    }

    @Test
    void catch_timeoutSkipsTaskFailed_fallsToStatesAll() {
        assertThat(failWith("States.Timeout").output().textValue()).isEqualTo("last");
    }

    @Test
    void catch_afterRetriesExhausted_catches() {
        int[] calls = {0};
        ExecutionResult r = Fixtures.run(DEF, "{}", req -> {
            calls[0]++;
            throw new TaskFailedException("Transient", "c");
        });
        assertThat(calls[0]).isEqualTo(2);
        assertThat(r.output().textValue()).isEqualTo("generic");
    }
}
