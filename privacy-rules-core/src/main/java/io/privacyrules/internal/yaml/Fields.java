package io.privacyrules.internal.yaml;

import io.privacyrules.internal.Problems;
import io.privacyrules.internal.Suggest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the keys of one mapping, reporting unknown keys (with the nearest known one), missing
 * required keys and values of the wrong type. Every read returns a usable value even after a
 * problem, so that loading goes on and reports all problems at once.
 */
public final class Fields {
    private final Node.MapNode map;
    private final Problems problems;
    private final String what;

    private Fields(Node.MapNode map, Problems problems, String what) {
        this.map = map;
        this.problems = problems;
        this.what = what;
    }

    /**
     * @param node    the value that should be a mapping
     * @param what    what the mapping is, for messages ("the request")
     * @param allowed the keys it may have
     */
    public static Fields of(Node node, Problems problems, String what, Set<String> allowed) {
        if (!(node instanceof Node.MapNode map)) {
            if (node != null) {
                problems.add(node.at(), what + " must be a mapping (key: value), not " + node.kind(), "");
            }
            return new Fields(new Node.MapNode(node == null ? Location.of("?") : node.at(), Map.of()), problems, what);
        }
        for (Node.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                String near = Suggest.nearest(e.key(), allowed);
                problems.add(e.keyAt(), "unknown key '" + e.key() + "' in " + what,
                        near != null ? "did you mean '" + near + "'?" : "known keys: " + String.join(", ", sorted(allowed)));
            }
        }
        return new Fields(map, problems, what);
    }

    private static List<String> sorted(Collection<String> keys) {
        List<String> list = new ArrayList<>(keys);
        list.sort(null);
        return list;
    }

    public Location at() {
        return map.at();
    }

    public boolean has(String key) {
        return map.entries().containsKey(key);
    }

    public Node node(String key) {
        return map.get(key);
    }

    /** Where the value of {@code key} is, or the mapping itself when the key is absent. */
    public Location at(String key) {
        Node n = map.get(key);
        return n == null ? map.at() : n.at();
    }

    public Location keyAt(String key) {
        Node.Entry e = map.entries().get(key);
        return e == null ? map.at() : e.keyAt();
    }

    public Map<String, Node.Entry> entries() {
        return map.entries();
    }

    private void missing(String key) {
        problems.add(map.at(), what + " needs the key '" + key + "'", "add '" + key + ": ...'");
    }

    /** A text value; numbers are taken as their text. Null when absent or wrong (reported if required). */
    public String text(String key, boolean required) {
        Node n = map.get(key);
        if (n == null) {
            if (required) {
                missing(key);
            }
            return null;
        }
        if (n instanceof Node.ScalarNode s && (s.value() instanceof String || s.value() instanceof Number)) {
            String v = String.valueOf(s.value());
            if (v.isBlank()) {
                problems.add(n.at(), "'" + key + "' in " + what + " is empty", "");
                return null;
            }
            return v;
        }
        problems.add(n.at(), "'" + key + "' in " + what + " must be text, not " + n.kind(), "");
        return null;
    }

    /** A boolean; {@code dflt} when absent or wrong (reported). */
    public boolean bool(String key, boolean dflt) {
        Node n = map.get(key);
        if (n == null) {
            return dflt;
        }
        if (n instanceof Node.ScalarNode s && s.value() instanceof Boolean b) {
            return b;
        }
        problems.add(n.at(), "'" + key + "' in " + what + " must be true or false, not " + n.kind(), "");
        return dflt;
    }

    /** A whole number; null when absent or wrong (reported). */
    public Long integer(String key, boolean required) {
        Node n = map.get(key);
        if (n == null) {
            if (required) {
                missing(key);
            }
            return null;
        }
        if (n instanceof Node.ScalarNode s && s.value() instanceof Long l) {
            return l;
        }
        problems.add(n.at(), "'" + key + "' in " + what + " must be a whole number, not " + n.kind(), "");
        return null;
    }

    /**
     * A list of text values; a single text value is taken as a list of one. Empty when absent or
     * wrong (reported if required).
     */
    public List<Node.ScalarNode> texts(String key, boolean required) {
        Node n = map.get(key);
        List<Node.ScalarNode> out = new ArrayList<>();
        if (n == null) {
            if (required) {
                missing(key);
            }
            return out;
        }
        List<Node> items = n instanceof Node.ListNode l ? l.items() : List.of(n);
        for (Node item : items) {
            if (item instanceof Node.ScalarNode s && s.value() instanceof String) {
                out.add(s);
            } else {
                problems.add(item.at(), "'" + key + "' in " + what + " must list text values, not " + item.kind(), "");
            }
        }
        return out;
    }

    /** A list of nodes; a single non-list value is taken as a list of one. */
    public List<Node> list(String key, boolean required) {
        Node n = map.get(key);
        if (n == null) {
            if (required) {
                missing(key);
            }
            return List.of();
        }
        return n instanceof Node.ListNode l ? l.items() : List.of(n);
    }

    /** Reports a key-level problem at the key's value. */
    public void problem(String key, String message, String hint) {
        problems.add(at(key), message, hint);
    }

    public Problems problems() {
        return problems;
    }
}
