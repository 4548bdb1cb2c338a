package dev.clipflow.local.asl.eval;

/**
 * The state being executed: its name and the id of its StateEntered event, which AWS quotes in causes
 * ("An error occurred while executing the state 'X' (entered at the event id #2). ...").
 */
record Scope(String name, long enteredId) {

    StatesErrorException runtime(String message) {
        return new StatesErrorException(ErrorNames.RUNTIME, prefix() + message);
    }

    /** TestState reports causes without the execution prefix; it uses a negative event id. */
    String prefix() {
        if (enteredId < 0) {
            return "";
        }
        return "An error occurred while executing the state '" + name + "' (entered at the event id #" + enteredId
                + "). ";
    }
}
