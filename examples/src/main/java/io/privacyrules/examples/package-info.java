/** Examples of a host service calling privacy-rules. */
package io.privacyrules.examples;
