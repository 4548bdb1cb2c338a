package dev.clipflow.local.asl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipflow.local.asl.json.Json;
import dev.clipflow.local.asl.model.Catcher;
import dev.clipflow.local.asl.model.Retrier;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Retry and Catch around one attempt of a Task, Parallel or Map state. */
final class Recovery {

    /** One attempt; {@code retryCount} is the number of retries made before it. */
    @FunctionalInterface
    interface Attempt {
        Step run(int retryCount);
    }

    private Recovery() {
    }

    static Step run(Interpreter in, List<Retrier> retriers, List<Catcher> catchers, JsonNode rawInput,
                    Attempt attempt) {
        int[] counts = retriers.isEmpty() ? null : new int[retriers.size()];
        int retries = 0;
        while (true) {
            try {
                return attempt.run(retries);
            } catch (StatesErrorException e) {
                if (e.fatal()) {
                    throw e;
                }
                int i = retrierFor(retriers, e.error());
                if (i >= 0 && counts[i] < retriers.get(i).maxAttempts()) {
                    WaitRunner.sleep(in.run.clock,
                            Backoff.delay(retriers.get(i), counts[i], ThreadLocalRandom.current()::nextDouble), in);
                    counts[i]++;
                    retries++;
                    continue;
                }
                for (Catcher c : catchers) {
                    if (ErrorNames.matches(c.errorEquals(), e.error())) {
                        ObjectNode error = Json.object();
                        error.put("Error", e.error());
                        if (e.cause() != null) {
                            error.put("Cause", e.cause());
                        }
                        return new Step(c.next(), DataFlow.resultPath(c.resultPath(), rawInput, error));
                    }
                }
                throw e;
            }
        }
    }

    private static int retrierFor(List<Retrier> retriers, String error) {
        for (int i = 0; i < retriers.size(); i++) {
            if (ErrorNames.matches(retriers.get(i).errorEquals(), error)) {
                return i;
            }
        }
        return -1;
    }
}
