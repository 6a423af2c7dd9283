package io.privacyrules.cli;

/** The exit codes of {@code bin/privacy-rules}, as docs/cli.md lists them. */
final class Exit {
    /** Success. */
    static final int OK = 0;
    /** Scenarios failed, coverage under the minimum, lint errors, a gap, or a negative answer with --exit-code. */
    static final int FAILED = 1;
    /** Bad usage, a policy or request that does not load, a file that cannot be written. */
    static final int USAGE = 2;

    /** The exit-code section of a command's help: code, then meaning. */
    static final String HEADING = "%nExit codes:%n";

    private Exit() {
    }
}
