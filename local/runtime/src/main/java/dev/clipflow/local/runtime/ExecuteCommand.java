package dev.clipflow.local.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.eval.Engine;
import dev.clipflow.local.asl.eval.ExecutionOptions;
import dev.clipflow.local.asl.eval.ExecutionResult;
import dev.clipflow.local.asl.eval.ScaledClock;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.parse.DefinitionParser;
import dev.clipflow.local.asl.parse.Diagnostic;
import dev.clipflow.local.asl.parse.ParseResult;
import dev.clipflow.local.asl.task.IntegrationTaskInvoker;
import dev.clipflow.local.runtime.integrations.EmulatorDynamoDb;
import dev.clipflow.local.runtime.integrations.EmulatorEvents;
import dev.clipflow.local.runtime.integrations.EmulatorSqs;
import dev.clipflow.local.runtime.template.LocalAws;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./clipflow execute --definition FILE --input JSON|@FILE [--history] [--name NAME] [--clock-speed X]}:
 * the engine's {@code execute}, against the local stack: a Lambda resource (a function ARN, or
 * {@code lambda:invoke} with {@code FunctionName}) names a template function by logical id or by the name in
 * its ARN and runs in the function host; DynamoDB and SQS tasks go to the emulators. Prints one JSON document
 * ({@code status}, {@code output} or {@code error}/{@code cause}, {@code history} with {@code --history}).
 */
final class ExecuteCommand {

    private ExecuteCommand() {
    }

    /** The parsed command line. */
    record Options(Path definition, String input, boolean history, String name, double clockSpeed) {
    }

    static int run(Path template, Options o, Path cacheDir, PrintStream out, PrintStream err) {
        String definition;
        JsonNode input;
        try {
            definition = Files.readString(o.definition());
            input = Json.parse(o.input().startsWith("@") ? Files.readString(Path.of(o.input().substring(1)))
                    : o.input());
        } catch (IOException | RuntimeException e) {
            err.println("execute: cannot read the definition or the input: " + e.getMessage());
            return Cli.USAGE;
        }
        ParseResult parsed;
        try {
            parsed = DefinitionParser.parse(definition);
        } catch (RuntimeException e) {
            err.println("execute: the definition is not JSON: " + e.getMessage());
            return Cli.CANNOT_RUN;
        }
        if (!parsed.valid()) {
            parsed.diagnostics().stream().map(Diagnostic::render).forEach(d -> err.println("execute: " + d));
            return Cli.CANNOT_RUN;
        }
        try (LocalClipflow stack = LocalClipflow.start(template, cacheDir, o.clockSpeed())) {
            IntegrationTaskInvoker tasks = new IntegrationTaskInvoker(stack::lambda,
                    new EmulatorDynamoDb(stack.config()), new EmulatorSqs(stack.config()),
                    new EmulatorEvents(stack.config()), stack.metrics());
            ExecutionOptions options = new ExecutionOptions("LocalStateMachine",
                    o.name() == null ? "local-execution" : o.name(), LocalAws.REGION, LocalAws.ACCOUNT, o.history());
            ExecutionResult r = new Engine(tasks, new ScaledClock(o.clockSpeed())).execute(parsed.orThrow(), input,
                    options);
            out.println(Json.write(r.report(o.history())));
            return r.status() == ExecutionResult.Status.SUCCEEDED ? Cli.OK : Cli.NOT_PUBLISHED;
        } catch (RuntimeException e) {
            err.println("execute: " + e.getMessage());
            return Cli.CANNOT_RUN;
        }
    }
}
