package io.privacyrules.cli;

import picocli.CommandLine.Option;

/**
 * The options of every command: {@code --help} and {@code --verbose}. {@code --verbose} is read
 * from the whole command line before parsing ({@link Main#run}), so that it also applies to errors
 * found while parsing; the field here makes picocli accept it and list it in the help.
 */
final class Common {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help and exit 0")
    boolean help;

    @Option(names = "--verbose", description = "stack traces on errors, and log level info instead of warn")
    boolean verbose;
}
