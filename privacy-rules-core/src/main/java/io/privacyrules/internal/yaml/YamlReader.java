package io.privacyrules.internal.yaml;

import io.privacyrules.internal.Problems;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads one YAML 1.2 document into a {@link Node} tree that remembers positions, with limits that
 * keep hostile files cheap to reject: size, nesting depth, string length, no aliases, no binary
 * content, no duplicate keys, one document.
 *
 * <p>Scalars are typed by the YAML 1.2 core schema: a plain {@code true}/{@code false} (also
 * capitalised or upper-case) is a Boolean; a plain {@code null}, {@code ~} or nothing is null; a plain
 * decimal ({@code 015} is 15), octal ({@code 0o17}) or hexadecimal ({@code 0x1F}) whole number is a
 * Long; a plain float is a Double; everything else, and every quoted or block scalar, is a String.
 * So {@code NO}, {@code yes}, {@code off}, {@code 1:20}, {@code 1_000} and dates are strings. The
 * only tag accepted is {@code !!str}.
 *
 * <p>Built on SnakeYAML Engine's event parser; the tree, the typing and the limits are this class's.
 */
public final class YamlReader {
    /** Largest file accepted, in bytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest nesting of mappings and lists accepted. */
    public static final int MAX_DEPTH = 32;
    /** Longest scalar accepted, in characters. */
    public static final int MAX_STRING = 64 * 1024;

