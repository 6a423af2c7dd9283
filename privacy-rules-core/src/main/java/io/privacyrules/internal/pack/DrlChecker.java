package io.privacyrules.internal.pack;

import io.privacyrules.internal.Ids;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.Suggest;
import io.privacyrules.internal.pack.DrlCode.Arg;
import io.privacyrules.internal.pack.DrlCode.Binding;
import io.privacyrules.internal.pack.DrlCode.Call;
import io.privacyrules.internal.pack.DrlCode.LiteralUse;
import io.privacyrules.internal.pack.DrlCode.Scope;
import io.privacyrules.internal.pack.DrlSchema.Fact;
import io.privacyrules.internal.pack.DrlSchema.ValueType;
import io.privacyrules.internal.yaml.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;

/**
 * Checks one DRL file of a pack on the descriptors of Drools' own parser, and builds the rules
 * that are compiled from what it checked. What Drools would compile is exactly what is checked:
 * the structure comes from Drools' parser, every piece of code in it (constraints, {@code from}
 * sources, consequences) is parsed again by {@link DrlCode} against a closed grammar and
 * printed back, and only those prints reach the compiler. Not thread-safe; one per file.
 *
 * <p>Allowed: rules only (no package, import, global, function, query, declare, entry point or
 * window); on a rule, {@code @clause("...")} (required), {@code salience N} and
 * {@code no-loop}; in conditions, patterns of the facts (and {@code String} patterns taken
 * {@code from} a fact's list), {@code and}, {@code or}, {@code not}, {@code exists} and
 * {@code forall}; in consequences, {@code out} calls with literal or getter arguments.
 */
final class DrlChecker {
    /** A rule that passed: its name, where it starts, its clause, what it compiles to and what it says. */
    record Checked(String name, Location at, String clause, RuleDescr descr, List<Call> calls, List<Located> literals) {
    }

    /** A string literal used with a fact's member, and where it stands in the file. */
    record Located(LiteralUse use, Location at) {
    }

    /**
     * The argument shapes of each out method: c a reason code literal, m a message literal, o an
     * obligation literal (the last one may repeat), n a step (a whole-number literal), s a clause
     * (a literal or a text from a fact), d a day (a date from a fact, or null).
     */
    static final Map<String, List<String>> SIGNATURES = Map.of(
            "permit", List.of("cmo*"),
            "deny", List.of("cm"),
            "oblige", List.of("o*"),
            "fulfil", List.of("ncm", "nscm"),
            "refuse", List.of("ncm", "nscm"),
            "verifyIdentity", List.of("ncm", "nscm"),
            "retain", List.of("cm"),
            "retainUntil", List.of("dcm", "dscm"),
            "dispose", List.of("cm", "scm"));
    static final Map<String, String> USAGE = Map.of(
            "permit", "out.permit(\"code\", \"message\", \"obligation\"...)",
            "deny", "out.deny(\"code\", \"message\")",
            "oblige", "out.oblige(\"obligation\"...)",
            "fulfil", "out.fulfil(step, [clause,] \"code\", \"message\")",
            "refuse", "out.refuse(step, [clause,] \"code\", \"message\")",
            "verifyIdentity", "out.verifyIdentity(step, [clause,] \"code\", \"message\")",
            "retain", "out.retain(\"code\", \"message\")",
            "retainUntil", "out.retainUntil(day, [clause,] \"code\", \"message\")",
            "dispose", "out.dispose([clause,] \"code\", \"message\")");

    private static final Pattern VARIABLE = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Pattern SALIENCE = Pattern.compile("-?[0-9]{1,6}");
    private static final int MAX_RULE_NAME = 120;

    private final String file;
    private final String text;
    private final Pack pack;
    private final boolean generated;
    private final Problems problems;
    private final Lines lines;

    private DrlChecker(String file, String text, Pack pack, boolean generated, Problems problems) {
        this.file = file;
        this.text = text;
        this.pack = pack;
        this.generated = generated;
        this.problems = problems;
        this.lines = new Lines(text);
    }

    /**
     * Checks {@code text}, reporting every problem; returns the rules that passed, each compiled
     * with {@code out.enter(ordinal)} first unless the DRL is the one generated from YAML.
     * {@code names} holds the rule names seen so far in the pack, and gets this file's.
     */
    static List<Checked> check(String file, String text, Pack pack, int firstOrdinal, boolean generated,
                               Map<String, Location> names, Problems problems) {
        return new DrlChecker(file, text, pack, generated, problems).run(firstOrdinal, names);
    }

