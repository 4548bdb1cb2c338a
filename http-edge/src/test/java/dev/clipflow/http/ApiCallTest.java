package dev.clipflow.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ApiCallTest {

    @Test
    void of_nullEvent_is400InvalidRequest() {
        assertRejected(() -> ApiCall.of(null), 400, "INVALID_REQUEST").hasMessage("The request is empty.");
    }

    @Test
    void of_noRouteKey_is400InvalidRequest() {
        assertRejected(() -> ApiCall.of(new APIGatewayV2HTTPEvent()), 400, "INVALID_REQUEST")
                .hasMessage("The request has no usable method or path.");
        APIGatewayV2HTTPEvent catchAll = HttpEvents.request("GET", "/videos/abc", "alice", null);
        catchAll.setRouteKey("$default");
        catchAll.getRequestContext().setRouteKey("$default");
        assertRejected(() -> ApiCall.of(catchAll), 400, "INVALID_REQUEST");
    }

    @Test
    void of_routeKeyLongerThan1024_is400InvalidRequest() {
        APIGatewayV2HTTPEvent event = HttpEvents.request("GET", "/videos/abc", "alice", null);
        event.setRouteKey("GET /" + "a".repeat(1023));
        assertThat(ApiCall.of(event).pathTemplate()).hasSize(1024);
        event.setRouteKey("GET /" + "a".repeat(1024));
        assertRejected(() -> ApiCall.of(event), 400, "INVALID_REQUEST");
    }

    @Test
    void of_readsTheRouteKeyAndPathParameters_notTheRawPath() {
        APIGatewayV2HTTPEvent event = HttpEvents.request("get", "/videos/abc", "alice", null);
        event.setRawPath("/somewhere/else");
        event.getRequestContext().getHttp().setPath("/somewhere/else");

        ApiCall call = ApiCall.of(event);

        assertThat(call.routeKey()).isEqualTo("GET /videos/{videoId}");
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.pathTemplate()).isEqualTo("/videos/{videoId}");
        assertThat(call.id("videoId")).isEqualTo("abc");
    }

    @Test
    void of_noTopLevelRouteKey_usesTheContextRouteKey() {
        APIGatewayV2HTTPEvent event = HttpEvents.request("DELETE", "/videos/abc/upload", "alice", null);
        event.setRouteKey(null);

        assertThat(ApiCall.of(event).routeKey()).isEqualTo("DELETE /videos/{videoId}/upload");
    }

    @Test
    void of_noQuery_isAnEmptyMap() {
        assertThat(ApiCall.of(HttpEvents.request("GET", "/me/feed", "alice", null)).query()).isEmpty();
    }

    @Test
    void requireUser_noAuthorizer_is401Unauthenticated() {
        ApiCall call = ApiCall.of(HttpEvents.request("GET", "/me/feed", null, null));

        assertThat(call.userId()).isNull();
        assertRejected(call::requireUser, 401, "UNAUTHENTICATED");
    }

    @Test
    void requireUser_claimsWithoutUsableSub_is401() {
        assertThat(userOf(null)).isNull();
        assertThat(userOf(Map.of("email", "a@example.com"))).isNull();
        assertThat(userOf(Map.of("sub", " "))).isNull();
        assertThat(userOf(Map.of("sub", "u".repeat(129)))).isNull();
        assertThat(userOf(Map.of("sub", "u".repeat(128)))).isEqualTo("u".repeat(128));
        APIGatewayV2HTTPEvent noJwt = HttpEvents.request("GET", "/me/feed", null, null);
        noJwt.getRequestContext().setAuthorizer(new RequestContext.Authorizer());
        assertRejected(() -> ApiCall.of(noJwt).requireUser(), 401, "UNAUTHENTICATED");
    }

    @Test
    void id_parameterNotAnIdOrAbsent_is400InvalidId() {
        assertThat(call("/videos/abc-123", Map.of()).id("videoId")).isEqualTo("abc-123");
        assertRejected(() -> call("/videos/ABC", Map.of()).id("videoId"), 400, "INVALID_ID")
                .hasMessage("Ids are 3 to 64 lower-case letters, digits and dashes.");
        assertRejected(() -> call("/videos/" + "a".repeat(65), Map.of()).id("videoId"), 400, "INVALID_ID");
        assertRejected(() -> call("/videos/..%2F..", Map.of()).id("videoId"), 400, "INVALID_ID");
        assertRejected(() -> call("/videos/abc-123", Map.of()).id("channelId"), 400, "INVALID_ID");
    }

    @Test
    void intParam_absentOrEmpty_isTheFallback() {
        assertThat(call("/x", Map.of()).intParam("limit", 20, 1, 100)).isEqualTo(20);
        assertThat(call("/x", Map.of("limit", "")).intParam("limit", 20, 1, 100)).isEqualTo(20);
        assertThat(call("/x", Map.of("limit", "100")).intParam("limit", 20, 1, 100)).isEqualTo(100);
    }

    @Test
    void intParam_outOfRangeOrNotANumber_is400InvalidRequestNamingTheBounds() {
        for (String bad : new String[] {"0", "101", "ten", "1.5", "2147483648", " 5"}) {
            assertRejected(() -> call("/x", Map.of("limit", bad)).intParam("limit", 20, 1, 100), 400,
                    "INVALID_REQUEST").as(bad)
                    .hasMessage("The query parameter 'limit' must be a whole number from 1 to 100.");
        }
    }

    @Test
    void limit_anyWholeNumber_isReturnedWithoutRangeCheck() {
        assertThat(call("/x", Map.of()).limit(20)).isEqualTo(20);
        assertThat(call("/x", Map.of("limit", "")).limit(20)).isEqualTo(20);
        assertThat(call("/x", Map.of("limit", "0")).limit(20)).isZero();
        assertThat(call("/x", Map.of("limit", "-5")).limit(20)).isEqualTo(-5);
        assertThat(call("/x", Map.of("limit", "1000")).limit(20)).isEqualTo(1000);
    }

    @Test
    void limit_notAWholeNumber_is400InvalidPageSize() {
        for (String bad : new String[] {"ten", "1.5", "2147483648", "0x10"}) {
            assertRejected(() -> call("/x", Map.of("limit", bad)).limit(20), 400, "INVALID_PAGE_SIZE").as(bad)
                    .hasMessage("The query parameter 'limit' must be a whole number.");
        }
    }

    @Test
    void cursor_emptyIsNull_andLongerThan1024Is400InvalidCursor() {
        assertThat(call("/x", Map.of()).cursor()).isNull();
        assertThat(call("/x", Map.of("cursor", "")).cursor()).isNull();
        assertThat(call("/x", Map.of("cursor", "c".repeat(1024))).cursor()).hasSize(1024);
        assertRejected(() -> call("/x", Map.of("cursor", "c".repeat(1025))).cursor(), 400, "INVALID_CURSOR");
    }

    private static ApiCall call(String path, Map<String, String> query) {
        return ApiCall.of(HttpEvents.request("GET", path, "alice", null, query));
    }

    private static String userOf(Map<String, String> claims) {
        APIGatewayV2HTTPEvent event = HttpEvents.request("GET", "/me/feed", "alice", null);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims == null ? null : new HashMap<>(claims));
        return ApiCall.of(event).userId();
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(Runnable call, int status, String code) {
        return assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiRequestRejectedException.class, r -> {
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.code()).isEqualTo(code);
        });
    }
}
