package io.privacyrules.internal.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A reason's message split once into literal text and placeholders, so that a decision only
 * joins the pieces. Renders exactly as {@code Verdict.render}: {@code {action}}, {@code {purpose}},
 * {@code {recipient}} ({@code (none)} without one), {@code {destination}}, {@code {data}} (the
 * categories sorted, joined with ", ") and {@code {childAge}}; any other text in braces is kept as
 * written. Immutable.
 */
final class Template {
    /** What a placeholder stands for. */
    private static final int LITERAL = 0;
    private static final int ACTION = 1;
    private static final int PURPOSE = 2;
    private static final int RECIPIENT = 3;
    private static final int DESTINATION = 4;
    private static final int DATA = 5;

    private final String text;
    /** The pieces: a literal (kind LITERAL) or a placeholder. */
    private final String[] literals;
    private final int[] kinds;
    private final boolean hasData;

    private Template(String text, String[] literals, int[] kinds) {
        this.text = text;
        this.literals = literals;
        this.kinds = kinds;
        this.hasData = java.util.Arrays.stream(kinds).anyMatch(k -> k == DATA);
    }

    /**
     * Splits {@code template} as {@code Verdict.render} reads it; {@code childAge} is the pack's
     * default age of a child, which does not depend on the request.
     */
    static Template of(String template, int childAge) {
        List<String> literals = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                literal.append(template, i, template.length());
                break;
            }
            literal.append(template, i, open);
            String key = template.substring(open + 1, close);
            int kind = switch (key) {
                case "action" -> ACTION;
                case "purpose" -> PURPOSE;
                case "recipient" -> RECIPIENT;
                case "destination" -> DESTINATION;
                case "data" -> DATA;
                default -> LITERAL;
            };
            if (key.equals("childAge")) {
                literal.append(childAge);
            } else if (kind == LITERAL) {
                literal.append(template, open, close + 1);
            } else {
                literals.add(literal.toString());
                kinds.add(LITERAL);
                literal.setLength(0);
                literals.add(null);
                kinds.add(kind);
            }
            i = close + 1;
        }
        if (literal.length() > 0 || literals.isEmpty()) {
            literals.add(literal.toString());
            kinds.add(LITERAL);
        }
        return new Template(template, literals.toArray(String[]::new), kinds.stream().mapToInt(Integer::intValue).toArray());
    }

    /** True when the text has no placeholder: it renders as itself, whatever the request. */
    boolean fixed() {
        return kinds.length == 1 && kinds[0] == LITERAL;
    }

    /** The text as written. */
    String text() {
        return text;
    }

    /** The message for the request {@code f}; {@code x} names its categories. */
    String render(PackIndex x, Features f) {
        if (fixed()) {
            return literals[0];
        }
        String data = hasData ? data(x, f) : null;
        int n = kinds.length;
        String[] pieces = new String[n];
        for (int k = 0; k < n; k++) {
            pieces[k] = piece(k, f, data);
        }
        // String.join sizes the result once and copies each piece once
        return String.join("", pieces);
    }

    private String piece(int k, Features f, String data) {
        return switch (kinds[k]) {
            case ACTION -> f.request.action();
            case PURPOSE -> f.request.purpose();
            case RECIPIENT -> f.request.recipient() == null ? "(none)" : f.request.recipient();
            case DESTINATION -> f.destination;
            case DATA -> data;
            default -> literals[k];
        };
    }

    /** The request's categories, sorted and joined with ", ". */
    static String data(PackIndex x, Features f) {
        long[] d = f.data;
        int count = 0;
        for (long w : d) {
            count += Long.bitCount(w);
        }
        String[] ids = new String[count];
        int n = 0;
        for (int w = 0; w < d.length; w++) {
            for (long bits = d[w]; bits != 0; bits &= bits - 1) {
                ids[n++] = x.categoryIds[(w << 6) + Long.numberOfTrailingZeros(bits)];
            }
        }
        return count == 1 ? ids[0] : String.join(", ", ids);
    }
}
