package io.privacyrules.internal.pack;

import io.privacyrules.internal.Suggest;
import io.privacyrules.internal.pack.DrlLexer.Kind;
import io.privacyrules.internal.pack.DrlLexer.Token;
import io.privacyrules.internal.pack.DrlSchema.Fact;
import io.privacyrules.internal.pack.DrlSchema.Member;
import io.privacyrules.internal.pack.DrlSchema.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses the code pieces of a pack's DRL (a constraint, a {@code from} source, a consequence)
 * against a grammar that admits only what a policy needs, checks every name and type against
 * {@link DrlSchema}, and prints the text that is compiled. The author's text is never compiled:
 * only this print, made of checked identifiers, re-escaped string literals and fixed operators.
 *
 * <p>Conditions:
 * <pre>
 * expr     := and ('||' and)*
 * and      := unary ('&amp;&amp;' unary)*
 * unary    := '!' unary | '(' expr ')' | relation
 * relation := operand [ op operand | ['not'] 'in' '(' literal (',' literal)* ')' | ['not'] 'contains' operand ]
 * op       := '==' | '!=' | '&lt;' | '&gt;' | '&lt;=' | '&gt;='
 * operand  := literal | path
 * path     := (property | helper '(' args ')' | $var | 'this') ('.' (property | method '(' args ')'))*
 * literal  := "string" | number | 'true' | 'false' | 'null'
 * </pre>
 * A consequence is a list of {@code out.method(arg, ...);} calls whose arguments are literals or
 * paths on a bound variable written as Java calls ({@code $r.getStatutoryUntil()}).
 */
final class DrlCode {
    /** Where a piece of code stands, which decides the grammar and the form of member access. */
    enum Mode { CONDITION, SOURCE, CONSEQUENCE }

    /** A variable bound by a pattern: a fact, or a text taken {@code from} a list. */
    record Binding(Fact fact, ValueType type) {
    }

    /** A string literal compared with (or passed to) a member of a fact, for the id checks. */
    record LiteralUse(String fact, String member, String value, int offset) {
    }

    /** What the names in a piece of code resolve against. Not thread-safe. */
    static final class Scope {
        final Fact pattern;
        final boolean textPattern;
        final Map<String, Binding> vars;
        final List<LiteralUse> literals;

        Scope(Fact pattern, boolean textPattern, Map<String, Binding> vars, List<LiteralUse> literals) {
            this.pattern = pattern;
            this.textPattern = textPattern;
            this.vars = vars;
            this.literals = literals;
        }
    }

    /** One parsed {@code out} call: the method, its arguments as parsed, and where it starts. */
    record Call(String method, List<Arg> args, int offset) {
    }

    /** An argument of an {@code out} call: its type, its printed Java text and, for a literal, its value. */
    record Arg(ValueType type, String text, Kind literal, String value, int offset) {
        boolean isLiteral() {
            return literal != null;
        }
    }

    /** The type and the printed text of an expression, and what a literal in it is compared with. */
    private record Typed(ValueType type, Fact fact, String text, String owner, String member, String literal, int offset) {
        static Typed of(ValueType type, String text) {
            return new Typed(type, null, text, null, null, null, -1);
        }

        static Typed member(ValueType type, String text, String owner, String member) {
            return new Typed(type, null, text, owner, member, null, -1);
        }

        static Typed fact(Fact fact, String text) {
            return new Typed(ValueType.FACT, fact, text, null, null, null, -1);
        }
    }

