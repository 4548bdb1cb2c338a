package dev.clipflow.aws.live;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The Lambda REQUEST authorizer of the WebSocket API's {@code $connect} route (docs/adr/0013): the caller proves
 * who they are with the Cognito JWT in the {@code token} query parameter (browsers cannot set headers on a
 * WebSocket), and the connection belongs to that token's {@code sub} and to nobody the request names otherwise.
 * Allowed: {@code principalId} and {@code context.ownerId} are the {@code sub}; anything else: a Deny policy.
 */
public final class ConnectAuthorizer {
    /** The query parameter carrying the JWT. */
    public static final String TOKEN_PARAMETER = "token";

    private final CognitoTokens tokens;

    public ConnectAuthorizer(CognitoTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** The authorizer's response to API Gateway's REQUEST authorizer event. */
    public Map<String, Object> authorize(JsonNode event) {
        String methodArn = event.path("methodArn").asString("");
        try {
            String sub = tokens.subject(event.path("queryStringParameters").path(TOKEN_PARAMETER).asString(null));
            return response(sub, "Allow", methodArn, Map.of(LiveDelivery.OWNER_CONTEXT_KEY, sub));
        } catch (CognitoTokens.TokenRejectedException e) {
            return response("unauthenticated", "Deny", methodArn, Map.of());
        }
    }

    private static Map<String, Object> response(String principal, String effect, String resource,
            Map<String, String> context) {
        return Map.of("principalId", principal, "policyDocument", Map.of("Version", "2012-10-17", "Statement",
                List.of(Map.of("Action", "execute-api:Invoke", "Effect", effect, "Resource", resource))),
                "context", context);
    }
}
