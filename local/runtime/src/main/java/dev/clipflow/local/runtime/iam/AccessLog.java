package dev.clipflow.local.runtime.iam;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The authorisations the local endpoints made, newest last (the last {@value #CAPACITY}): what CloudTrail would
 * show of them. Thread-safe.
 */
public final class AccessLog {

    static final int CAPACITY = 10_000;

    /** One evaluated request. */
    public record Entry(Role role, AccessRequest request, Decision decision) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    synchronized void record(Role role, AccessRequest request, Decision decision) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(role, request, decision));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
