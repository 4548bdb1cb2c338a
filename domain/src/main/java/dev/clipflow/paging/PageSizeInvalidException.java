package dev.clipflow.paging;

/** Thrown when a requested page size is outside the listing's allowed range. Permanent. */
public class PageSizeInvalidException extends RuntimeException {
    public PageSizeInvalidException(int requested, int min, int max) {
        super("The page size must be a whole number from " + min + " to " + max + ", not " + requested);
    }

    /** Returns {@code size} when it is within {@code [min, max]}, else throws this exception. */
    public static int check(int size, int min, int max) {
        if (size < min || size > max) {
            throw new PageSizeInvalidException(size, min, max);
        }
        return size;
    }
}
