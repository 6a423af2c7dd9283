package io.privacyrules.internal.tools;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A pack as a document a person can read, generated from {@code policy.yaml} and the DRL files:
 * the header, the actions and legal bases, then clause by clause (in the order of {@code clauses:})
 * what each clause governs, the working-day calendars and the mapping to W3C DPV terms. Rendered as
 * Markdown or as one self-contained HTML page (no script, no external resource, every text
 * escaped). The output depends only on the pack's files: no time, no absolute path, no hash, so a
 * committed rendering can be compared with a fresh one.
 *
 * <p>This class holds the document model (headings, paragraphs, lists, tables, code); the content
 * is in {@link DocBuilder} and {@link ClauseDoc}, the words in {@link DocWords}, the two formats in
 * {@link DocRender}.
 */
public final class PackDoc {
    /** The output formats. */
    public enum Format {
        MARKDOWN, HTML;

        /** {@code markdown} or {@code html}, or null for anything else. */
        public static Format of(String name) {
            return switch (name) {
                case "markdown" -> MARKDOWN;
                case "html" -> HTML;
                default -> null;
            };
        }
    }

    private PackDoc() {
    }

    /** The document of {@code loaded} in {@code format}. */
    public static String render(LoadedPack loaded, Format format) {
        List<Block> doc = new DocBuilder(loaded).build();
        return format == Format.HTML ? DocRender.html(loaded.pack().info(), doc) : DocRender.markdown(doc);
    }

    // ---- the document, independent of the format -------------------------------------------------

    /** A piece of text: plain, code (an identifier or a term) or strong. */
    record Span(String text, Style style) {
    }

    enum Style {
        PLAIN, CODE, STRONG
    }

    sealed interface Block permits Heading, Para, Bullets, Table, Code {
    }

    record Heading(int level, String text, String anchor) implements Block {
    }

    record Para(List<Span> spans) implements Block {
    }

    record Bullets(List<List<Span>> items) implements Block {
    }

    record Table(List<String> header, List<List<List<Span>>> rows) implements Block {
    }

    record Code(String language, String text) implements Block {
    }

    static Span t(String text) {
        return new Span(text, Style.PLAIN);
    }

    static Span c(String text) {
        return new Span(text, Style.CODE);
    }

    static Span b(String text) {
        return new Span(text, Style.STRONG);
    }

    /** A list of spans joined by a separator, each id in code. */
    static List<Span> codes(Collection<String> ids, String separator) {
        List<Span> out = new ArrayList<>();
        for (String id : ids) {
            if (!out.isEmpty()) {
                out.add(t(separator));
            }
            out.add(c(id));
        }
        return out;
    }
}
