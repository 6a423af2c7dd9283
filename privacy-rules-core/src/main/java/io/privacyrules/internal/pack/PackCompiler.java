package io.privacyrules.internal.pack;

import io.privacyrules.internal.Ids;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.drl.RuleMeta;
import io.privacyrules.internal.yaml.Location;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles a validated pack into one Drools {@link KieBase}: the rules generated from YAML and
 * the pack's DRL files, each DRL file preceded by a fixed one-line header that declares the
 * package, the {@code Request} fact and the {@code out} global. Reports DRL errors with the
 * author's own line numbers, and checks that every rule names a declared clause and that every
 * obligation a DRL rule names is declared.
 */
public final class PackCompiler {
    /** The DRL package all of a pack's rules live in. */
    public static final String DRL_PACKAGE = "privacyrules.pack";
    static final String HEADER = "package " + DRL_PACKAGE + "; import io.privacyrules.internal.drl.Request; "
            + "import io.privacyrules.internal.drl.Rights; import io.privacyrules.internal.drl.Retention; "
            + "global io.privacyrules.internal.drl.Verdict out;\n";

    private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]*)\"|'([^']*)'|(\\S+))");
    private static final Pattern FORBIDDEN_LINE = Pattern.compile("^\\s*(package|import|global)\\b");
    private static final Pattern LINE_COL = Pattern.compile("\\[ERR \\d+] Line (\\d+):(\\d+)\\s*");
    private static final Pattern CLAUSE_META = Pattern.compile("@clause\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern WHEN = Pattern.compile("^\\s*when\\b");
    private static final Pattern OUT_CALL = Pattern.compile(
            "\\bout\\s*\\.\\s*(permit|deny|oblige|apply|fulfil|refuse|verifyIdentity|retain|retainUntil|dispose)\\s*\\(");
    /**
     * The argument shapes of each out method: c a reason code literal, m a message literal, o an
     * obligation literal (any number), n a whole-number literal, x any expression.
     */
    private static final Map<String, List<String>> SIGNATURES = Map.of(
            "permit", List.of("cmo*"),
            "deny", List.of("cm"),
            "oblige", List.of("o*"),
            "fulfil", List.of("ncm", "nxcm"),
            "refuse", List.of("ncm", "nxcm"),
            "verifyIdentity", List.of("ncm", "nxcm"),
            "retain", List.of("cm"),
            "retainUntil", List.of("xcm", "xxcm"),
            "dispose", List.of("cm", "xcm"));
    private static final Map<String, String> USAGE = Map.of(
            "permit", "out.permit(\"code\", \"message\", \"obligation\"...)",
            "deny", "out.deny(\"code\", \"message\")",
            "oblige", "out.oblige(\"obligation\"...)",
            "fulfil", "out.fulfil(step, [clause,] \"code\", \"message\")",
            "refuse", "out.refuse(step, [clause,] \"code\", \"message\")",
            "verifyIdentity", "out.verifyIdentity(step, [clause,] \"code\", \"message\")",
            "retain", "out.retain(\"code\", \"message\")",
            "retainUntil", "out.retainUntil(day, [clause,] \"code\", \"message\")",
            "dispose", "out.dispose([clause,] \"code\", \"message\")");

    /**
     * A compiled pack: the KieBase and what the engine needs to know of each rule, by DRL name and
     * by ordinal (YAML rules first, then the DRL files' rules in order).
     */
    public record Compiled(Pack pack, KieBase kieBase, Map<String, RuleMeta> rules, RuleMeta[] byOrdinal) {
    }

    private PackCompiler() {
    }

    /** Compiles; returns null and reports to {@code problems} when anything is wrong. */
    public static Compiled compile(Pack pack, Problems problems, boolean yamlIsValid) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        Map<String, Location> authorRules = new LinkedHashMap<>();
        for (Pack.DrlSource drl : pack.drl()) {
            int first = pack.rules().size() + authorRules.size();
            if (!precheck(drl, pack, problems, authorRules)) {
                continue;
            }
            add(builder, drl.file(), HEADER + DrlSandbox.withEnterCalls(drl.text(), first), 1, problems);
        }
        // The generated DRL is compiled only when everything else is clean: its problems would be
        // the engine's, not the author's, and compiling it costs time a rejected pack need not pay.
        boolean clean = yamlIsValid && problems.isEmpty();
        String generated = clean ? DrlGenerator.generate(pack.rules()) : "";
        if (clean && !pack.rules().isEmpty()) {
            add(builder, "policy.yaml (generated DRL)", HEADER + generated, 1, problems);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());

        Map<String, RuleMeta> metas = new HashMap<>();
        Map<String, Pack.RuleDef> yaml = new HashMap<>();
        Map<String, Integer> yamlOrder = new HashMap<>();
        for (int i = 0; i < pack.rules().size(); i++) {
            Pack.RuleDef r = pack.rules().get(i);
            yaml.put(DrlGenerator.ruleName(r.id()), r);
            yamlOrder.put(DrlGenerator.ruleName(r.id()), i);
        }
        List<String> authorOrder = new ArrayList<>(authorRules.keySet());
        for (KiePackage kp : kieBase.getKiePackages()) {
            for (Rule rule : kp.getRules()) {
                String name = rule.getName();
                Pack.RuleDef r = yaml.get(name);
                if (r != null) {
                    metas.put(name, new RuleMeta(name, r.id(), r.clause(), yamlOrder.get(name), r));
                    continue;
                }
                Location at = authorRules.getOrDefault(name, Location.of("?"));
                Object clause = rule.getMetaData().get("clause");
                if (!(clause instanceof String c)) {
                    problems.add(at, "rule \"" + name + "\" names no clause",
                            "add @clause(\"VI\") (the clause it implements) after the rule name");
                } else if (!Ids.isClause(c)) {
                    problems.add(at, "rule \"" + name + "\": @clause(\"" + c + "\") is not a clause reference",
                            "write it as printed in the policy: I.1(3), III.2(1)(a), VII");
                } else if (!pack.clauses().containsKey(c)) {
                    problems.add(at, "rule \"" + name + "\": clause " + c + " is not declared in 'clauses'",
                            "declare it in policy.yaml, or correct the reference");
                } else {
                    metas.put(name, new RuleMeta(name, name, c, pack.rules().size() + authorOrder.indexOf(name), null));
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        RuleMeta[] byOrdinal = new RuleMeta[pack.rules().size() + authorRules.size()];
        metas.values().forEach(m -> byOrdinal[m.ordinal()] = m);
        return new Compiled(pack, kieBase, Map.copyOf(metas), byOrdinal);
    }

    /**
     * Checks a DRL file as text before it is compiled; false when it declares what the engine's
     * header declares, so that compiling it would only add confusing errors.
     */
    private static boolean precheck(Pack.DrlSource drl, Pack pack, Problems problems, Map<String, Location> rules) {
        boolean compilable = true;
        String code = withoutComments(drl.text());
        String[] lines = code.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher forbidden = FORBIDDEN_LINE.matcher(lines[i]);
            if (forbidden.find()) {
                compilable = false; // DrlSandbox reports it
            }
            Matcher rule = RULE_LINE.matcher(lines[i]);
            if (rule.find()) {
                String name = rule.group(1) != null ? rule.group(1) : rule.group(2) != null ? rule.group(2) : rule.group(3);
                Location ruleAt = new Location(drl.file(), i + 1, lines[i].indexOf("rule") + 1);
                if (name.startsWith(DrlGenerator.RULE_PREFIX)) {
                    problems.add(ruleAt, "rule names starting with '" + DrlGenerator.RULE_PREFIX + "' are reserved",
                            "rename the rule");
                } else if (rules.containsKey(name)) {
                    problems.add(ruleAt, "duplicate rule name \"" + name + "\" (first at " + rules.get(name) + ")",
                            "rule names are unique in a pack");
                } else {
                    rules.put(name, ruleAt);
                }
                checkClause(drl.file(), lines, i, name, ruleAt, pack, problems);
            }
        }
        checkOutCalls(new Pack.DrlSource(drl.file(), code), pack, problems);
        int before = problems.size();
        DrlSandbox.check(drl.file(), code, problems);
        return compilable && problems.size() == before;
    }

    /**
     * The text with its comments (// to the end of the line, and slash-star to star-slash)
     * blanked out, keeping every line and column where it was; string literals are kept.
     */
    public static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"' && text.charAt(i) != '\n') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                for (; i < end; i++) {
                    if (text.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** The rule starting at line {@code start} must carry {@code @clause("...")} before its {@code when}. */
    private static void checkClause(String file, String[] lines, int start, String name, Location ruleAt, Pack pack,
                                    Problems problems) {
        for (int i = start; i < lines.length; i++) {
            String line = i == start ? lines[i].substring(lines[i].indexOf("rule") + 4) : lines[i];
            Matcher m = CLAUSE_META.matcher(line);
            if (m.find()) {
                String c = m.group(1);
                Location at = new Location(file, i + 1, m.start() + 1 + (i == start ? lines[i].indexOf("rule") + 4 : 0));
                if (!Ids.isClause(c)) {
                    problems.add(at, "rule \"" + name + "\": @clause(\"" + c + "\") is not a clause reference",
                            "write it as printed in the policy: I.1(3), III.2(1)(a), VII");
                } else if (!pack.clauses().containsKey(c)) {
                    problems.add(at, "rule \"" + name + "\": clause " + c + " is not declared in 'clauses'",
                            "declare it in policy.yaml, or correct the reference");
                }
                return;
            }
            if (WHEN.matcher(line).find() || (i > start && RULE_LINE.matcher(line).find())) {
                break;
            }
        }
        problems.add(ruleAt, "rule \"" + name + "\" names no clause",
                "add @clause(\"VI\") (the clause it implements) on the line after the rule name");
    }

    /**
     * Every call of an {@code out} method must match its signature, with reason codes, messages
     * and obligations written as literals, so that they are checked here rather than at run time.
     */
    private static void checkOutCalls(Pack.DrlSource drl, Pack pack, Problems problems) {
        String text = drl.text();
        Matcher m = OUT_CALL.matcher(text);
        while (m.find()) {
            Location at = location(drl.file(), text, m.start());
            String method = m.group(1);
            if (method.equals("apply")) {
                problems.add(at, "out.apply is reserved for rules generated from YAML", "use out.permit, out.deny or out.oblige");
                continue;
            }
            List<String> args = arguments(text, m.end());
            List<String> shapes = SIGNATURES.get(method);
            String matched = args == null ? null : shapes.stream().filter(sig -> fits(sig, args)).findFirst().orElse(null);
            if (matched == null) {
                problems.add(at, "out." + method + "(...) must be called as " + USAGE.get(method),
                        "write the step as a number and reason codes, messages and obligation ids as \"...\" literals, so that the loader checks them");
                continue;
            }
            for (int i = 0; i < args.size(); i++) {
                char shape = i < matched.length() ? matched.charAt(i) : 'o';
                if (shape == '*') {
                    shape = matched.charAt(matched.length() - 2);
                }
                String literal = unquote(args.get(i));
                if (shape == 'c' && !Ids.isId(literal)) {
                    problems.add(at, "reason code \"" + literal + "\" is not kebab-case", "for example guardian-consent-required");
                } else if (shape == 'o' && !pack.obligations().containsKey(literal)) {
                    problems.add(at, "undeclared obligation \"" + literal + "\"", "declare it under 'obligations' in policy.yaml");
                } else if (shape == 'm' && literal.isBlank()) {
                    problems.add(at, "an empty message", "write a sentence a person can read");
                }
            }
        }
    }

    private static boolean fits(String signature, List<String> args) {
        boolean repeat = signature.endsWith("*");
        String fixed = repeat ? signature.substring(0, signature.length() - 2) : signature;
        if (repeat ? args.size() < fixed.length() : args.size() != fixed.length()) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            char shape = i < fixed.length() ? fixed.charAt(i) : signature.charAt(signature.length() - 2);
            String a = args.get(i);
            boolean ok = switch (shape) {
                case 'c', 'm', 'o' -> a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"") && a.indexOf('"', 1) == a.length() - 1;
                case 'n' -> a.matches("[0-9]{1,3}");
                default -> !a.isBlank();
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String arg) {
        return arg.startsWith("\"") && arg.endsWith("\"") && arg.length() >= 2 ? arg.substring(1, arg.length() - 1) : arg;
    }

    /**
     * The arguments from {@code start} to the matching closing parenthesis, split at top-level
     * commas and trimmed; null when the call is not closed.
     */
    static List<String> arguments(String text, int start) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    current.append(c);
                }
                case '(' , '[', '{' -> {
                    depth++;
                    current.append(c);
                }
                case ')', ']', '}' -> {
                    if (depth == 0) {
                        String last = current.toString().strip();
                        if (!last.isEmpty() || !args.isEmpty()) {
                            args.add(last);
                        }
                        return args;
                    }
                    depth--;
                    current.append(c);
                }
                case ',' -> {
                    if (depth == 0) {
                        args.add(current.toString().strip());
                        current.setLength(0);
                    } else {
                        current.append(c);
                    }
                }
                default -> current.append(c);
            }
        }
        return null;
    }

    private static Location location(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, offset - lineStart + 1);
    }

    /** The 1-based column of the first non-blank character of a 1-based line, or 1. */
    private static int firstColumn(String text, int line) {
        String[] lines = text.split("\\R", -1);
        if (line < 1 || line > lines.length) {
            return 1;
        }
        String l = lines[line - 1];
        int i = 0;
        while (i < l.length() && Character.isWhitespace(l.charAt(i))) {
            i++;
        }
        return i + 1;
    }

    private static void add(KnowledgeBuilder builder, String file, String drl, int headerLines, Problems problems) {
        int before = builder.getErrors().size();
        Resource resource = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)).setSourcePath(file);
        try {
            builder.add(resource, ResourceType.DRL);
        } catch (RuntimeException e) {
            problems.add(Location.of(file), "the DRL did not compile: " + e.getClass().getSimpleName(), "");
            return;
        }
        List<KnowledgeBuilderError> errors = new ArrayList<>(builder.getErrors());
        List<KnowledgeBuilderError> mine = errors.subList(Math.min(before, errors.size()), errors.size());
        boolean real = mine.stream().anyMatch(e -> !e.getMessage().contains("Parser returned a null Package"));
        for (KnowledgeBuilderError e : mine) {
            String message = e.getMessage().strip();
            if (real && message.contains("Parser returned a null Package")) {
                continue;
            }
            int line = e.getLines().length > 0 ? e.getLines()[0] : 0;
            int column = 0;
            Matcher lc = LINE_COL.matcher(message);
            if (lc.find()) {
                line = Integer.parseInt(lc.group(1));
                column = Integer.parseInt(lc.group(2)) + 1;
                message = message.substring(0, lc.start()) + message.substring(lc.end());
            }
            line = Math.max(0, line - headerLines);
            if (column == 0 && line > 0) {
                column = firstColumn(drl, line + headerLines);
            }
            message = message.replaceAll("\\s+", " ");
            if (message.length() > 300) {
                message = message.substring(0, 300) + "...";
            }
            problems.add(new Location(file, line, column), "DRL error: " + message,
                    "see the DRL reference for the syntax; the Request fact and out global are documented in docs/pack-format.md");
        }
    }
}
