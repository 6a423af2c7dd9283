package io.privacyrules.internal.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML value with the position it was read at. */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    Location at();

    /** What a person calls this kind of value, for messages. */
    String kind();

    /** A mapping; keys are unique (duplicates are reported by the reader). */
    record MapNode(Location at, Map<String, Entry> entries) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A key of a mapping, with its own position, and its value. */
    record Entry(String key, Location keyAt, Node value) {
    }

    /** A sequence. */
    record ListNode(Location at, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar: a String, Boolean, Long, Double, or null for YAML's null. */
    record ScalarNode(Location at, Object value) implements Node {
        @Override
        public String kind() {
            if (value == null) {
                return "null";
            }
            if (value instanceof Boolean) {
                return "a boolean";
            }
            if (value instanceof Number) {
                return "a number";
            }
            return "a string";
        }
    }
}
