package dev.clipflow.local.runtime.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.eval.Clock;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.json.JsonSyntaxException;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.parse.DefinitionParser;
import dev.clipflow.local.asl.parse.ParseResult;
import dev.clipflow.local.asl.task.TaskInvoker;
import dev.clipflow.local.runtime.template.LocalAws;
import java.time.Instant;
import java.util.ArrayList;
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
 * {@code ExecutionAlreadyExists}.
 */
public final class LocalStepFunctions implements AutoCloseable {

    private static final Pattern NAME = Pattern.compile("[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]{1,80}");

    private final TaskInvoker tasks;
    private final Clock clock;
    private final Map<String, Machine> machines = new ConcurrentHashMap<>();
    private final Map<String, ExecutionRecord> executions = new ConcurrentHashMap<>();
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
        return SfnJson.describe(execution(required(req, "executionArn")));
    }

    public ObjectNode getExecutionHistory(JsonNode req) {
        ExecutionRecord e = execution(required(req, "executionArn"));
        boolean reverse = req.path("reverseOrder").asBoolean(false);
        boolean data = req.path("includeExecutionData").asBoolean(true);
        int max = req.path("maxResults").asInt(0) <= 0 ? 1000 : Math.min(1000, req.path("maxResults").asInt());
        int from = req.hasNonNull("nextToken") ? Integer.parseInt(req.get("nextToken").textValue()) : 0;
        ArrayNode all = SfnJson.events(e.live.history().events(), data, reverse);
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

    public ObjectNode listExecutions(JsonNode req) {
        String smArn = required(req, "stateMachineArn");
        machine(smArn);
        String filter = text(req, "statusFilter");
        List<ExecutionRecord> list = new ArrayList<>(executions.values().stream()
                .filter(e -> e.stateMachineArn.equals(smArn))
                .filter(e -> filter == null || filter.equals(e.status()))
                .sorted(Comparator.comparing((ExecutionRecord e) -> e.startDate).reversed()).toList());
        int max = req.path("maxResults").asInt(0) <= 0 ? 100 : Math.min(1000, req.path("maxResults").asInt());
        int from = req.hasNonNull("nextToken") ? Integer.parseInt(req.get("nextToken").textValue()) : 0;
        ObjectNode out = Json.object();
        ArrayNode page = out.putArray("executions");
        for (int i = from; i < Math.min(list.size(), from + max); i++) {
            page.add(SfnJson.listItem(list.get(i)));
        }
        if (from + max < list.size()) {
            out.put("nextToken", String.valueOf(from + max));
        }
        return out;
    }

    public ObjectNode stopExecution(JsonNode req) {
        ExecutionRecord e = execution(required(req, "executionArn"));
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
            if (!arn.startsWith("arn:aws:states:") || !arn.contains(":execution:")) {
                throw new SfnErrorException("InvalidArn", "Invalid Arn: '" + arn + "'");
            }
            throw new SfnErrorException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return e;
    }

    private static void checkName(String name, String type) {
        if (!NAME.matcher(name).matches()) {
            throw new SfnErrorException(type, "Invalid Name: '" + name + "'");
        }
    }

    private static String required(JsonNode req, String field) {
        String v = text(req, field);
        if (v == null) {
            throw new SfnErrorException("ValidationException", "1 validation error detected: Value null at '"
                    + field + "' failed to satisfy constraint: Member must not be null");
        }
        return v;
    }

    private static String text(JsonNode req, String field) {
        JsonNode v = req.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
