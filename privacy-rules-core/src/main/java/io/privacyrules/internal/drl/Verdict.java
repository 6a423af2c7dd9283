package io.privacyrules.internal.drl;

import io.privacyrules.internal.Ids;
import io.privacyrules.internal.pack.Pack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects what the rules of one decision say. DRL files of a pack see it as the global
 * {@code out} and call {@link #permit}, {@link #deny} and {@link #oblige}; the clause of each
 * call is the {@code @clause} of the rule that makes it. One instance per decision; not
 * thread-safe.
 */
public final class Verdict {
    /** One rule's say. */
    public record Said(RuleMeta rule, String code, String message) {
    }

    private final Pack pack;
    private final List<Pack.RuleDef> yamlRules;
    private final Request request;
    private RuleMeta current;
    private final List<Said> permits = new ArrayList<>(4);
    private final List<Said> denies = new ArrayList<>(4);
    private final Map<String, String> obligations = new LinkedHashMap<>();

    public Verdict(Pack pack, List<Pack.RuleDef> yamlRules, Request request) {
        this.pack = pack;
        this.yamlRules = yamlRules;
        this.request = request;
    }

    /** Called by the engine before each rule's consequence runs. */
    public void enter(RuleMeta rule) {
        this.current = rule;
    }

    /** The rule whose consequence runs now, or null. */
    public RuleMeta current() {
        return current;
    }

    /**
     * The current rule permits the request, with the given obligations.
     *
     * @param code        a kebab-case reason code
     * @param message     a sentence a person can read; ids only, no data values
     * @param obligations ids of obligations the pack declares
     */
    public void permit(String code, String message, String... obligations) {
        permits.add(new Said(rule(), checkCode(code), message(message)));
        oblige(obligations);
    }

    /** The current rule denies the request. */
    public void deny(String code, String message) {
        denies.add(new Said(rule(), checkCode(code), message(message)));
    }

    /** Obligations that come with the request if it is permitted. */
    public void oblige(String... ids) {
        for (String id : ids) {
            if (!pack.obligations().containsKey(id)) {
                throw new IllegalStateException("rule " + rule().name() + " names an undeclared obligation");
            }
            obligations.putIfAbsent(id, rule().clause());
        }
    }

    /** Used by rules generated from YAML: applies YAML rule {@code index}. Not for hand-written DRL. */
    public void apply(int index) {
        Pack.RuleDef r = yamlRules.get(index);
        switch (r.effect()) {
            case PERMIT -> permit(r.code(), render(r.message()), r.obligations().toArray(String[]::new));
            case DENY -> deny(r.code(), render(r.message()));
            case OBLIGE -> oblige(r.obligations().toArray(String[]::new));
        }
    }

    public List<Said> permits() {
        return permits;
    }

    public List<Said> denies() {
        return denies;
    }

    /** The obligations named so far, each with the clause of the first rule that named it. */
    public Map<String, String> obligations() {
        return obligations;
    }

    private RuleMeta rule() {
        if (current == null) {
            throw new IllegalStateException("out was called outside a rule consequence");
        }
        return current;
    }

    private static String checkCode(String code) {
        if (!Ids.isId(code)) {
            throw new IllegalStateException("a rule gave a reason code that is not kebab-case");
        }
        return code;
    }

    private static String message(String message) {
        if (message == null || message.isBlank()) {
            throw new IllegalStateException("a rule gave no message");
        }
        return message;
    }

    /** The placeholders a YAML message may use; each is replaced by ids from the request. */
    public static final Set<String> PLACEHOLDERS = Set.of("action", "purpose", "recipient", "destination", "data", "childAge");

    /** The template with its placeholders replaced by the request's ids. */
    public String render(String template) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        Map<String, String> values = Map.of(
                "action", request.getAction(),
                "purpose", request.getPurpose(),
                "recipient", request.getRecipient() == null ? "(none)" : request.getRecipient(),
                "destination", request.getDestination(),
                "data", String.join(", ", new java.util.TreeSet<>(request.getData())),
                "childAge", Integer.toString(pack.children().under()));
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String key = template.substring(open + 1, close);
            String value = values.get(key);
            out.append(template, i, open).append(value == null ? template.substring(open, close + 1) : value);
            i = close + 1;
        }
        return out.toString();
    }
}
