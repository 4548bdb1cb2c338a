package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.task.TaskInvoker;
import dev.clipflow.local.asl.task.TaskRequest;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs one task attempt on a virtual thread of its own and waits for it only until its deadline (the Task's
 * TimeoutSeconds, or the execution's TimeoutSeconds if that comes first), measured on the engine clock. A task
 * still running at the deadline is interrupted and abandoned: like AWS, the state ends with
 * {@code States.Timeout} at the deadline whatever the function is doing.
 */
final class TaskTimer {

    /** The Task's own deadline passed before the invoker returned. */
    static final class TaskTimedOutException extends RuntimeException {
        TaskTimedOutException() {
            super("task timed out", null, false, false);
        }
    }

    private TaskTimer() {
    }

    /**
     * @param taskDeadline when the Task's TimeoutSeconds runs out
     * @param executionDeadline when the state machine's TimeoutSeconds runs out, or {@code null}
     * @throws TaskTimedOutException when {@code taskDeadline} passes first
     * @throws Run.ExecutionTimedOutException when {@code executionDeadline} passes first
     */
    static JsonNode invoke(TaskInvoker invoker, TaskRequest request, Clock clock, Instant taskDeadline,
                           Instant executionDeadline) {
        boolean executionFirst = executionDeadline != null && executionDeadline.isBefore(taskDeadline);
        Instant deadline = executionFirst ? executionDeadline : taskDeadline;
        FutureTask<JsonNode> task = new FutureTask<>(() -> invoker.invoke(request));
        Thread.ofVirtual().name("asl-task-" + request.stateName()).start(task);
        boolean finished;
        try {
            finished = clock.await(task, deadline);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new Cancellation.CancelledException();
        }
        if (!finished) {
            task.cancel(true);
            if (executionFirst) {
                throw new Run.ExecutionTimedOutException();
            }
            throw new TaskTimedOutException();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.CancelledException();
        } catch (CancellationException e) {
            throw new Cancellation.CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
