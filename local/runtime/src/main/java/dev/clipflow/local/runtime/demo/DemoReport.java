package dev.clipflow.local.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Prints what users look at once the pipeline is done: the owner's view (status, media, renditions, assets,
 * cost per stage), each subscriber's feed and the related videos; then the pipeline's time.
 */
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
        if (p.path("hlsUrl").asText("").startsWith("http://127.0.0.1:")) {
            out.println("          (the local CloudFront stand-in: these URLs play while the stack runs; "
                    + "`./clipflow up` keeps it running)");
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
        new java.util.TreeMap<>(o.feeds()).forEach((user, ids) -> {
            out.println("feed of " + user + (ids.isEmpty() ? ": empty" : ":"));
            ids.forEach(id -> out.println("  " + id + "  " + o.titles().getOrDefault(id, "?")
                    + (id.equals(o.videoId()) ? "   <- the demo video" : "")));
        });
        if (o.published()) {
            out.println("related videos" + (o.related().isEmpty() ? ": none (no other published video is similar)"
                    : ":"));
            for (JsonNode r : o.related()) {
                String id = r.path("videoId").asText();
                out.printf(Locale.ROOT, "  %s  %s  (score %.3f)%n", id, o.titles().getOrDefault(id, "?"),
                        r.path("score").asDouble());
            }
        }
        if (o.pipeline() != null) {
            out.printf(Locale.ROOT, "pipeline  %.1f s from the upload's completion to the end of its execution%n",
                    o.pipeline().toMillis() / 1000.0);
        }
    }
}
