package dev.clipflow.e2e;

import java.util.Optional;

/** What a target needs from the machine; each answer is empty when the need is met, else the problem. */
public interface TargetProbes {

    /** Whether a Docker engine answers (the localstack target). */
    Optional<String> dockerProblem();

    /** Whether credentials resolve for the settings' profile (the aws target). */
    Optional<String> awsCredentialsProblem(E2eSettings settings);

    /** Whether the stack exists and is in a usable (*_COMPLETE, not deleted, not rolled back) state. */
    Optional<String> stackProblem(E2eSettings settings);
}
