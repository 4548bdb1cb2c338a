package dev.clipflow.local.asl.model;

import dev.clipflow.local.asl.path.ReferencePath;
import dev.clipflow.local.asl.template.PayloadTemplate;

/**
 * {@code ItemBatcher} of a Distributed Map: items are grouped into child inputs
 * {@code {"BatchInput": ..., "Items": [...]}}, at most {@code MaxItemsPerBatch} items and at most
 * {@code MaxInputBytesPerBatch} bytes each. Each pair of a value and its {@code ...Path} form holds at most one.
 *
 * @param maxItemsPerBatch {@code null} when absent
 * @param maxItemsPerBatchPath {@code null} when absent
 * @param maxInputBytesPerBatch {@code null} when absent ({@link #MAX_INPUT_BYTES} applies)
 * @param maxInputBytesPerBatchPath {@code null} when absent
 * @param batchInput {@code null} when absent
 */
public record ItemBatcher(Integer maxItemsPerBatch, ReferencePath maxItemsPerBatchPath, Integer maxInputBytesPerBatch,
                          ReferencePath maxInputBytesPerBatchPath, PayloadTemplate batchInput) {

    /** The largest batch AWS builds, and the default batch size: 256 KiB of UTF-8. */
    public static final int MAX_INPUT_BYTES = 256 * 1024;
}
