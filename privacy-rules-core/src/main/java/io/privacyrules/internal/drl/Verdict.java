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

    /** One rule's say on a data-subject request: an outcome at a step of the checks, citing a clause. */
    public record Answer(int step, String outcome, RuleMeta rule, String clause, String code, String message) {
    }

    /** One rule's say on retention: retain (until, or null when unknown) or dispose, citing a clause. */
    public record Keep(boolean retain, java.time.LocalDate until, RuleMeta rule, String clause, String code,
                       String message) {
    }

    private final Pack pack;
    private final List<Pack.RuleDef> yamlRules;
    private final Request request;
    private RuleMeta current;
    private final List<Said> permits = new ArrayList<>(4);
    private final List<Said> denies = new ArrayList<>(4);
    private final Map<String, RuleMeta> obligations = new LinkedHashMap<>();
    private final List<Answer> answers = new ArrayList<>(4);
    private final List<Keep> keeps = new ArrayList<>(4);

    /** What a verdict is about; each out method belongs to one or two kinds. */
    public enum Kind {
        PROCESSING, RIGHTS, RETENTION
    }

    private final Kind kind;

    private final RuleMeta[] byOrdinal;

    /**
     * @param byOrdinal every rule of the pack by ordinal (YAML rules first)
     * @param request   the processing request, or null for the other kinds (YAML rules see only requests)
     */
    public Verdict(Pack pack, RuleMeta[] byOrdinal, Request request, Kind kind) {
        this.byOrdinal = byOrdinal;
        this.kind = kind;
        this.yamlRules = pack.rules();
        this.pack = pack;
        this.request = request;
    }

    /** Receives every rule that fires, for coverage and explanations. */
    public interface Trace {
        Trace NONE = rule -> { };

        void fired(RuleMeta rule);
    }

    private Trace trace = Trace.NONE;

    /** Sets who hears of each rule that fires. */
    public Verdict traced(Trace trace) {
        this.trace = trace;
        return this;
    }

    /** Called first in every consequence (the compiler adds the call): the rule with this ordinal runs. */
    public void enter(int ordinal) {
        RuleMeta rule = byOrdinal[ordinal];
        this.current = rule;
        trace.fired(rule);
    }

    /** The rule whose consequence runs now, or null. */
    /** The id of the pack deciding, for the reasons it gives. */
    public String packId() {
        return pack.info().id();
    }

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
        expect(Kind.PROCESSING, "permit");
        permits.add(new Said(rule(), checkCode(code), message(message)));
        oblige(obligations);
    }

    /** The current rule denies the request. */
    public void deny(String code, String message) {
        expect(Kind.PROCESSING, "deny");
        denies.add(new Said(rule(), checkCode(code), message(message)));
    }

    /** Obligations that come with the request if it is permitted. */
    public void oblige(String... ids) {
        obligeAll(java.util.Arrays.asList(ids));
    }

    private void obligeAll(List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        if (kind == Kind.RETENTION) {
            expect(Kind.PROCESSING, "oblige");
        }
        for (String id : ids) {
            if (!pack.obligations().containsKey(id)) {
                throw new IllegalStateException("rule " + rule().name() + " names an undeclared obligation");
            }
            // The clause cited is that of the first rule of the pack to impose it, whatever the firing order.
            obligations.merge(id, rule(), (old, now) -> now.ordinal() < old.ordinal() ? now : old);
        }
    }

    /** Used by rules generated from YAML: applies YAML rule {@code index}. Not for hand-written DRL. */
    public void apply(int index) {
        enter(index);
        Pack.RuleDef r = yamlRules.get(index);
        // Messages are rendered by the engine, and only for the reasons that decide.
        switch (r.effect()) {
            case PERMIT -> {
                permit(r.code(), r.message());
                obligeAll(r.obligations());
            }
            case DENY -> deny(r.code(), r.message());
            case OBLIGE -> obligeAll(r.obligations());
        }
    }

    // ---- data-subject requests: the answer at the lowest step wins ----------------------------

    /** Fulfil the request (checks at {@code step}), citing the rule's clause. */
    public void fulfil(int step, String code, String message) {
        answer(step, "fulfil", rule().clause(), code, message);
    }

    /** Fulfil the request, citing {@code clause} (a clause the pack declares). */
    public void fulfil(int step, String clause, String code, String message) {
        answer(step, "fulfil", clause, code, message);
    }

    /** Refuse the request, citing the rule's clause. */
    public void refuse(int step, String code, String message) {
        answer(step, "refuse", rule().clause(), code, message);
    }

    /** Refuse the request, citing {@code clause}. */
    public void refuse(int step, String clause, String code, String message) {
        answer(step, "refuse", clause, code, message);
    }

    /** Ask for the subject's identity to be verified first, citing the rule's clause. */
    public void verifyIdentity(int step, String code, String message) {
        answer(step, "verify-identity", rule().clause(), code, message);
    }

    /** Ask for the subject's identity to be verified first, citing {@code clause}. */
    public void verifyIdentity(int step, String clause, String code, String message) {
        answer(step, "verify-identity", clause, code, message);
    }

    private void answer(int step, String outcome, String clause, String code, String message) {
        expect(Kind.RIGHTS, outcome);
        if (clause == null || !pack.clauses().containsKey(clause)) {
            throw new IllegalStateException("rule " + rule().name() + " cites an undeclared clause");
        }
        answers.add(new Answer(step, outcome, rule(), clause, checkCode(code), message(message)));
    }

    public List<Answer> answers() {
        return answers;
    }

    // ---- retention: any retain wins over dispose --------------------------------------------

    /** Keep the record; how long is not known. Cites the rule's clause. */
    public void retain(String code, String message) {
        keep(true, null, rule().clause(), code, message);
    }

    /** Keep the record until {@code until} (inclusive; null means not known), citing the rule's clause. */
    public void retainUntil(java.time.LocalDate until, String code, String message) {
        keep(true, until, rule().clause(), code, message);
    }

    /** Keep the record until {@code until} (inclusive; null means not known), citing {@code clause}. */
    public void retainUntil(java.time.LocalDate until, String clause, String code, String message) {
        keep(true, until, clause, code, message);
    }

    /** Delete or anonymize the record, citing the rule's clause. */
    public void dispose(String code, String message) {
        keep(false, null, rule().clause(), code, message);
    }

    /** Delete or anonymize the record, citing {@code clause}. */
    public void dispose(String clause, String code, String message) {
        keep(false, null, clause, code, message);
    }

    private void keep(boolean retain, java.time.LocalDate until, String clause, String code, String message) {
        expect(Kind.RETENTION, retain ? "retain" : "dispose");
        if (clause == null || !pack.clauses().containsKey(clause)) {
            throw new IllegalStateException("rule " + rule().name() + " cites an undeclared clause");
        }
        keeps.add(new Keep(retain, until, rule(), clause, checkCode(code), message(message)));
    }

    private void expect(Kind expected, String method) {
        if (kind != expected) {
            throw new IllegalStateException("rule " + rule().name() + " called out." + method + " on a "
                    + kind.name().toLowerCase(java.util.Locale.ROOT) + " decision");
        }
    }

    public List<Keep> keeps() {
        return keeps;
    }

    // ---- processing ------------------------------------------------------------------------

    public List<Said> permits() {
        return permits;
    }

    public List<Said> denies() {
        return denies;
    }

    /** The obligations named so far, each with the clause of the earliest rule of the pack that named it. */
    public Map<String, String> obligations() {
        Map<String, String> clauses = new LinkedHashMap<>();
        obligations.forEach((id, rule) -> clauses.put(id, rule.clause()));
        return clauses;
    }

    private RuleMeta rule() {
        if (current == null) {
            throw new IllegalStateException("out was called outside a rule consequence");
        }
        return current;
    }

    /** Codes are checked at load time (YAML rules, and the literals of DRL calls); this only guards null. */
    private static String checkCode(String code) {
        if (code == null || code.isEmpty()) {
            throw new IllegalStateException("a rule gave no reason code");
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
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                out.append(template, i, template.length());
                break;
            }
            String value = placeholder(template.substring(open + 1, close));
            out.append(template, i, open).append(value == null ? template.substring(open, close + 1) : value);
            i = close + 1;
        }
        return out.toString();
    }

    private String placeholder(String key) {
        if (request == null) {
            return null;
        }
        return switch (key) {
            case "action" -> request.getAction();
            case "purpose" -> request.getPurpose();
            case "recipient" -> request.getRecipient() == null ? "(none)" : request.getRecipient();
            case "destination" -> request.getDestination();
            case "data" -> String.join(", ", new java.util.TreeSet<>(request.getData()));
            case "childAge" -> Integer.toString(pack.children().under());
            default -> null;
        };
    }}
