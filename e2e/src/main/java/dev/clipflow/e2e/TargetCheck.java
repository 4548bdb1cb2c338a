package dev.clipflow.e2e;

import java.util.Optional;

/**
 * Whether a target can run here, and if not why: the reason every skipped test reports.
 *
 * @param reason empty when the target can run
 */
public record TargetCheck(E2eSettings settings, Optional<String> reason) {

    public static TargetCheck runnable(E2eSettings settings) {
        return new TargetCheck(settings, Optional.empty());
    }

    public static TargetCheck cannotRun(E2eSettings settings, String reason) {
        return new TargetCheck(settings, Optional.of(reason));
    }

    public boolean canRun() {
        return reason.isEmpty();
    }

    /**
     * Checks the preconditions the target needs, cheapest first. The local target always runs (a missing
     * function zip or ffmpeg must fail the build, not skip it).
     */
    public static TargetCheck of(E2eSettings settings, TargetProbes probes) {
        return switch (settings.target()) {
            case LOCAL -> runnable(settings);
            case LOCALSTACK, LOCALSTACK_COMMUNITY -> probes.dockerProblem()
                    .map(p -> cannotRun(settings, "target=" + settings.target().id() + " needs Docker: " + p))
                    .orElseGet(() -> runnable(settings));
            case AWS -> {
                if (settings.stack().isEmpty()) {
                    yield cannotRun(settings, "target=aws needs the stack's name: -De2e.stack=<name> "
                            + "(and -De2e.region=..., -De2e.profile=...)");
                }
                Optional<String> credentials = probes.awsCredentialsProblem(settings);
                if (credentials.isPresent()) {
                    yield cannotRun(settings, "target=aws has no AWS credentials (" + settings.describe() + "): "
                            + credentials.get());
                }
                yield probes.stackProblem(settings)
                        .map(p -> cannotRun(settings, "target=aws cannot use stack '" + settings.stack() + "': " + p))
                        .orElseGet(() -> runnable(settings));
            }
        };
    }
}
