package io.privacyrules.internal.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.privacyrules.internal.Problems;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads one YAML document into a {@link Node} tree that remembers positions, with limits that
 * keep hostile files cheap to reject: size, nesting depth, no aliases, no binary content, no
 * duplicate keys, one document.
 */
public final class YamlReader {
    /** Largest file accepted, in bytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** Deepest nesting of mappings and lists accepted. */
    public static final int MAX_DEPTH = 32;

    private static final YAMLFactory FACTORY = createFactory();

    private YamlReader() {
    }

    private static YAMLFactory createFactory() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(MAX_DEPTH + 8);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(true); // reported by this reader, which then goes on
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 8)
                        .maxStringLength(64 * 1024)
                        .maxDocumentLength(MAX_BYTES)
                        .build())
                .build();
        return factory;
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
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(whole, "the file is not UTF-8 text", "save it as UTF-8");
            return null;
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            problems.add(whole, "the file contains binary content (a NUL character)", "is this the right file?");
            return null;
        }
        try (YAMLParser parser = (YAMLParser) FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.add(new Location(file, 1, 1), "the file is empty", "");
                return null;
            }
            Node root = readValue(file, parser, problems, 1);
            if (root != null && parser.nextToken() != null) {
                problems.add(at(file, parser.currentTokenLocation()), "more than one YAML document in the file",
                        "remove the second '---' and what follows, or move it to its own file");
            }
            return root;
        } catch (TooDeep e) {
            problems.add(e.at, "nesting deeper than " + MAX_DEPTH + " levels", "flatten the structure");
            return null;
        } catch (IOException | RuntimeException e) {
            problems.add(errorLocation(file, e), "YAML syntax error: " + firstLine(e.getMessage()),
                    "check indentation, quotes and colons around this place");
            return null;
        }
    }

    private static Node readValue(String file, YAMLParser parser, Problems problems, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new TooDeep(at(file, parser.currentTokenLocation()));
        }
        JsonToken token = parser.currentToken();
        Location at = at(file, parser.currentTokenLocation());
        if (parser.isCurrentAlias()) {
            problems.add(at, "YAML aliases (*name) are not accepted", "write the value out in full");
            return new Node.ScalarNode(at, null);
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Node.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyAt = at(file, parser.currentTokenLocation());
                    parser.nextToken();
                    Node value = readValue(file, parser, problems, depth + 1);
                    if (entries.containsKey(key)) {
                        problems.add(keyAt, "duplicate key '" + key + "' (first at line "
                                + entries.get(key).keyAt().line() + ")", "keep one of them");
                    } else {
                        entries.put(key, new Node.Entry(key, keyAt, value));
                    }
                }
                return new Node.MapNode(at, entries);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(file, parser, problems, depth + 1));
                }
                return new Node.ListNode(at, items);
            }
            case VALUE_STRING:
                return new Node.ScalarNode(at, parser.getText());
            case VALUE_NUMBER_INT:
                try {
                    return new Node.ScalarNode(at, parser.getLongValue());
                } catch (IOException e) {
                    return new Node.ScalarNode(at, parser.getText());
                }
            case VALUE_NUMBER_FLOAT:
                return new Node.ScalarNode(at, parser.getDoubleValue());
            case VALUE_TRUE:
                return new Node.ScalarNode(at, Boolean.TRUE);
            case VALUE_FALSE:
                return new Node.ScalarNode(at, Boolean.FALSE);
            case VALUE_NULL:
                return new Node.ScalarNode(at, null);
            default:
                problems.add(at, "unexpected YAML content", "");
                return new Node.ScalarNode(at, null);
        }
    }

    private static Location at(String file, JsonLocation loc) {
        if (loc == null) {
            return Location.of(file);
        }
        return new Location(file, Math.max(loc.getLineNr(), 0), Math.max(loc.getColumnNr(), 0));
    }

    private static Location errorLocation(String file, Exception e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null) {
            return at(file, jpe.getLocation());
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)")
                .matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            return new Location(file, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return Location.of(file);
    }

    private static String firstLine(String message) {
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
