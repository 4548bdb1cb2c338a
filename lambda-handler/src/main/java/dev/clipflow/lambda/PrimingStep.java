package dev.clipflow.lambda;

import java.util.Objects;

/**
 * A warm-up step a function declares for SnapStart priming ({@link FunctionBeans#primingStep}), run before the
 * snapshot after the function's beans are built: e.g. an SDK call that is signed and not sent
 * ({@code dev.clipflow.aws.SdkPriming}). It must have no effect outside the JVM.
 *
 * @param name   what the step does, for the log
 * @param action the step
 */
public record PrimingStep(String name, Runnable action) {
    public PrimingStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
    }
}
