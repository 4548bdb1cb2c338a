package dev.clipflow.catalog;

/**
 * Thrown when a page cursor was not issued by the repository being asked (tampered with, truncated,
 * or from another listing). Permanent: the caller should start again without a cursor.
 */
public class PageCursorInvalidException extends RuntimeException {
    public PageCursorInvalidException() {
        super("The page cursor is not valid; start again from the first page");
    }
}
