package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.TaskState;
import dev.clipflow.local.asl.task.ServiceResource;
import dev.clipflow.local.asl.task.TaskFailedException;
import dev.clipflow.local.asl.task.TaskRequest;
import java.time.Duration;
import java.time.Instant;

/** The Task state: parameters, invocation through the {@code TaskInvoker}, timeouts, results, Retry/Catch. */
final class TaskRunner {

    private final Interpreter in;
    private final Run run;

    TaskRunner(Interpreter in) {
        this.in = in;
        this.run = in.run;
    }

    Step run(TaskState t, JsonNode input, Scope scope) {
        JsonNode effective = DataFlow.select(t.io().inputPath(), input, scope);
        ServiceResource resource = ServiceResource.parse(t.resource());
        boolean lambdaArn = resource.kind() == ServiceResource.Kind.LAMBDA_FUNCTION;
        return Recovery.run(in, t.retry(), t.catchers(), input, retryCount -> {
            JsonNode params = effective;
            JsonNode ctx = null;
            if (t.io().parameters() != null) {
                JsonNode[] holder = new JsonNode[1];
                params = DataFlow.template(t.io().parameters(), effective, () -> {
                    if (holder[0] == null) {
                        holder[0] = in.context(scope, retryCount);
                    }
                    return holder[0];
                }, scope);
                ctx = holder[0];
            }
            long timeout = timeoutSeconds(t, effective, scope);
            JsonNode result = attempt(t, resource, lambdaArn, params, retryCount, ctx, timeout, scope);
            if (t.io().resultSelector() != null) {
                result = DataFlow.template(t.io().resultSelector(), result, () -> in.context(scope, retryCount),
                        scope);
            }
            JsonNode out = DataFlow.resultPath(t.io().resultPath(), input, result);
            return new Step(t.next(), DataFlow.select(t.io().outputPath(), out, scope));
        });
    }

    private JsonNode attempt(TaskState t, ServiceResource resource, boolean lambdaArn, JsonNode params,
                             int retryCount, JsonNode ctx, long timeout, Scope scope) {
        String prefix = lambdaArn ? "LambdaFunction" : "Task";
        in.prev = run.event(prefix + "Scheduled", in.prev, scheduled(t, resource, lambdaArn, params, timeout));
        in.prev = run.event(prefix + "Started", in.prev, typed(t, resource, lambdaArn, !lambdaArn));
        Instant start = run.clock.now();
        JsonNode result;
        try {
            JsonNode known = ctx;
            TaskRequest request = new TaskRequest(t.name(), t.resource(), params, retryCount,
                    () -> known != null ? known : run.context(t.name(), retryCount, null, null));
            // A task with a deadline runs on its own thread so that a hanging invoker cannot outlive it. Without
            // one (AWS's default task timeout is 99999999 s) it runs here: no thread hop on the fast path.
            result = hasTimeout(t) || run.deadline != null
                    ? TaskTimer.invoke(run.invoker, request, run.clock, start.plusSeconds(timeout), run.deadline)
                    : run.invoker.invoke(request);
        } catch (TaskTimer.TaskTimedOutException e) {
            throw timedOut(t, resource, lambdaArn, prefix);
        } catch (TaskFailedException e) {
            ObjectNode d = typed(t, resource, lambdaArn);
            if (d != null) {
                d.put("error", e.error());
                d.put("cause", e.cause());
            }
            in.prev = run.event(prefix + "Failed", in.prev, d);
            if (ErrorNames.RUNTIME.equals(e.error())) {
                throw scope.runtime(e.cause());
            }
            throw new StatesErrorException(e.error(), e.cause());
        }
        if (Duration.between(start, run.clock.now()).compareTo(Duration.ofSeconds(timeout)) > 0) {
            throw timedOut(t, resource, lambdaArn, prefix);
        }
        String text = Json.write(result);
        if (PayloadLimit.exceeded(text)) {
            // AWS (LocalStack's AWS-recorded states-errors snapshot): a Failed event and a catchable error
            String cause = "The state/task '" + (lambdaArn ? t.resource() : resource.service()) + "' returned a result"
                    + " with a size exceeding the maximum number of bytes service limit.";
            ObjectNode d = typed(t, resource, lambdaArn);
            if (d != null) {
                d.put("error", ErrorNames.DATA_LIMIT_EXCEEDED);
                d.put("cause", cause);
            }
            in.prev = run.event(prefix + "Failed", in.prev, d);
            throw new StatesErrorException(ErrorNames.DATA_LIMIT_EXCEEDED, cause);
        }
        ObjectNode d = typed(t, resource, lambdaArn);
        if (d != null) {
            d.put("output", text);
            d.putObject("outputDetails").put("truncated", false);
        }
        in.prev = run.event(prefix + "Succeeded", in.prev, d);
        return result;
    }

    /**
     * AWS records a timed-out task with {@code error: States.Timeout} and no cause, in {@code TaskTimedOut}
     * ({@code resource}, {@code resourceType}) or {@code LambdaFunctionTimedOut}, and the state fails with
     * {@code States.Timeout} without a cause.
     */
    private StatesErrorException timedOut(TaskState t, ServiceResource resource, boolean lambdaArn, String prefix) {
        ObjectNode d = typed(t, resource, lambdaArn, true);
        if (d != null) {
            d.put("error", ErrorNames.TIMEOUT);
        }
        in.prev = run.event(prefix + "TimedOut", in.prev, d);
        return new StatesErrorException(ErrorNames.TIMEOUT, null);
    }

    private static boolean hasTimeout(TaskState t) {
        return t.timeoutSeconds() != null || t.timeoutSecondsPath() != null;
    }

    private long timeoutSeconds(TaskState t, JsonNode effective, Scope scope) {
        if (t.timeoutSeconds() != null) {
            return t.timeoutSeconds();
        }
        if (t.timeoutSecondsPath() != null) {
            JsonNode v = scope.find(t.timeoutSecondsPath(), effective);
            if (v == null || !v.isIntegralNumber() || v.longValue() <= 0) {
                throw scope.runtime("The TimeoutSecondsPath parameter does not reference a valid positive integer: "
                        + (v == null ? t.timeoutSecondsPath().text() : v.toString()));
            }
            return v.longValue();
        }
        return TaskState.DEFAULT_TIMEOUT_SECONDS;
    }

    private ObjectNode scheduled(TaskState t, ServiceResource r, boolean lambdaArn, JsonNode params, long timeout) {
        if (!run.recording) {
            return null;
        }
        ObjectNode d = Json.object();
        if (lambdaArn) {
            d.put("resource", t.resource());
            d.put("input", Json.write(params));
            d.putObject("inputDetails").put("truncated", false);
        } else {
            d.put("resourceType", r.service());
            d.put("resource", r.action());
            d.put("region", "us-east-1");
            d.put("parameters", Json.write(params));
        }
        if (hasTimeout(t)) {
            d.put("timeoutInSeconds", timeout);
        }
        return d;
    }

    private ObjectNode typed(TaskState t, ServiceResource r, boolean lambdaArn) {
        return typed(t, r, lambdaArn, true);
    }

    /**
     * Details of a task event; {@code withDetails} false for events AWS records without any (LambdaFunctionStarted).
     */
    private ObjectNode typed(TaskState t, ServiceResource r, boolean lambdaArn, boolean withDetails) {
        if (!run.recording || !withDetails) {
            return null;
        }
        ObjectNode d = Json.object();
        if (!lambdaArn) {
            d.put("resourceType", r.service());
            d.put("resource", r.action());
        }
        return d;
    }
}
