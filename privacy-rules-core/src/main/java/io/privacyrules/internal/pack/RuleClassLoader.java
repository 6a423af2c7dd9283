package io.privacyrules.internal.pack;

import io.privacyrules.internal.drl.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader a pack's rules are compiled and run under: a wall that lets through only the
 * classes on its allowlist. Drools gives it to the Java compiler, to MVEL and to the class loader
 * that defines the rules' generated classes, so a name outside the list (System, Runtime,
 * Files, Thread, ProcessBuilder, reflection, class loaders) cannot be compiled against nor
 * resolved when a rule runs: the compiler reports it as unknown and the load fails.
 *
 * <p>The list holds the fact types and {@code out}, the JDK value types they use, and the
 * Drools and KIE types that Drools' generated code and configuration need, each named exactly
 * (two packages of Drools' own built-in functions are let through whole). Resources other than
 * class files are served only from {@code META-INF/}, where Drools keeps its configuration.
 * Thread-safe.
 */
final class RuleClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** Every class a compiled rule or Drools' code for it may resolve through this loader. */
    static final Set<String> ALLOWED = allowed();

    /** Packages of Drools' built-in accumulate functions and evaluators, loaded by its configuration. */
    private static final List<String> ALLOWED_PACKAGES = List.of(
            "org.drools.core.base.accumulators.", "org.drools.mvel.evaluators.");

    private final ClassLoader delegate;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    RuleClassLoader() {
        super("privacy-rules pack", null);
        this.delegate = RuleClassLoader.class.getClassLoader();
    }

    private static Set<String> allowed() {
        Set<String> s = new HashSet<>();
        DrlSchema.FACT_CLASSES.forEach(c -> s.add(c.getName()));
        DrlSchema.SHADOWS.forEach(c -> s.add(c.getName()));
        s.add(Verdict.class.getName());
        s.addAll(List.of(
                // JDK types of the facts' values, and what the compiler needs to type them
                "java.lang.Object", "java.lang.Class", "java.lang.String", "java.lang.CharSequence", "java.lang.Comparable",
                "java.lang.Boolean", "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
                "java.lang.Character", "java.lang.Double", "java.lang.Float", "java.lang.Number", "java.lang.Iterable",
                "java.lang.Throwable", "java.lang.Exception", "java.lang.RuntimeException", "java.io.Serializable",
                "java.lang.constant.Constable", "java.lang.constant.ConstantDesc",
                "java.time.LocalDate", "java.time.chrono.ChronoLocalDate", "java.time.temporal.Temporal",
                "java.time.temporal.TemporalAccessor", "java.time.temporal.TemporalAdjuster",
                "java.util.Collection", "java.util.List", "java.util.Set", "java.util.Iterator",
                // what Drools' generated consequences and jitted constraints refer to
                "org.drools.base.base.ValueResolver", "org.drools.base.base.ValueType",
                "org.drools.base.base.extractors.BaseObjectClassFieldReader", "org.drools.base.reteoo.BaseTuple",
                "org.drools.base.rule.Declaration", "org.drools.base.rule.accessor.CompiledInvoker",
                "org.drools.base.rule.consequence.Consequence", "org.drools.base.rule.consequence.ConsequenceContext",
                "org.drools.core.common.InternalFactHandle", "org.drools.core.reteoo.LeftTuple",
                "org.drools.core.reteoo.Tuple", "org.drools.core.rule.consequence.KnowledgeHelper",
                "org.drools.mvel.ConditionEvaluator", "org.drools.mvel.EvaluatorHelper",
                "org.drools.mvel.asm.ConsequenceStub", "org.drools.mvel.asm.ConsequenceGenerator",
                "org.drools.ecj.EclipseJavaCompiler",
                "org.kie.api.definition.rule.Rule", "org.kie.api.runtime.rule.FactHandle",
                "org.kie.api.runtime.KieContext", "org.kie.api.runtime.rule.RuleContext"));
        return Set.copyOf(s);
    }

    /** True when a rule may resolve the class of this binary name. */
    static boolean allows(String name) {
        if (ALLOWED.contains(name)) {
            return true;
        }
        for (String p : ALLOWED_PACKAGES) {
            if (name.startsWith(p) && name.indexOf('.', p.length()) < 0) {
                return true;
            }
        }
        return false;
    }

    /** The names this loader refused so far, for tests and diagnostics. */
    Set<String> refused() {
        return Set.copyOf(refused);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!allows(name)) {
            refused.add(name);
            throw new ClassNotFoundException(name + " is not available to a pack's rules");
        }
        return delegate.loadClass(name);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        return loadClass(name, false);
    }

    @Override
    public URL getResource(String name) {
        return permitted(name) ? delegate.getResource(name) : null;
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return permitted(name) ? delegate.getResourceAsStream(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return permitted(name) ? delegate.getResources(name) : Collections.emptyEnumeration();
    }

    @Override
    protected URL findResource(String name) {
        return getResource(name);
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return getResources(name);
    }

    private boolean permitted(String resource) {
        if (resource == null) {
            return false;
        }
        String r = resource.startsWith("/") ? resource.substring(1) : resource;
        if (r.endsWith(".class")) {
            String name = r.substring(0, r.length() - ".class".length()).replace('/', '.');
            if (allows(name)) {
                return true;
            }
            refused.add(name);
            return false;
        }
        return r.startsWith("META-INF/") && !r.contains("..");
    }
}
