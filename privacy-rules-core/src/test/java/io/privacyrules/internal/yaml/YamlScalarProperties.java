package io.privacyrules.internal.yaml;

import io.privacyrules.internal.Problems;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Assertions;

/** YAML 1.2 scalars: a quoted value is always its text, and plain whole numbers are decimal whatever their zeros. */
class YamlScalarProperties {
    private static Object read(String scalar) {
        Problems problems = new Problems();
        Node root = YamlReader.read("p.yaml", ("v: " + scalar + "\n").getBytes(StandardCharsets.UTF_8), problems);
        Assertions.assertTrue(problems.isEmpty(), () -> scalar + ": " + problems.sorted());
        return ((Node.ScalarNode) ((Node.MapNode) root).get("v")).value();
    }

    /** {@code s} as a YAML double-quoted scalar. */
    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                b.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7F || c >= 0x80 && c < 0xA0 || c == 0x2028 || c == 0x2029 || c >= 0xFEFF) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('"').toString();
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> tricky = Arbitraries.of("NO", "yes", "off", "y", "true", "null", "~", "015", "0o17", "1:20",
                "2026-02-29", ".inf", "", " ", "#x", "a: b", "- x", "&a", "*a", "!!int 3", "{}", "[]");
        return Arbitraries.oneOf(tricky, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(12)
                        .filter(s -> s.chars().noneMatch(c -> c == 0 || Character.isSurrogate((char) c))));
    }

    @Property(tries = 500)
    void aDoubleQuotedValueIsAlwaysItsText(@ForAll("texts") String text) {
        Assertions.assertEquals(text, read(quoted(text)));
    }

    @Property(tries = 300)
    void aSingleQuotedValueIsAlwaysItsText(@ForAll("texts") String text) {
        if (text.codePoints().allMatch(c -> c >= ' ' && c <= '~')) {
            Assertions.assertEquals(text, read("'" + text.replace("'", "''") + "'"));
        }
    }

    @Property(tries = 300)
    void aPlainWholeNumberIsDecimalWhateverItsLeadingZeros(@ForAll long n, @ForAll("zeros") String zeros) {
        String digits = Long.toString(Math.abs(n == Long.MIN_VALUE ? n + 1 : n));
        String sign = n < 0 ? "-" : "";
        Assertions.assertEquals(Long.parseLong(sign + digits), read(sign + zeros + digits));
    }

    @Provide
    Arbitrary<String> zeros() {
        return Arbitraries.strings().withChars('0').ofMaxLength(3);
    }

    @Property(tries = 200)
    void aYaml11BooleanWordIsText(@ForAll("yaml11Booleans") String word) {
        Assertions.assertEquals(word, read(word));
    }

    @Provide
    Arbitrary<String> yaml11Booleans() {
        return Arbitraries.of("y", "yes", "n", "no", "on", "off")
                .flatMap(w -> Arbitraries.integers().between(0, (1 << w.length()) - 1).map(mask -> {
                    StringBuilder b = new StringBuilder();
                    for (int i = 0; i < w.length(); i++) {
                        b.append((mask >> i & 1) == 1 ? Character.toUpperCase(w.charAt(i)) : w.charAt(i));
                    }
                    return b.toString();
                }));
    }
}