    private static final Set<String> RELATIONS = Set.of("==", "!=", "<", ">", "<=", ">=");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "null", "in", "not", "contains", "this");

    /** Deepest nesting of parentheses and negations in one constraint. */
    static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private final Scope scope;
    private final Mode mode;
    private int pos;
    private int depth;

    private DrlCode(List<Token> tokens, Scope scope, Mode mode) {
        this.tokens = tokens;
        this.scope = scope;
        this.mode = mode;
    }

    /** The printed form of one constraint of a pattern; it must be true or false. */
    static String constraint(String text, Scope scope) throws DrlLexer.Error {
        DrlCode p = new DrlCode(DrlLexer.lex(text), scope, Mode.CONDITION);
        if (p.peek().kind() == Kind.END) {
            throw new DrlLexer.Error(0, "an empty constraint", "remove the extra comma");
        }
        Typed t = p.or();
        p.expectEnd("&&, || or the end of the constraint");
        p.require(t, ValueType.BOOLEAN, 0);
        return t.text();
    }

    /** The printed form of a {@code from} source: a bound variable's list property. */
    static String source(String text, Scope scope) throws DrlLexer.Error {
        DrlCode p = new DrlCode(DrlLexer.lex(text), scope, Mode.SOURCE);
        Token first = p.peek();
        if (first.kind() != Kind.VAR) {
            throw new DrlLexer.Error(first.start(), "'from' may only take a list property of a bound fact",
                    "for example: $ground : String() from $r.refusalGrounds");
        }
        Typed t = p.operand();
        p.expectEnd("the end of the source");
        if (t.type() != ValueType.STRINGS) {
            throw new DrlLexer.Error(first.start(), "'from' takes a list of ids; " + t.text() + " is " + t.type().words, "");
        }
        return t.text();
    }

    /** The {@code out} calls of a consequence, parsed and typed; printing is the caller's. */
    static List<Call> consequence(String text, Scope scope) throws DrlLexer.Error {
        DrlCode p = new DrlCode(DrlLexer.lex(text), scope, Mode.CONSEQUENCE);
        List<Call> calls = new ArrayList<>();
        while (p.peek().kind() != Kind.END) {
            calls.add(p.call());
        }
        return calls;
    }

    // ---- consequences ------------------------------------------------------------------------

    private Call call() throws DrlLexer.Error {
        Token out = next();
        if (!(out.kind() == Kind.IDENT && out.text().equals("out"))) {
            throw new DrlLexer.Error(out.start(), "a consequence may only call methods of out",
                    "write out.deny(\"code\", \"Message.\"); move any other logic into the conditions");
        }
        expect(".", "out.method(...)");
        Token method = next();
        if (method.kind() != Kind.IDENT) {
            throw new DrlLexer.Error(method.start(), "expected a method of out after 'out.'", "");
        }
        expect("(", "out." + method.text() + "(...)");
        List<Arg> args = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                args.add(arg());
            } while (accept(","));
        }
        expect(")", "a ')' closing out." + method.text() + "(");
        expect(";", "a ';' after out." + method.text() + "(...)");
        return new Call(method.text(), List.copyOf(args), out.start());
    }

    private Arg arg() throws DrlLexer.Error {
        Token t = peek();
        if (t.kind() == Kind.STRING || t.kind() == Kind.NUMBER || isKeywordLiteral(t)) {
            next();
            ValueType type = t.kind() == Kind.STRING ? ValueType.STRING : t.kind() == Kind.NUMBER ? ValueType.INT
                    : t.text().equals("null") ? ValueType.NULL : ValueType.BOOLEAN;
            return new Arg(type, print(t), t.kind() == Kind.IDENT ? Kind.IDENT : t.kind(), t.text(), t.start());
        }
        if (t.kind() != Kind.VAR) {
            throw new DrlLexer.Error(t.start(), "an argument of out must be a literal or a bound variable's getter",
                    "for example \"code\", 3 or $r.getStatutoryUntil()");
        }
        Typed typed = operand();
        return new Arg(typed.type(), typed.text(), null, null, t.start());
    }

    // ---- conditions --------------------------------------------------------------------------

    private Typed or() throws DrlLexer.Error {
        Typed left = and();
        if (!peek().is("||")) {
            return left;
        }
        List<String> parts = new ArrayList<>(List.of(boolText(left)));
        while (accept("||")) {
            parts.add(boolText(and()));
        }
        return Typed.of(ValueType.BOOLEAN, "(" + String.join(" || ", parts) + ")");
    }

    private Typed and() throws DrlLexer.Error {
        Typed left = unary();
        if (!peek().is("&&")) {
            return left;
        }
        List<String> parts = new ArrayList<>(List.of(boolText(left)));
        while (accept("&&")) {
            parts.add(boolText(unary()));
        }
        return Typed.of(ValueType.BOOLEAN, "(" + String.join(" && ", parts) + ")");
    }

    private String boolText(Typed t) throws DrlLexer.Error {
        require(t, ValueType.BOOLEAN, previous().start());
        return t.text();
    }

    private Typed unary() throws DrlLexer.Error {
        Token t = peek();
        if (++depth > MAX_DEPTH) {
            throw new DrlLexer.Error(t.start(), "the condition is nested more than " + MAX_DEPTH + " deep",
                    "split it into simpler constraints or rules");
        }
        try {
            if (accept("!")) {
                Typed inner = unary();
                require(inner, ValueType.BOOLEAN, t.start());
                return Typed.of(ValueType.BOOLEAN, "!(" + inner.text() + ")");
            }
            if (accept("(")) {
                Typed inner = or();
                expect(")", "a ')'");
                return inner;
            }
            return relation();
        } finally {
            depth--;
        }
    }

    private Typed relation() throws DrlLexer.Error {
        Typed left = operand();
        Token op = peek();
        if (op.kind() == Kind.OP && RELATIONS.contains(op.text())) {
            next();
            Typed right = operand();
            compare(left, op, right);
            return Typed.of(ValueType.BOOLEAN, left.text() + " " + op.text() + " " + right.text());
        }
        boolean negated = false;
        if (op.is("not")) {
            next();
            negated = true;
            op = peek();
            if (!op.is("in") && !op.is("contains")) {
                throw new DrlLexer.Error(op.start(), "expected 'in' or 'contains' after 'not'", "");
            }
        }
        if (accept("in")) {
            return in(left, negated, op);
        }
        if (accept("contains")) {
            Typed right = operand();
            if (left.type() != ValueType.STRINGS) {
                throw new DrlLexer.Error(op.start(), "'contains' needs a list on its left; " + left.text() + " is "
                        + left.type().words, "compare text with == or in (...)");
            }
            require(right, ValueType.STRING, op.end());
            note(left, right);
            return Typed.of(ValueType.BOOLEAN, left.text() + (negated ? " not contains " : " contains ") + right.text());
        }
        return left;
    }

    private Typed in(Typed left, boolean negated, Token op) throws DrlLexer.Error {
        if (left.type() != ValueType.STRING) {
            throw new DrlLexer.Error(op.start(), "'in' needs a text on its left; " + left.text() + " is "
                    + left.type().words, "");
        }
        expect("(", "'(' after in");
        List<String> values = new ArrayList<>();
        do {
            Token v = next();
            if (v.kind() != Kind.STRING) {
                throw new DrlLexer.Error(v.start(), "'in (...)' lists string literals only", "for example right in (\"access\", \"copy\")");
            }
            note(left, v);
            values.add(print(v));
        } while (accept(","));
        expect(")", "a ')' closing the list");
        return Typed.of(ValueType.BOOLEAN, left.text() + (negated ? " not in (" : " in (") + String.join(", ", values) + ")");
    }

    private void compare(Typed left, Token op, Typed right) throws DrlLexer.Error {
        boolean equality = op.text().equals("==") || op.text().equals("!=");
        ValueType l = left.type();
        ValueType r = right.type();
        boolean ok;
        if (equality) {
            ok = l == r && l != ValueType.FACT && l != ValueType.NULL
                    || (l == ValueType.NULL && (r == ValueType.STRING || r == ValueType.DATE || r == ValueType.INT))
                    || (r == ValueType.NULL && (l == ValueType.STRING || l == ValueType.DATE || l == ValueType.INT));
        } else {
            ok = l == r && (l == ValueType.INT || l == ValueType.DATE);
        }
        if (!ok) {
            throw new DrlLexer.Error(op.start(), "cannot compare " + left.text() + " (" + l.words + ") " + op.text() + " "
                    + right.text() + " (" + r.words + ")", equality ? "compare values of the same type"
                    : "<, >, <= and >= compare whole numbers or dates");
        }
        note(left, right);
        note(right, left);
    }

    /** Remembers a string literal compared with a member, for the pack's id checks. */
    private void note(Typed member, Typed literal) {
        if (literal.literal() != null && member.member() != null) {
            scope.literals.add(new LiteralUse(member.owner(), member.member(), literal.literal(), literal.offset()));
        }
    }

    private void note(Typed member, Token literal) {
        if (member.member() != null) {
            scope.literals.add(new LiteralUse(member.owner(), member.member(), literal.text(), literal.start()));
        }
    }

    // ---- operands and paths ------------------------------------------------------------------

    private Typed operand() throws DrlLexer.Error {
        Token t = next();
        switch (t.kind()) {
            case STRING -> {
                return new Typed(ValueType.STRING, null, print(t), null, null, t.text(), t.start());
            }
            case NUMBER -> {
                return Typed.of(ValueType.INT, t.text());
            }
            case VAR -> {
                Binding b = scope.vars.get(t.text());
                if (b == null) {
                    throw new DrlLexer.Error(t.start(), "unknown variable " + t.text(), hintFor(t.text(), scope.vars.keySet()));
                }
                Typed head = b.fact() != null ? Typed.fact(b.fact(), t.text()) : Typed.of(b.type(), t.text());
                return steps(head);
            }
            case IDENT -> {
                if (isKeywordLiteral(t)) {
                    return Typed.of(t.text().equals("null") ? ValueType.NULL : ValueType.BOOLEAN, t.text());
                }
                if (mode != Mode.CONDITION) {
                    throw new DrlLexer.Error(t.start(), "'" + t.text() + "' is not allowed here",
                            mode == Mode.SOURCE ? "write $r.listProperty" : "arguments are literals or $variable getters");
                }
                if (t.text().equals("this")) {
                    if (!scope.textPattern) {
                        throw new DrlLexer.Error(t.start(), "'this' is allowed only in String() patterns",
                                "name the property instead");
                    }
                    return steps(Typed.of(ValueType.STRING, "this"));
                }
                if (scope.textPattern) {
                    throw new DrlLexer.Error(t.start(), "a String() pattern has no property '" + t.text() + "'",
                            "compare the text itself: String( this == \"...\" )");
                }
                return steps(member(Typed.fact(scope.pattern, ""), t, true));
            }
            default -> throw new DrlLexer.Error(t.start(), t.kind() == Kind.END ? "the expression ends too early"
                    : "unexpected '" + t.text() + "'", "");
        }
    }

    private Typed steps(Typed head) throws DrlLexer.Error {
        Typed current = head;
        while (peek().is(".")) {
            next();
            Token name = next();
            if (name.kind() != Kind.IDENT) {
                throw new DrlLexer.Error(name.start(), "expected a property or method name after '.'", "");
            }
            current = current.type() == ValueType.FACT ? member(current, name, false) : valueMethod(current, name);
        }
        if (mode == Mode.CONSEQUENCE && current.type() == ValueType.FACT) {
            throw new DrlLexer.Error(head.text().isEmpty() ? 0 : previous().start(), "a fact cannot be passed to out",
                    "pass one of its values: $r.getRightClause()");
        }
        return current;
    }

    /** A property or helper of a fact; {@code first} when it stands alone, on the pattern's own fact. */
    private Typed member(Typed fact, Token name, boolean first) throws DrlLexer.Error {
        Fact f = fact.fact();
        String prefix = first ? "" : fact.text() + ".";
        boolean call = peek().is("(");
        if (mode == Mode.CONSEQUENCE) {
            Member m = f.byJavaName(name.text());
            if (m == null || !call) {
                Member asProperty = f.properties().get(name.text());
                String hint = asProperty != null ? "in a consequence write " + prefix + asProperty.javaName() + "()"
                        : hintFor(name.text(), javaNames(f));
                throw new DrlLexer.Error(name.start(), f.name() + " has no method " + name.text() + "()", hint);
            }
            return Typed.member(m.result(), prefix + m.javaName() + "(" + args(m) + ")", f.name(), m.name());
        }
        if (call) {
            Member h = f.helpers().get(name.text());
            if (h == null) {
                Member p = f.properties().get(name.text());
                throw new DrlLexer.Error(name.start(), f.name() + " has no method " + name.text() + "()",
                        p != null ? "write the property without parentheses: " + name.text()
                                : "its methods are " + String.join(", ", new TreeSet<>(f.helpers().keySet())));
            }
            int at = peek().start();
            String printedArgs = args(h);
            if (h.parameters().size() == 1 && lastStringArg != null) {
                scope.literals.add(new LiteralUse(f.name(), h.name(), lastStringArg, at + 1));
            }
            return Typed.member(h.result(), prefix + h.name() + "(" + printedArgs + ")", f.name(), h.name());
        }
        Member p = f.properties().get(name.text());
        if (p == null) {
            String near = hintFor(name.text(), f.properties().keySet());
            throw new DrlLexer.Error(name.start(), f.name() + " has no property '" + name.text() + "'",
                    (near.isEmpty() ? "" : near + " ") + "Its properties: "
                            + String.join(", ", new TreeSet<>(f.properties().keySet())));
        }
        return Typed.member(p.result(), prefix + p.name(), f.name(), p.name());
    }

    private Typed valueMethod(Typed value, Token name) throws DrlLexer.Error {
        Map<String, Member> methods = DrlSchema.VALUE_METHODS.getOrDefault(value.type(), Map.of());
        Member m = methods.get(name.text());
        if (m == null || !peek().is("(")) {
            throw new DrlLexer.Error(name.start(), value.type().words + " has no method " + name.text() + "()",
                    methods.isEmpty() ? "" : "its methods are " + String.join(", ", new TreeSet<>(methods.keySet())));
        }
        String printedArgs = args(m);
        if (m.name().equals("contains") && lastStringArg != null && value.member() != null) {
            scope.literals.add(new LiteralUse(value.owner(), value.member(), lastStringArg, previous().start()));
        }
        return Typed.of(m.result(), value.text() + "." + m.javaName() + "(" + printedArgs + ")");
    }

    private String lastStringArg;

    private String args(Member m) throws DrlLexer.Error {
        expect("(", "'('");
        lastStringArg = null;
        List<String> printed = new ArrayList<>();
        int i = 0;
        if (!peek().is(")")) {
            do {
                Token at = peek();
                if (i >= m.parameters().size()) {
                    throw new DrlLexer.Error(at.start(), m.name() + "() takes " + m.parameters().size() + " argument(s)", "");
                }
                Typed a = operand();
                ValueType want = m.parameters().get(i);
                if (a.type() != want) {
                    throw new DrlLexer.Error(at.start(), "argument " + (i + 1) + " of " + m.name() + "() must be "
                            + want.words + ", not " + a.type().words, "");
                }
                if (a.literal() != null) {
                    lastStringArg = a.literal();
                }
                printed.add(a.text());
                i++;
            } while (accept(","));
        }
        if (i != m.parameters().size()) {
            throw new DrlLexer.Error(peek().start(), m.name() + "() takes " + m.parameters().size() + " argument(s)", "");
        }
        expect(")", "a ')'");
        return String.join(", ", printed);
    }

    // ---- tokens ------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(pos);
    }

    private Token previous() {
        return tokens.get(Math.max(0, pos - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private boolean accept(String s) {
        if (peek().is(s)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String s, String what) throws DrlLexer.Error {
        Token t = peek();
        if (!accept(s)) {
            throw new DrlLexer.Error(t.start(), "expected " + what + ", found " + describe(t), "");
        }
    }

    private void expectEnd(String what) throws DrlLexer.Error {
        Token t = peek();
        if (t.kind() != Kind.END) {
            throw new DrlLexer.Error(t.start(), "expected " + what + ", found " + describe(t),
                    t.is("=") ? "compare with ==" : "");
        }
    }

    private void require(Typed t, ValueType type, int offset) throws DrlLexer.Error {
        if (t.type() != type) {
            throw new DrlLexer.Error(offset, (t.text().isEmpty() ? "the expression" : t.text()) + " is " + t.type().words
                    + ", where " + type.words + " is needed", type == ValueType.BOOLEAN
                    ? "compare it: for example purpose == \"marketing\"" : "");
        }
    }

    private static boolean isKeywordLiteral(Token t) {
        return t.kind() == Kind.IDENT && (t.text().equals("true") || t.text().equals("false") || t.text().equals("null"));
    }

    private static String describe(Token t) {
        return t.kind() == Kind.END ? "the end" : t.kind() == Kind.STRING ? "a string" : "'" + t.text() + "'";
    }

    private static String hintFor(String word, java.util.Collection<String> known) {
        String near = Suggest.nearest(word, known);
        return near != null ? "did you mean '" + near + "'?" : "";
    }

    private static List<String> javaNames(Fact f) {
        List<String> names = new ArrayList<>();
        f.properties().values().forEach(m -> names.add(m.javaName()));
        names.addAll(f.helpers().keySet());
        return names;
    }

    /** A token printed back: a string re-escaped, anything else as it is. */
    static String print(Token t) {
        return t.kind() == Kind.STRING ? quote(t.text()) : t.text();
    }

    /**
     * A Java and MVEL string literal with this value: quotes, backslashes and line breaks
     * escaped; every other character, non-ASCII ones included, written as itself.
     */
    static String quote(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\'' -> b.append("\\'");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        throw new IllegalArgumentException("control character in a checked string");
                    }
                    b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    static boolean isKeyword(String word) {
        return KEYWORDS.contains(word);
    }
}
