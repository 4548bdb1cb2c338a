package dev.clipflow.e2e;

import java.util.Optional;
import java.util.Set;
import org.testcontainers.DockerClientFactory;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** The probes against this machine: Testcontainers for Docker, the AWS SDK for credentials and the stack. */
public final class RealTargetProbes implements TargetProbes {

    /** States in which a stack's resources exist and its Outputs are current. */
    static final Set<String> USABLE = Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE",
            "IMPORT_COMPLETE", "IMPORT_ROLLBACK_COMPLETE");

    @Override
    public Optional<String> dockerProblem() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
                    : Optional.of("no Docker engine found (DockerClientFactory.isDockerAvailable() is false)");
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("no Docker engine found (" + firstLine(e) + ")");
        }
    }

    @Override
    public Optional<String> awsCredentialsProblem(E2eSettings settings) {
        try {
            SdkClients.credentials(settings).resolveCredentials();
            SdkClients.region(settings);
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(shortened(firstLine(e)));
        }
    }

    /** The SDK lists every provider of its chain in one line; keep the skip reason readable. */
    static String shortened(String reason) {
        return reason.length() <= 300 ? reason : reason.substring(0, 297) + "...";
    }

    @Override
    public Optional<String> stackProblem(E2eSettings settings) {
        try (CloudFormationClient cfn = SdkClients.forAws(settings).cloudFormation()) {
            Stack stack = cfn.describeStacks(r -> r.stackName(settings.stack())).stacks().getFirst();
            return USABLE.contains(stack.stackStatusAsString()) ? Optional.empty()
                    : Optional.of("its status is " + stack.stackStatusAsString());
        } catch (RuntimeException e) {
            return Optional.of(firstLine(e));
        }
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
