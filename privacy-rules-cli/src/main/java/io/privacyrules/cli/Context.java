package io.privacyrules.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * What every command writes to and reads from: standard output, standard error, standard input,
 * and whether {@code --verbose} was given (stack traces, log level {@code info}).
 *
 * @param out where answers, reports and documents go
 * @param err where errors go
 * @param in where {@code decide} reads a request without {@code --request FILE}
 * @param verbose whether {@code --verbose} was given anywhere on the command line
 */
record Context(PrintStream out, PrintStream err, InputStream in, boolean verbose) {
}
