package dev.clipflow.aws.live;

import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * {@link LiveDelivery.Sender} over the WebSocket API's {@code @connections} endpoint
 * ({@code PostToConnection}, IAM action {@code execute-api:ManageConnections}). A connection that is gone
 * ({@code GoneException}, HTTP 410) answers {@code false}, so {@link LiveDelivery} forgets it; any other failure
 * propagates.
 */
public final class ApiGatewaySender implements LiveDelivery.Sender {
    private final ApiGatewayManagementApiClient client;

    /**
     * @param client built with the API stage's endpoint,
     *     {@code https://<api id>.execute-api.<region>.amazonaws.com/<stage>}
     */
    public ApiGatewaySender(ApiGatewayManagementApiClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public boolean post(String connectionId, byte[] data) {
        try {
            client.postToConnection(r -> r.connectionId(connectionId).data(SdkBytes.fromByteArray(data)));
            return true;
        } catch (GoneException e) {
            return false;
        }
    }
}
