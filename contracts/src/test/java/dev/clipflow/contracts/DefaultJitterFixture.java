package dev.clipflow.contracts;

import dev.clipflow.batch.BatchWriter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A wiring {@link RestoreSafeJitterTest} must refuse: a BatchWriter with a thread-local jitter source. */
final class DefaultJitterFixture {
    private DefaultJitterFixture() {
    }

    static BatchWriter<String> writer() {
        return BatchWriter.withDefaults(items -> List.of(), 25, () -> ThreadLocalRandom.current().nextDouble());
    }
}
