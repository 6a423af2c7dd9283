package io.privacyrules.internal.pack;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the code pieces of a pack's DRL (one constraint, one {@code from} source, one
 * consequence) into tokens. It knows only the small language a pack may write there:
 * ASCII identifiers, {@code $variables}, whole numbers, double-quoted strings, comments and a
 * dozen operators. Anything else is an error at its offset, never a guess: a quote of the
 * wrong kind, a text block, a brace, an assignment, arithmetic, or a letter outside ASCII
 * outside a string.
 *
 * <p>The lexer's view does not have to agree with Drools' or the Java compiler's: the engine
 * compiles a text it prints itself from these tokens ({@link DrlCode}), never the author's.
 * {@link #forbiddenCharacter} is checked on the whole file before Drools' parser sees it.
 */
final class DrlLexer {
    enum Kind { IDENT, VAR, STRING, NUMBER, OP, END }

    /** One token: its kind, its text (a string's value, unescaped) and where it starts and ends. */
    record Token(Kind kind, String text, int start, int end) {
        boolean is(String s) {
            return (kind == Kind.OP || kind == Kind.IDENT) && text.equals(s);
        }
    }

    /** A lexical or syntax error at an offset of the text that was read. */
    static final class Error extends Exception {
        private static final long serialVersionUID = 1L;
        final int offset;
        final transient String hint;

        Error(int offset, String message, String hint) {
            super(message, null, false, false);
            this.offset = offset;
            this.hint = hint;
        }
    }

    /** Longest first, so that {@code ==} is not read as two {@code =}. */
    private static final String[] OPERATORS = {"==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", ",", ".",
            ";"};
    /** Longest string literal accepted, in characters. */
    static final int MAX_STRING = 2_000;

    private DrlLexer() {
    }

    /**
     * The first character of {@code text} that no part of a pack's DRL may contain, or null. A
     * Unicode escape is refused everywhere, comments and strings included, because the Java
     * compiler translates it before it reads anything else; so are control characters other
     * than tab, line feed, carriage return and form feed, and the Unicode line separators.
     */
    static Error forbiddenCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == 'u' || text.charAt(i + 1) == 'U')) {
                return new Error(i, "a Unicode escape (\\u...) is not allowed anywhere in a pack's DRL",
                        "write the character itself; the file is read as UTF-8");
            }
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
                    || (c >= 0x7f && c < 0xa0) || c == '\u2028' || c == '\u2029' || c == '\ufeff';
            if (control) {
                return new Error(i, String.format("control character U+%04X is not allowed in a pack's DRL", (int) c),
                        "remove it");
            }
        }
        return null;
    }

    /** The tokens of {@code text}, without comments and white space, ending with an END token. */
    static List<Token> lex(String text) throws Error {
        Error bad = forbiddenCharacter(text);
        if (bad != null) {
            throw bad;
        }
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new Error(i, "a comment that is never closed", "close it with */");
                }
                i = close + 2;
            } else if (c == '"') {
                i = string(text, i, tokens);
            } else if (isIdentStart(c)) {
                int start = i;
                while (i < n && isIdentPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, text.substring(start, i), start, i));
            } else if (c == '$') {
                int start = i++;
                if (i >= n || !isIdentStart(text.charAt(i))) {
                    throw new Error(start, "'$' must begin a variable name such as $r", "");
                }
                while (i < n && isIdentPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.VAR, text.substring(start, i), start, i));
            } else if (c >= '0' && c <= '9') {
                int start = i;
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                if (i < n && (isIdentPart(text.charAt(i)) || text.charAt(i) == '.')) {
                    throw new Error(start, "only whole decimal numbers are allowed", "write a number such as 3");
                }
                if (i - start > 9 || (i - start > 1 && c == '0')) {
                    throw new Error(start, "'" + text.substring(start, i) + "' is not a plain whole number of at most nine digits", "");
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), start, i));
            } else {
                String op = operatorAt(text, i);
                if (op == null) {
                    throw new Error(i, unexpected(c), hintFor(c));
                }
                tokens.add(new Token(Kind.OP, op, i, i + op.length()));
                i += op.length();
            }
        }
        tokens.add(new Token(Kind.END, "", n, n));
        return tokens;
    }

    private static int string(String text, int open, List<Token> tokens) throws Error {
        int n = text.length();
        if (text.startsWith("\"\"\"", open)) {
            throw new Error(open, "a text block (\"\"\") is not allowed", "write one string on one line");
        }
        StringBuilder value = new StringBuilder();
        int i = open + 1;
        while (true) {
            if (i >= n || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                throw new Error(open, "a string that does not end on its line", "close it with \"");
            }
            char c = text.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                char e = i + 1 < n ? text.charAt(i + 1) : ' ';
                switch (e) {
                    case '"' -> value.append('"');
                    case '\\' -> value.append('\\');
                    case '\'' -> value.append('\'');
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    default -> throw new Error(i, "the escape \\" + e + " is not allowed in a string",
                            "use \\\" \\\\ \\' \\n or \\t, or write the character itself");
                }
                i += 2;
            } else {
                value.append(c);
                i++;
            }
            if (value.length() > MAX_STRING) {
                throw new Error(open, "a string longer than " + MAX_STRING + " characters", "shorten it");
            }
        }
        tokens.add(new Token(Kind.STRING, value.toString(), open, i + 1));
        return i + 1;
    }

    private static String operatorAt(String text, int i) {
        for (String op : OPERATORS) {
            if (text.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    private static String unexpected(char c) {
        if (c > 0x7e) {
            return String.format("character U+%04X is allowed only inside a string", (int) c);
        }
        return switch (c) {
            case '\'' -> "a single-quoted literal is not allowed";
            case '`' -> "a backquote is not allowed";
            case '{', '}' -> "a block ('" + c + "') is not allowed";
            case '[', ']' -> "an index or array ('" + c + "') is not allowed";
            case '=' -> "an assignment ('=') is not allowed";
            case '+', '-', '*', '/', '%' -> "arithmetic ('" + c + "') is not allowed";
            case '@', '#' -> "'" + c + "' is not allowed";
            case '?', ':' -> "'" + c + "' is not allowed here";
            default -> "'" + c + "' is not allowed";
        };
    }

    private static String hintFor(char c) {
        return switch (c) {
            case '\'' -> "write strings in double quotes";
            case '=' -> "compare with ==";
            default -> "a pack's DRL may use only the engine's facts, their properties and helpers, literals and "
                    + "comparisons (see docs/pack-format.md#what-a-packs-drl-may-contain)";
        };
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
