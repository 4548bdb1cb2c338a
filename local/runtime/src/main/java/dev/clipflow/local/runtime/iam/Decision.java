package dev.clipflow.local.runtime.iam;

/** The outcome of evaluating identity-based policies for one {@link AccessRequest}. */
public enum Decision {
    ALLOW,
    /** A statement with {@code Effect: Deny} matched: it wins over every Allow. */
    EXPLICIT_DENY,
    /** No statement allowed it. */
    IMPLICIT_DENY
}
