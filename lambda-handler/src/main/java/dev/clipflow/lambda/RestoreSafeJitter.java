package dev.clipflow.lambda;

import java.security.SecureRandom;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * A random source for retry jitter that SnapStart sandboxes do not share: a seed drawn before the snapshot would
 * be the same in every sandbox restored from it, so retries from many sandboxes would back off in step, which is
 * what jitter is there to prevent. {@link #reseed()} draws a new seed from a {@link SecureRandom} created at that
 * moment (it reads the operating system's entropy after the restore); instances made with {@link #create()} are
 * reseeded by {@link SnapStartPriming#global()} after every restore. Thread-safe.
 */
public final class RestoreSafeJitter implements DoubleSupplier {
    private final Random random;

    private RestoreSafeJitter(long seed) {
        this.random = new Random(seed);
    }

    /** A jitter source reseeded after every restore of this JVM. */
    public static RestoreSafeJitter create() {
        return create(SnapStartPriming.global(), new SecureRandom().nextLong());
    }

    /** A jitter source with {@code seed}, reseeded by {@code priming} after a restore (tests). */
    static RestoreSafeJitter create(SnapStartPriming priming, long seed) {
        RestoreSafeJitter jitter = new RestoreSafeJitter(seed);
        priming.afterRestore("reseed a jitter source", jitter::reseed);
        return jitter;
    }

    /** A uniform number in [0, 1). */
    @Override
    public double getAsDouble() {
        return random.nextDouble();
    }

    /** Draws a new seed from the operating system's entropy. */
    public void reseed() {
        random.setSeed(new SecureRandom().nextLong());
    }
}
