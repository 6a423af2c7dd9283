package io.privacyrules.internal.pack;

import io.privacyrules.internal.Problems;
import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Location;
import io.privacyrules.internal.yaml.Node;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the readers of {@code policy.yaml}'s sections share: the loader's problems, the declared
 * clauses and where the pack is read from, and the loader's checks of ids, references, clauses,
 * dates, countries, periods and DPV terms, under the same names, so that a section reads the same
 * whichever class it is in.
 */
abstract class SectionReader {
    final PackLoader loader;
    final Problems problems;
    /** The declared clauses, reference to title (filled before any section reader runs). */
    final Map<String, String> clauses;
    final PackSource source;
    /** policy.yaml as named in messages. */
    final String file;

    SectionReader(PackLoader loader) {
        this.loader = loader;
        this.problems = loader.problems;
        this.clauses = loader.clauses();
        this.source = loader.source();
        this.file = loader.file();
    }

    void forEachEntry(Fields top, String section, String noun, Set<String> keys, PackLoader.EntryReader reader) {
        loader.forEachEntry(top, section, noun, keys, reader);
    }

    void forEachEntry(Fields top, String section, String noun, Set<String> keys, boolean required,
                      PackLoader.EntryReader reader) {
        loader.forEachEntry(top, section, noun, keys, required, reader);
    }

    Fields map(Fields top, String key, String what, boolean required) {
        return loader.map(top, key, what, required);
    }

    boolean checkId(String id, Location at, String noun) {
        return loader.checkId(id, at, noun);
    }

    boolean reference(String id, Location at, Collection<String> declared, String noun) {
        return loader.reference(id, at, declared, noun);
    }

    String clause(Fields f, String key, boolean required) {
        return loader.clause(f, key, required);
    }

    String clauseExamples() {
        return loader.clauseExamples();
    }

    void dpv(Fields f, String section, String id) {
        loader.dpv(f, section, id);
    }

    LocalDate date(Fields f, String key) {
        return loader.date(f, key);
    }

    String country(Fields f, String key, boolean required) {
        return loader.country(f, key, required);
    }

    Period period(Fields f, String key) {
        return loader.period(f, key);
    }

    Period period(Fields f, String key, boolean zero) {
        return loader.period(f, key, zero);
    }

    void checkPlaceholders(String message, Location at) {
        loader.checkPlaceholders(message, at);
    }

    static String nn(String s) {
        return PackLoader.nn(s);
    }

    static String shorten(String s) {
        return PackLoader.shorten(s);
    }

    static String hint(String word, Collection<String> candidates) {
        return PackLoader.hint(word, candidates);
    }

    static String choice(String word, List<String> options) {
        return PackLoader.choice(word, options);
    }

    static String utf8(byte[] bytes) {
        return PackLoader.utf8(bytes);
    }

    static <T> Set<T> ordered(Set<T> set) {
        return PackLoader.ordered(set);
    }

    static Set<String> allKeys(Node.MapNode n) {
        return PackLoader.allKeys(n);
    }
}
