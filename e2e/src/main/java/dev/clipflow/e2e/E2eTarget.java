package dev.clipflow.e2e;

import java.util.Locale;

/** Where the end-to-end suite runs: chosen with {@code -De2e.target=local|localstack|aws} (default local). */
public enum E2eTarget {
    /** The local runtime, in-process (no Docker, no AWS account): runs in CI. */
    LOCAL,
    /** template.yaml deployed into a LocalStack container (Testcontainers; needs Docker and an auth token). */
    LOCALSTACK,
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
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new E2eTargetUnknownException(value);
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
