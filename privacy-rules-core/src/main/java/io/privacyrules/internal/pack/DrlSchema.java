package io.privacyrules.internal.pack;

import io.privacyrules.internal.drl.Request;
import io.privacyrules.internal.drl.Retention;
import io.privacyrules.internal.drl.Rights;
import io.privacyrules.internal.drl.RuleHelper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a pack's DRL can see: the fact types, their properties with a type each, and the few
 * methods a condition or consequence may call. Read once from the fact classes: a getter
 * ({@code getX()}, {@code isX()}) is property {@code x}; a method marked {@link RuleHelper} is a
 * helper. Nothing else of a class is reachable, so {@code getClass()}, constructors, static
 * methods and {@code Object}'s methods are not.
 */
final class DrlSchema {
    /** The types a DRL expression can have. */
    enum ValueType {
        STRING("text"), BOOLEAN("true or false"), INT("a whole number"), DATE("a date"), STRINGS("a list of ids"),
        FACT("a fact"), NULL("null");

        final String words;

        ValueType(String words) {
            this.words = words;
        }
    }

    /** A method that may be called: on a fact (a getter or helper) or on a value. */
    record Member(String name, String javaName, List<ValueType> parameters, ValueType result, boolean property) {
    }

    /** A fact type: its DRL name, its class, its properties and its helpers. */
    record Fact(String name, Class<?> type, Map<String, Member> properties, Map<String, Member> helpers) {
        /** The getter or helper with this Java method name, or null. */
        Member byJavaName(String javaName) {
            for (Member m : properties.values()) {
                if (m.javaName().equals(javaName)) {
                    return m;
                }
            }
            Member h = helpers.get(javaName);
            return h;
        }
    }

    /** The facts a pack's rules match, by DRL name, in the order the docs list them. */
    static final Map<String, Fact> FACTS = facts(Request.class, Rights.class, Retention.class);

    /** Methods a condition may call on a value of each type. */
    static final Map<ValueType, Map<String, Member>> VALUE_METHODS = Map.of(
            ValueType.STRING, members(
                    new Member("startsWith", "startsWith", List.of(ValueType.STRING), ValueType.BOOLEAN, false),
                    new Member("endsWith", "endsWith", List.of(ValueType.STRING), ValueType.BOOLEAN, false),
                    new Member("isEmpty", "isEmpty", List.of(), ValueType.BOOLEAN, false)),
            ValueType.STRINGS, members(
                    new Member("isEmpty", "isEmpty", List.of(), ValueType.BOOLEAN, false),
                    new Member("size", "size", List.of(), ValueType.INT, false),
                    new Member("contains", "contains", List.of(ValueType.STRING), ValueType.BOOLEAN, false)),
            ValueType.DATE, members(
                    new Member("isBefore", "isBefore", List.of(ValueType.DATE), ValueType.BOOLEAN, false),
                    new Member("isAfter", "isAfter", List.of(ValueType.DATE), ValueType.BOOLEAN, false),
                    new Member("isEqual", "isEqual", List.of(ValueType.DATE), ValueType.BOOLEAN, false)));

    /** The classes of the facts, which every pack's DRL imports. */
    static final Set<Class<?>> FACT_CLASSES = Set.of(Request.class, Rights.class, Retention.class);

    /**
     * Empty classes every pack's DRL also imports, so that the simple names MVEL resolves on its
     * own ({@code System}, {@code Runtime}, ...) denote classes without members in a pack.
     */
    static final List<Class<?>> SHADOWS = List.of(io.privacyrules.internal.drl.shadow.System.class,
            io.privacyrules.internal.drl.shadow.Runtime.class, io.privacyrules.internal.drl.shadow.Thread.class,
            io.privacyrules.internal.drl.shadow.ClassLoader.class, io.privacyrules.internal.drl.shadow.Class.class,
            io.privacyrules.internal.drl.shadow.Compiler.class, io.privacyrules.internal.drl.shadow.ProcessBuilder.class);

    private DrlSchema() {
    }

    private static Map<String, Fact> facts(Class<?>... classes) {
        Map<String, Fact> out = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            out.put(c.getSimpleName(), read(c));
        }
        return Map.copyOf(out);
    }

    private static Fact read(Class<?> c) {
        Map<String, Member> properties = new LinkedHashMap<>();
        Map<String, Member> helpers = new LinkedHashMap<>();
        List<Method> methods = new ArrayList<>(Arrays.asList(c.getDeclaredMethods()));
        methods.sort(Comparator.comparing(Method::getName));
        for (Method m : methods) {
            int mod = m.getModifiers();
            if (!Modifier.isPublic(mod) || Modifier.isStatic(mod) || m.isSynthetic() || m.isBridge()) {
                continue;
            }
            ValueType result = typeOf(m.getGenericReturnType());
            if (result == null) {
                continue;
            }
            if (m.isAnnotationPresent(RuleHelper.class)) {
                List<ValueType> params = new ArrayList<>();
                for (Type p : m.getGenericParameterTypes()) {
                    params.add(typeOf(p));
                }
                if (params.contains(null)) {
                    throw new IllegalStateException("helper " + m + " takes a type DRL cannot write");
                }
                helpers.put(m.getName(), new Member(m.getName(), m.getName(), List.copyOf(params), result, false));
            } else if (m.getParameterCount() == 0) {
                String property = propertyName(m.getName(), result);
                if (property != null) {
                    properties.put(property, new Member(property, m.getName(), List.of(), result, true));
                }
            }
        }
        return new Fact(c.getSimpleName(), c, Map.copyOf(properties), Map.copyOf(helpers));
    }

    private static String propertyName(String method, ValueType result) {
        String rest;
        if (method.startsWith("get") && method.length() > 3) {
            rest = method.substring(3);
        } else if (method.startsWith("is") && method.length() > 2 && result == ValueType.BOOLEAN) {
            rest = method.substring(2);
        } else {
            return null;
        }
        if (!Character.isUpperCase(rest.charAt(0))) {
            return null;
        }
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private static ValueType typeOf(Type t) {
        if (t == String.class) {
            return ValueType.STRING;
        }
        if (t == boolean.class) {
            return ValueType.BOOLEAN;
        }
        if (t == int.class || t == Integer.class) {
            return ValueType.INT;
        }
        if (t == LocalDate.class) {
            return ValueType.DATE;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw) && p.getActualTypeArguments()[0] == String.class) {
            return ValueType.STRINGS;
        }
        return null;
    }

    private static Map<String, Member> members(Member... ms) {
        Map<String, Member> out = new LinkedHashMap<>();
        for (Member m : ms) {
            out.put(m.name(), m);
        }
        return Map.copyOf(out);
    }
}
