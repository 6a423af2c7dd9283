package io.privacyrules.internal.pack;

import io.privacyrules.internal.Problems;
import io.privacyrules.internal.yaml.Location;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a pack's DRL to what a policy needs, so that a pack from an untrusted source cannot run
 * arbitrary Java (exit the JVM, open files, reflect). An allowlist, checked on the text with
 * comments blanked out:
 * <ul>
 *   <li>outside rules, nothing (no functions, queries, declarations, imports);</li>
 *   <li>between the rule name and {@code when}: metadata ({@code @clause("...")}), {@code salience N}
 *       and {@code no-loop};</li>
 *   <li>in conditions: the fact types {@code Request}, {@code Rights}, {@code Retention} and
 *       {@code String}, their properties, a few read-only methods, operators and literals; no
 *       {@code eval}, no other type names, no {@code new};</li>
 *   <li>in consequences: only calls {@code out.method(...)} whose arguments are literals or
 *       {@code $variable} property chains.</li>
 * </ul>
 */
final class DrlSandbox {
    static final Set<String> FACT_TYPES = Set.of("Request", "Rights", "Retention", "String");
    static final Set<String> CONDITION_CALLS = Set.of("hasData", "dataWithin", "clauseOf", "isEmpty", "size",
            "contains", "equals", "startsWith", "endsWith", "not", "exists", "forall", "and", "or", "in");
    static final Set<String> CONDITION_WORDS_FORBIDDEN = Set.of("eval", "new", "accumulate", "collect", "entry-point",
            "window", "over", "matches", "soundslike", "memberOf", "class", "getClass", "forName", "this");
    private static final Set<String> OUT_METHODS = Set.of("permit", "deny", "oblige", "fulfil", "refuse",
            "verifyIdentity", "retain", "retainUntil", "dispose");

