package dev.clipflow.e2e;

import java.io.PrintStream;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The end-to-end suite's entry: {@code @ExtendWith(DeployedClipflowExtension.class)} and a
 * {@link DeployedClipflow} parameter (constructor, lifecycle or test method).
 *
 * <p>Reads the settings ({@code e2e.target}, ...) from JUnit configuration parameters, which fall back to system
 * properties. When the target cannot run here (no Docker, no credentials, no stack) every test of the class is
 * disabled with the reason, which is also printed: reported as skipped, never silently green. Otherwise one
 * deployed Clipflow is opened per test run (shared by every E2E class) and closed at the end of the run.
 */
public class DeployedClipflowExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(DeployedClipflowExtension.class);

    private final TargetProbes probes;
    private final PrintStream out;

    public DeployedClipflowExtension() {
        this(new RealTargetProbes(), System.out);
    }

    /** For tests of the skip logic: other probes, another stream. */
    public DeployedClipflowExtension(TargetProbes probes, PrintStream out) {
        this.probes = probes;
        this.out = out;
    }

    static E2eSettings settings(ExtensionContext context) {
        return E2eSettings.from(key -> context.getConfigurationParameter(key).orElse(null));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        E2eSettings settings = settings(context);
        ExtensionContext.Store store = context.getRoot().getStore(NS);
        TargetCheck check = store.computeIfAbsent("check:" + settings, k -> TargetCheck.of(settings, probes),
                TargetCheck.class);
        if (check.canRun()) {
            return ConditionEvaluationResult.enabled("e2e " + settings.describe());
        }
        String reason = "SKIPPED e2e (" + settings.target().id() + "): " + check.reason().orElseThrow();
        if (context.getTestMethod().isEmpty()) {
            out.println("[e2e] " + context.getDisplayName() + ": " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == DeployedClipflow.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        E2eSettings settings = settings(context);
        Supplier<Opened> open = () -> {
            DeployedClipflow d = Targets.open(settings, RepoRoot.get());
            out.println("[e2e] " + d.describe());
            return new Opened(d, out);
        };
        return context.getRoot().getStore(NS).computeIfAbsent("deployed:" + settings, k -> open.get(),
                Opened.class).target();
    }

    /** The store closes it when the test run ends (JUnit closes AutoCloseable store values). */
    private record Opened(DeployedClipflow target, PrintStream out) implements AutoCloseable {
        @Override
        public void close() {
            out.println("[e2e] closing " + target.target().id() + " target");
            target.close();
        }
    }
}
