package dev.clipflow.local.runtime.iam;

/** A request a role may not make, and why: the text AWS puts in its AccessDenied errors. */
public record Denial(Role role, AccessRequest request, Decision decision) {

    /**
     * AWS's message: {@code User: <assumed-role ARN> is not authorized to perform: <action> on resource:
     * <resource> because no identity-based policy allows the <action> action} (or {@code with an explicit deny in
     * an identity-based policy}).
     */
    public String message() {
        return "User: " + role.assumedRoleArn() + " is not authorized to perform: " + request.action()
                + " on resource: " + request.resource() + (decision == Decision.EXPLICIT_DENY
                ? " with an explicit deny in an identity-based policy"
                : " because no identity-based policy allows the " + request.action() + " action");
    }
}
