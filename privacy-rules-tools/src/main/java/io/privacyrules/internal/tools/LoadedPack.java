package io.privacyrules.internal.tools;

import io.privacyrules.PolicyEngine;
import io.privacyrules.PolicyLoadException;
import io.privacyrules.internal.Authoring;
import io.privacyrules.internal.drl.RuleMeta;
import io.privacyrules.internal.engine.Engine;
import io.privacyrules.internal.pack.Pack;
import io.privacyrules.internal.yaml.Location;
import io.privacyrules.internal.yaml.Node;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A pack loaded for the authoring tools: the engine, the validated pack, its DRL rules as text and
 * the positions of its declarations in {@code policy.yaml}. Everything of the core it holds comes
 * through {@link Authoring}, the core's seam for the tools.
 */
public final class LoadedPack {
    private final String location;
    private final PolicyEngine policyEngine;
    private final Engine engine;
    private final Pack pack;
    private final String policyFile;
    private final Node.MapNode root;
    private final DrlIndex drl;

    private LoadedPack(String location, PolicyEngine policyEngine, String policyFile, Node.MapNode root) {
        this.location = location;
        this.policyEngine = policyEngine;
        this.engine = Authoring.engine(policyEngine);
        this.pack = engine.pack();
        this.policyFile = policyFile;
        this.root = root;
        this.drl = new DrlIndex(pack.drl());
    }

    /**
     * Loads the pack at {@code location}: a folder or {@code classpath:NAME}.
     *
     * @throws PolicyLoadException if it does not load
     */
    public static LoadedPack load(String location) {
        Objects.requireNonNull(location, "location");
        PolicyEngine policyEngine = PolicyEngine.load(location);
        Authoring.PolicyYaml yaml = Authoring.policyYaml(location);
        return new LoadedPack(location, policyEngine, yaml.file(), yaml.root());
    }

    /** Where the pack was loaded from, as given. */
    public String location() {
        return location;
    }

    public PolicyEngine policyEngine() {
        return policyEngine;
    }

    public Engine engine() {
        return engine;
    }

    public Pack pack() {
        return pack;
    }

    /** The policy.yaml as named in messages. */
    public String policyFile() {
        return policyFile;
    }

    DrlIndex drl() {
        return drl;
    }

    /** The compiled rules in the pack's order (YAML rules first, then DRL files). */
    public List<RuleMeta> rules() {
        return engine.rules().values().stream().sorted(Comparator.comparingInt(RuleMeta::ordinal)).toList();
    }

    /** Where a declaration {@code id} of {@code section} (actions, categories, ...) is, or the section, or the file. */
    public Location declaration(String section, String id) {
        Node n = root.get(section);
        if (n instanceof Node.MapNode m) {
            Node.Entry e = m.entries().get(id);
            return e != null ? e.keyAt() : root.entries().get(section).keyAt();
        }
        return top(section);
    }

    /** Where a top-level key is, or the file. */
    public Location top(String key) {
        Node.Entry e = root.entries().get(key);
        return e != null ? e.keyAt() : new Location(policyFile, 1, 1);
    }

    /** The top-level mapping of policy.yaml (positions for the tools). */
    Node.MapNode root() {
        return root;
    }

    /** Where a compiled rule is written: its YAML {@code id}, its purpose, or its DRL {@code rule} line. */
    public Location where(RuleMeta rule) {
        if (rule.yaml() != null) {
            return rule.yaml().at();
        }
        DrlIndex.DrlRule d = drl.rule(rule.name());
        return d != null ? d.at() : Location.of(policyFile);
    }

    /** The scenario kind a compiled rule decides: request, rightsRequest or retention; null when unknown. */
    public String kind(RuleMeta rule) {
        if (rule.yaml() != null) {
            return "request";
        }
        DrlIndex.DrlRule d = drl.rule(rule.name());
        return d == null ? null : d.kind();
    }

    /** The effect of a rule for people: permit, deny or oblige for YAML; drl for a DRL rule. */
    public static String effect(RuleMeta rule) {
        return rule.yaml() == null ? "drl" : rule.yaml().effect().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A position as {@code file:line}. */
    public static String at(Location l) {
        return l.file() + ":" + l.line();
    }
}
