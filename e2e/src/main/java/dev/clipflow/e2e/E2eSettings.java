package dev.clipflow.e2e;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The switch and its companions, read from system properties (surefire passes the Maven properties on) or JUnit
 * configuration parameters: {@code e2e.target}, and for aws {@code e2e.stack}, {@code e2e.region},
 * {@code e2e.profile}; {@code e2e.localstack.image} overrides the pinned LocalStack image of the target
 * ({@link #DEFAULT_LOCALSTACK_IMAGE} for localstack, {@link #DEFAULT_LOCALSTACK_COMMUNITY_IMAGE} for
 * localstack-community).
 *
 * @param stack CloudFormation stack name (aws), empty when not set
 * @param region AWS region (aws), empty = the SDK's default chain
 * @param profile named profile (aws), empty = the SDK's default credentials chain
 */
public record E2eSettings(E2eTarget target, String stack, String region, String profile, String localstackImage) {

    public static final String TARGET = "e2e.target";
    public static final String STACK = "e2e.stack";
    public static final String REGION = "e2e.region";
    public static final String PROFILE = "e2e.profile";
    public static final String LOCALSTACK_IMAGE = "e2e.localstack.image";

    /**
     * LocalStack's last semantic-versioned release (March 2026 moved to calendar versions, 2026.MM.patch), as the
     * Pro image: the whole template needs HTTP APIs (API Gateway v2), Cognito user pools, CloudFront and Lambda
     * layers, which only the licensed image emulates; it needs {@code LOCALSTACK_AUTH_TOKEN}.
     */
    public static final String DEFAULT_LOCALSTACK_IMAGE = "localstack/localstack-pro:4.14.0";

    /**
     * The community image of the same release: the last tag that starts without an auth token (from March 2026
     * {@code latest} and the calendar-versioned tags refuse to start without one). Runs the functions, the state
     * machine, S3 with EventBridge notifications, DynamoDB and SQS.
     */
    public static final String DEFAULT_LOCALSTACK_COMMUNITY_IMAGE = "localstack/localstack:4.14.0";

    public E2eSettings {
        stack = blankToEmpty(stack);
        region = blankToEmpty(region);
        profile = blankToEmpty(profile);
        localstackImage = localstackImage != null && !localstackImage.isBlank() ? localstackImage.strip()
                : target == E2eTarget.LOCALSTACK_COMMUNITY ? DEFAULT_LOCALSTACK_COMMUNITY_IMAGE
                : DEFAULT_LOCALSTACK_IMAGE;
    }

    /** Settings from a property lookup (e.g. {@code System::getProperty}). */
    public static E2eSettings from(UnaryOperator<String> property) {
        return new E2eSettings(E2eTarget.parse(property.apply(TARGET)), property.apply(STACK),
                property.apply(REGION), property.apply(PROFILE), property.apply(LOCALSTACK_IMAGE));
    }

    public static E2eSettings fromSystemProperties() {
        return from(System::getProperty);
    }

    public Optional<String> regionIfSet() {
        return region.isEmpty() ? Optional.empty() : Optional.of(region);
    }

    public Optional<String> profileIfSet() {
        return profile.isEmpty() ? Optional.empty() : Optional.of(profile);
    }

    /** One line for logs and skip reasons. */
    public String describe() {
        return switch (target) {
            case LOCAL -> "target=local";
            case LOCALSTACK, LOCALSTACK_COMMUNITY -> "target=" + target.id() + " image=" + localstackImage;
            case AWS -> "target=aws stack=" + (stack.isEmpty() ? "<unset>" : stack) + " region="
                    + (region.isEmpty() ? "<default>" : region) + " profile="
                    + (profile.isEmpty() ? "<default>" : profile);
        };
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
