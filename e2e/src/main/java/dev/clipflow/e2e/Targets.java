package dev.clipflow.e2e;

import java.nio.file.Path;

/** Opens the deployed Clipflow the settings name. */
public final class Targets {

    private Targets() {
    }

    /**
     * Starts or finds the target. Call only when {@link TargetCheck#of} said it can run: a failure here is a
     * failure of the suite, not a skip.
     */
    public static DeployedClipflow open(E2eSettings settings, Path root) {
        return switch (settings.target()) {
            case LOCAL -> LocalTarget.start(root);
            case LOCALSTACK -> LocalStackTarget.start(settings, root);
            case LOCALSTACK_COMMUNITY -> LocalStackCommunityTarget.start(settings, root);
            case AWS -> AwsTarget.open(settings);
        };
    }
}
