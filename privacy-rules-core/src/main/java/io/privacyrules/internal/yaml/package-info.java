/**
 * Reads YAML (pack files, scenario files, requests given to the command line) into
 * {@link io.privacyrules.internal.yaml.Node} trees that keep every value's file, line and column,
 * within the limits for untrusted input: size, nesting depth, no aliases, one document, UTF-8,
 * no duplicate keys. {@link io.privacyrules.internal.yaml.Fields} checks a mapping's keys and
 * value types and reports problems with hints.
 *
 * <p>Implementation details of the library, not API: nothing here is meant for hosts, and any of
 * it may change in any release (see {@link io.privacyrules.internal}).
 */
package io.privacyrules.internal.yaml;
