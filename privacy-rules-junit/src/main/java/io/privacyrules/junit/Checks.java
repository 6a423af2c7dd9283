package io.privacyrules.junit;

import io.privacyrules.Reason;
import io.privacyrules.internal.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * The checks behind {@link DecisionAssertions}, shared by its three kinds of decision. They match as
 * scenario files do ({@code docs/scenarios.md}): what is asked for must be present, and a decision
 * may carry more.
 *
 * <p>The clause rule and the shapes of identifiers come from {@link Ids}, the same code the scenario
 * runner uses, so that an assertion and a scenario never disagree on what "cites {@code III.2}"
 * means. {@code Ids} is internal to core, but this module is built and released with core at the
 * same version, as {@link PackCoverage}'s use of core internals already assumes.
 */
final class Checks {
    private Checks() {
    }

    /** The clauses asked for, checked for shape: at least one, none null, each a clause reference. */
    static List<String> clauses(String[] clauses) {
        List<String> out = list("clauses", clauses);
        for (String c : out) {
            if (!Ids.isClause(c)) {
                throw new IllegalArgumentException("'" + c + "' is not a clause reference (for example III.2(1)(a) or VI)");
            }
        }
        return out;
    }

    /** The identifiers asked for, checked for shape: at least one, none null, each lower-case kebab-case. */
    static List<String> ids(String what, String[] ids) {
        List<String> out = list(what, ids);
        for (String id : out) {
            if (!Ids.isId(id)) {
                throw new IllegalArgumentException("'" + id + "' is not an identifier: " + what
                        + " are lower-case kebab-case, for example confidentiality-agreement");
            }
        }
        return out;
    }

    private static List<String> list(String what, String[] values) {
        Objects.requireNonNull(values, what);
        if (values.length == 0) {
            throw new IllegalArgumentException(what + " must name at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            Objects.requireNonNull(values[i], what + "[" + i + "]");
        }
        return List.of(values);
    }

    /** Fails unless each clause covers the clause of at least one reason. */
    static void citing(List<String> clauses, List<Reason> reasons, Supplier<String> shown) {
        List<String> cited = reasons.stream().map(Reason::clause).toList();
        List<String> missing = missing(clauses, c -> cited.stream().anyMatch(r -> Ids.covers(c, r)));
        if (!missing.isEmpty()) {
            throw failure("expected a reason citing " + String.join(" and a reason citing ", missing)
                    + " (or a clause under it), but the reasons cite " + cited, clauses, cited, shown);
        }
    }

    /** Fails unless each code is the code of at least one reason. */
    static void codes(List<String> codes, List<Reason> reasons, Supplier<String> shown) {
        List<String> actual = reasons.stream().map(Reason::code).toList();
        List<String> missing = missing(codes, actual::contains);
        if (!missing.isEmpty()) {
            throw failure("expected reason code " + String.join(" and reason code ", missing)
                    + ", but the reason codes are " + actual, codes, actual, shown);
        }
    }

    /** Fails unless each obligation is among {@code actual}. */
    static void obligations(List<String> wanted, List<String> actual, Supplier<String> shown) {
        List<String> missing = missing(wanted, actual::contains);
        if (!missing.isEmpty()) {
            throw failure("expected obligation " + String.join(" and obligation ", missing)
                    + ", but the obligations are " + actual, wanted, actual, shown);
        }
    }

    /** Fails if any of the obligations is among {@code actual}. */
    static void noneOf(List<String> unwanted, List<String> actual, Supplier<String> shown) {
        List<String> present = unwanted.stream().filter(actual::contains).toList();
        if (!present.isEmpty()) {
            throw new AssertionFailedError("expected no obligation " + String.join(" and no obligation ", present)
                    + ", but the obligations are " + actual + shown.get());
        }
    }

    /** Fails unless there is no obligation at all. */
    static void noObligations(List<String> actual, Supplier<String> shown) {
        if (!actual.isEmpty()) {
            throw failure("expected no obligations, but the obligations are " + actual, List.of(), actual, shown);
        }
    }

    /** Fails unless the answer (permit, fulfil, retain, ...) is the one expected. */
    static void answer(String expected, String actual, Supplier<String> shown) {
        if (!expected.equals(actual)) {
            throw failure("expected " + expected + ", but the decision is " + actual, expected, actual, shown);
        }
    }

    /** Fails unless the day ({@code respondBy}, {@code until}) is the one expected. */
    static void day(String name, Object expected, Object actual, Supplier<String> shown) {
        if (!expected.equals(actual)) {
            throw failure("expected " + name + " " + expected + ", but it is " + (actual == null ? "none" : actual),
                    expected, actual, shown);
        }
    }

    private static List<String> missing(List<String> wanted, Predicate<String> present) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            if (!present.test(w) && !out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static AssertionFailedError failure(String message, Object expected, Object actual, Supplier<String> shown) {
        return new AssertionFailedError(message + shown.get(), expected, actual);
    }
}
