/** An example Spring Boot service that asks privacy-rules before it stores a form. */
package io.privacyrules.examples.spring;
