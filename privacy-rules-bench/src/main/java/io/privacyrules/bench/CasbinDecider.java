package io.privacyrules.bench;

import io.privacyrules.ProcessingRequest;
import java.util.ArrayList;
import java.util.List;
import org.casbin.jcasbin.main.Enforcer;
import org.casbin.jcasbin.model.Model;

/**
 * The seed pack's permit/deny decisions in jCasbin: an ABAC model ({@code jcasbin/model.conf})
 * whose policy lines ({@code jcasbin/seed-pack.csv}) are the pack's permit and deny rules as
 * {@code eval} conditions over the request's {@link Facts}, with jCasbin's deny-override effect.
 * jCasbin answers allow or deny only: it cannot carry the pack's obligations, so this decider
 * gives the effect alone.
 *
 * <p>Tuned as a careful user would: Aviator caches each compiled condition (jCasbin's default
 * compiles every {@code eval} condition on every call, some milliseconds per decision).
 *
 * <p>One plain {@link Enforcer}, built once; its {@code enforce} only reads the model, so it is
 * shared by benchmark threads (jCasbin's SyncedEnforcer would add a read lock per call).
 */
public final class CasbinDecider {
    /**
     * Whether Aviator caches the compiled {@code eval} conditions (on, unless the system property
     * {@code bench.jcasbin.cache} is {@code false}: jCasbin's default, for comparison).
     */
    static final boolean COMPILE_CACHE = !"false".equals(System.getProperty("bench.jcasbin.cache"));

    private final Enforcer enforcer;

    public CasbinDecider() {
        Model model = Model.newModelFromString(Resources.text("jcasbin/model.conf"));
        enforcer = new Enforcer(model);
        enforcer.enableLog(false);
        if (COMPILE_CACHE) {
            // eval() compiles each rule's condition with Aviator on every call unless expressions are
            // cached: out of the box that costs milliseconds per decision (docs/performance.md)
            enforcer.getAviatorEval().setCachedExpressionByDefault(true);
        }
        List<List<String>> policies = new ArrayList<>();
        for (String line : Resources.text("jcasbin/seed-pack.csv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", 4);
            if (f.length != 4 || !f[0].strip().equals("p")) {
                throw new IllegalStateException("bad policy line: " + line);
            }
            policies.add(List.of(f[1].strip(), f[2].strip(), f[3].strip()));
        }
        enforcer.addPolicies(policies);
    }

    /** The number of policy lines loaded. */
    public int policies() {
        return enforcer.getPolicy().size();
    }

    /** True when jCasbin allows the request; an invalid request is denied before jCasbin sees it. */
    public boolean permitted(ProcessingRequest request) {
        Facts f = Facts.of(request);
        return f != null && enforcer.enforce(f);
    }
}
