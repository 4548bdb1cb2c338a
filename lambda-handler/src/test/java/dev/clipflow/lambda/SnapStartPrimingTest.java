package dev.clipflow.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** The SnapStart hooks, called as the CRaC runtime calls them around a snapshot. */
class SnapStartPrimingTest {

    @Test
    void beforeCheckpoint_runsEveryWarmUp_aFailingOneDoesNotStopTheOthersNorTheSnapshot() {
        List<String> ran = new ArrayList<>();
        SnapStartPriming priming = new SnapStartPriming()
                .warmUp("first", () -> ran.add("first"))
                .warmUp("broken", () -> {
                    throw new IllegalStateException("no table in the sandbox");
                })
                .warmUp("last", () -> ran.add("last"));

        priming.beforeCheckpoint(null);

        assertThat(ran).containsExactly("first", "last");
    }

    @Test
    void afterRestore_jitterSourcesRestoredFromOneSnapshot_drawDifferentNumbers() {
        // Two sandboxes restored from one snapshot: the same jitter state in both.
        SnapStartPriming sandboxA = new SnapStartPriming();
        SnapStartPriming sandboxB = new SnapStartPriming();
        RestoreSafeJitter a = RestoreSafeJitter.create(sandboxA, 42L);
        RestoreSafeJitter b = RestoreSafeJitter.create(sandboxB, 42L);
        assertThat(draw(a)).as("before the restore: in step").containsExactly(draw(b));

        sandboxA.afterRestore(null);
        sandboxB.afterRestore(null);

        assertThat(draw(a)).as("after the restore").isNotEqualTo(draw(b));
        assertThat(DoubleStream.of(draw(a))).allMatch(d -> d >= 0.0 && d < 1.0);
    }

    @Test
    void afterRestore_aFailingStepPropagates() {
        AtomicInteger before = new AtomicInteger();
        SnapStartPriming priming = new SnapStartPriming()
                .afterRestore("counted", before::incrementAndGet)
                .afterRestore("reconnect", () -> {
                    throw new IllegalStateException("endpoint unreachable");
                });

        assertThatThrownBy(() -> priming.afterRestore(null)).hasMessage("endpoint unreachable");
        assertThat(before).hasValue(1);
    }

    @Test
    void register_isIdempotent_andHarmlessWithoutCrac() {
        SnapStartPriming priming = new SnapStartPriming();

        assertThat(priming.register()).isSameAs(priming);
        assertThat(priming.register()).isSameAs(priming);
    }

    private static double[] draw(RestoreSafeJitter jitter) {
        return DoubleStream.generate(jitter).limit(8).toArray();
    }
}
