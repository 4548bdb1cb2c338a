package dev.clipflow.local.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Prints what a user looks at once the pipeline is done: status, media, renditions, assets and cost. */
public final class DemoReport {

    private DemoReport() {
    }

    public static void print(DemoOutcome o, PrintStream out) {
        JsonNode v = o.video();
        out.println();
        out.println("status    " + o.status() + "  (execution " + o.executionStatus() + ")");
        if (v == null) {
            return;
        }
        if (v.hasNonNull("failureReason")) {
            out.println("reason    " + v.get("failureReason").asText());
        }
        JsonNode m = v.path("media");
        if (!m.isMissingNode()) {
            out.printf(Locale.ROOT, "media     %sx%s, %.1f s, %s/%s%n", m.path("width").asText(),
                    m.path("height").asText(), m.path("durationSeconds").asDouble(), m.path("videoCodec").asText(),
                    m.path("audioCodec").asText("none"));
        }
        for (JsonNode r : v.path("renditions")) {
            out.printf(Locale.ROOT, "rendition %-6s %5dx%-5d %,9d bit/s%n", r.path("name").asText(),
                    r.path("width").asInt(), r.path("height").asInt(), r.path("bandwidth").asLong());
        }
        JsonNode p = v.path("playback");
        for (String f : new String[] {"hlsUrl", "posterUrl", "spriteUrl", "thumbnailsVttUrl"}) {
            if (p.hasNonNull(f)) {
                out.println(String.format(Locale.ROOT, "%-9s ", f.replace("Url", "")) + p.get(f).asText());
            }
        }
        JsonNode cost = v.path("cost");
        if (!cost.isMissingNode()) {
            out.println("estimated cost (" + cost.path("currency").asText("USD") + ")");
            for (Iterator<Map.Entry<String, JsonNode>> it = cost.path("perStage").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> s = it.next();
                out.printf(Locale.ROOT, "  %-12s %.6f%n", s.getKey(), s.getValue().path("total").asDouble());
            }
            out.printf(Locale.ROOT, "  %-12s %.6f%n", "total", cost.path("total").asDouble());
        }
    }
}
