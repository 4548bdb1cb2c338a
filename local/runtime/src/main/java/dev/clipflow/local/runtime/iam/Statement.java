package dev.clipflow.local.runtime.iam;

import java.util.List;

/**
 * One statement of an identity-based policy, its intrinsics already resolved to local ARNs.
 *
 * @param allow {@code Effect: Allow} (else Deny)
 * @param actions {@code Action}, or {@code NotAction} when {@code notAction}; wildcards, case-insensitive
 * @param resources {@code Resource}, or {@code NotResource} when {@code notResource}; wildcards
 * @param conditions all must hold (IAM's AND between operators and keys)
 */
public record Statement(String sid, boolean allow, List<String> actions, boolean notAction, List<String> resources,
                        boolean notResource, List<Condition> conditions) {

    public Statement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** Whether this statement applies to the request (its effect is then {@link #allow()}). */
    boolean applies(AccessRequest request) {
        boolean action = actions.stream().anyMatch(a -> Wildcards.matches(a, request.action(), true));
        boolean resource = resources.stream().anyMatch(r -> Wildcards.matches(r, request.resource(), false));
        return action != notAction && resource != notResource
                && conditions.stream().allMatch(c -> c.holds(request.context()));
    }
}
