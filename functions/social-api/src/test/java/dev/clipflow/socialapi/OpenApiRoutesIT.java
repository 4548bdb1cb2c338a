package dev.clipflow.socialapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.http.OpenApiRoutes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every route documented in openapi/social-api.yaml is one the function routes, and no other is. */
class OpenApiRoutesIT {

    @Test
    void documentedRoutes_areRouted_andOtherMethodsAre405() {
        List<OpenApiRoutes.Route> routes = OpenApiRoutes.read("social-api.yaml");
        assertThat(routes).hasSize(8);
        SocialApi api = new SocialApiFixture().api;

        OpenApiRoutes.assertRoutedExactly(api, routes, "alice", null);
    }
}
