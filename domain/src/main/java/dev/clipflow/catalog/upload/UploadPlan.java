package dev.clipflow.catalog.upload;

/**
 * How a file of a declared size is cut into S3 multipart upload parts: every part but the last is
 * {@code partSize} bytes, the last holds the rest. S3's rules: parts of 5 MiB to 5 GiB (the last
 * may be smaller), at most 10,000 parts, objects of at most 5 TiB. A small file is one part.
 *
 * @param totalBytes the declared size, at least 1
 * @param partSize   bytes per part (the last part may be smaller)
 * @param partCount  1 to 10,000
 */
public record UploadPlan(long totalBytes, long partSize, int partCount) {
    public static final long MIB = 1024L * 1024;
    /** S3's smallest part (except the last). */
    public static final long MIN_PART_SIZE = 5 * MIB;
    /** S3's largest part. */
    public static final long MAX_PART_SIZE = 5 * 1024 * MIB;
    /** S3's most parts in one upload. */
    public static final int MAX_PARTS = 10_000;
    /** S3's largest object. */
    public static final long MAX_OBJECT_SIZE = 5 * 1024 * 1024 * MIB;
    /** The part size used unless the file needs bigger parts: 8 MiB, as the AWS CLI does. */
    public static final long DEFAULT_PART_SIZE = 8 * MIB;

    public UploadPlan {
        if (totalBytes < 1 || totalBytes > MAX_OBJECT_SIZE) {
            throw new IllegalArgumentException("totalBytes must be 1 to " + MAX_OBJECT_SIZE);
        }
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be 5 MiB to 5 GiB");
        }
        if (partCount < 1 || partCount > MAX_PARTS || (long) (partCount - 1) * partSize >= totalBytes
                || (long) partCount * partSize < totalBytes) {
            throw new IllegalArgumentException("partCount does not fit totalBytes and partSize");
        }
    }

    /** The plan with {@link #DEFAULT_PART_SIZE} parts, bigger when needed to stay within 10,000 parts. */
    public static UploadPlan forSize(long totalBytes) {
        return forSize(totalBytes, DEFAULT_PART_SIZE);
    }

    /**
     * The plan with parts of {@code preferredPartSize} (raised to 5 MiB at least), or the smallest
     * whole number of MiB that keeps the upload within 10,000 parts.
     */
    public static UploadPlan forSize(long totalBytes, long preferredPartSize) {
        if (totalBytes < 1 || totalBytes > MAX_OBJECT_SIZE) {
            throw new IllegalArgumentException("A file must have 1 byte to 5 TiB, not " + totalBytes);
        }
        long needed = ceilDiv(ceilDiv(totalBytes, MAX_PARTS), MIB) * MIB;
        long partSize = Math.min(MAX_PART_SIZE, Math.max(Math.max(preferredPartSize, MIN_PART_SIZE), needed));
        return new UploadPlan(totalBytes, partSize, (int) ceilDiv(totalBytes, partSize));
    }

    /** The size of part {@code partNumber} (1-based). */
    public long sizeOfPart(int partNumber) {
        if (partNumber < 1 || partNumber > partCount) {
            throw new IllegalArgumentException("partNumber must be 1 to " + partCount);
        }
        return partNumber < partCount ? partSize : totalBytes - (long) (partCount - 1) * partSize;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
