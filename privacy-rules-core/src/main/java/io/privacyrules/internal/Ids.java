package io.privacyrules.internal;

import java.util.regex.Pattern;

/**
 * The strict shapes of identifiers and clause references. Anything that reaches generated DRL
 * has matched one of these first, so no YAML value can change the meaning of a rule.
 */
public final class Ids {
    /** Lower-case, kebab-case, dotted segments: {@code contact.mobile}, {@code payment-processor}. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");
    /** Bracketed sub-items after a clause's number: {@code (1)}, {@code (a)}, {@code (ii)}. */
    private static final String SUB_ITEMS = "(?:\\((?:[0-9]{1,3}|[a-z]|[ivx]{1,5})\\))*";

    /** The ways a policy numbers its clauses; a pack declares one with {@code clauseStyle}. */
    public enum ClauseStyle {
        /** A Roman section with dotted items and bracketed sub-items: {@code I}, {@code III.2(1)(a)}. */
        ROMAN("roman", "[IVXLC]+(?:\\.[0-9]{1,3})*" + SUB_ITEMS, "I, I.1(3), III.2(1)(a)"),
        /** Dotted numbers with bracketed sub-items: {@code 3}, {@code 3.2}, {@code 4.1(a)}. */
        NUMBERED("numbered", "[0-9]{1,3}(?:\\.[0-9]{1,3})*" + SUB_ITEMS, "3, 3.2, 4.1(a)"),
        /** A section sign, a number and sub-items: {@code § 4}, {@code § 4(2)}, {@code § 4a.1}. */
        SECTION("section", "\u00a7 [0-9]{1,3}[a-z]?(?:\\.[0-9]{1,3})*" + SUB_ITEMS, "\u00a7 4, \u00a7 4(2), \u00a7 4.1"),
        /** A law's article with paragraphs and items: {@code Art. 13}, {@code Art. 6(1)(a)}. */
        ARTICLE("article", "Art\\. [0-9]{1,3}[a-z]?" + SUB_ITEMS, "Art. 13, Art. 6(1)(a), Art. 13(1)(ii)");

        public final String id;
        public final Pattern pattern;
        public final String examples;

        ClauseStyle(String id, String regex, String examples) {
            this.id = id;
            this.pattern = Pattern.compile(regex);
            this.examples = examples;
        }

        /** True when {@code s} is a clause reference of this style. */
        public boolean matches(String s) {
            return s != null && s.length() <= MAX_LENGTH && pattern.matcher(s).matches();
        }

        /** The style called {@code id} ({@code roman}, {@code numbered}, {@code section}, {@code article}), or null. */
        public static ClauseStyle of(String id) {
            for (ClauseStyle c : values()) {
                if (c.id.equals(id)) {
                    return c;
                }
            }
            return null;
        }

        /** The ids of the styles, in order. */
        public static java.util.List<String> ids() {
            return java.util.Arrays.stream(values()).map(c -> c.id).toList();
        }

        /** The style {@code s} is written in, or null when it is no clause reference. */
        public static ClauseStyle ofReference(String s) {
            for (ClauseStyle c : values()) {
                if (c.matches(s)) {
                    return c;
                }
            }
            return null;
        }
    }

    /**
     * A clause reference in any {@link ClauseStyle}: a Roman section with dotted items and
     * bracketed sub-items ({@code III.2(1)(a)}), dotted numbers ({@code 4.1(a)}), a section
     * ({@code § 4(2)}) or a law's article ({@code Art. 13(1)(ii)}).
     */
    public static final Pattern CLAUSE = Pattern.compile("(?:" + ClauseStyle.ROMAN.pattern.pattern() + ")|(?:"
            + ClauseStyle.NUMBERED.pattern.pattern() + ")|(?:" + ClauseStyle.SECTION.pattern.pattern() + ")|(?:"
            + ClauseStyle.ARTICLE.pattern.pattern() + ")");
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
