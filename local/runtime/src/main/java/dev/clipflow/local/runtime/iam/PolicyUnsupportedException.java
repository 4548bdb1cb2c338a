package dev.clipflow.local.runtime.iam;

/**
 * Thrown when a role's policy uses something the local evaluator does not evaluate (a condition operator or key,
 * a managed policy, an unknown SAM policy template): the template is refused rather than allowed silently.
 */
public final class PolicyUnsupportedException extends RuntimeException {

    public PolicyUnsupportedException(String message) {
        super(message);
    }
}