    private static final Pattern RULE = Pattern.compile(
            "\\brule\\s+(?:\"[^\"]*\"|'[^']*'|\\S+)(.*?)\\bwhen\\b(.*?)\\bthen\\b(.*?)\\bend\\b", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\s*(?:@\\w+\\s*\\(\\s*\"[^\"]*\"\\s*\\)|salience\\s+-?\\d{1,6}|no-loop(?:\\s+(?:true|false))?)");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern OUT_CALL = Pattern.compile("out\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern ARG = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d{1,9}|\\$\\w+(?:\\.\\w+(?:\\((?:\\$\\w+|\"[^\"]*\")?\\))?)*");

    private DrlSandbox() {
    }

    /** Reports everything in {@code code} (comments blanked) that falls outside the allowlist. */
    static void check(String file, String code, Problems problems) {
        // Structure is found on a copy whose string literals are blanked, so that a word such as
        // "end" inside a message does not end a rule; offsets are the same in both.
        Matcher rule = RULE.matcher(blankStrings(code));
        int last = 0;
        while (rule.find()) {
            outside(file, code, last, rule.start(), problems);
            attributes(file, code, rule.start(1), rule.end(1), problems);
            condition(file, code, rule.start(2), rule.end(2), problems);
            consequence(file, code, rule.start(3), rule.end(3), problems);
            last = rule.end();
        }
        outside(file, code, last, code.length(), problems);
    }

    private static void outside(String file, String code, int from, int to, Problems problems) {
        String text = code.substring(from, to);
        int i = firstNonBlank(text);
        if (i >= 0) {
            String found = word(text, i);
            boolean declared = found.equals("package") || found.equals("import") || found.equals("global");
            problems.add(at(file, code, from + i), declared ? "a pack's DRL may not declare '" + found + "'"
                    : "only rules are allowed in a pack's DRL (found '" + found + "')", declared
                    ? "remove the line: the engine declares the package, the facts and the global out"
                    : "write rules as: rule \"name\" @clause(\"...\") when ... then ... end");
        }
    }

    private static void attributes(String file, String code, int from, int to, Problems problems) {
        String text = code.substring(from, to);
        Matcher m = ATTRIBUTE.matcher(text);
        int pos = 0;
        while (pos < text.length()) {
            m.region(pos, text.length());
            if (m.lookingAt()) {
                pos = m.end();
                continue;
            }
            int i = firstNonBlank(text.substring(pos));
            if (i < 0) {
                return;
            }
            problems.add(at(file, code, from + pos + i), "rule attribute '" + word(text, pos + i) + "' is not allowed",
                    "a rule may carry @metadata(\"...\"), salience N and no-loop");
            return;
        }
    }

    private static void condition(String file, String code, int from, int to, Problems problems) {
        String text = blankStrings(code.substring(from, to));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || c == '#' || c == '\\') {
                problems.add(at(file, code, from + i), "'" + c + "' is not allowed in a condition", "");
                return;
            }
        }
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            String word = w.group();
            boolean call = nextNonBlank(text, w.end()) == '(';
            boolean afterDollar = w.start() > 0 && text.charAt(w.start() - 1) == '$';
            if (afterDollar) {
                continue;
            }
            String why = null;
            if (CONDITION_WORDS_FORBIDDEN.contains(word)) {
                why = "'" + word + "' is not allowed in a pack's conditions";
            } else if (Character.isUpperCase(word.charAt(0)) && !FACT_TYPES.contains(word)) {
                why = "type '" + word + "' is not allowed; conditions match " + FACT_TYPES;
            } else if (call && Character.isLowerCase(word.charAt(0)) && !CONDITION_CALLS.contains(word)) {
                why = "method '" + word + "' is not allowed in a condition";
            }
            if (why != null) {
                problems.add(at(file, code, from + w.start()), why,
                        "a pack's DRL may use only the engine's facts and helpers (see docs/pack-format.md)");
                return;
            }
        }
    }

    private static void consequence(String file, String code, int from, int to, Problems problems) {
        String text = code.substring(from, to);
        int pos = 0;
        while (true) {
            int i = firstNonBlank(text.substring(pos));
            if (i < 0) {
                return;
            }
            pos += i;
            Matcher call = OUT_CALL.matcher(text);
            call.region(pos, text.length());
            if (!call.lookingAt() || !OUT_METHODS.contains(call.group(1))) {
                problems.add(at(file, code, from + pos), "a consequence may only call out.permit, out.deny, out.oblige, "
                        + "out.fulfil, out.refuse, out.verifyIdentity, out.retain, out.retainUntil and out.dispose",
                        "move logic into the conditions; no other Java runs in a pack");
                return;
            }
            List<String> args = PackCompiler.arguments(text, call.end());
            int close = closing(text, call.end());
            if (args == null || close < 0) {
                problems.add(at(file, code, from + pos), "unclosed out." + call.group(1) + "(", "");
                return;
            }
            for (String a : args) {
                if (!ARG.matcher(a).matches()) {
                    problems.add(at(file, code, from + pos), "argument '" + shorten(a) + "' of out." + call.group(1)
                            + " is not a literal or a $variable's property", "");
                    return;
                }
            }
            pos = close + 1;
            int semi = firstNonBlank(text.substring(pos));
            if (semi < 0 || text.charAt(pos + semi) != ';') {
                problems.add(at(file, code, from + pos), "expected ';' after out." + call.group(1) + "(...)", "");
                return;
            }
            pos += semi + 1;
        }
    }

    /**
     * The text with {@code out.enter(N);} added right after each rule's {@code then}, N counting
     * up from {@code firstOrdinal} in the order the rules stand, so that every consequence tells
     * the verdict which rule it belongs to. Lines and columns before each insertion are unchanged.
     */
    static String withEnterCalls(String text, int firstOrdinal) {
        Matcher rule = RULE.matcher(blankStrings(PackCompiler.withoutComments(text)));
        StringBuilder out = new StringBuilder(text.length() + 64);
        int last = 0;
        int ordinal = firstOrdinal;
        while (rule.find()) {
            int then = rule.end(2) + 4; // just past "then"
            out.append(text, last, then).append(" out.enter(").append(ordinal++).append(");");
            last = then;
        }
        return out.append(text, last, text.length()).toString();
    }

    /** The index of the parenthesis closing the call whose arguments start at {@code start}. */
    private static int closing(String text, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** The text with the inside of each string literal blanked (quotes and line breaks kept). */
    private static String blankStrings(String text) {
        Matcher m = STRING.matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start() + 1; i < m.end() - 1; i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    private static int firstNonBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static char nextNonBlank(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return 0;
    }

    private static String word(String s, int i) {
        Matcher m = WORD.matcher(s);
        return m.find(i) && m.start() == i ? m.group() : String.valueOf(s.charAt(i));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static Location at(String file, String code, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, offset - lineStart + 1);
    }
}
