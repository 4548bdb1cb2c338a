package dev.clipflow.discovery;

/**
 * How related-video reads blend content similarity with co-views:
 * {@code score = contentWeight * content + (1 - contentWeight) * count / (count + halfSaturation)}.
 * {@code content} is the stored cosine (0 to 1); the co-view term also lies in [0, 1) and reaches
 * 0.5 at {@code halfSaturation} co-views, so a handful of shared viewers matters but a viral pair
 * cannot drown every content match. Defaults: 0.6 and 3.
 */
public record RelatedBlend(double contentWeight, double halfSaturation) {
    public static final RelatedBlend DEFAULT = new RelatedBlend(0.6, 3.0);

    public RelatedBlend {
        if (!(contentWeight >= 0 && contentWeight <= 1)) {
            throw new IllegalArgumentException("contentWeight must be within [0, 1]: " + contentWeight);
        }
        if (!(halfSaturation > 0) || Double.isInfinite(halfSaturation)) {
            throw new IllegalArgumentException("halfSaturation must be positive: " + halfSaturation);
        }
    }

    public double score(double content, long coViews) {
        double co = coViews <= 0 ? 0 : coViews / (coViews + halfSaturation);
        return contentWeight * content + (1 - contentWeight) * co;
    }
}
