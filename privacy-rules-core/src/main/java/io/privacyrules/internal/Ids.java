package io.privacyrules.internal;

import java.util.regex.Pattern;

/**
 * The strict shapes of identifiers and clause references. Anything that reaches generated DRL
 * has matched one of these first, so no YAML value can change the meaning of a rule.
 */
public final class Ids {
    /** Lower-case, kebab-case, dotted segments: {@code contact.mobile}, {@code bmw-ag}. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");
    /**
     * A clause: a Roman section with dotted items and bracketed sub-items ({@code III.2(1)(a)}), or
     * a law's article ({@code Art. 13(1)(ii)}).
     */
    public static final Pattern CLAUSE = Pattern.compile(
            "(?:[IVXLC]+(?:\\.[0-9]{1,3})*|Art\\. [0-9]{1,3})(?:\\((?:[0-9]{1,3}|[a-z]|[ivx]{1,5})\\))*");
    /** A two-letter ISO 3166 code. */
    public static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public static final int MAX_LENGTH = 64;

    private Ids() {
    }

    public static boolean isId(String s) {
        return s != null && s.length() <= MAX_LENGTH && ID.matcher(s).matches();
    }

    public static boolean isClause(String s) {
        return s != null && s.length() <= MAX_LENGTH && CLAUSE.matcher(s).matches();
    }

    /** True when clause reference {@code outer} covers {@code inner}: equal, or inner starts with outer + '.' or '('. */
    public static boolean covers(String outer, String inner) {
        return inner.equals(outer) || inner.startsWith(outer + ".") || inner.startsWith(outer + "(");
    }

    /**
     * Shows an identifier from a request in a message. A well-formed-looking one is shown as it
     * is; anything else (which may be a data value put in the wrong field) is not echoed.
     */
    public static String show(String s) {
        if (s == null) {
            return "(none)";
        }
        if (s.length() <= MAX_LENGTH && s.matches("[A-Za-z][A-Za-z0-9._-]*")) {
            return "'" + s + "'";
        }
        return "(a value that is not an identifier, " + s.length() + " characters, not shown)";
    }
}
