package dev.clipflow.socialapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every route documented in openapi/social-api.yaml is one the function routes, and no other is. */
class OpenApiRoutesIT {
    private static final Pattern PATH = Pattern.compile("^  (/\\S*):\\s*$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|delete|patch):\\s*$");
    private static final List<String> ALL_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    @Test
    void documentedRoutes_areRouted_andOtherMethodsAre405() throws Exception {
        List<String> lines = Files.readAllLines(HttpEvents.file("../openapi/social-api.yaml").normalize());
        List<String[]> routes = new ArrayList<>();
        String path = null;
        for (String line : lines) {
            Matcher p = PATH.matcher(line);
            Matcher m = METHOD.matcher(line);
            if (p.matches()) {
                path = p.group(1);
            } else if (m.matches() && path != null) {
                routes.add(new String[] {m.group(1).toUpperCase(Locale.ROOT), path});
            }
        }
        assertThat(routes).hasSize(8);
        SocialApi api = new SocialApiFixture().api;

        for (String[] route : routes) {
            String concrete = route[1].replaceAll("\\{[^}]+}", "some-id");
            APIGatewayV2HTTPResponse documented = api.apply(HttpEvents.request(route[0], concrete, "alice", null));
            assertThat(documented.getStatusCode()).as(route[0] + " " + route[1]).isNotIn(405, 500);
            if (documented.getBody() != null) {
                assertThat(documented.getBody()).as(route[0] + " " + route[1]).doesNotContain("\"NOT_FOUND\"");
            }
            for (String other : ALL_METHODS) {
                boolean isDocumented = routes.stream().anyMatch(r -> r[0].equals(other) && r[1].equals(route[1]));
                if (!isDocumented) {
                    assertThat(api.apply(HttpEvents.request(other, concrete, "alice", null)).getStatusCode())
                            .as(other + " " + route[1]).isEqualTo(405);
                }
            }
        }
    }
}
