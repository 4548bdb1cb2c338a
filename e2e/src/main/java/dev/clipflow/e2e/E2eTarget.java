package dev.clipflow.e2e;

import java.util.Locale;

/**
 * Where the end-to-end suite runs: chosen with {@code -De2e.target=local|localstack|localstack-community|aws}
 * (default local).
 */
public enum E2eTarget {
    /** The local runtime, in-process (no Docker, no AWS account): runs in CI. */
    LOCAL,
    /** template.yaml deployed into a LocalStack Pro container (Testcontainers; needs Docker and an auth token). */
    LOCALSTACK,
    /**
     * What the LocalStack community image runs of template.yaml (functions, state machine, buckets, tables, queues,
     * EventBridge rule; no HTTP API, Cognito, CloudFront or layers), in the pinned token-free image (needs Docker).
     */
    LOCALSTACK_COMMUNITY,
    /** An existing stack in an AWS account, read from its CloudFormation Outputs. */
    AWS;

    /**
     * @param value the property's value; blank means {@link #LOCAL}
     * @throws E2eTargetUnknownException when the value names no target (a typo must fail, not skip)
     */
    public static E2eTarget parse(String value) {
        if (value == null || value.isBlank()) {
            return LOCAL;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new E2eTargetUnknownException(value);
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
