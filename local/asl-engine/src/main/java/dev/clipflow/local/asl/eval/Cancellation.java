package dev.clipflow.local.asl.eval;

/** Cooperative cancellation of a branch or iteration, inherited from its parent (a failing sibling cancels it). */
final class Cancellation {

    static final Cancellation NEVER = new Cancellation(null);

    private final Cancellation parent;
    private volatile boolean cancelled;

    Cancellation(Cancellation parent) {
        this.parent = parent;
    }

    Cancellation child() {
        return new Cancellation(this);
    }

    void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled || (parent != null && parent.isCancelled());
    }

    void check() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Unwinds a cancelled branch or iteration; never escapes the engine. */
    static final class CancelledException extends RuntimeException {
        CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
