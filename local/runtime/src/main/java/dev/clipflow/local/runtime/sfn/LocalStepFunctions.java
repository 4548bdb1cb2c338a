package dev.clipflow.local.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.eval.ChildExecution;
import dev.clipflow.local.asl.eval.Clock;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.eval.History;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.json.JsonSyntaxException;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.parse.DefinitionParser;
import dev.clipflow.local.asl.parse.ParseResult;
import dev.clipflow.local.asl.task.TaskInvoker;
import dev.clipflow.local.runtime.template.LocalAws;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The Step Functions API over the local engine, request and response in AWS's JSON shapes: state machines
 * and executions live in memory; each execution runs asynchronously on its own thread, its history readable
 * while it runs. StartExecution follows AWS's name rules: an open execution with the same name and input is
 * returned as is; the same name with another input, or any input once the execution is closed, is
 * {@code ExecutionAlreadyExists}. Distributed Map states' Map Runs and their child executions are readable too:
 * ListMapRuns, DescribeMapRun, ListExecutions by {@code mapRunArn}, and DescribeExecution, GetExecutionHistory
 * and StopExecution with a child's ARN.
 */
public final class LocalStepFunctions implements AutoCloseable {

    private static final Pattern NAME =
            Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]{1,80}");

    private final TaskInvoker tasks;
    private final Clock clock;
    private final Map<String, Machine> machines = new ConcurrentHashMap<>();
    private final Map<String, ExecutionRecord> executions = new ConcurrentHashMap<>();
    private final LocalMapRuns mapRuns = new LocalMapRuns(executions::values);
    private final ExecutorService runner = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sfn-execution");
        t.setDaemon(true);
        return t;
    });

    /** A created state machine. */
    record Machine(String arn, String name, String definition, StateMachineModel model, String roleArn, String type,
                   Instant created) {
    }

    public LocalStepFunctions(TaskInvoker tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    public ObjectNode createStateMachine(JsonNode req) {
        String name = required(req, "name");
        checkName(name, "InvalidName");
        String definition = required(req, "definition");
        ParseResult parsed;
        try {
            parsed = DefinitionParser.parse(definition);
        } catch (JsonSyntaxException e) {
            throw new SfnErrorException("InvalidDefinition", "Invalid State Machine Definition: " + e.getMessage());
        }
        if (!parsed.valid()) {
            throw new SfnErrorException("InvalidDefinition", "Invalid State Machine Definition: '"
                    + parsed.diagnostics() + "'");
        }
        String arn = LocalAws.stateMachineArn(name);
        Machine m = new Machine(arn, name, definition, parsed.orThrow(), text(req, "roleArn"),
                req.hasNonNull("type") ? req.get("type").textValue() : "STANDARD", Instant.now());
        Machine existing = machines.putIfAbsent(arn, m);
        if (existing != null && !existing.definition().equals(definition)) {
            throw new SfnErrorException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
        }
        Machine kept = existing == null ? m : existing;
        return Json.object().put("stateMachineArn", arn).put("creationDate", SfnJson.epoch(kept.created()));
    }

    public ObjectNode startExecution(JsonNode req) {
        String smArn = required(req, "stateMachineArn");
        Machine m = machine(smArn);
        String name = req.hasNonNull("name") ? req.get("name").textValue() : java.util.UUID.randomUUID().toString();
        checkName(name, "InvalidName");
        String inputText = req.hasNonNull("input") ? req.get("input").textValue() : "{}";
        JsonNode input;
        try {
            input = Json.parse(inputText);
        } catch (JsonSyntaxException e) {
            throw new SfnErrorException("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + e.getMessage() + "'");
        }
        String arn = smArn.replace(":stateMachine:", ":execution:") + ":" + name;
        ExecutionRecord fresh = new ExecutionRecord(arn, smArn, name, inputText, Instant.now());
        ExecutionRecord existing = executions.putIfAbsent(arn, fresh);
        if (existing != null) {
            if (existing.running() && existing.input.equals(inputText)) {
                return started(existing);
            }
            throw new SfnErrorException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
        }
        ExecutionOptions options = new ExecutionOptions(m.name(), name, LocalAws.REGION, LocalAws.ACCOUNT, true);
        runner.submit(() -> run(fresh, m, input, options));
        return started(fresh);
    }

    private void run(ExecutionRecord e, Machine m, JsonNode input, ExecutionOptions options) {
        e.thread = Thread.currentThread();
        try {
            ExecutionResult r = e.live.run(m.model(), input, options, tasks, clock);
            if (r == null) {
                e.finish("ABORTED", null, null, null);
            } else {
                e.finish(r.status().name(), r.output(), r.error(), r.cause());
            }
        } catch (RuntimeException ex) {
            e.finish("FAILED", null, "States.Runtime", "The local engine failed: " + ex);
        } finally {
            e.thread = null;
            Thread.interrupted();
        }
    }

    public ObjectNode describeExecution(JsonNode req) {
        String arn = required(req, "executionArn");
        ExecutionRecord e = executions.get(arn);
        if (e == null) {
            return MapRunJson.describe(mapRuns.child(arn).orElseThrow(() -> SfnRequests.noExecution(arn)));
        }
        return SfnJson.describe(e);
    }

    public ObjectNode getExecutionHistory(JsonNode req) {
        String arn = required(req, "executionArn");
        ExecutionRecord e = executions.get(arn);
        History history = e != null ? e.live.history()
                : mapRuns.child(arn).orElseThrow(() -> SfnRequests.noExecution(arn)).history();
        boolean reverse = req.path("reverseOrder").asBoolean(false);
        boolean data = req.path("includeExecutionData").asBoolean(true);
        int max = req.path("maxResults").asInt(0) <= 0 ? 1000 : Math.min(1000, req.path("maxResults").asInt());
        int from = req.hasNonNull("nextToken") ? Integer.parseInt(req.get("nextToken").textValue()) : 0;
        ArrayNode all = SfnJson.events(history.events(), data, reverse);
        ObjectNode out = Json.object();
        ArrayNode page = out.putArray("events");
        for (int i = from; i < Math.min(all.size(), from + max); i++) {
            page.add(all.get(i));
        }
        if (from + max < all.size()) {
            out.put("nextToken", String.valueOf(from + max));
        }
        return out;
    }

    /** ListExecutions by {@code stateMachineArn}, or by {@code mapRunArn} (a Map Run's child executions). */
    public ObjectNode listExecutions(JsonNode req) {
        String filter = text(req, "statusFilter");
        if (req.hasNonNull("mapRunArn")) {
            if (req.hasNonNull("stateMachineArn")) {
                throw new SfnErrorException("ValidationException", "You can specify either a mapRunArn or a"
                        + " stateMachineArn, but not both");
            }
            return mapRuns.listChildExecutions(req, filter);
        }
        String smArn = required(req, "stateMachineArn");
        machine(smArn);
        List<ExecutionRecord> list = executions.values().stream()
                .filter(e -> e.stateMachineArn.equals(smArn))
                .filter(e -> filter == null || filter.equals(e.status()))
                .sorted(Comparator.comparing((ExecutionRecord e) -> e.startDate).reversed()).toList();
        return SfnRequests.page(req, list, "executions", SfnJson::listItem);
    }

    /** ListMapRuns: the Map Runs an execution (or a child execution) started, in start order. */
    public ObjectNode listMapRuns(JsonNode req) {
        return mapRuns.listMapRuns(req);
    }

    /** DescribeMapRun: status, settings and item/execution counts of one Map Run. */
    public ObjectNode describeMapRun(JsonNode req) {
        return mapRuns.describeMapRun(req);
    }

    public ObjectNode stopExecution(JsonNode req) {
        String arn = required(req, "executionArn");
        if (!executions.containsKey(arn)) {
            ChildExecution child = mapRuns.child(arn).orElseThrow(() -> SfnRequests.noExecution(arn));
            child.stop();
            return Json.object().put("stopDate", SfnJson.epoch(Instant.now()));
        }
        ExecutionRecord e = executions.get(arn);
        if (e.running()) {
            e.live.stop();
            e.finish("ABORTED", null, text(req, "error"), text(req, "cause"));
            Thread t = e.thread;
            if (t != null) {
                t.interrupt();
            }
        }
        return Json.object().put("stopDate", SfnJson.epoch(e.stopDate() == null ? Instant.now() : e.stopDate()));
    }

    public ObjectNode describeStateMachine(JsonNode req) {
        Machine m = machine(required(req, "stateMachineArn"));
        return Json.object().put("stateMachineArn", m.arn()).put("name", m.name()).put("status", "ACTIVE")
                .put("definition", m.definition()).put("roleArn", m.roleArn()).put("type", m.type())
                .put("creationDate", SfnJson.epoch(m.created()));
    }

    public ObjectNode listStateMachines(JsonNode req) {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("stateMachines");
        machines.values().stream().sorted(Comparator.comparing(Machine::name)).forEach(m -> list.addObject()
                .put("stateMachineArn", m.arn()).put("name", m.name()).put("type", m.type())
                .put("creationDate", SfnJson.epoch(m.created())));
        return out;
    }

    /** Waits for an execution to close (for tests and the CLI); returns its status. */
    public String awaitExecution(String executionArn, long millis) throws InterruptedException {
        ExecutionRecord e = execution(executionArn);
        e.await(millis);
        return e.status();
    }

    private ObjectNode started(ExecutionRecord e) {
        return Json.object().put("executionArn", e.arn).put("startDate", SfnJson.epoch(e.startDate));
    }

    private Machine machine(String arn) {
        Machine m = machines.get(arn);
        if (m == null) {
            if (!arn.startsWith("arn:aws:states:") || !arn.contains(":stateMachine:")) {
                throw new SfnErrorException("InvalidArn", "Invalid Arn: '" + arn + "'");
            }
            throw new SfnErrorException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return m;
    }

    private ExecutionRecord execution(String arn) {
        ExecutionRecord e = executions.get(arn);
        if (e == null) {
            throw SfnRequests.noExecution(arn);
        }
        return e;
    }

    private static void checkName(String name, String type) {
        if (!NAME.matcher(name).matches()) {
            throw new SfnErrorException(type, "Invalid Name: '" + name + "'");
        }
    }

    private static String required(JsonNode req, String field) {
        return SfnRequests.required(req, field);
    }

    private static String text(JsonNode req, String field) {
        return SfnRequests.text(req, field);
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
