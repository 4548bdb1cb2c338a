package dev.clipflow.social;

import java.util.List;

/**
 * Items read from one feed or timeline, newest first.
 *
 * @param more whether older items follow the last one
 */
public record FeedSlice(List<FeedItem> items, boolean more) {
    public FeedSlice {
        items = List.copyOf(items);
    }
}