    private static final String STR_TAG = "tag:yaml.org,2002:str";
    private static final String MAP_TAG = "tag:yaml.org,2002:map";
    private static final String SEQ_TAG = "tag:yaml.org,2002:seq";
    // The YAML 1.2.2 core schema, section 10.3.2.
    private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
    private static final Pattern TRUE = Pattern.compile("true|True|TRUE");
    private static final Pattern FALSE = Pattern.compile("false|False|FALSE");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern OCTAL = Pattern.compile("0o[0-7]+");
    private static final Pattern HEX = Pattern.compile("0x[0-9a-fA-F]+");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?\\.(?:inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(?:nan|NaN|NAN)");

    private YamlReader() {
    }

    /**
     * Parses {@code bytes}, reporting problems to {@code problems}.
     *
     * @return the root node, or null when the file could not be read at all
     */
    public static Node read(String file, byte[] bytes, Problems problems) {
        Location whole = Location.of(file);
        if (bytes.length > MAX_BYTES) {
            problems.add(whole, "the file is larger than " + MAX_BYTES + " bytes, the most that is read",
                    "split the file or remove what it does not need");
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(whole, "the file is not UTF-8 text", "save it as UTF-8");
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            problems.add(whole, "the file contains binary content (a NUL character)", "is this the right file?");
            return null;
        }
        int bad = firstNonPrintable(text);
        if (bad >= 0) {
            int cp = text.codePointAt(bad);
            problems.add(position(file, text, bad), String.format("the character U+%04X is not allowed in YAML", cp),
                    "remove it, or write it as an escape (\\u....) inside double quotes");
            return null;
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setUseMarks(true)
                .setAllowDuplicateKeys(true) // reported by this reader, which then goes on
                .setMaxAliasesForCollections(0)
                .setCodePointLimit(MAX_BYTES)
                .build();
        // The parser of the exported package (api.lowlevel is not exported by the engine's module).
        Reader reader = new Reader(file, new ParserImpl(settings, new StreamReader(settings, text)), problems);
        try {
            return reader.document();
        } catch (TooDeep e) {
            problems.add(e.at, "nesting deeper than " + MAX_DEPTH + " levels", "flatten the structure");
            return null;
        } catch (YamlEngineException e) {
            problems.add(errorLocation(file, e), "YAML syntax error: " + describe(e),
                    "check indentation, quotes and colons around this place");
            return null;
        }
    }

    /** Builds the tree from the parser's events, one at a time, so that a limit stops the parser early. */
    private static final class Reader {
        private final String file;
        private final Iterator<Event> events;
        private final Problems problems;

        Reader(String file, Iterator<Event> events, Problems problems) {
            this.file = file;
            this.events = events;
            this.problems = problems;
        }

        Node document() {
            next(); // stream start
            Event start = next();
            if (start.getEventId() == Event.ID.StreamEnd) {
                problems.add(new Location(file, 1, 1), "the file is empty", "");
                return null;
            }
            Node root = value(next(), 1);
            next(); // document end
            Event after = next();
            if (after.getEventId() == Event.ID.DocumentStart) {
                problems.add(at(after), "more than one YAML document in the file",
                        "remove the second '---' and what follows, or move it to its own file");
            }
            return root;
        }

        private Event next() {
            return events.next();
        }

        private Node value(Event event, int depth) {
            Location at = at(event);
            if (depth > MAX_DEPTH) {
                throw new TooDeep(at);
            }
            switch (event.getEventId()) {
                case Alias -> {
                    problems.add(at, "YAML aliases (*name) are not accepted", "write the value out in full");
                    return new Node.ScalarNode(at, null);
                }
                case Scalar -> {
                    return scalar((ScalarEvent) event, at);
                }
                case MappingStart -> {
                    collectionTag((CollectionStartEvent) event, MAP_TAG, at);
                    Map<String, Node.Entry> entries = new LinkedHashMap<>();
                    for (Event k = next(); k.getEventId() != Event.ID.MappingEnd; k = next()) {
                        Location keyAt = at(k);
                        String key = key(k, depth);
                        Node value = value(next(), depth + 1);
                        if (key == null) {
                            continue;
                        }
                        if (entries.containsKey(key)) {
                            problems.add(keyAt, "duplicate key '" + key + "' (first at line "
                                    + entries.get(key).keyAt().line() + ")", "keep one of them");
                        } else {
                            entries.put(key, new Node.Entry(key, keyAt, value));
                        }
                    }
                    return new Node.MapNode(at, entries);
                }
                case SequenceStart -> {
                    collectionTag((CollectionStartEvent) event, SEQ_TAG, at);
                    List<Node> items = new ArrayList<>();
                    for (Event e = next(); e.getEventId() != Event.ID.SequenceEnd; e = next()) {
                        items.add(value(e, depth + 1));
                    }
                    return new Node.ListNode(at, items);
                }
                default -> {
                    problems.add(at, "unexpected YAML content", "");
                    return new Node.ScalarNode(at, null);
                }
            }
        }

        /** A mapping key: a scalar's text, whatever its type. Anything else is reported and skipped (null). */
        private String key(Event k, int depth) {
            if (k instanceof ScalarEvent s) {
                scalar(s, at(k)); // the same limits and tags as a value
                return s.getValue();
            }
            Location at = at(k);
            value(k, depth + 1); // consume it, with its own limits
            problems.add(at, "a key must be a plain word, not a list, a mapping or an alias", "write the key as text");
            return null;
        }

        private Location at(Event e) {
            return e.getStartMark().map(m -> location(file, m)).orElseGet(() -> Location.of(file));
        }

        private void collectionTag(CollectionStartEvent e, String allowed, Location at) {
            Optional<String> tag = e.getTag();
            if (tag.isPresent() && !tag.get().equals(allowed) && !tag.get().equals("!")) {
                problems.add(at, "YAML tags (" + shortTag(tag.get()) + ") are not accepted", "remove the tag");
            }
        }

        private Node scalar(ScalarEvent s, Location at) {
            String v = s.getValue();
            if (v.length() > MAX_STRING) {
                problems.add(at, "a value longer than " + MAX_STRING + " characters", "shorten it");
                return new Node.ScalarNode(at, null);
            }
            Optional<String> tag = s.getTag();
            if (tag.isPresent() && !tag.get().equals("!")) {
                if (!tag.get().equals(STR_TAG)) {
                    problems.add(at, "YAML tags (" + shortTag(tag.get()) + ") are not accepted",
                            "remove the tag; quote the value to make it text");
                    return new Node.ScalarNode(at, null);
                }
                return new Node.ScalarNode(at, v);
            }
            if (!s.isPlain() || tag.isPresent()) {
                return new Node.ScalarNode(at, v); // quoted, block, or the non-specific tag "!"
            }
            return new Node.ScalarNode(at, plain(v));
        }
    }

    /** The index of the first character outside YAML's printable set (tab, line breaks allowed), or -1. */
    private static int firstNonPrintable(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean printable = c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0x7E || c == 0x85
                    || c >= 0xA0 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
            if (!printable) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** The 1-based line and column of the character at {@code index}. */
    private static Location position(String file, String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(file, line, text.codePointCount(lineStart, index) + 1);
    }

    /** The value of a plain scalar by the YAML 1.2 core schema. */
    static Object plain(String v) {
        if (NULL.matcher(v).matches()) {
            return null;
        }
        if (TRUE.matcher(v).matches()) {
            return Boolean.TRUE;
        }
        if (FALSE.matcher(v).matches()) {
            return Boolean.FALSE;
        }
        try {
            if (DECIMAL.matcher(v).matches()) {
                return Long.parseLong(v);
            }
            if (OCTAL.matcher(v).matches()) {
                return Long.parseLong(v.substring(2), 8);
            }
            if (HEX.matcher(v).matches()) {
                return Long.parseLong(v.substring(2), 16);
            }
        } catch (NumberFormatException e) {
            return v; // too large for a whole number: kept as its text
        }
        if (FLOAT.matcher(v).matches()) {
            return Double.parseDouble(v);
        }
        if (INFINITY.matcher(v).matches()) {
            return v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(v).matches()) {
            return Double.NaN;
        }
        return v;
    }

    private static String shortTag(String tag) {
        String t = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }


    private static Location location(String file, Mark m) {
        return new Location(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private static Location errorLocation(String file, YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException m) {
            Optional<Mark> mark = m.getProblemMark().or(m::getContextMark);
            if (mark.isPresent()) {
                return location(file, mark.get());
            }
        }
        return Location.of(file);
    }

    private static String describe(YamlEngineException e) {
        String message = e instanceof MarkedYamlEngineException m && m.getProblem() != null ? m.getProblem() : e.getMessage();
        if (message == null) {
            return "unreadable";
        }
        String line = message.strip().split("\\R", 2)[0];
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }

    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Location at;

        TooDeep(Location at) {
            super(null, null, false, false);
            this.at = at;
        }
    }
}
