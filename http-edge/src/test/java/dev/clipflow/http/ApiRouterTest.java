package dev.clipflow.http;

import static dev.clipflow.http.ApiCallTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiRouterTest {
    private final ApiResponses responses = new ApiResponses(JsonMapper.builder().build());
    private final ApiRouter router = ApiRouter.builder()
            .route("POST /channels/{channelId}/subscription", c -> answer("subscribe " + c.id("channelId")))
            .route("DELETE /channels/{channelId}/subscription", c -> answer("unsubscribe " + c.id("channelId")))
            .route("GET /me/feed", c -> answer("feed"))
            .build();

    @Test
    void answer_byRouteKey_withTheRoutesPathParameters() {
        assertThat(router.answer(call("POST", "/channels/chan-1/subscription")).getBody())
                .isEqualTo("\"subscribe chan-1\"");
        assertThat(router.answer(call("DELETE", "/channels/chan-1/subscription")).getBody())
                .isEqualTo("\"unsubscribe chan-1\"");
        assertThat(router.answer(call("GET", "/me/feed")).getBody()).isEqualTo("\"feed\"");
    }

    @Test
    void answer_otherMethodOnARoutedPath_is405NamingTheMethodsItTakes() {
        assertRejected(() -> router.answer(call("GET", "/channels/chan-1/subscription")), 405, "METHOD_NOT_ALLOWED")
                .hasMessage("This resource accepts POST, DELETE only.");
        assertRejected(() -> router.answer(call("PUT", "/me/feed")), 405, "METHOD_NOT_ALLOWED")
                .hasMessage("This resource accepts GET only.");
    }

    @Test
    void answer_pathNotRouted_is404() {
        assertRejected(() -> router.answer(call("GET", "/me/subscriptions")), 404, "NOT_FOUND");
        assertRejected(() -> router.answer(call("GET", "/no/such/path")), 404, "NOT_FOUND");
    }

    @Test
    void logName_isTheRouteKeyForARoutedPath_elseUnrouted() {
        assertThat(router.logName(call("GET", "/channels/secret-channel/subscription")))
                .isEqualTo("GET /channels/{channelId}/subscription");
        assertThat(router.logName(call("GET", "/secret/path"))).isEqualTo("unrouted");
    }

    @Test
    void builder_sameRouteTwiceOrNoRouteKey_isRefused() {
        assertThatThrownBy(() -> ApiRouter.builder().route("GET /me/feed", c -> null).route("GET /me/feed", c -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET /me/feed");
        assertThatThrownBy(() -> ApiRouter.builder().route("/me/feed", c -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ApiCall call(String method, String path) {
        return ApiCall.of(HttpEvents.request(method, path, "alice", null, Map.of()));
    }

    private APIGatewayV2HTTPResponse answer(String text) {
        return responses.json(200, text);
    }
}
