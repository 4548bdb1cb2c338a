package dev.clipflow.uploadapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clipflow.http.HttpEvents;
import dev.clipflow.http.OpenApiRoutes;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every route documented in openapi/clipflow-api.yaml is one the function routes, and no other is. */
class OpenApiRoutesIT {

    @Test
    void documentedRoutes_areRouted_andOtherMethodsAre405() {
        List<OpenApiRoutes.Route> routes = OpenApiRoutes.read("clipflow-api.yaml");
        assertThat(routes).hasSize(10);
        UploadApi api = new ApiFixture().api(Duration.ofMinutes(1));

        OpenApiRoutes.assertRoutedExactly(api, routes, "alice", "{}");
    }

    @Test
    void everyRoute_documentsTheStatusesItCanAnswer_andNoneA403() throws Exception {
        Map<String, Set<String>> statuses = statuses(Files.readAllLines(HttpEvents.file("../openapi/clipflow-api.yaml")
                .normalize()));

        assertThat(statuses).hasSize(10);
        statuses.forEach((route, codes) -> {
            assertThat(codes).as(route).contains("400", "401", "500", "503").doesNotContain("403");
            if (route.contains("{") || route.equals("POST /videos")) {
                assertThat(codes).as(route + " names a channel or video").contains("404");
            }
            if (route.startsWith("POST")) {
                assertThat(codes).as(route).contains("413");
            }
            if (route.contains("/upload")) {
                assertThat(codes).as(route).contains("409");
            }
        });
        assertThat(statuses.get("POST /channels")).contains("429");
        assertThat(statuses.get("POST /videos")).contains("413", "415", "429");
        assertThat(statuses.get("PATCH /videos/{videoId}")).as("VISIBILITY_FIXED, VISIBILITY_CHANGING").contains("409")
                .as("a visibility change started").contains("202");
    }

    /** Route ("POST /videos") to the response codes its operation lists. */
    private static Map<String, Set<String>> statuses(List<String> lines) {
        Pattern path = Pattern.compile("^  (/\\S*):\\s*$");
        Pattern method = Pattern.compile("^    (get|post|put|delete|patch):\\s*$");
        Pattern status = Pattern.compile("^        '(\\d{3})':\\s*$");
        Map<String, Set<String>> out = new LinkedHashMap<>();
        String currentPath = null;
        String route = null;
        for (String line : lines) {
            Matcher p = path.matcher(line);
            Matcher m = method.matcher(line);
            Matcher s = status.matcher(line);
            if (line.startsWith("components:")) {
                break;
            } else if (p.matches()) {
                currentPath = p.group(1);
            } else if (m.matches()) {
                route = m.group(1).toUpperCase(Locale.ROOT) + " " + currentPath;
                out.put(route, new TreeSet<>());
            } else if (s.matches() && route != null) {
                out.get(route).add(s.group(1));
            }
        }
        return out;
    }
}
