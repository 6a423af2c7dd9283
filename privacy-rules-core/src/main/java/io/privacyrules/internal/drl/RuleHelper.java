package io.privacyrules.internal.drl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a fact that a pack's DRL may call, beside the fact's getters. The DRL checker
 * reads these marks to build what conditions and consequences may use; a public method without
 * it is not reachable from a pack, whatever its name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RuleHelper {
}
