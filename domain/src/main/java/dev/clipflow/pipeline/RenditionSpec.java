package dev.clipflow.pipeline;

/**
 * One rung of the HLS ladder to produce: output dimensions (even numbers, never above the
 * source's display size) and target bitrates.
 *
 * @param audioKbps 0 when the source has no audio
 */
public record RenditionSpec(String name, int width, int height, int videoKbps, int audioKbps) {
}
