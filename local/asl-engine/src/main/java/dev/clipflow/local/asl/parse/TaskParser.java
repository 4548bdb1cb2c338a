package dev.clipflow.local.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.model.Catcher;
import dev.clipflow.local.asl.model.ParallelState;
import dev.clipflow.local.asl.model.Retrier;
import dev.clipflow.local.asl.model.State;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.model.TaskState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses the states that do work and can fail: Task and Parallel, and the Retry and Catch they share with Map. */
final class TaskParser {

    static final Set<String> TASK = Set.of("Type", "Comment", "Resource", "InputPath", "OutputPath", "ResultPath",
            "Parameters", "ResultSelector", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath",
            "HeartbeatSeconds", "HeartbeatSecondsPath", "Next", "End", "QueryLanguage");
    static final Set<String> PARALLEL = Set.of("Type", "Comment", "Branches", "InputPath", "OutputPath", "ResultPath",
            "Parameters", "ResultSelector", "Retry", "Catch", "Next", "End", "QueryLanguage");
    static final String ALL = "States.ALL";

    private final DefinitionParser p;
    private final Fields f;

    TaskParser(DefinitionParser p) {
        this.p = p;
        this.f = p.f;
    }

    State task(String name, JsonNode s, String sp) {
        f.allowOnly(s, TASK, DefinitionParser.UNSUPPORTED_EVERYWHERE, sp);
        String resource = f.string(s, "Resource", sp, true);
        if (resource != null && !resource.startsWith("arn:")) {
            f.schema("The value for the field 'Resource' must be a valid ARN", Fields.ptr(sp, "Resource"));
        } else if (resource != null && (resource.endsWith(".sync") || resource.contains(".sync:")
                || resource.endsWith(".waitForTaskToken"))) {
            f.error(Diagnostic.UNSUPPORTED, "The integration pattern of '" + resource + "' (.sync / callback) is"
                    + " not supported by the local engine", Fields.ptr(sp, "Resource"));
        }
        Integer timeout = f.integer(s, "TimeoutSeconds", sp, 1, TaskParserLimits.MAX_SECONDS);
        Integer heartbeat = f.integer(s, "HeartbeatSeconds", sp, 1, TaskParserLimits.MAX_SECONDS);
        exclusive(s, "TimeoutSeconds", "TimeoutSecondsPath", sp);
        exclusive(s, "HeartbeatSeconds", "HeartbeatSecondsPath", sp);
        if (heartbeat != null && heartbeat >= (timeout == null ? TaskState.DEFAULT_TIMEOUT_SECONDS : timeout)) {
            f.schema("The value of 'HeartbeatSeconds' must be less than the value of 'TimeoutSeconds'",
                    Fields.ptr(sp, "HeartbeatSeconds"));
        }
        return new TaskState(name, p.io(s, sp, true, true), resource, timeout,
                f.referencePath(s, "TimeoutSecondsPath", sp, false, false), heartbeat,
                f.referencePath(s, "HeartbeatSecondsPath", sp, false, false), retry(s, sp), catchers(s, sp),
                p.nextOrEnd(s, sp));
    }

    State parallel(String name, JsonNode s, String sp) {
        f.allowOnly(s, PARALLEL, DefinitionParser.UNSUPPORTED_EVERYWHERE, sp);
        JsonNode branches = s.get("Branches");
        List<StateMachineModel> models = new ArrayList<>();
        if (branches == null) {
            f.schema("These fields are required: [Branches]", sp);
        } else if (!branches.isArray() || branches.isEmpty()) {
            f.schema("The value for the field 'Branches' must be a non-empty ARRAY", Fields.ptr(sp, "Branches"));
        } else {
            for (int i = 0; i < branches.size(); i++) {
                String bp = Fields.ptr(sp, "Branches") + "/" + i;
                JsonNode b = branches.get(i);
                if (!b.isObject()) {
                    f.schema("A branch must be an OBJECT", bp);
                    continue;
                }
                f.allowOnly(b, Set.of("Comment", "StartAt", "States", "QueryLanguage"), Set.of(), bp);
                models.add(p.machine(b, bp, null));
            }
        }
        return new ParallelState(name, p.io(s, sp, true, true), models, retry(s, sp), catchers(s, sp),
                p.nextOrEnd(s, sp));
    }

