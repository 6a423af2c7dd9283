package io.privacyrules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule pack or scenario file did not load. Lists every problem found, each with file, line,
 * column and a hint, so that an author fixes them all in one pass.
 */
public final class PolicyLoadException extends PrivacyRulesException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /**
     * @param what     what failed to load, for example {@code rule pack rules/x}
     * @param problems at least one problem
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public PolicyLoadException(String what, List<Problem> problems) {
        super(describe(what, problems));
        this.problems = List.copyOf(problems);
        if (this.problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
    }

    /** Every problem found, in file and line order. */
    public List<Problem> problems() {
        return problems;
    }

    private static String describe(String what, List<Problem> problems) {
        return what + " did not load: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }
}
