package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.WaitState;
import dev.clipflow.local.asl.parse.DefinitionParser;
import java.time.Duration;
import java.time.Instant;

/** The Wait state: Seconds, Timestamp and their Path forms, through the engine clock. */
final class WaitRunner {

    /**
     * The longest wait: one year, AWS's maximum execution duration of a Standard workflow (developer guide, "Wait":
     * "the maximum wait time that you can specify for Standard Workflows ... is one year"). A longer delay fails the
     * state at once instead of waiting; the cause text is ours (AWS's exact words were not found).
     */
    static final Duration MAX_DELAY = Duration.ofDays(365);

    private WaitRunner() {
    }

    static Step run(Interpreter in, WaitState w, JsonNode input, Scope scope) {
        JsonNode effective = DataFlow.select(w.inputPath(), input, scope);
        Clock clock = in.run.clock;
        Duration wait;
        if (w.seconds() != null) {
            wait = Duration.ofSeconds(w.seconds());
        } else if (w.timestamp() != null) {
            wait = until(clock, w.timestamp());
        } else if (w.secondsPath() != null) {
            wait = Duration.ofSeconds(seconds(w, scope.find(w.secondsPath(), effective), scope));
        } else {
            JsonNode v = scope.find(w.timestampPath(), effective);
            if (v == null) {
                throw scope.runtime("The TimestampPath parameter does not reference an input value: "
                        + w.timestampPath().text());
            }
            Instant ts = v.isTextual() ? DefinitionParser.timestamp(v.textValue()) : null;
            if (ts == null) {
                throw scope.runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended offset"
                        + " date-time format string: " + w.timestampPath().text() + " == " + shown(v));
            }
            wait = until(clock, ts);
        }
        if (wait.compareTo(MAX_DELAY) > 0) {
            throw scope.runtime("The Wait state's delay is too long: " + wait.toSeconds() + " seconds is more than "
                    + MAX_DELAY.toSeconds() + " (one year, the longest a Standard workflow can run).");
        }
        if (in.run.deadline != null) {
            Duration left = Duration.between(clock.now(), in.run.deadline);
            if (left.compareTo(wait) < 0) {
                sleep(clock, left.isNegative() ? Duration.ZERO : left, in);
                throw new Run.ExecutionTimedOutException();
            }
        }
        sleep(clock, wait, in);
        return new Step(w.next(), DataFlow.select(w.outputPath(), effective, scope));
    }

    /**
     * A SecondsPath value with AWS's causes (as LocalStack reproduces them in its seconds_path.py): a non-negative
     * integer, else {@code cannot be parsed as a long value} or {@code references a negative value}, quoting the
     * path and the value.
     */
    private static long seconds(WaitState w, JsonNode v, Scope scope) {
        String path = w.secondsPath().text();
        if (v == null) {
            throw scope.runtime("The SecondsPath parameter does not reference an input value: " + path);
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw scope.runtime("The SecondsPath parameter cannot be parsed as a long value: " + path + " == "
                    + shown(v));
        }
        if (v.longValue() < 0) {
            throw scope.runtime("The SecondsPath parameter references a negative value: " + path + " == " + shown(v));
        }
        return v.longValue();
    }

    /** A value as AWS quotes it after {@code ==}: a string without quotes, anything else as JSON. */
    private static String shown(JsonNode v) {
        return v.isTextual() ? v.textValue() : Json.write(v);
    }

    private static Duration until(Clock clock, Instant ts) {
        Duration d = Duration.between(clock.now(), ts);
        return d.isNegative() ? Duration.ZERO : d;
    }

    static void sleep(Clock clock, Duration d, Interpreter in) {
        if (d.isZero()) {
            return;
        }
        try {
            clock.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancellation.CancelledException();
        }
        in.cancel.check();
    }
}
