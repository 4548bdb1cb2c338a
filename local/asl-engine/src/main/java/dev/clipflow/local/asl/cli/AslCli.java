package dev.clipflow.local.asl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.eval.Clock;
import dev.clipflow.local.asl.eval.Engine;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.eval.ScaledClock;
import dev.clipflow.local.asl.eval.TestStateResult;
import dev.clipflow.local.asl.eval.TestStateRunner;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.json.JsonSyntaxException;
import dev.clipflow.local.asl.mock.MockConfig;
import dev.clipflow.local.asl.mock.MockConfigInvalidException;
import dev.clipflow.local.asl.model.StateMachineModel;
import dev.clipflow.local.asl.parse.DefinitionParser;
import dev.clipflow.local.asl.parse.Diagnostic;
import dev.clipflow.local.asl.parse.ParseResult;
import dev.clipflow.local.asl.task.IntegrationTaskInvoker;
import dev.clipflow.local.asl.task.LambdaResolver;
import dev.clipflow.local.asl.task.TaskInvoker;
import java.io.PrintStream;
import java.util.Set;

/**
 * Command line: {@code execute}, {@code validate} and {@code test-state}. Prints one JSON document on stdout;
 * problems go to stderr as one clear line each, never as a stack trace. Exit codes: see {@link ExitCode}.
 */
public final class AslCli {

    static final String USAGE = """
            usage:
              execute    --definition <file> --input <json|@file> [--history] [--name <execution name>]
                         [--mock-config <file> --test-case <name> [--state-machine <name>]] [--clock-speed <x>]
              validate   --definition <file>
              test-state --definition <file> --input <json|@file> [--inspection-level INFO|DEBUG]
                         [--state-name <name>] [--mock-config <file> --test-case <name> [--state-machine <name>]]
            exit codes: 0 succeeded/valid, 1 execution failed or timed out, 2 bad command line,
                        3 invalid definition, 4 unreadable or invalid input/mock file, 70 internal error""";

    private final PrintStream out;
    private final PrintStream err;

    AslCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new AslCli(System.out, System.err).run(args));
    }

    int run(String[] argv) {
        try {
            if (argv.length == 0) {
                throw new UsageException("Missing command");
            }
            return switch (argv[0]) {
                case "execute" -> execute(new Args(argv, 1, Set.of("--definition", "--input", "--name",
                        "--mock-config", "--test-case", "--state-machine", "--clock-speed"), Set.of("--history")));
                case "validate" -> validate(new Args(argv, 1, Set.of("--definition"), Set.of()));
                case "test-state" -> testState(new Args(argv, 1, Set.of("--definition", "--input",
                        "--inspection-level", "--state-name", "--mock-config", "--test-case", "--state-machine"),
                        Set.of()));
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield ExitCode.OK;
                }
                default -> throw new UsageException("Unknown command '" + argv[0] + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return ExitCode.USAGE;
        } catch (InputException | MockConfigInvalidException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.BAD_INPUT;
        } catch (DefinitionException e) {
            for (Diagnostic d : e.diagnostics) {
                err.println("error: " + d.render());
            }
            return ExitCode.INVALID_DEFINITION;
        } catch (RuntimeException | StackOverflowError e) {
            err.println("error: internal error: " + e);
            return ExitCode.INTERNAL;
        }
    }

    private int execute(Args a) {
        StateMachineModel model = definition(a.required("--definition"));
        JsonNode input = Args.json(a.required("--input"), "input");
        Clock clock = Clock.system();
        if (a.get("--clock-speed") != null) {
            try {
                clock = new ScaledClock(Double.parseDouble(a.get("--clock-speed")));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--clock-speed must be a positive number");
            }
        }
        ExecutionOptions options = ExecutionOptions.defaults().withHistory(a.flag("--history"));
        if (a.get("--state-machine") != null) {
            options = options.withStateMachineName(a.get("--state-machine"));
        }
        if (a.get("--name") != null) {
            options = new ExecutionOptions(options.stateMachineName(), a.get("--name"), options.region(),
                    options.account(), options.history());
        }
        ExecutionResult r = new Engine(invoker(a), clock).execute(model, input, options);
        ObjectNode o = r.report(a.flag("--history"));
        out.println(Json.write(o));
        return r.status() == ExecutionResult.Status.SUCCEEDED ? ExitCode.OK : ExitCode.FAILED;
    }

    private int validate(Args a) {
        ParseResult r = DefinitionParser.parse(Args.readFile(a.required("--definition"), "definition"));
        ObjectNode o = Json.object();
        o.put("result", r.valid() ? "OK" : "FAIL");
        ArrayNode diags = o.putArray("diagnostics");
        for (Diagnostic d : r.diagnostics()) {
            ObjectNode diag = diags.addObject().put("severity", d.severity().name()).put("code", d.code())
                    .put("message", d.message());
            if (d.location() != null) {
                diag.put("location", d.location());
            }
        }
        out.println(Json.write(o));
        return r.valid() ? ExitCode.OK : ExitCode.INVALID_DEFINITION;
    }

    private int testState(Args a) {
        String text = Args.readFile(a.required("--definition"), "definition");
        JsonNode def;
        try {
            def = Json.parse(text);
        } catch (JsonSyntaxException e) {
            throw new DefinitionException(java.util.List.of(new Diagnostic(Diagnostic.Severity.ERROR,
                    Diagnostic.INVALID_JSON, "Invalid JSON: " + e.getMessage(), "")));
        }
        String name = a.get("--state-name");
        JsonNode stateJson = def;
        if (def.has("States") && def.has("StartAt")) {
            if (name == null) {
                throw new UsageException("--state-name is required when --definition holds a whole state machine");
            }
            stateJson = def.path("States").path(name);
            if (stateJson.isMissingNode()) {
                throw new UsageException("No state named '" + name + "' in the definition");
            }
        }
        String level = a.get("--inspection-level") == null ? "INFO" : a.get("--inspection-level");
        if (!level.equals("INFO") && !level.equals("DEBUG")) {
            throw new UsageException("--inspection-level must be INFO or DEBUG");
        }
        ParseResult r = DefinitionParser.parseSingleState(stateJson, name == null ? "TestState" : name);
        if (!r.valid()) {
            throw new DefinitionException(r.diagnostics());
        }
        JsonNode input = Args.json(a.required("--input"), "input");
        TestStateResult t = new TestStateRunner(invoker(a), Clock.system())
                .test(r.model().state(r.model().startAt()), input, level.equals("DEBUG"));
        ObjectNode o = Json.object();
        if (t.output() != null) {
            o.put("output", Json.write(t.output()));
        }
        if (t.error() != null) {
            o.put("error", t.error());
        }
        if (t.cause() != null) {
            o.put("cause", t.cause());
        }
        if (level.equals("DEBUG")) {
            o.set("inspectionData", t.inspectionData());
        }
        if (t.nextState() != null) {
            o.put("nextState", t.nextState());
        }
        o.put("status", t.status());
        out.println(Json.write(o));
        return "FAILED".equals(t.status()) ? ExitCode.FAILED : ExitCode.OK;
    }

    private StateMachineModel definition(String file) {
        ParseResult r = DefinitionParser.parse(Args.readFile(file, "definition"));
        if (!r.valid()) {
            throw new DefinitionException(r.diagnostics());
        }
        return r.model();
    }

    private static TaskInvoker invoker(Args a) {
        TaskInvoker base = new IntegrationTaskInvoker(LambdaResolver.none(), null, null);
        if (a.get("--mock-config") == null) {
            if (a.get("--test-case") != null) {
                throw new UsageException("--test-case needs --mock-config");
            }
            return base;
        }
        JsonNode config = Args.json("@" + a.get("--mock-config"), "mock configuration");
        return MockConfig.parse(config).invoker(a.get("--state-machine"), a.required("--test-case"), base);
    }

    /** A definition with errors, reported as diagnostics. */
    static final class DefinitionException extends RuntimeException {
        final java.util.List<Diagnostic> diagnostics;

        DefinitionException(java.util.List<Diagnostic> diagnostics) {
            super("invalid definition");
            this.diagnostics = diagnostics;
        }
    }
}
