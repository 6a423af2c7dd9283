package io.privacyrules.internal.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.privacyrules.Problem;
import io.privacyrules.internal.Problems;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML is read as YAML 1.2 (core schema), within the limits for untrusted files, with every position kept. */
class YamlReaderTest {
    private static Node.MapNode read(String yaml) {
        Problems problems = new Problems();
        Node root = YamlReader.read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8), problems);
        assertTrue(problems.isEmpty(), () -> problems.sorted().toString());
        return (Node.MapNode) root;
    }

    private static List<Problem> problems(String yaml) {
        Problems problems = new Problems();
        YamlReader.read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8), problems);
        return problems.sorted();
    }

    private static Object value(String scalar) {
        return ((Node.ScalarNode) read("v: " + scalar + "\n").get("v")).value();
    }

    @Test
    void wordsThatYaml11TookForBooleansAreStrings() {
        for (String word : List.of("NO", "No", "no", "yes", "Yes", "YES", "on", "On", "off", "OFF", "y", "Y", "n", "N")) {
            assertEquals(word, value(word), word);
        }
        assertEquals("NO", ((Node.ScalarNode) read("destination: NO\n").get("destination")).value());
    }

    @Test
    void onlyTheCoreSchemaBooleansAndNullsAreBooleansAndNulls() {
        for (String t : List.of("true", "True", "TRUE")) {
            assertEquals(Boolean.TRUE, value(t), t);
        }
        for (String f : List.of("false", "False", "FALSE")) {
            assertEquals(Boolean.FALSE, value(f), f);
        }
        for (String n : List.of("null", "Null", "NULL", "~", "")) {
            assertNull(value(n), n);
        }
        assertEquals("tRUE", value("tRUE"));
        assertEquals("nil", value("nil"));
    }

    @Test
    void numbersFollowYaml12() {
        assertEquals(15L, value("015"), "a leading zero is decimal, not octal");
        assertEquals(15L, value("0o17"));
        assertEquals(31L, value("0x1F"));
        assertEquals(-7L, value("-7"));
        assertEquals(7L, value("+7"));
        assertEquals("1:20", value("1:20"), "no sexagesimal numbers");
        assertEquals("1_000", value("1_000"), "no digit separators");
        assertEquals("0b101", value("0b101"), "no binary numbers");
        assertEquals(1.5, value("1.5"));
        assertEquals(1000.0, value("1e3"));
        assertEquals(Double.POSITIVE_INFINITY, value(".inf"));
        assertEquals("2019.11", value("\"2019.11\""));
        assertEquals(2019.1, value("2019.10"));
        assertEquals("99999999999999999999", value("99999999999999999999"), "too large for a whole number: kept as text");
    }

    @Test
    void datesAndTimesAreText() {
        assertEquals("2026-02-29", value("2026-02-29"));
        assertEquals("2026-07-01T10:00:00Z", value("2026-07-01T10:00:00Z"));
    }

    @Test
    void quotedScalarsAndExplicitStringsAreAlwaysStrings() {
        assertEquals("true", value("\"true\""));
        assertEquals("015", value("'015'"));
        assertEquals("null", value("'null'"));
        assertEquals("", value("''"));
        assertEquals("12", value("!!str 12"));
        assertEquals("yes", value("|-\n  yes"));
    }

    @Test
    void aTagOtherThanStrIsRefused() {
        List<Problem> p = problems("v: !!binary aGVsbG8=\nw: !custom x\n");
        assertEquals(2, p.size(), p::toString);
        assertTrue(p.get(0).message().contains("tag"), p::toString);
        assertEquals(1, p.get(0).line());
        assertEquals(4, p.get(0).column());
    }

    @Test
    void positionsAreOneBasedLineAndColumnOfKeysAndValues() {
        Node.MapNode root = read("""
                # a comment
                top:
                  key: value
                  list: [a, b]
                """);
        Node.Entry top = root.entries().get("top");
        assertEquals(new Location("f.yaml", 2, 1), top.keyAt());
        Node.MapNode inner = (Node.MapNode) top.value();
        assertEquals(new Location("f.yaml", 3, 3), inner.entries().get("key").keyAt());
        assertEquals(new Location("f.yaml", 3, 8), inner.get("key").at());
        Node.ListNode list = (Node.ListNode) inner.get("list");
        assertEquals(new Location("f.yaml", 4, 9), list.at());
        assertEquals(new Location("f.yaml", 4, 13), list.items().get(1).at());
    }

    @Test
    void aDuplicateKeyIsReportedWithBothLines() {
        List<Problem> p = problems("a: 1\nb: 2\na: 3\n");
        assertEquals(1, p.size(), p::toString);
        assertEquals(3, p.get(0).line());
        assertEquals(1, p.get(0).column());
        assertTrue(p.get(0).message().contains("duplicate key 'a' (first at line 1)"), p::toString);
    }

    @Test
    void aliasesAreRefusedWhereTheyAreUsed() {
        List<Problem> p = problems("a: &x [1, 2]\nb: *x\n");
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).message().contains("aliases"), p::toString);
        assertEquals(2, p.get(0).line());
    }

    @Test
    void oneDocumentOnly() {
        List<Problem> p = problems("a: 1\n---\nb: 2\n");
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).message().contains("more than one YAML document"), p::toString);
        assertEquals(2, p.get(0).line());
        assertTrue(problems("---\na: 1\n...\n").isEmpty());
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        String ok = "[".repeat(YamlReader.MAX_DEPTH) + "]".repeat(YamlReader.MAX_DEPTH);
        assertTrue(problems("v: " + ok.substring(1, ok.length() - 1) + "\n").isEmpty());
        List<Problem> p = problems("v: " + "[".repeat(10_000) + "\n");
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).message().contains("nesting deeper than 32"), p::toString);
    }

    @Test
    void aStringLongerThanTheLimitIsRefused() {
        assertTrue(problems("v: " + "x".repeat(YamlReader.MAX_STRING) + "\n").isEmpty());
        List<Problem> p = problems("v: " + "x".repeat(YamlReader.MAX_STRING + 1) + "\n");
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).message().contains("longer than"), p::toString);
        assertEquals(1, p.get(0).line());
        assertEquals(4, p.get(0).column());
    }

    @Test
    void sizeEncodingAndEmptiness() {
        Problems big = new Problems();
        assertNull(YamlReader.read("f.yaml", new byte[YamlReader.MAX_BYTES + 1], big));
        assertTrue(big.sorted().get(0).message().contains("larger than"));
        Problems latin1 = new Problems();
        assertNull(YamlReader.read("f.yaml", new byte[] {'a', ':', ' ', (byte) 0xE9}, latin1));
        assertTrue(latin1.sorted().get(0).message().contains("not UTF-8"));
        Problems nul = new Problems();
        assertNull(YamlReader.read("f.yaml", new byte[] {'a', ':', ' ', 0}, nul));
        assertTrue(nul.sorted().get(0).message().contains("NUL"));
        assertTrue(problems("# only a comment\n").get(0).message().contains("empty"));
        List<Problem> control = problems("a: 1\nb: x\u0007y\n");
        assertEquals(1, control.size(), control::toString);
        assertTrue(control.get(0).message().contains("U+0007"), control::toString);
        assertEquals(2, control.get(0).line());
        assertEquals(5, control.get(0).column());
    }

    @Test
    void aSyntaxErrorNamesItsPlace() {
        List<Problem> p = problems("a: 1\nb: [\n");
        assertEquals(1, p.size(), p::toString);
        assertTrue(p.get(0).message().startsWith("YAML syntax error: "), p::toString);
        assertTrue(p.get(0).line() >= 2, p::toString);
        List<Problem> q = problems("a: b: c\n");
        assertEquals(1, q.get(0).line(), q::toString);
        assertEquals(5, q.get(0).column(), q::toString);
    }

    @Test
    void jsonIsYaml() {
        Node.MapNode root = read("{\"action\": \"use\", \"data\": [\"x\"], \"age\": 12, \"ok\": true, \"none\": null}");
        assertEquals("use", ((Node.ScalarNode) root.get("action")).value());
        assertEquals(12L, ((Node.ScalarNode) root.get("age")).value());
        assertEquals(Boolean.TRUE, ((Node.ScalarNode) root.get("ok")).value());
        assertNull(((Node.ScalarNode) root.get("none")).value());
    }

    @Test
    void keysAreTheirText() {
        Node.MapNode root = read("NO: a\n015: b\ntrue: c\n\"q\": d\n");
        assertEquals(List.of("NO", "015", "true", "q"), List.copyOf(root.entries().keySet()));
        List<Problem> p = problems("[a]: b\n");
        assertTrue(p.get(0).message().contains("key"), p::toString);
    }
}
