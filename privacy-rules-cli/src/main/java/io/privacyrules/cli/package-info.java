/**
 * The {@code bin/privacy-rules} command line: {@code check} (with coverage and an HTML report),
 * {@code decide} (with {@code --explain}), {@code lint}, {@code diff}, {@code demo}.
 */
package io.privacyrules.cli;
