package dev.clipflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.http.OpenApiRoutes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every route documented in openapi/clipflow-api.yaml is one the function routes, and no other is. */
class OpenApiRoutesIT {

    @Test
    void documentedRoutes_areRouted_andOtherMethodsAre405() {
        List<OpenApiRoutes.Route> routes = OpenApiRoutes.read("clipflow-api.yaml");
        assertThat(routes).hasSize(7);
        UploadApi api = new ApiFixture().api(Duration.ofMinutes(1));

        OpenApiRoutes.assertRoutedExactly(api, routes, "alice", "{}");
    }
}
