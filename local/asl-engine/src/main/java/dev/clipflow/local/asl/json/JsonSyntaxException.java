package dev.clipflow.local.asl.json;

/** Thrown when text given as JSON (a definition, an input, a mock file) is not valid JSON. */
public class JsonSyntaxException extends RuntimeException {

    private final int line;
    private final int column;

    public JsonSyntaxException(String message, int line, int column) {
        super(message + " (line " + line + ", column " + column + ")");
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