    private List<Checked> run(int firstOrdinal, Map<String, Location> names) {
        DrlLexer.Error bad = DrlLexer.forbiddenCharacter(text);
        if (bad != null) {
            problems.add(lines.at(file, bad.offset), bad.getMessage(), bad.hint);
            return List.of();
        }
        int deep = tooDeep(text);
        if (deep >= 0) {
            problems.add(lines.at(file, deep), "brackets or negations are nested more than " + DrlCode.MAX_DEPTH + " deep here",
                    "split the rule into simpler rules");
            return List.of();
        }
        PackageDescr parsed;
        DrlParser parser = new DrlParser();
        try {
            parsed = parser.parse(false, text);
        } catch (Exception | StackOverflowError e) {
            problems.add(Location.of(file), "the DRL could not be parsed (" + e.getClass().getSimpleName() + ")",
                    "see docs/pack-format.md#drl-files for the syntax");
            return List.of();
        }
        if (parser.hasErrors() || parsed == null) {
            for (DroolsError e : parser.getErrors()) {
                problems.add(parserLocation(e), "DRL error: " + squeeze(e.getMessage()),
                        "see docs/pack-format.md#drl-files for the syntax");
            }
            if (!parser.hasErrors()) {
                problems.add(Location.of(file), "the DRL could not be parsed", "");
            }
            return List.of();
        }
        outsideRules(parsed);
        List<Checked> out = new ArrayList<>();
        int ordinal = firstOrdinal;
        for (RuleDescr rule : parsed.getRules()) {
            int before = problems.size();
            Checked c;
            try {
                c = rule(rule, ordinal, names);
            } catch (IllegalStateException e) {
                problems.add(at(rule, "rule"), "the engine could not check rule \"" + rule.getName() + "\": " + e.getMessage(),
                        "report this as a bug of privacy-rules, with the rule");
                c = null;
            } catch (StackOverflowError e) {
                problems.add(at(rule, "rule"), "rule \"" + rule.getName() + "\" is nested too deeply to check",
                        "split it into simpler rules");
                c = null;
            }
            if (c != null && problems.size() == before) {
                out.add(c);
            }
            ordinal++;
        }
        return out;
    }

    private void outsideRules(PackageDescr p) {
        String hint = "a pack's DRL holds rules only; the engine declares the package, the facts and the global out";
        if (p.getName() != null && !p.getName().isEmpty()) {
            problems.add(find("package", 0), "a pack's DRL may not declare 'package'", hint);
        }
        p.getImports().forEach(d -> problems.add(at(d, "import"), "a pack's DRL may not declare 'import'", hint));
        p.getFunctionImports().forEach(d -> problems.add(at(d, "import"), "a pack's DRL may not import functions", hint));
        p.getAccumulateImports().forEach(d -> problems.add(at(d, "import"), "a pack's DRL may not import accumulate functions", hint));
        p.getGlobals().forEach(d -> problems.add(at(d, "global"), "a pack's DRL may not declare 'global'", hint));
        p.getFunctions().forEach(d -> problems.add(at(d, "function"), "a pack's DRL may not declare functions", hint));
        p.getTypeDeclarations().forEach(d -> problems.add(at(d, "declare"), "a pack's DRL may not declare types", hint));
        p.getEnumDeclarations().forEach(d -> problems.add(at(d, "declare"), "a pack's DRL may not declare enums", hint));
        p.getEntryPointDeclarations().forEach(d -> problems.add(at(d, "declare"), "a pack's DRL may not declare entry points", hint));
        p.getWindowDeclarations().forEach(d -> problems.add(at(d, "declare"), "a pack's DRL may not declare windows", hint));
        p.getAttributes().forEach(d -> problems.add(at(d, d.getName()), "a pack's DRL may not set package attributes ('"
                + d.getName() + "')", "set salience or no-loop on each rule"));
        if (p.getUnit() != null) {
            problems.add(find("unit", 0), "a pack's DRL may not declare a unit", hint);
        }
    }

