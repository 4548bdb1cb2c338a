package dev.clipflow.paging;

/**
 * Thrown when a page cursor was not issued by us for this listing: malformed, truncated, altered,
 * signed with another key, or issued for another scope (another viewer's feed). Permanent: start
 * again from the first page.
 */
public class CursorInvalidException extends RuntimeException {
    public CursorInvalidException() {
        super("The page cursor is not valid; start again from the first page");
    }
}