    private void exclusive(JsonNode s, String a, String b, String sp) {
        if (s.has(a) && s.has(b)) {
            f.schema("Only one of the fields [" + a + ", " + b + "] can be specified", sp);
        }
    }

    List<Retrier> retry(JsonNode s, String sp) {
        List<Retrier> out = new ArrayList<>();
        JsonNode arr = s.get("Retry");
        if (arr == null) {
            return out;
        }
        String rp = Fields.ptr(sp, "Retry");
        if (!arr.isArray()) {
            f.schema("The value for the field 'Retry' must be an ARRAY", rp);
            return out;
        }
        for (int i = 0; i < arr.size(); i++) {
            JsonNode r = arr.get(i);
            String ip = rp + "/" + i;
            if (!r.isObject()) {
                f.schema("A retrier must be an OBJECT", ip);
                continue;
            }
            f.allowOnly(r, Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                    "JitterStrategy", "Comment"), Set.of(), ip);
            List<String> errors = f.stringList(r, "ErrorEquals", ip);
            checkAll(errors, i == arr.size() - 1, ip, "Retry");
            Integer interval = f.integer(r, "IntervalSeconds", ip, 1, TaskParserLimits.MAX_SECONDS);
            Integer attempts = f.integer(r, "MaxAttempts", ip, 0, TaskParserLimits.MAX_SECONDS);
            BigDecimal backoff = f.decimal(r, "BackoffRate", ip, BigDecimal.ONE, null);
            Integer maxDelay = f.integer(r, "MaxDelaySeconds", ip, 1, 31_622_400);
            String jitter = f.string(r, "JitterStrategy", ip, false);
            if (jitter != null && !jitter.equals("FULL") && !jitter.equals("NONE")) {
                f.schema("The value for the field 'JitterStrategy' must be one of [FULL, NONE]",
                        Fields.ptr(ip, "JitterStrategy"));
            }
            out.add(new Retrier(errors, interval == null ? Retrier.DEFAULT_INTERVAL_SECONDS : interval,
                    attempts == null ? Retrier.DEFAULT_MAX_ATTEMPTS : attempts,
                    backoff == null ? Retrier.DEFAULT_BACKOFF_RATE : backoff.doubleValue(), maxDelay,
                    "FULL".equals(jitter) ? Retrier.JitterStrategy.FULL : Retrier.JitterStrategy.NONE));
        }
        return out;
    }

    List<Catcher> catchers(JsonNode s, String sp) {
        List<Catcher> out = new ArrayList<>();
        JsonNode arr = s.get("Catch");
        if (arr == null) {
            return out;
        }
        String cp = Fields.ptr(sp, "Catch");
        if (!arr.isArray()) {
            f.schema("The value for the field 'Catch' must be an ARRAY", cp);
            return out;
        }
        for (int i = 0; i < arr.size(); i++) {
            JsonNode c = arr.get(i);
            String ip = cp + "/" + i;
            if (!c.isObject()) {
                f.schema("A catcher must be an OBJECT", ip);
                continue;
            }
            f.allowOnly(c, Set.of("ErrorEquals", "Next", "ResultPath", "Comment"), Set.of("Assign", "Output"), ip);
            List<String> errors = f.stringList(c, "ErrorEquals", ip);
            checkAll(errors, i == arr.size() - 1, ip, "Catch");
            out.add(new Catcher(errors, f.string(c, "Next", ip, true),
                    f.referencePath(c, "ResultPath", ip, true, true)));
        }
        return out;
    }

    private void checkAll(List<String> errors, boolean last, String pointer, String field) {
        if (errors.contains(ALL)) {
            if (errors.size() > 1) {
                f.schema("States.ALL must appear alone in the ErrorEquals array", Fields.ptr(pointer, "ErrorEquals"));
            }
            if (!last) {
                f.schema("The " + field + " element with States.ALL must be the last one",
                        Fields.ptr(pointer, "ErrorEquals"));
            }
        }
    }
}
