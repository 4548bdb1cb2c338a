package dev.clipflow.live;

import dev.clipflow.aws.live.ConnectAuthorizer;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code liveAuthorizer} function: the WebSocket API's {@code $connect} REQUEST authorizer
 * ({@link ConnectAuthorizer}: an Allow for the Cognito token's {@code sub}, with {@code context.ownerId}; a Deny for
 * anything else, so API Gateway answers 403 and no connection is made).
 */
public final class LiveAuthorizer implements Function<Map<String, Object>, Map<String, Object>> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectAuthorizer authorizer;

    public LiveAuthorizer(ConnectAuthorizer authorizer) {
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> event) {
        return authorizer.authorize(JSON.valueToTree(event == null ? Map.of() : event));
    }
}
