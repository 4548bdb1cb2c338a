package dev.clipflow.local.asl.task;

/**
 * A Task "Resource" ARN split into its parts: either a Lambda function ARN
 * ({@code arn:aws:lambda:region:account:function:name[:qualifier]}) or an optimized integration
 * ({@code arn:aws:states:::service:action[.pattern]}).
 *
 * @param kind which of the two forms
 * @param service {@code lambda}, {@code dynamodb}, {@code sqs}, ... ({@code lambda} for function ARNs)
 * @param action {@code invoke}, {@code getItem}, {@code sendMessage}, ... (the function name for function ARNs)
 * @param pattern the integration pattern
 */
public record ServiceResource(Kind kind, String service, String action, Pattern pattern) {

    /** The two resource forms. */
    public enum Kind { LAMBDA_FUNCTION, INTEGRATION, OTHER }

    /** Integration patterns; only REQUEST_RESPONSE runs locally. */
    public enum Pattern { REQUEST_RESPONSE, SYNC, WAIT_FOR_TASK_TOKEN }

    private static final String STATES_PREFIX = "arn:aws:states:::";

    private static final java.util.Map<String, ServiceResource> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Parses a resource; never throws (unknown shapes give {@link Kind#OTHER}). Results are cached. */
    public static ServiceResource parse(String resource) {
        return CACHE.computeIfAbsent(resource, ServiceResource::doParse);
    }

    private static ServiceResource doParse(String resource) {
        String[] parts = resource.split(":", -1);
        if (parts.length >= 7 && "lambda".equals(parts[2]) && "function".equals(parts[5])) {
            return new ServiceResource(Kind.LAMBDA_FUNCTION, "lambda", parts[6], Pattern.REQUEST_RESPONSE);
        }
        if (resource.startsWith(STATES_PREFIX)) {
            String rest = resource.substring(STATES_PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon > 0) {
                String service = rest.substring(0, colon);
                String action = rest.substring(colon + 1);
                Pattern pattern = Pattern.REQUEST_RESPONSE;
                if (action.endsWith(".waitForTaskToken")) {
                    pattern = Pattern.WAIT_FOR_TASK_TOKEN;
                    action = action.substring(0, action.length() - ".waitForTaskToken".length());
                } else if (action.matches(".*\\.sync(:\\d+)?$")) {
                    pattern = Pattern.SYNC;
                    action = action.substring(0, action.lastIndexOf(".sync"));
                }
                return new ServiceResource(Kind.INTEGRATION, service, action, pattern);
            }
        }
        return new ServiceResource(Kind.OTHER, "", "", Pattern.REQUEST_RESPONSE);
    }
}
