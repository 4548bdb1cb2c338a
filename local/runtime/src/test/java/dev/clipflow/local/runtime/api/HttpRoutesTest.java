package dev.clipflow.local.runtime.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.local.runtime.RepoRoot;
import dev.clipflow.local.runtime.template.TemplateModel;
import org.junit.jupiter.api.Test;

/** The HTTP API's routes, from the real template. */
class HttpRoutesTest {

    private static final TemplateModel MODEL = TemplateModel.load(RepoRoot.get().resolve("template.yaml"));

    @Test
    void match_templateRoutes_mostSpecificRouteWithPathParameters() {
        HttpRoutes routes = HttpRoutes.from(MODEL.functions());

        HttpRoutes.Match get = routes.match("GET", "/videos/abc").orElseThrow();
        assertThat(get.route().routeKey()).isEqualTo("GET /videos/{videoId}");
        assertThat(get.route().function()).isEqualTo("UploadApiFunction");
        assertThat(get.pathParameters()).containsEntry("videoId", "abc");
        assertThat(routes.match("POST", "/videos/abc/upload/complete").orElseThrow().route().path())
                .isEqualTo("/videos/{videoId}/upload/complete");
        assertThat(routes.match("PATCH", "/videos/abc").orElseThrow().route().routeKey())
                .isEqualTo("PATCH /videos/{videoId}");
        assertThat(routes.match("PUT", "/videos/abc")).isEmpty();
    }
}
