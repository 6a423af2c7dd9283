package io.privacyrules.internal.tools;

import io.privacyrules.PolicyInfo;
import io.privacyrules.internal.tools.PackDoc.Block;
import io.privacyrules.internal.tools.PackDoc.Bullets;
import io.privacyrules.internal.tools.PackDoc.Code;
import io.privacyrules.internal.tools.PackDoc.Heading;
import io.privacyrules.internal.tools.PackDoc.Para;
import io.privacyrules.internal.tools.PackDoc.Span;
import io.privacyrules.internal.tools.PackDoc.Table;
import java.util.List;

/**
 * A pack's document rendered as Markdown or as one self-contained HTML page (no script, no external
 * resource, every text escaped).
 */
final class DocRender {
    private DocRender() {
    }

    // ---- Markdown -------------------------------------------------------------------------------

    static String markdown(List<Block> doc) {
        StringBuilder md = new StringBuilder(64 * 1024);
        for (Block block : doc) {
            if (!md.isEmpty()) {
                md.append('\n');
            }
            if (block instanceof Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(mdText(h.text(), false)).append('\n');
            } else if (block instanceof Para p) {
                md.append(mdSpans(p.spans(), false)).append('\n');
            } else if (block instanceof Bullets l) {
                l.items().forEach(i -> md.append("- ").append(mdSpans(i, false)).append('\n'));
            } else if (block instanceof Table t) {
                {
                    md.append('|');
                    t.header().forEach(h -> md.append(' ').append(mdText(h, true)).append(" |"));
                    md.append("\n|");
                    t.header().forEach(h -> md.append("---|"));
                    md.append('\n');
                    for (List<List<Span>> row : t.rows()) {
                        md.append('|');
                        row.forEach(cell -> md.append(' ').append(mdSpans(cell, true)).append(" |"));
                        md.append('\n');
                    }
                }
            } else if (block instanceof Code c) {
                String fence = c.text().contains("```") ? "~~~~" : "```";
                md.append(fence).append(c.language()).append('\n').append(c.text()).append('\n').append(fence).append('\n');
            }
        }
        return md.toString();
    }

    static String mdSpans(List<Span> spans, boolean inTable) {
        StringBuilder s = new StringBuilder();
        for (Span span : spans) {
            switch (span.style()) {
                case PLAIN -> s.append(mdText(span.text(), inTable));
                case STRONG -> s.append("**").append(mdText(span.text(), inTable)).append("**");
                case CODE -> {
                    String text = span.text().replace('\n', ' ');
                    if (inTable) {
                        text = text.replace("|", "\\|");
                    }
                    String ticks = text.contains("`") ? "``" : "`";
                    String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
                    s.append(ticks).append(pad).append(text).append(pad).append(ticks);
                }
            }
        }
        return s.toString();
    }

    /** Escapes the characters Markdown would read as markup; newlines become spaces. */
    static String mdText(String text, boolean inTable) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (char ch : text.replace('\n', ' ').toCharArray()) {
            switch (ch) {
                case '\\', '`', '*', '_', '[', ']', '<', '>' -> s.append('\\').append(ch);
                case '|' -> s.append(inTable ? "\\|" : "|");
                default -> s.append(ch);
            }
        }
        if (s.length() > 0 && s.charAt(0) == '#') {
            s.insert(0, '\\');
        }
        return s.toString();
    }

    // ---- HTML -----------------------------------------------------------------------------------

    private static final String CSS = """
            :root{--line:#d0d7de;--muted:#57606a}
            *{box-sizing:border-box}
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
            main{background:#fff;max-width:1100px;margin:0 auto;padding:24px 40px 48px;border-left:1px solid var(--line);border-right:1px solid var(--line)}
            h1{font-size:24px;margin:0 0 8px} h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}
            h3{font-size:16px;margin:24px 0 6px}
            table{border-collapse:collapse;width:100%;font-size:14px;margin:8px 0}
            th,td{text-align:left;padding:5px 10px;border:1px solid var(--line);vertical-align:top}
            th{background:#eef1f4}
            code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f3f4f6;padding:0 3px;border-radius:3px}
            pre{background:#f6f8fa;border:1px solid var(--line);padding:8px 12px;overflow-x:auto}
            pre code{background:none;padding:0}
            ul{margin:4px 0 12px}
            """;

    static String html(PolicyInfo info, List<Block> doc) {
        StringBuilder h = new StringBuilder(96 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(HtmlReport.esc(info.title())).append(", version ")
                .append(HtmlReport.esc(info.version())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        for (Block block : doc) {
            if (block instanceof Heading x) {
                h.append("<h").append(x.level()).append(" id=\"").append(HtmlReport.esc(x.anchor()))
                        .append("\">").append(HtmlReport.esc(x.text())).append("</h").append(x.level()).append(">\n");
            } else if (block instanceof Para p) {
                h.append("<p>").append(htmlSpans(p.spans())).append("</p>\n");
            } else if (block instanceof Bullets l) {
                h.append("<ul>\n");
                l.items().forEach(i -> h.append("<li>").append(htmlSpans(i)).append("</li>\n"));
                h.append("</ul>\n");
            } else if (block instanceof Table t) {
                {
                    h.append("<table>\n");
                    if (t.header().stream().anyMatch(s -> !s.isEmpty())) {
                        h.append("<thead><tr>");
                        t.header().forEach(s -> h.append("<th>").append(HtmlReport.esc(s)).append("</th>"));
                        h.append("</tr></thead>\n");
                    }
                    h.append("<tbody>\n");
                    for (List<List<Span>> row : t.rows()) {
                        h.append("<tr>");
                        row.forEach(cell -> h.append("<td>").append(htmlSpans(cell)).append("</td>"));
                        h.append("</tr>\n");
                    }
                    h.append("</tbody>\n</table>\n");
                }
            } else if (block instanceof Code c) {
                h.append("<pre><code>").append(HtmlReport.esc(c.text())).append("</code></pre>\n");
            }
        }
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    static String htmlSpans(List<Span> spans) {
        StringBuilder s = new StringBuilder();
        for (Span span : spans) {
            String text = HtmlReport.esc(span.text());
            switch (span.style()) {
                case PLAIN -> s.append(text);
                case STRONG -> s.append("<strong>").append(text).append("</strong>");
                case CODE -> s.append("<code>").append(text).append("</code>");
            }
        }
        return s.toString();
    }
}
