/** The {@code bin/privacy-rules} command line: {@code check}, {@code decide}, {@code demo}. */
package io.privacyrules.cli;
