package io.privacyrules.internal.pack;

import io.privacyrules.internal.pack.DrlLexer.Kind;
import io.privacyrules.internal.pack.DrlLexer.Token;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A last look at every text the engine is about to compile, independent of the code that
 * printed it: each word must be a name the schema knows (a fact's property, getter or helper,
 * a method on values, an {@code out} method, a keyword of the grammar) and each variable one the
 * rule binds. It guards against a defect in {@link DrlCode}, not against authors: their mistakes
 * are reported before. A failure here is the engine's own error and stops the load.
 */
final class DrlPrintCheck {
    /** Every word a printed constraint, source or consequence may contain. */
    static final Set<String> WORDS = words();

    private DrlPrintCheck() {
    }

    private static Set<String> words() {
        Set<String> w = new HashSet<>(List.of("true", "false", "null", "in", "not", "contains", "this", "out", "enter",
                "apply"));
        w.addAll(DrlChecker.SIGNATURES.keySet());
        for (DrlSchema.Fact f : DrlSchema.FACTS.values()) {
            f.properties().values().forEach(m -> {
                w.add(m.name());
                w.add(m.javaName());
            });
            w.addAll(f.helpers().keySet());
        }
        DrlSchema.VALUE_METHODS.values().forEach(ms -> w.addAll(ms.keySet()));
        return Set.copyOf(w);
    }

    /** Returns {@code printed} when every word and variable in it is known; throws otherwise. */
    static String verified(String printed, Set<String> variables) {
        List<Token> tokens;
        try {
            tokens = DrlLexer.lex(printed);
        } catch (DrlLexer.Error e) {
            throw new IllegalStateException("the engine printed DRL it cannot read back: " + e.getMessage());
        }
        for (Token t : tokens) {
            if (t.kind() == Kind.IDENT && !WORDS.contains(t.text())) {
                throw new IllegalStateException("the engine printed an unknown name in DRL: " + t.text());
            }
            if (t.kind() == Kind.VAR && !variables.contains(t.text())) {
                throw new IllegalStateException("the engine printed an unbound variable in DRL: " + t.text());
            }
        }
        return printed;
    }
}
