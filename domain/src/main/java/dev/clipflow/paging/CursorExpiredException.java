package dev.clipflow.paging;

/**
 * Thrown when a genuine page cursor is past its expiry. Permanent: start again from the first page.
 */
public class CursorExpiredException extends RuntimeException {
    public CursorExpiredException() {
        super("The page cursor has expired; start again from the first page");
    }
}
