package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.task.TaskInvoker;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * One child execution of a Map Run: the item processor run on one item (or batch) as an execution of its own,
 * with its own ARN, context object and history. Readable while it runs; StopExecution on it is {@link #stop()}.
 */
public final class ChildExecution {

    /** The timestamps of a failed child's entry in the Map state's output: milliseconds, always three digits. */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ExecutionIdentity identity;
    private final String mapRunArn;
    private final JsonNode input;
    private final int itemCount;
    private final LiveExecution live;
    private final Instant startDate;
    private volatile ExecutionStatus status = ExecutionStatus.RUNNING;
    private volatile Instant stopDate;
    private volatile JsonNode output;
    private volatile String error;
    private volatile String cause;
    /** The thread running the child, while it runs; guarded by {@code this}. */
    private Thread runner;

    ChildExecution(ExecutionIdentity identity, String mapRunArn, JsonNode input, int itemCount, boolean record,
                   Cancellation mapRunGroup, Instant startDate) {
        this.identity = identity;
        this.mapRunArn = mapRunArn;
        this.input = input;
        this.itemCount = itemCount;
        this.live = new LiveExecution(record, mapRunGroup);
        this.startDate = startDate;
    }

    /** {@code arn:aws:states:<region>:<account>:execution:<stateMachineName>/<label or UUID>:<name>}. */
    public String arn() {
        return identity.executionArn();
    }

    /** A UUID, as AWS names child executions. */
    public String name() {
        return identity.executionName();
    }

    /** The labelled state machine: {@code ...:stateMachine:<stateMachineName>/<label or UUID>}. */
    public String stateMachineArn() {
        return identity.stateMachineArn();
    }

    public String mapRunArn() {
        return mapRunArn;
    }

    public JsonNode input() {
        return input;
    }

    /** How many items this execution processes: 1, or the size of its batch. */
    public int itemCount() {
        return itemCount;
    }

    public ExecutionStatus status() {
        return status;
    }

    public Instant startDate() {
        return startDate;
    }

    /** {@code null} while running. */
    public Instant stopDate() {
        return stopDate;
    }

    /** {@code null} unless SUCCEEDED. */
    public JsonNode output() {
        return output;
    }

    /** {@code null} unless FAILED or TIMED_OUT (and may be null for a Fail state without Error). */
    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }

    public History history() {
        return live.history();
    }

    /** The Map Runs of Distributed Map states inside the item processor. */
    public List<MapRun> mapRuns() {
        return live.mapRuns();
    }

    /**
     * StopExecution: the child is interrupted (a Wait or a task in progress ends) and ends ABORTED, which counts
     * as a failed item of its Map Run.
     */
    public synchronized void stop() {
        live.stop();
        if (runner != null) {
            runner.interrupt();
        }
    }

    /** Runs the item processor on the calling thread; never throws. */
    void run(StateMachineModel processor, TaskInvoker invoker, Clock clock) {
        synchronized (this) {
            runner = Thread.currentThread();
        }
        try {
            ExecutionResult r = live.run(processor, input, identity, invoker, clock);
            if (r == null) {
                close(ExecutionStatus.ABORTED, null, null, null, clock);
            } else {
                close(ExecutionStatus.valueOf(r.status().name()), r.output(), r.error(), r.cause(), clock);
            }
        } catch (RuntimeException e) {
            close(ExecutionStatus.FAILED, null, ErrorNames.RUNTIME, "The local engine failed: " + e, clock);
        } finally {
            synchronized (this) {
                runner = null;
                Thread.interrupted(); // a stop() that came as the child ended must not reach the worker's next child
            }
        }
    }

    private void close(ExecutionStatus closing, JsonNode out, String err, String why, Clock clock) {
        output = out;
        error = err;
        cause = why;
        stopDate = clock.now();
        status = closing;
    }

    /**
     * What the Map state's output holds for a child that did not succeed: its execution result unchanged, as with
     * ResultWriter's {@code Transformation: NONE} (AWS developer guide, ResultWriter).
     */
    ObjectNode failureEntry() {
        ObjectNode o = Json.object();
        if (cause != null) {
            o.put("Cause", cause);
        }
        if (error != null) {
            o.put("Error", error);
        }
        o.put("ExecutionArn", arn());
        o.put("Input", Json.write(input));
        o.putObject("InputDetails").put("Included", true);
        o.put("Name", name());
        o.put("RedriveCount", 0);
        o.put("RedriveStatus", "REDRIVABLE_BY_MAP_RUN");
        o.put("StartDate", MILLIS.format(startDate));
        o.put("StateMachineArn", stateMachineArn());
        o.put("Status", status.name());
        o.put("StopDate", MILLIS.format(stopDate));
        return o;
    }
}
