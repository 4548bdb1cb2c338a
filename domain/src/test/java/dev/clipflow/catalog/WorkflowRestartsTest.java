package dev.clipflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clipflow.pipeline.ExecutionStart;
import dev.clipflow.pipeline.ExecutionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The restart decision both the deletion and the visibility change use: the current attempt's execution running or
 * succeeded starts nothing, never started starts it, ended unfinished starts the next attempt; racing restarts of one
 * ended attempt start one execution.
 */
class WorkflowRestartsTest {
    /** Executions by name, as Step Functions keeps them: a name starts once. */
    private final Map<String, ExecutionState> executions = new HashMap<>();
    private final List<String> started = new ArrayList<>();
    private final Attempts attempts = new Attempts();
    private final WorkflowRestarts<String> restarts = new WorkflowRestarts<>(attempts, (name, input) -> {
        boolean existed = executions.putIfAbsent(name, ExecutionState.RUNNING) != null;
        if (!existed) {
            started.add(name + " " + input);
        }
        return new ExecutionStart("arn:" + name, existed);
    }, run -> run + "-work", run -> "{\"run\":\"" + run + "\"}");

    @Test
    void resume_ofANewRun_startsItsFirstAttempt_andNothingWhileItRunsOrOnceItSucceeded() {
        attempts.inProgress.put("r", 1);

        assertThat(restarts.resume("r", this::state)).hasValue(1);
        assertThat(restarts.resume("r", this::state)).isEmpty();
        executions.put("r-work", ExecutionState.SUCCEEDED);
        assertThat(restarts.resume("r", this::state)).isEmpty();

        assertThat(started).containsExactly("r-work {\"run\":\"r\"}");
    }

    @Test
    void resume_afterAnAttemptEndedUnfinished_startsTheNextUnderANewName() {
        attempts.inProgress.put("r", 1);
        restarts.start("r", 1);

        for (ExecutionState ended : List.of(ExecutionState.FAILED, ExecutionState.TIMED_OUT, ExecutionState.ABORTED)) {
            executions.put(restarts.nameOf("r", attempts.inProgress.get("r")), ended);
            restarts.resume("r", this::state);
        }

        assertThat(started).extracting(s -> s.substring(0, s.indexOf(' ')))
                .containsExactly("r-work", "r-work-2", "r-work-3", "r-work-4");
        assertThat(attempts.inProgress).containsEntry("r", 4);
    }

    @Test
    void resume_ofARunThatIsOver_startsNothing() {
        assertThat(restarts.resume("r", this::state)).isEmpty();
        assertThat(restarts.start("r", 1)).isFalse();

        assertThat(started).isEmpty();
    }

    @Test
    void restartAfter_twiceForTheSameEndedAttempt_movesItOnceAndStartsOneExecution() {
        attempts.inProgress.put("r", 1);
        restarts.start("r", 1);
        executions.put("r-work", ExecutionState.FAILED);

        OptionalInt first = restarts.restartAfter("r", 1);
        OptionalInt second = restarts.restartAfter("r", 1);

        assertThat(first).hasValue(2);
        assertThat(second).isEmpty();
        assertThat(started).hasSize(2);
    }

    @Test
    void executionName_isTheFirstNameThenNumbered_andAtMost80Characters() {
        assertThat(WorkflowRestarts.executionName("abc", 1)).isEqualTo("abc");
        assertThat(WorkflowRestarts.executionName("abc", 12)).isEqualTo("abc-12");
        assertThat(WorkflowRestarts.executionName("v".repeat(78), 9)).hasSize(80);
        assertThatThrownBy(() -> WorkflowRestarts.executionName("v".repeat(78), 10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkflowRestarts.executionName("abc", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Optional<ExecutionState> state(String name) {
        return Optional.ofNullable(executions.get(name));
    }

    /** Runs in progress and their attempts (test double). */
    private static final class Attempts implements AttemptLog<String> {
        final Map<String, Integer> inProgress = new HashMap<>();

        @Override
        public OptionalInt current(String run) {
            Integer attempt = inProgress.get(run);
            return attempt == null ? OptionalInt.empty() : OptionalInt.of(attempt);
        }

        @Override
        public boolean touch(String run, int attempt) {
            return current(run).orElse(0) == attempt;
        }

        @Override
        public boolean advance(String run, int from) {
            if (current(run).orElse(0) != from) {
                return false;
            }
            inProgress.put(run, from + 1);
            return true;
        }
    }
}