    /**
     * The offset of the first bracket nested deeper than {@link DrlCode#MAX_DEPTH}, or of a chain of
     * more negations ({@code !}, {@code not}, {@code exists}) than that, outside strings and comments;
     * or -1. Checked before Drools' parser, whose recursion such a file would exhaust.
     */
    static int tooDeep(String text) {
        int depth = 0;
        int prefixes = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            boolean prefix = c == '!' && (i + 1 >= n || text.charAt(i + 1) != '=');
            if (!prefix && DrlLexer.isIdentStart(c)) {
                int end = i;
                while (end < n && DrlLexer.isIdentPart(text.charAt(end))) {
                    end++;
                }
                String word = text.substring(i, end);
                prefix = word.equals("not") || word.equals("exists");
                if (prefix && ++prefixes > DrlCode.MAX_DEPTH) {
                    return i;
                }
                if (!prefix) {
                    prefixes = 0;
                }
                i = end - 1;
                continue;
            }
            if (prefix) {
                if (++prefixes > DrlCode.MAX_DEPTH) {
                    return i;
                }
                continue;
            }
            if (c != '(') {
                prefixes = 0;
            }
            if (c == '"' || c == '\'') {
                for (i++; i < n && text.charAt(i) != c && text.charAt(i) != '\n'; i++) {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 1;
            } else if (c == '(' || c == '[' || c == '{') {
                if (++depth > DrlCode.MAX_DEPTH) {
                    return i;
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        return -1;
    }

    // ---- rules -------------------------------------------------------------------------------

    private Checked rule(RuleDescr rule, int ordinal, Map<String, Location> names) {
        Location at = at(rule, "rule");
        if (rule instanceof QueryDescr) {
            problems.add(at(rule, "query"), "a pack's DRL may not declare queries", "write rules only");
            return null;
        }
        String name = rule.getName();
        if (!nameOk(name, at, names)) {
            return null;
        }
        if (rule.getParentName() != null) {
            problems.add(at, "rule \"" + name + "\" extends another rule, which a pack may not do", "repeat the conditions");
        }
        RuleDescr out = new RuleDescr(name);
        out.setLocation(rule.getLine(), rule.getColumn());
        out.setStartCharacter(rule.getStartCharacter());
        attributes(rule, out);
        String clause = clause(rule, at, name, out);
        if (!rule.getNamedConsequences().isEmpty()) {
            problems.add(find("then[", rule.getStartCharacter()), "rule \"" + name + "\" has named consequences, which a pack may not use",
                    "write one then part");
        }
        Map<String, Binding> vars = new LinkedHashMap<>();
        List<Located> literals = new ArrayList<>();
        AndDescr lhs = rule.getLhs() == null ? new AndDescr() : rule.getLhs();
        BaseDescr checked = conditionalElement(lhs, vars, literals);
        if (!(checked instanceof AndDescr and)) {
            return null;
        }
        out.setLhs(and);
        List<Call> calls = consequence(rule, name, vars, ordinal, out);
        if (calls == null) {
            return null;
        }
        literals.forEach(this::declared);
        if (!generated) {
            kinds(name, at, and, calls);
        }
        return new Checked(name, at, clause, out, calls, List.copyOf(literals));
    }

    private boolean nameOk(String name, Location at, Map<String, Location> names) {
        if (name == null || name.isBlank() || name.length() > MAX_RULE_NAME || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add(at, "a rule name must be 1 to " + MAX_RULE_NAME + " printable characters", "");
            return false;
        }
        if (!generated && name.startsWith(DrlGenerator.RULE_PREFIX)) {
            problems.add(at, "rule names starting with '" + DrlGenerator.RULE_PREFIX + "' are reserved", "rename the rule");
            return false;
        }
        Location first = names.putIfAbsent(name, at);
        if (first != null) {
            problems.add(at, "duplicate rule name \"" + name + "\" (first at " + first + ")", "rule names are unique in a pack");
            return false;
        }
        return true;
    }

    private void attributes(RuleDescr rule, RuleDescr out) {
        for (AttributeDescr a : rule.getAttributes().values()) {
            Location where = at(a, a.getName());
            switch (a.getName()) {
                case "salience" -> {
                    String v = a.getValue() == null ? "" : a.getValue().strip();
                    if (!SALIENCE.matcher(v).matches()) {
                        problems.add(where, "salience must be a whole number of at most six digits", "for example salience 10");
                    } else {
                        out.addAttribute(new AttributeDescr("salience", v));
                    }
                }
                case "no-loop" -> {
                    String v = a.getValue() == null ? "true" : a.getValue().strip();
                    if (!v.equals("true") && !v.equals("false")) {
                        problems.add(where, "no-loop is true or false", "");
                    } else {
                        out.addAttribute(new AttributeDescr("no-loop", v, AttributeDescr.Type.BOOLEAN));
                    }
                }
                default -> problems.add(where, "rule attribute '" + a.getName() + "' is not allowed",
                        "a rule may carry @clause(\"...\"), salience N and no-loop");
            }
        }
    }

    private String clause(RuleDescr rule, Location at, String name, RuleDescr out) {
        String clause = null;
        for (String annotation : rule.getAnnotationNames()) {
            AnnotationDescr a = rule.getAnnotation(annotation);
            Location where = find("@" + annotation, rule.getStartCharacter());
            if (!annotation.equals("clause")) {
                problems.add(where, "annotation @" + annotation + " is not allowed",
                        "a rule carries one @clause(\"...\"); say anything else in a comment");
                continue;
            }
            Object raw = a.getValueMap().size() == 1 ? a.getValue("value") : null;
            String v = raw instanceof String s ? s.strip() : "";
            if (v.length() < 2 || !v.startsWith("\"") || !v.endsWith("\"") || v.indexOf('"', 1) != v.length() - 1) {
                problems.add(where, "rule \"" + name + "\": @clause takes one string, as in @clause(\"VI\")", "");
                continue;
            }
            clause = v.substring(1, v.length() - 1);
            if (!Ids.isClause(clause)) {
                problems.add(where, "rule \"" + name + "\": @clause(\"" + clause + "\") is not a clause reference",
                        "write it as printed in the policy: I.1(3), III.2(1)(a), VII");
            } else if (!pack.clauses().containsKey(clause)) {
                problems.add(where, "rule \"" + name + "\": clause " + clause + " is not declared in 'clauses'",
                        hintFor(clause, pack.clauses().keySet(), "declare it in policy.yaml, or correct the reference"));
            } else {
                out.addAnnotation(new AnnotationDescr("clause", DrlCode.quote(clause)));
            }
        }
        if (clause == null && rule.getAnnotation("clause") == null) {
            problems.add(at, "rule \"" + name + "\" names no clause",
                    "add @clause(\"VI\") (the clause it implements) after the rule name");
        }
        return clause;
    }

    // ---- conditions --------------------------------------------------------------------------

    private BaseDescr conditionalElement(BaseDescr d, Map<String, Binding> vars, List<Located> literals) {
        if (d instanceof PatternDescr p) {
            return pattern(p, vars, literals);
        }
        BaseDescr out;
        Map<String, Binding> inner = vars;
        if (d instanceof AndDescr) {
            out = new AndDescr();
        } else if (d instanceof OrDescr) {
            out = new OrDescr();
            inner = new LinkedHashMap<>(vars);
        } else if (d instanceof NotDescr) {
            out = new NotDescr();
            inner = new LinkedHashMap<>(vars);
        } else if (d instanceof ExistsDescr) {
            out = new ExistsDescr();
            inner = new LinkedHashMap<>(vars);
        } else if (d instanceof ForallDescr) {
            out = new ForallDescr();
            inner = new LinkedHashMap<>(vars);
        } else {
            problems.add(at(d, null), conditionName(d) + " is not allowed in a pack's conditions",
                    "match the engine's facts with patterns, and, or, not, exists and forall");
            return null;
        }
        out.setLocation(d.getLine(), d.getColumn());
        List<?> children = ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs();
        boolean ok = true;
        for (Object child : children) {
            Map<String, Binding> scope = d instanceof OrDescr ? new LinkedHashMap<>(inner) : inner;
            BaseDescr c = conditionalElement((BaseDescr) child, scope, literals);
            if (c == null) {
                ok = false;
            } else {
                add(out, c);
            }
        }
        return ok ? out : null;
    }

    private static void add(BaseDescr parent, BaseDescr child) {
        if (parent instanceof AndDescr a) {
            a.addDescr(child);
        } else if (parent instanceof OrDescr o) {
            o.addDescr(child);
        } else if (parent instanceof NotDescr n) {
            n.addDescr(child);
        } else if (parent instanceof ExistsDescr e) {
            e.addDescr(child);
        } else if (parent instanceof ForallDescr f) {
            f.addDescr(child);
        }
    }

    private static String conditionName(BaseDescr d) {
        String simple = d.getClass().getSimpleName().replace("Descr", "");
        return switch (simple) {
            case "Eval" -> "eval";
            case "Accumulate" -> "accumulate";
            case "Collect" -> "collect";
            case "From" -> "from";
            case "EntryPoint" -> "an entry point";
            case "ConditionalBranch" -> "if ... do";
            case "NamedConsequence" -> "do[...]";
            default -> "'" + simple.toLowerCase(java.util.Locale.ROOT) + "'";
        };
    }

    private PatternDescr pattern(PatternDescr p, Map<String, Binding> vars, List<Located> literals) {
        Location where = at(p, null);
        String type = p.getObjectType();
        boolean text = "String".equals(type);
        Fact fact = DrlSchema.FACTS.get(type);
        if (fact == null && !text) {
            problems.add(where, "type '" + type + "' is not allowed; conditions match " + String.join(", ", DrlSchema.FACTS.keySet())
                    + " (and String from a list)", hintFor(type, DrlSchema.FACTS.keySet(), ""));
            return null;
        }
        if (p.isQuery() || p.isUnification() || !p.getBehaviors().isEmpty() || !p.getPositionalConstraints().isEmpty()) {
            problems.add(where, "this form of pattern is not allowed in a pack", "write Fact( constraint, ... )");
            return null;
        }
        String id = p.getIdentifier();
        if (id != null && !id.isEmpty()) {
            if (!VARIABLE.matcher(id).matches()) {
                problems.add(where, "bind a fact to a name starting with $, as in $r : Rights()", "");
                return null;
            }
            if (vars.containsKey(id)) {
                problems.add(where, "variable " + id + " is bound twice", "use another name");
                return null;
            }
        }
        PatternDescr out = new PatternDescr(type, id == null || id.isEmpty() ? null : id);
        out.setLocation(p.getLine(), p.getColumn());
        if (p.getSource() != null) {
            if (!(p.getSource() instanceof FromDescr from) || !text) {
                problems.add(where, text ? "a String() pattern may only take its values from a list: String() from $r.list"
                        : "only String() patterns may have a source (from ...)", "");
                return null;
            }
            String source = from.getDataSource() == null ? "" : from.getDataSource().toString();
            if (from.getDataSource() instanceof MVELExprDescr e) {
                source = e.getExpression();
            }
            int offset = text(source, p.getStartCharacter());
            try {
                String printed = DrlCode.source(source, new Scope(null, false, vars, new ArrayList<>()));
                FromDescr f = new FromDescr();
                f.setDataSource(new MVELExprDescr(DrlPrintCheck.verified(printed, vars.keySet())));
                out.setSource(f);
            } catch (DrlLexer.Error e) {
                problems.add(lines.at(file, offset + e.offset), e.getMessage(), e.hint);
                return null;
            }
        } else if (text) {
            problems.add(where, "a String() pattern must take its values from a list", "String() from $r.refusalGrounds");
            return null;
        }
        Scope scope = new Scope(fact, text, vars, new ArrayList<>());
        boolean ok = true;
        for (BaseDescr c : p.getDescrs()) {
            if (!(c instanceof ExprConstraintDescr e)) {
                problems.add(at(c, null), "this kind of constraint is not allowed", "");
                ok = false;
                continue;
            }
            int offset = e.getStartCharacter() >= 0 ? e.getStartCharacter() : text(e.getExpression(), p.getStartCharacter());
            int firstLiteral = scope.literals.size();
            try {
                ExprConstraintDescr printed = new ExprConstraintDescr(
                        DrlPrintCheck.verified(DrlCode.constraint(e.getExpression(), scope), vars.keySet()));
                printed.setLocation(e.getLine(), e.getColumn());
                out.addConstraint(printed);
                for (LiteralUse use : scope.literals.subList(firstLiteral, scope.literals.size())) {
                    literals.add(new Located(use, lines.at(file, offset + use.offset())));
                }
            } catch (DrlLexer.Error err) {
                String hint = err.hint;
                if (e.getExpression().contains(":")) {
                    hint = "bind the fact instead ($r : Request(...)) and use $r.property";
                }
                problems.add(lines.at(file, offset + err.offset), err.getMessage(), hint);
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        if (out.getIdentifier() != null) {
            vars.put(out.getIdentifier(), fact != null ? new Binding(fact, ValueType.FACT) : new Binding(null, ValueType.STRING));
        }
        return out;
    }

    // ---- what a rule refers to ----------------------------------------------------------------

    /** The kind of decision each out method answers; oblige answers two. */
    private static final Map<String, List<String>> METHOD_KINDS = Map.of(
            "permit", List.of("Request"), "deny", List.of("Request"), "oblige", List.of("Request", "Rights"),
            "fulfil", List.of("Rights"), "refuse", List.of("Rights"), "verifyIdentity", List.of("Rights"),
            "retain", List.of("Retention"), "retainUntil", List.of("Retention"), "dispose", List.of("Retention"));

    /**
     * A rule must be able to answer the decisions it runs in: a rule that matches one fact may
     * only call out methods of that fact's kind, and a rule that matches none (an empty when, or
     * only not or forall) runs in every decision of every kind, so its calls would fail in the others.
     */
    private void kinds(String name, Location at, AndDescr lhs, List<Call> calls) {
        List<String> matched = new ArrayList<>();
        for (BaseDescr d : lhs.getDescrs()) {
            List<?> candidates = d instanceof ExistsDescr e ? e.getDescrs() : List.of(d);
            for (Object c : candidates) {
                if (c instanceof PatternDescr p && DrlSchema.FACTS.containsKey(p.getObjectType())
                        && !matched.contains(p.getObjectType())) {
                    matched.add(p.getObjectType());
                }
            }
        }
        for (Call c : calls) {
            List<String> answers = METHOD_KINDS.get(c.method());
            if (answers == null) {
                continue;
            }
            if (matched.isEmpty()) {
                problems.add(at, "rule \"" + name + "\" matches no fact, so it runs in every decision of every kind, "
                        + "and out." + c.method() + " fails in all but " + String.join(" and ", answers) + " decisions",
                        "match the fact of its kind, for example " + answers.get(0) + "()");
                return;
            }
            for (String fact : matched) {
                if (!answers.contains(fact)) {
                    problems.add(at, "rule \"" + name + "\" matches " + fact + " but calls out." + c.method()
                            + ", which answers " + String.join(" and ", answers) + " decisions",
                            "a rule answers the kind of question whose fact it matches (docs/pack-format.md#drl-files)");
                    return;
                }
            }
        }
    }

    /** A string literal compared with an id of the pack must be one the pack declares. */
    private void declared(Located l) {
        LiteralUse u = l.use();
        java.util.Collection<String> known = known(u.fact(), u.member());
        if (known == null || known.contains(u.value())) {
            return;
        }
        String what = u.fact() + "." + u.member();
        if (known == COUNTRIES) {
            problems.add(l.at(), "'" + u.value() + "', compared with " + what + ", is not an ISO 3166 country code",
                    "write a two-letter code such as CN or DE");
            return;
        }
        problems.add(l.at(), "'" + u.value() + "', compared with " + what + ", is not declared in the pack",
                hintFor(u.value(), known, "it can never match; declare it in policy.yaml or correct it"));
    }

    private static final java.util.Set<String> COUNTRIES = java.util.Set.of(java.util.Locale.getISOCountries());

    /** The ids a member of a fact can hold, or null when any text is possible. */
    private java.util.Collection<String> known(String fact, String member) {
        if (fact == null || member == null) {
            return null;
        }
        return switch (fact + "." + member) {
            case "Request.action" -> pack.actions().keySet();
            case "Request.purpose", "Request.dataWithin", "Retention.unfulfilledPurposes" -> pack.purposes().keySet();
            case "Request.recipient" -> pack.recipients().keySet();
            case "Request.purposeBasis" -> pack.bases().keySet();
            case "Request.hasData", "Request.data", "Retention.data" -> pack.categories().keySet();
            case "Request.destination", "Request.recipientLocation", "Request.destinationIn",
                 "Request.recipientLocationIn" -> places();
            case "Request.residence" -> COUNTRIES;
            case "Request.transferMechanism", "Request.transferMechanisms" -> pack.transfers().mechanisms().keySet();
            case "Request.objections" -> objectionIds();
            case "Request.consentCoveringOf", "Request.consentNamingPurposeOf", "Request.consentNamingRecipientOf",
                 "Request.consentNamingActionOf", "Request.guardianConsentOf" -> pack.consentKinds().kinds().keySet();
            case "Rights.right" -> pack.rights().requests().keySet();
            case "Rights.refusalGrounds" -> pack.rights().refusalGrounds().keySet();
            case "Rights.unreasonableGrounds" -> pack.rights().unreasonableGrounds();
            case "Rights.erasureGrounds" -> pack.rights().erasureGrounds().keySet();
            case "Rights.clauseOf" -> allGrounds();
            case "Rights.rightClause" -> pack.clauses().keySet();
            case "Retention.periods", "Retention.periodsRunning", "Retention.periodsEnded", "Retention.untilOf",
                 "Retention.clauseOf" -> pack.retention().periods().stream().map(Pack.RetentionPeriod::id).toList();
            default -> null;
        };
    }

    /** Countries and the pack's regions: what a place property may be compared with. */
    private java.util.Collection<String> places() {
        if (pack.territory().regions().isEmpty()) {
            return COUNTRIES;
        }
        java.util.Set<String> all = new java.util.TreeSet<>(COUNTRIES);
        all.addAll(pack.territory().regions().keySet());
        return all;
    }

    /** Purpose ids and the pack's kinds of objection. */
    private java.util.Set<String> objectionIds() {
        java.util.Set<String> all = new java.util.TreeSet<>(pack.purposes().keySet());
        all.addAll(pack.objections().kinds().keySet());
        return all;
    }

    private java.util.Set<String> allGrounds() {
        java.util.Set<String> all = new java.util.TreeSet<>(pack.rights().refusalGrounds().keySet());
        all.addAll(pack.rights().unreasonableGrounds());
        all.addAll(pack.rights().erasureGrounds().keySet());
        return all;
    }

    // ---- consequences ------------------------------------------------------------------------

    private List<Call> consequence(RuleDescr rule, String name, Map<String, Binding> vars, int ordinal, RuleDescr out) {
        Object raw = rule.getConsequence();
        String code = raw == null ? "" : raw.toString();
        int from = rule.getLhs() != null && rule.getLhs().getEndCharacter() > 0 ? rule.getLhs().getEndCharacter()
                : Math.max(0, rule.getStartCharacter());
        int offset = code.isBlank() ? from : text(code, from);
        List<Call> calls;
        try {
            calls = DrlCode.consequence(code, new Scope(null, false, vars, new ArrayList<>()));
        } catch (DrlLexer.Error e) {
            problems.add(lines.at(file, offset + e.offset), e.getMessage(), e.hint);
            return null;
        }
        StringBuilder printed = new StringBuilder();
        if (!generated) {
            printed.append("out.enter(").append(ordinal).append(");\n");
        }
        boolean ok = true;
        for (Call call : calls) {
            String line = call(call, lines.at(file, offset + call.offset()));
            if (line == null) {
                ok = false;
            } else {
                printed.append(line).append('\n');
            }
        }
        out.setConsequence(DrlPrintCheck.verified(printed.toString(), vars.keySet()));
        out.setConsequenceLocation(rule.getConsequenceLine(), rule.getConsequencePattern());
        return ok ? calls : null;
    }

    /** The printed call, or null when it does not fit its method's signature. */
    private String call(Call call, Location where) {
        String method = call.method();
        if (generated && method.equals("apply") && call.args().size() == 1 && call.args().get(0).literal() == DrlLexer.Kind.NUMBER) {
            return "out.apply(" + call.args().get(0).text() + ");";
        }
        if (method.equals("apply") || method.equals("enter")) {
            problems.add(where, "out." + method + " is reserved for the engine", "use out.permit, out.deny or out.oblige");
            return null;
        }
        List<String> shapes = SIGNATURES.get(method);
        if (shapes == null) {
            problems.add(where, "out has no method " + method + "()", hintFor(method, SIGNATURES.keySet(),
                    "its methods are " + String.join(", ", new TreeSet<>(SIGNATURES.keySet()))));
            return null;
        }
        String shape = shapes.stream().filter(s -> fits(s, call.args())).findFirst().orElse(null);
        if (shape == null) {
            problems.add(where, "out." + method + "(...) must be called as " + USAGE.get(method),
                    "write the step as a number and reason codes, messages and obligation ids as \"...\" literals, so that the loader checks them");
            return null;
        }
        List<String> printed = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < call.args().size(); i++) {
            Arg a = call.args().get(i);
            char kind = shapeAt(shape, i);
            String value = a.value();
            if (kind == 'c' && !Ids.isId(value)) {
                problems.add(where, "reason code \"" + value + "\" is not kebab-case", "for example guardian-consent-required");
                ok = false;
            } else if (kind == 'o' && !pack.obligations().containsKey(value)) {
                problems.add(where, "undeclared obligation \"" + value + "\"",
                        hintFor(value, pack.obligations().keySet(), "declare it under 'obligations' in policy.yaml"));
                ok = false;
            } else if (kind == 'm' && value.isBlank()) {
                problems.add(where, "an empty message", "write a sentence a person can read");
                ok = false;
            } else if (kind == 's' && a.isLiteral() && !pack.clauses().containsKey(value)) {
                problems.add(where, "clause " + value + " is not declared in 'clauses'",
                        hintFor(value, pack.clauses().keySet(), "declare it in policy.yaml, or correct the reference"));
                ok = false;
            }
            printed.add(a.text());
        }
        return ok ? "out." + method + "(" + String.join(", ", printed) + ");" : null;
    }

    private static char shapeAt(String shape, int i) {
        boolean repeat = shape.endsWith("*");
        String fixed = repeat ? shape.substring(0, shape.length() - 1) : shape;
        return i < fixed.length() ? fixed.charAt(i) : fixed.charAt(fixed.length() - 1);
    }

    private static boolean fits(String shape, List<Arg> args) {
        boolean repeat = shape.endsWith("*");
        String fixed = repeat ? shape.substring(0, shape.length() - 2) : shape;
        if (repeat ? args.size() < fixed.length() : args.size() != fixed.length()) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            Arg a = args.get(i);
            boolean ok = switch (shapeAt(shape, i)) {
                case 'c', 'm', 'o' -> a.literal() == DrlLexer.Kind.STRING;
                case 'n' -> a.literal() == DrlLexer.Kind.NUMBER && a.value().length() <= 3;
                case 's' -> a.type() == ValueType.STRING;
                case 'd' -> a.type() == ValueType.DATE || a.type() == ValueType.NULL;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    // ---- locations ---------------------------------------------------------------------------

    private Location parserLocation(DroolsError e) {
        if (e instanceof ParserError p && p.getRow() > 0) {
            return new Location(file, p.getRow(), p.getCol() + 1);
        }
        int[] l = e.getLines();
        return l != null && l.length > 0 && l[0] > 0 ? new Location(file, l[0], 1) : Location.of(file);
    }

    /** Where a descriptor starts; {@code keyword}, when given and found there or after, is preferred. */
    private Location at(BaseDescr d, String keyword) {
        if (d.getStartCharacter() >= 0) {
            return lines.at(file, d.getStartCharacter());
        }
        if (d.getLine() > 0) {
            return new Location(file, d.getLine(), Math.max(0, d.getColumn()) + 1);
        }
        return keyword != null ? find(keyword, 0) : Location.of(file);
    }

    /** Where {@code word} first stands in the code (outside comments) from {@code from}, or the whole file. */
    private Location find(String word, int from) {
        String code = PackCompiler.withoutComments(text);
        int i = code.indexOf(word, Math.max(0, from));
        return i >= 0 ? lines.at(file, i) : Location.of(file);
    }

    /** The offset of a piece of code in the file, searched from {@code from}, or {@code from}. */
    private int text(String piece, int from) {
        int i = piece.isEmpty() ? -1 : text.indexOf(piece, Math.max(0, from));
        return i >= 0 ? i : Math.max(0, from);
    }

    private static String hintFor(String word, java.util.Collection<String> known, String otherwise) {
        String near = Suggest.nearest(word, known);
        return near != null ? "did you mean '" + near + "'?" : otherwise;
    }

    private static String squeeze(String message) {
        String m = message == null ? "" : message.replaceAll("\\[ERR \\d+] Line \\d+:\\d+\\s*", "")
                .replaceAll("\\s+", " ").strip();
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    /** Offsets to 1-based lines and columns. */
    static final class Lines {
        private final int[] starts;

        Lines(String text) {
            List<Integer> s = new ArrayList<>();
            s.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    s.add(i + 1);
                }
            }
            starts = s.stream().mapToInt(Integer::intValue).toArray();
        }

        Location at(String file, int offset) {
            int lo = 0;
            int hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= offset) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return new Location(file, lo + 1, offset - starts[lo] + 1);
        }
    }
}
