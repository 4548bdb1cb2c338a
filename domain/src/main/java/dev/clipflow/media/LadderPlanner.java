package dev.clipflow.media;

import dev.clipflow.pipeline.MediaInfo;
import dev.clipflow.pipeline.RenditionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the H.264/AAC HLS ladder of a source from its display size (rotation already applied).
 *
 * <ul>
 *   <li>The rungs are named by their short side (240p ... 1080p), so a portrait source gets portrait
 *       renditions of the same names: 720p of a 1080x1920 phone video is 720x1280.</li>
 *   <li>Never upscale: a rung is produced only when the source's short side reaches it. When the
 *       source lies well between two rungs (more than {@link #TOP_UP_FACTOR} above the highest one it
 *       reaches), one more rendition at the source's own size tops the ladder, so no quality is
 *       thrown away (641x359 gives 240p and 358p).</li>
 *   <li>A source smaller than the lowest rung gets one rendition at its own size.</li>
 *   <li>Dimensions are even (4:2:0 chroma); the aspect ratio is kept within one pixel.</li>
 *   <li>Bit rates are the rung's nominal rate for a 16:9 picture at up to 30 fps, scaled by
 *       (pixels / nominal pixels)^0.75 and by 1.5 above 40 fps. No audio rate without audio.</li>
 * </ul>
 */
public final class LadderPlanner {
    /** How far above the highest reached rung the source must be to get its own top rendition. */
    public static final double TOP_UP_FACTOR = 1.2;
    static final double HIGH_FRAME_RATE = 40.0;

    /** The default rungs, lowest first. */
    public static final List<Rung> DEFAULT_RUNGS = List.of(
            new Rung(240, 400, 64),
            new Rung(360, 800, 96),
            new Rung(480, 1400, 128),
            new Rung(720, 2800, 128),
            new Rung(1080, 5000, 160));

    private final List<Rung> rungs;

    public LadderPlanner() {
        this(DEFAULT_RUNGS);
    }

    public LadderPlanner(List<Rung> rungs) {
        if (rungs.isEmpty()) {
            throw new IllegalArgumentException("A ladder needs at least one rung");
        }
        this.rungs = rungs.stream().sorted((a, b) -> Integer.compare(a.shortSide(), b.shortSide())).toList();
    }

    /** One rung: short side in pixels and nominal bit rates in kbit/s. */
    public record Rung(int shortSide, int videoKbps, int audioKbps) {
        public Rung {
            if (shortSide < 2 || shortSide % 2 != 0 || videoKbps <= 0 || audioKbps < 0) {
                throw new IllegalArgumentException("Invalid rung " + shortSide + "p");
            }
        }

        long nominalPixels() {
            return (long) shortSide * (2 * Math.round(shortSide * 8.0 / 9.0));
        }
    }

    /** The ladder for a source, lowest rendition first; never empty. */
    public List<RenditionSpec> plan(MediaInfo media) {
        int w = media.displayWidth();
        int h = media.displayHeight();
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("The source has no display size: " + w + "x" + h);
        }
        int shortSide = Math.min(w, h);
        int longSide = Math.max(w, h);
        boolean portrait = h > w;
        List<RenditionSpec> ladder = new ArrayList<>();
        Rung highest = null;
        for (Rung rung : rungs) {
            if (rung.shortSide() <= shortSide) {
                ladder.add(spec(rung, rung.shortSide(), scaledLong(longSide, shortSide, rung.shortSide()),
                        portrait, media));
                highest = rung;
            }
        }
        boolean belowLadder = highest == null;
        boolean betweenRungs = highest != null && highest != rungs.getLast()
                && shortSide > highest.shortSide() * TOP_UP_FACTOR;
        if (belowLadder || betweenRungs) {
            Rung basis = belowLadder ? rungs.getFirst() : highest;
            ladder.add(spec(basis, Math.max(2, floorEven(shortSide)), Math.max(2, floorEven(longSide)),
                    portrait, media));
        }
        return List.copyOf(ladder);
    }

    private static RenditionSpec spec(Rung basis, int outShort, int outLong, boolean portrait, MediaInfo media) {
        double pixelRatio = (double) outShort * outLong / basis.nominalPixels();
        double kbps = basis.videoKbps() * Math.pow(pixelRatio, 0.75);
        if (media.frameRate() > HIGH_FRAME_RATE) {
            kbps *= 1.5;
        }
        int width = portrait ? outShort : outLong;
        int height = portrait ? outLong : outShort;
        int audio = media.hasAudio() ? basis.audioKbps() : 0;
        return new RenditionSpec(outShort + "p", width, height, (int) Math.max(50, Math.round(kbps)), audio);
    }

    /** The long side for a given short side, even, keeping the aspect ratio, never above the source. */
    static int scaledLong(int longSide, int shortSide, int outShort) {
        double exact = (double) longSide * outShort / shortSide;
        int even = (int) (2 * Math.round(exact / 2));
        return Math.max(2, Math.min(even, floorEven(longSide)));
    }

    static int floorEven(int value) {
        return value - (value % 2);
    }
}
