package io.privacyrules.internal.pack;

import io.privacyrules.internal.Problems;
import io.privacyrules.internal.drl.RuleMeta;
import io.privacyrules.internal.drl.Verdict;
import io.privacyrules.internal.yaml.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
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
 * the pack's DRL files. Every DRL file, the generated one included, goes through
 * {@link DrlChecker} first, and what is compiled are the descriptors it builds from what it
 * checked, in the package {@value #DRL_PACKAGE} with the facts imported and the global
 * {@code out} declared by the engine. The compiler, and the rules when they run, see classes
 * only through a {@link RuleClassLoader}. Problems carry the author's own lines and columns.
 */
public final class PackCompiler {
    /** The DRL package all of a pack's rules live in. */
    public static final String DRL_PACKAGE = "privacyrules.pack";

    private static final Pattern LINE_COL = Pattern.compile("\\[ERR \\d+] Line (\\d+):(\\d+)\\s*");
    /** The file name errors in the DRL generated from YAML are reported under. */
    static final String GENERATED = "policy.yaml (generated DRL)";

    /**
     * A compiled pack: the KieBase and what the engine needs to know of each rule, by DRL name and
     * by ordinal (YAML rules first, then the DRL files' rules in order).
     *
     * @param drl                what the engine needs to know of each DRL file's rule, in ordinal order
     *                           (the first has ordinal {@code pack.rules().size()})
     * @param yamlRulesInDrools  true when the KieBase also holds the rules generated from YAML: the
     *                           reference path of the differential test ({@link #compileReference});
     *                           false when the engine evaluates them itself
     */
    public record Compiled(Pack pack, KieBase kieBase, Map<String, RuleMeta> rules, RuleMeta[] byOrdinal,
                           java.util.Set<String> drlCodes, List<DrlRule> drl, boolean yamlRulesInDrools) {
    }

    /**
     * What the engine knows of one rule of a pack's DRL files, read from the checked descriptors.
     *
     * @param ordinal    the rule's ordinal
     * @param loadOrder  its place in its file, from 0: with the salience, the order Drools fires
     *                   rules in (a rule generated from YAML has its place among the YAML rules)
     * @param salience   its salience (0 unless set)
     * @param facts      the facts (Request, Rights, Retention) that a top-level pattern of the rule
     *                   matches, directly or under exists: the rule can fire only in a decision whose fact
     *                   is among them; empty when it matches none (it may then fire in any decision)
     * @param mustHold   boolean properties of Request that a top-level Request pattern tests as
     *                   true ({@code child}): the rule cannot fire on a request where one is false
     * @param mustFail   boolean properties it tests as false ({@code !guardianConsent})
     */
    public record DrlRule(int ordinal, int loadOrder, int salience, java.util.Set<String> facts, java.util.Set<String> mustHold,
                          java.util.Set<String> mustFail) {
        /** True when the rule can fire in a decision about {@code fact} (Request, Rights or Retention). */
        public boolean canFireOn(String fact) {
            return facts.isEmpty() || facts.contains(fact);
        }
    }

    private PackCompiler() {
    }

    /**
     * Compiles; returns null and reports to {@code problems} when anything is wrong. The YAML
     * rules are not compiled to Drools: the engine evaluates them (see
     * {@code io.privacyrules.internal.engine.YamlRules}); only the pack's DRL files are.
     */
    public static Compiled compile(Pack pack, Problems problems, boolean yamlIsValid) {
        return compile(pack, problems, yamlIsValid, false);
    }

    /**
     * Compiles as before the engine evaluated YAML rules itself: the DRL generated from them
     * ({@link DrlGenerator}) is checked and compiled into the KieBase with the DRL files. The
     * reference the differential test compares the engine with; not used to decide otherwise.
     */
    public static Compiled compileReference(Pack pack, Problems problems, boolean yamlIsValid) {
        return compile(pack, problems, yamlIsValid, true);
    }

    private static Compiled compile(Pack pack, Problems problems, boolean yamlIsValid, boolean yamlInDrools) {
        Map<String, Location> names = new LinkedHashMap<>();
        List<DrlChecker.Checked> authored = new ArrayList<>();
        List<Integer> loadOrders = new ArrayList<>();
        List<PackageDescr> packages = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Pack.DrlSource drl : pack.drl()) {
            List<DrlChecker.Checked> rules = DrlChecker.check(drl.file(), drl.text(), pack,
                    pack.rules().size() + authored.size(), false, names, problems);
            authored.addAll(rules);
            for (int i = 0; i < rules.size(); i++) {
                loadOrders.add(i);
            }
            packages.add(packageOf(rules));
            files.add(drl.file());
        }
        // The generated DRL is checked and compiled only when everything else is clean: its
        // problems would be the engine's, not the author's, and compiling it costs time a
        // rejected pack need not pay.
        boolean clean = yamlIsValid && problems.isEmpty();
        if (yamlInDrools && clean && !pack.rules().isEmpty()) {
            List<DrlChecker.Checked> generated = DrlChecker.check(GENERATED, DrlGenerator.generate(pack.rules()), pack, 0,
                    true, names, problems);
            packages.add(packageOf(generated));
            files.add(GENERATED);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        RuleClassLoader wall = new RuleClassLoader();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, wall));
        for (int i = 0; i < packages.size(); i++) {
            add(builder, files.get(i), packages.get(i), names, problems);
        }
        if (!problems.isEmpty()) {
            return null;
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, wall));
        kieBase.addPackages(builder.getKnowledgePackages());

        Map<String, RuleMeta> metas = new HashMap<>();
        for (int i = 0; i < pack.rules().size(); i++) {
            Pack.RuleDef r = pack.rules().get(i);
            String name = DrlGenerator.ruleName(r.id());
            metas.put(name, new RuleMeta(name, r.id(), r.clause(), i, r));
        }
        for (int i = 0; i < authored.size(); i++) {
            DrlChecker.Checked c = authored.get(i);
            metas.put(c.name(), new RuleMeta(c.name(), c.name(), c.clause(), pack.rules().size() + i, null));
        }
        for (KiePackage kp : kieBase.getKiePackages()) {
            for (Rule rule : kp.getRules()) {
                if (!metas.containsKey(rule.getName())) {
                    problems.add(Location.of("?"), "rule \"" + rule.getName() + "\" was compiled but not checked",
                            "report this as a bug of privacy-rules");
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        RuleMeta[] byOrdinal = new RuleMeta[pack.rules().size() + authored.size()];
        metas.values().forEach(m -> byOrdinal[m.ordinal()] = m);
        List<DrlRule> drl = new ArrayList<>(authored.size());
        for (int i = 0; i < authored.size(); i++) {
            drl.add(describe(pack.rules().size() + i, loadOrders.get(i), authored.get(i).descr()));
        }
        return new Compiled(pack, kieBase, Map.copyOf(metas), byOrdinal, codesOf(authored), List.copyOf(drl), yamlInDrools);
    }

    /**
     * What a checked rule needs to fire, from its top-level conditions only (anything under or,
     * not or forall is left out, so the answer errs towards "may fire").
     */
    static DrlRule describe(int ordinal, int loadOrder, RuleDescr rule) {
        int salience = 0;
        AttributeDescr s = rule.getAttributes().get("salience");
        if (s != null) {
            salience = Integer.parseInt(s.getValue().strip());
        }
        java.util.Set<String> facts = new java.util.LinkedHashSet<>();
        java.util.Set<String> hold = new java.util.LinkedHashSet<>();
        java.util.Set<String> fail = new java.util.LinkedHashSet<>();
        for (BaseDescr d : rule.getLhs().getDescrs()) {
            List<? extends BaseDescr> candidates = d instanceof ExistsDescr e ? e.getDescrs() : List.of(d);
            for (BaseDescr c : candidates) {
                if (!(c instanceof PatternDescr p) || p.getSource() != null || !DrlSchema.FACTS.containsKey(p.getObjectType())) {
                    continue;
                }
                facts.add(p.getObjectType());
                if (!p.getObjectType().equals("Request")) {
                    continue;
                }
                for (BaseDescr constraint : p.getDescrs()) {
                    if (constraint instanceof ExprConstraintDescr x) {
                        booleanTest(x.getExpression(), hold, fail);
                    }
                }
            }
        }
        return new DrlRule(ordinal, loadOrder, salience, java.util.Set.copyOf(facts), java.util.Set.copyOf(hold), java.util.Set.copyOf(fail));
    }

    private static final Pattern PROPERTY = Pattern.compile("[a-z][A-Za-z]*");

    /**
     * A constraint as {@link DrlCode} prints it that is a boolean property of Request on its own
     * ({@code child}) or negated ({@code !(guardianConsent)}); anything else is not noted.
     */
    private static void booleanTest(String printed, java.util.Set<String> hold, java.util.Set<String> fail) {
        String t = printed.strip();
        boolean negated = t.startsWith("!(") && t.endsWith(")");
        String name = negated ? t.substring(2, t.length() - 1).strip() : t;
        if (!PROPERTY.matcher(name).matches()) {
            return;
        }
        DrlSchema.Member m = DrlSchema.FACTS.get("Request").properties().get(name);
        if (m == null || m.result() != DrlSchema.ValueType.BOOLEAN) {
            return;
        }
        (negated ? fail : hold).add(name);
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /** A rule of the engine's own, compiled once by {@link #warmUp()}; it is never run. */
    private static final String WARM_UP_DRL = """
            rule "warm-up"
                @clause("I")
            when
                $r : Request( child, !(guardianConsent), action == "collect" || purpose in ("a", "b") )
            then
                out.enter(0);
                out.deny("warm-up", "A rule the engine compiles while a pack is read.");
            end
            """;

    /**
     * Starts, once in a JVM, a daemon thread that compiles a fixed rule of the engine's own behind
     * the wall and makes a session of it, so that Drools' parser and compilers are loaded and
     * initialised on a second core while the first reads and checks a pack. Best effort: any
     * failure is ignored, and the pack's own compile does not depend on it.
     */
    public static void warmUp() {
        if (!WARMED.compareAndSet(false, true)) {
            return;
        }
        try {
            Thread t = new Thread(() -> {
                try {
                    KieBase base = compileUnchecked(WARM_UP_DRL, new ArrayList<>());
                    if (base != null) {
                        base.newKieSession().dispose();
                    }
                } catch (RuntimeException | LinkageError e) {
                    // a warm-up only
                }
            }, "privacy-rules-warm-up");
            t.setDaemon(true);
            t.start();
        } catch (RuntimeException | Error e) {
            // no thread: the pack compiles all the same
        }
    }

    /**
     * The class-loading wall on its own, for tests of it: compiles {@code drl} as it is, with no
     * check, in the engine's package and with its header, behind a {@link RuleClassLoader}.
     * Returns the knowledge base, or null with the compiler's messages added to {@code errors}.
     */
    static KieBase compileUnchecked(String drl, List<String> errors) {
        String header = "package " + DRL_PACKAGE + ";\n" + java.util.stream.Stream.concat(DrlSchema.FACT_CLASSES.stream(),
                DrlSchema.SHADOWS.stream()).map(c -> "import " + c.getName() + ";\n").sorted().reduce("", String::concat)
                + "global " + Verdict.class.getName() + " out;\n";
        RuleClassLoader wall = new RuleClassLoader();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, wall));
        try {
            builder.add(ResourceFactory.newByteArrayResource((header + drl).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    ResourceType.DRL);
        } catch (RuntimeException | LinkageError e) {
            errors.add(e.toString());
            return null;
        }
        if (!builder.getErrors().isEmpty()) {
            builder.getErrors().forEach(e -> errors.add(e.getMessage()));
            return null;
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, wall));
        kieBase.addPackages(builder.getKnowledgePackages());
        return kieBase;
    }

    /**
     * The reason codes of the DRL rules' {@code out} calls that give a reason: the first argument
     * of {@code out.permit}, the one before the message of every other answer.
     */
    private static java.util.Set<String> codesOf(List<DrlChecker.Checked> rules) {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        for (DrlChecker.Checked r : rules) {
            for (DrlCode.Call c : r.calls()) {
                if (c.method().equals("oblige") || c.args().size() < 2) {
                    continue;
                }
                DrlCode.Arg code = c.method().equals("permit") ? c.args().get(0) : c.args().get(c.args().size() - 2);
                if (code.literal() == DrlLexer.Kind.STRING) {
                    codes.add(code.value());
                }
            }
        }
        return java.util.Set.copyOf(codes);
    }

    /** The package descriptor the checked rules of one file compile from, with the engine's header. */
    private static PackageDescr packageOf(List<DrlChecker.Checked> rules) {
        PackageDescr p = new PackageDescr(DRL_PACKAGE);
        for (Class<?> fact : DrlSchema.FACT_CLASSES) {
            p.addImport(new ImportDescr(fact.getName()));
        }
        for (Class<?> shadow : DrlSchema.SHADOWS) {
            p.addImport(new ImportDescr(shadow.getName()));
        }
        p.addGlobal(new GlobalDescr("out", Verdict.class.getName()));
        rules.forEach(r -> p.addRule(r.descr()));
        return p;
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

    private static void add(KnowledgeBuilder builder, String file, PackageDescr descr, Map<String, Location> rules,
                            Problems problems) {
        int before = builder.getErrors().size();
        Resource resource = ResourceFactory.newDescrResource(descr).setSourcePath(file);
        try {
            builder.add(resource, ResourceType.DESCR);
        } catch (RuntimeException | LinkageError e) {
            if (Boolean.getBoolean("pr.debug")) { e.printStackTrace(); }
            problems.add(Location.of(file), "the DRL did not compile: " + e.getClass().getSimpleName(), "");
            return;
        }
        List<KnowledgeBuilderError> errors = new ArrayList<>(builder.getErrors());
        for (KnowledgeBuilderError e : errors.subList(Math.min(before, errors.size()), errors.size())) {
            String message = e.getMessage().strip();
            Location at = locate(file, e, rules);
            Matcher lc = LINE_COL.matcher(message);
            if (lc.find()) {
                message = message.substring(0, lc.start()) + message.substring(lc.end());
            }
            message = message.replaceAll("\\s+", " ");
            if (message.length() > 300) {
                message = message.substring(0, 300) + "...";
            }
            problems.add(at, "DRL error: " + message,
                    "see docs/pack-format.md#drl-files; the facts, their properties and out are documented there");
        }
    }

    /** Where a compile error stands: at its rule when the error names one, else at its line. */
    private static Location locate(String file, KnowledgeBuilderError e, Map<String, Location> rules) {
        if (e instanceof org.drools.drl.parser.DroolsError d && e.getMessage() != null) {
            for (Map.Entry<String, Location> r : rules.entrySet()) {
                if (r.getValue().file().equals(file) && e.getMessage().contains("\"" + r.getKey() + "\"")) {
                    return r.getValue();
                }
            }
            int line = d.getLines().length > 0 ? d.getLines()[0] : 0;
            return line > 0 ? new Location(file, line, 1) : Location.of(file);
        }
        int line = e.getLines().length > 0 ? e.getLines()[0] : 0;
        return line > 0 ? new Location(file, line, 1) : Location.of(file);
    }
}
