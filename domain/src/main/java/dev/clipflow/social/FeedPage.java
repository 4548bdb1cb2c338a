package dev.clipflow.social;

import java.util.List;

/** A page of a viewer's feed, newest first, and the signed cursor of the next page (null at the end). */
public record FeedPage(List<FeedItem> items, String nextCursor) {
    public FeedPage {
        items = List.copyOf(items);
    }
}
