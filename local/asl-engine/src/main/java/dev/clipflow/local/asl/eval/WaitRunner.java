package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipflow.local.asl.model.WaitState;
import dev.clipflow.local.asl.parse.DefinitionParser;
import java.time.Duration;
import java.time.Instant;

/** The Wait state: Seconds, Timestamp and their Path forms, through the engine clock. */
final class WaitRunner {

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
            JsonNode v = w.secondsPath().find(effective);
            if (v == null) {
                throw scope.runtime("Invalid path '" + w.secondsPath().text() + "' : No results for path: "
                        + w.secondsPath().text());
            }
            if (!v.isIntegralNumber() || v.longValue() < 0) {
                throw scope.runtime("The SecondsPath parameter does not reference a valid integer value: "
                        + v);
            }
            wait = Duration.ofSeconds(v.longValue());
        } else {
            JsonNode v = w.timestampPath().find(effective);
            if (v == null) {
                throw scope.runtime("Invalid path '" + w.timestampPath().text() + "' : No results for path: "
                        + w.timestampPath().text());
            }
            Instant ts = v.isTextual() ? DefinitionParser.timestamp(v.textValue()) : null;
            if (ts == null) {
                throw scope.runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended offset"
                        + " date-time format string: " + v);
            }
            wait = until(clock, ts);
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
