package dev.clipflow.local.asl.model;

/** The comparison operators of Choice Rules, with their {@code ...Path} forms. */
public enum ChoiceOperator {
    STRING_EQUALS(Kind.STRING, Relation.EQ), STRING_LESS_THAN(Kind.STRING, Relation.LT),
    STRING_GREATER_THAN(Kind.STRING, Relation.GT), STRING_LESS_THAN_EQUALS(Kind.STRING, Relation.LTE),
    STRING_GREATER_THAN_EQUALS(Kind.STRING, Relation.GTE), STRING_MATCHES(Kind.MATCH, Relation.EQ),
    NUMERIC_EQUALS(Kind.NUMERIC, Relation.EQ), NUMERIC_LESS_THAN(Kind.NUMERIC, Relation.LT),
    NUMERIC_GREATER_THAN(Kind.NUMERIC, Relation.GT), NUMERIC_LESS_THAN_EQUALS(Kind.NUMERIC, Relation.LTE),
    NUMERIC_GREATER_THAN_EQUALS(Kind.NUMERIC, Relation.GTE),
    BOOLEAN_EQUALS(Kind.BOOLEAN, Relation.EQ),
    TIMESTAMP_EQUALS(Kind.TIMESTAMP, Relation.EQ), TIMESTAMP_LESS_THAN(Kind.TIMESTAMP, Relation.LT),
    TIMESTAMP_GREATER_THAN(Kind.TIMESTAMP, Relation.GT), TIMESTAMP_LESS_THAN_EQUALS(Kind.TIMESTAMP, Relation.LTE),
    TIMESTAMP_GREATER_THAN_EQUALS(Kind.TIMESTAMP, Relation.GTE),
    IS_NULL(Kind.TYPE_TEST, Relation.EQ), IS_PRESENT(Kind.TYPE_TEST, Relation.EQ),
    IS_NUMERIC(Kind.TYPE_TEST, Relation.EQ), IS_STRING(Kind.TYPE_TEST, Relation.EQ),
    IS_BOOLEAN(Kind.TYPE_TEST, Relation.EQ), IS_TIMESTAMP(Kind.TYPE_TEST, Relation.EQ);

    /** The operand type an operator compares. */
    public enum Kind { STRING, MATCH, NUMERIC, BOOLEAN, TIMESTAMP, TYPE_TEST }

    /** How the two operands relate. */
    public enum Relation { EQ, LT, GT, LTE, GTE }

    private final Kind kind;
    private final Relation relation;
    private final String aslName;

    ChoiceOperator(Kind kind, Relation relation) {
        this.kind = kind;
        this.relation = relation;
        StringBuilder sb = new StringBuilder();
        for (String part : name().split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        this.aslName = sb.toString();
    }

    public Kind kind() {
        return kind;
    }

    public Relation relation() {
        return relation;
    }

    /** The field name in a definition, without the {@code Path} suffix. */
    public String aslName() {
        return aslName;
    }

    /** Whether a {@code ...Path} form exists (not for the type tests and StringMatches). */
    public boolean hasPathForm() {
        return kind != Kind.TYPE_TEST && kind != Kind.MATCH;
    }

    /** The operator for a field name, or {@code null}. */
    public static ChoiceOperator byAslName(String name) {
        for (ChoiceOperator op : values()) {
            if (op.aslName.equals(name)) {
                return op;
            }
        }
        return null;
    }
}
