package dev.clipflow.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.json.JsonSyntaxException;
import dev.clipflow.local.asl.model.ChoiceState;
import dev.clipflow.local.asl.model.FailState;
import dev.clipflow.local.asl.model.IoSpec;
import dev.clipflow.local.asl.model.PassState;
import dev.clipflow.local.asl.model.State;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.model.SucceedState;
import dev.clipflow.local.asl.model.WaitState;
import dev.clipflow.local.asl.template.PayloadTemplate;
import dev.clipflow.local.asl.template.TemplateCompiler;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a definition (JSONPath mode) in one pass, collecting every problem with its JSON pointer.
 * A definition with errors yields a {@link ParseResult} that refuses to hand out its model.
 */
public final class DefinitionParser {

    static final Set<String> TOP_FIELDS = Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version",
            "QueryLanguage");
    static final Set<String> UNSUPPORTED_EVERYWHERE = Set.of("Assign", "Output", "Arguments", "Items",
            "ItemReader", "ResultWriter", "Credentials");
    static final Set<String> PASS = Set.of("Type", "Comment", "InputPath", "OutputPath", "ResultPath", "Parameters",
            "Result", "Next", "End", "QueryLanguage");
    static final Set<String> CHOICE = Set.of("Type", "Comment", "InputPath", "OutputPath", "Choices", "Default",
            "QueryLanguage");
    static final Set<String> WAIT = Set.of("Type", "Comment", "InputPath", "OutputPath", "Seconds", "Timestamp",
            "SecondsPath", "TimestampPath", "Next", "End", "QueryLanguage");
    static final Set<String> SUCCEED = Set.of("Type", "Comment", "InputPath", "OutputPath", "QueryLanguage");
    static final Set<String> FAIL = Set.of("Type", "Comment", "Error", "ErrorPath", "Cause", "CausePath",
            "QueryLanguage");

    final Fields f = new Fields();
    private final Set<String> allNames = new HashSet<>();
    /** Map Run labels seen so far: AWS wants each unique within the definition. */
    final Set<String> labels = new HashSet<>();
    private final TaskParser tasks = new TaskParser(this);
    private final MapParser maps = new MapParser(this, tasks);

    private DefinitionParser() {
    }

    /** Parses definition text; never throws for bad input. */
    public static ParseResult parse(String text) {
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (JsonSyntaxException e) {
            return new ParseResult(null, List.of(new Diagnostic(Diagnostic.Severity.ERROR, Diagnostic.INVALID_JSON,
                    "Invalid JSON: " + e.getMessage(), "")));
        }
        return parse(root);
    }

    /** Parses a definition tree; never throws for bad input. */
    public static ParseResult parse(JsonNode root) {
        DefinitionParser p = new DefinitionParser();
        if (!root.isObject()) {
            p.f.schema("The definition must be a JSON object", "");
            return new ParseResult(null, p.f.diagnostics());
        }
        p.f.allowOnly(root, TOP_FIELDS, Set.of(), "");
        p.queryLanguage(root, "");
        Integer timeout = p.f.integer(root, "TimeoutSeconds", "", 1, TaskParserLimits.MAX_SECONDS);
        StateMachineModel model = p.machine(root, "", timeout);
        return new ParseResult(model, p.f.diagnostics());
    }

    /**
     * Parses a single state (TestState API): transitions to unknown states are allowed.
     */
    public static ParseResult parseSingleState(JsonNode state, String name) {
        DefinitionParser p = new DefinitionParser();
        if (!state.isObject()) {
            p.f.schema("The state definition must be a JSON object", "");
            return new ParseResult(null, p.f.diagnostics());
        }
        State s = p.state(name, state, "");
        return new ParseResult(new StateMachineModel(name, Map.of(name, s), null), p.f.diagnostics());
    }

    void queryLanguage(JsonNode obj, String pointer) {
        String ql = f.string(obj, "QueryLanguage", pointer, false);
        if ("JSONata".equals(ql)) {
            f.error(Diagnostic.UNSUPPORTED, "QueryLanguage JSONata is valid for AWS but not supported by the local"
                    + " engine (see docs/asl-feature-support.md)", Fields.ptr(pointer, "QueryLanguage"));
        } else if (ql != null && !"JSONPath".equals(ql)) {
            f.schema("The value for the field 'QueryLanguage' must be one of [JSONPath, JSONata]",
                    Fields.ptr(pointer, "QueryLanguage"));
        }
    }

    /** Parses {@code StartAt} + {@code States} at {@code pointer} and checks every transition inside. */
    StateMachineModel machine(JsonNode obj, String pointer, Integer timeout) {
        String startAt = f.string(obj, "StartAt", pointer, true);
        JsonNode states = obj.get("States");
        Map<String, State> parsed = new LinkedHashMap<>();
        if (states == null) {
            f.schema("These fields are required: [States]", pointer);
        } else if (!states.isObject() || states.isEmpty()) {
            f.schema("The value for the field 'States' must be a non-empty OBJECT", Fields.ptr(pointer, "States"));
        } else {
            for (Map.Entry<String, JsonNode> e : states.properties()) {
                String sp = Fields.ptr(Fields.ptr(pointer, "States"), e.getKey());
                if (!allNames.add(e.getKey())) {
                    f.error(Diagnostic.DUPLICATE_STATE, "Duplicate State name: " + e.getKey(), sp);
                }
                if (e.getKey().isEmpty() || e.getKey().length() > 80) {
                    f.schema("State names must be 1 to 80 characters long", sp);
                }
                if (!e.getValue().isObject()) {
                    f.schema("The value for the state '" + e.getKey() + "' must be an OBJECT", sp);
                    continue;
                }
                State s = state(e.getKey(), e.getValue(), sp);
                if (s != null) {
                    parsed.put(e.getKey(), s);
                }
            }
            if (startAt != null && !states.has(startAt)) {
                f.error(Diagnostic.MISSING_TARGET, "Missing 'Next' target: " + startAt,
                        Fields.ptr(pointer, "StartAt"));
            }
            checkTransitions(states, pointer);
            checkGraph(states, startAt, pointer);
        }
        return new StateMachineModel(startAt, parsed, timeout);
    }

    private void checkTransitions(JsonNode states, String pointer) {
        for (Map.Entry<String, JsonNode> e : states.properties()) {
            String sp = Fields.ptr(Fields.ptr(pointer, "States"), e.getKey());
            JsonNode s = e.getValue();
            target(states, s.get("Next"), Fields.ptr(sp, "Next"), "Next");
            target(states, s.get("Default"), Fields.ptr(sp, "Default"), "Default");
            JsonNode choices = s.get("Choices");
            if (choices != null && choices.isArray()) {
                for (int i = 0; i < choices.size(); i++) {
                    target(states, choices.get(i).get("Next"), Fields.ptr(sp, "Choices") + "/" + i + "/Next", "Next");
                }
            }
            JsonNode catchers = s.get("Catch");
            if (catchers != null && catchers.isArray()) {
                for (int i = 0; i < catchers.size(); i++) {
                    target(states, catchers.get(i).get("Next"), Fields.ptr(sp, "Catch") + "/" + i + "/Next", "Next");
                }
            }
        }
    }

    /** AWS says {@code Missing 'Next' target} for every position (StartAt, Next, Default, Choices, Catch). */
    private void target(JsonNode states, JsonNode next, String pointer, String field) {
        if (next != null && next.isTextual() && !states.has(next.textValue())) {
            f.error(Diagnostic.MISSING_TARGET, "Missing 'Next' target: " + next.textValue(), pointer);
        }
    }

    /**
     * The graph rules of AWS's validator, per container (the machine, each branch, each item processor): a
     * container without any terminal state (Succeed, Fail or {@code End: true}) is {@code MISSING_END_STATE}
     * "Workflow has no terminal state" (no location), and only otherwise is every state that cannot be reached
     * from StartAt through Next, Default, Choices and Catch reported as {@code MISSING_TRANSITION_TARGET}
     * {@code State "X" is not reachable.} at {@code /States/X}.
     */
    private void checkGraph(JsonNode states, String startAt, String pointer) {
        boolean terminal = false;
        for (Map.Entry<String, JsonNode> e : states.properties()) {
            JsonNode s = e.getValue();
            JsonNode type = s.get("Type");
            JsonNode end = s.get("End");
            if ((type != null && ("Succeed".equals(type.asText()) || "Fail".equals(type.asText())))
                    || (end != null && end.isBoolean() && end.booleanValue())) {
                terminal = true;
                break;
            }
        }
        if (!terminal) {
            f.error(Diagnostic.MISSING_END_STATE, "Workflow has no terminal state", null);
            return;
        }
        Set<String> reached = new HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
        if (startAt != null && states.has(startAt)) {
            reached.add(startAt);
            todo.add(startAt);
        }
        while (!todo.isEmpty()) {
            JsonNode s = states.get(todo.poll());
            List<JsonNode> nexts = new ArrayList<>();
            nexts.add(s.get("Next"));
            nexts.add(s.get("Default"));
            for (String list : new String[] {"Choices", "Catch"}) {
                JsonNode items = s.get(list);
                if (items != null && items.isArray()) {
                    items.forEach(i -> nexts.add(i.get("Next")));
                }
            }
            for (JsonNode n : nexts) {
                if (n != null && n.isTextual() && states.has(n.textValue()) && reached.add(n.textValue())) {
                    todo.add(n.textValue());
                }
            }
        }
        for (String name : (Iterable<String>) states::fieldNames) {
            if (!reached.contains(name)) {
                f.error(Diagnostic.MISSING_TARGET, "State \"" + name + "\" is not reachable.",
                        Fields.ptr(Fields.ptr(pointer, "States"), name));
            }
        }
    }

    State state(String name, JsonNode s, String sp) {
        queryLanguage(s, sp);
        String type = f.string(s, "Type", sp, true);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "Pass" -> {
                f.allowOnly(s, PASS, UNSUPPORTED_EVERYWHERE, sp);
                yield new PassState(name, io(s, sp, true, false), s.get("Result"), nextOrEnd(s, sp));
            }
            case "Task" -> tasks.task(name, s, sp);
            case "Parallel" -> tasks.parallel(name, s, sp);
            case "Map" -> maps.map(name, s, sp);
            case "Choice" -> {
                f.allowOnly(s, CHOICE, UNSUPPORTED_EVERYWHERE, sp);
                yield new ChoiceState(name, f.queryPath(s, "InputPath", sp), f.queryPath(s, "OutputPath", sp),
                        new ChoiceRuleParser(f).branches(s, sp), f.string(s, "Default", sp, false));
            }
            case "Wait" -> wait(name, s, sp);
            case "Succeed" -> {
                f.allowOnly(s, SUCCEED, UNSUPPORTED_EVERYWHERE, sp);
                yield new SucceedState(name, f.queryPath(s, "InputPath", sp), f.queryPath(s, "OutputPath", sp));
            }
            case "Fail" -> fail(name, s, sp);
            default -> {
                f.schema("The value for the field 'Type' must be one of [Pass, Task, Choice, Wait, Succeed, Fail,"
                        + " Parallel, Map], not '" + type + "'", Fields.ptr(sp, "Type"));
                yield null;
            }
        };
    }

    IoSpec io(JsonNode s, String sp, boolean parameters, boolean resultSelector) {
        return new IoSpec(f.queryPath(s, "InputPath", sp),
                parameters ? template(s, "Parameters", sp) : null,
                resultSelector ? template(s, "ResultSelector", sp) : null,
                f.referencePath(s, "ResultPath", sp, true, true), f.queryPath(s, "OutputPath", sp));
    }

    PayloadTemplate template(JsonNode s, String field, String sp) {
        JsonNode v = s.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isObject() && !"Parameters".equals(field)) {
            f.schema("The value for the field '" + field + "' must be an OBJECT", Fields.ptr(sp, field));
        }
        return TemplateCompiler.compile(v, Fields.ptr(sp, field), (p, m) -> f.schema(m, p));
    }

    String nextOrEnd(JsonNode s, String sp) {
        String next = f.string(s, "Next", sp, false);
        Boolean end = f.bool(s, "End", sp);
        boolean isEnd = Boolean.TRUE.equals(end);
        if (next != null && isEnd) {
            f.schema("Only one of the fields [Next, End] can be specified", sp);
        } else if (next == null && !isEnd && !s.has("Next")) {
            f.schema("Exactly one of the fields [Next, End] must be specified", sp);
        }
        return next;
    }

    private State wait(String name, JsonNode s, String sp) {
        f.allowOnly(s, WAIT, UNSUPPORTED_EVERYWHERE, sp);
        int count = 0;
        for (String k : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
            count += s.has(k) ? 1 : 0;
        }
        if (count != 1) {
            f.schema("Exactly one of the fields [Seconds, Timestamp, SecondsPath, TimestampPath] must be specified",
                    sp);
        }
        Integer seconds = f.integer(s, "Seconds", sp, 0, TaskParserLimits.MAX_SECONDS);
        Instant ts = null;
        String tsText = f.string(s, "Timestamp", sp, false);
        if (tsText != null) {
            ts = timestamp(tsText);
            if (ts == null) {
                f.schema("The value for the field 'Timestamp' must be a valid RFC3339 timestamp",
                        Fields.ptr(sp, "Timestamp"));
            }
        }
        return new WaitState(name, f.queryPath(s, "InputPath", sp), f.queryPath(s, "OutputPath", sp),
                seconds == null ? null : seconds.longValue(), ts, f.referencePath(s, "SecondsPath", sp, false, false),
                f.referencePath(s, "TimestampPath", sp, false, false), nextOrEnd(s, sp));
    }

    private State fail(String name, JsonNode s, String sp) {
        f.allowOnly(s, FAIL, UNSUPPORTED_EVERYWHERE, sp);
        if (s.has("Error") && s.has("ErrorPath")) {
            f.schema("Only one of the fields [Error, ErrorPath] can be specified", sp);
        }
        if (s.has("Cause") && s.has("CausePath")) {
            f.schema("Only one of the fields [Cause, CausePath] can be specified", sp);
        }
        return new FailState(name, f.string(s, "Error", sp, false), dynamic(s, "ErrorPath", sp),
                f.string(s, "Cause", sp, false), dynamic(s, "CausePath", sp));
    }

    private PayloadTemplate dynamic(JsonNode s, String field, String sp) {
        JsonNode v = s.get(field);
        if (v == null) {
            return null;
        }
        var holder = Json.object().set(field + ".$", v);
        PayloadTemplate t = TemplateCompiler.compile(holder, sp, (p, m) -> f.schema(
                "The value for the field '" + field + "' must be a valid JSONPath or a valid intrinsic function call",
                Fields.ptr(sp, field)));
        if (!(t instanceof PayloadTemplate.ObjectTemplate o)) {
            return null;
        }
        // a path that selects nothing is reported for the field as written: 'ErrorPath', not 'ErrorPath.$'
        return o.values().get(0) instanceof PayloadTemplate.PathField p
                ? new PayloadTemplate.PathField(field, p.path(), p.context()) : o.values().get(0);
    }

    /** An RFC 3339 timestamp as Step Functions accepts it, or {@code null}. */
    public static Instant timestamp(String text) {
        if (text.length() < 20 || text.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    TaskParser tasks() {
        return tasks;
    }
}
