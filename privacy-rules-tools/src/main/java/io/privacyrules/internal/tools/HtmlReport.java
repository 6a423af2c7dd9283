package io.privacyrules.internal.tools;

import io.privacyrules.PolicyInfo;
import io.privacyrules.ScenarioResult;
import io.privacyrules.internal.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One static HTML page with a pack's scenario results, coverage and lint findings, for a
 * compliance officer: no script, no external resource, every text escaped.
 */
public final class HtmlReport {
    /** The page's file name in the report folder. */
    public static final String FILE = "index.html";

    private static final String CSS = """
            :root{--ok:#1b7f3b;--warn:#9a6700;--bad:#b42318;--ack:#5b5bd6;--line:#d0d7de;--muted:#57606a}
            *{box-sizing:border-box}
            body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
            header{background:#fff;border-bottom:1px solid var(--line);padding:20px 32px}
            h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:28px 0 8px} h3{font-size:15px;margin:18px 0 6px}
            main{padding:8px 32px 40px;max-width:1200px}
            .meta{color:var(--muted);margin:0}
            .tiles{display:flex;flex-wrap:wrap;gap:12px;margin-top:16px}
            .tile{background:#fff;border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:6px;padding:12px 16px;min-width:220px}
            .tile b{display:block;font-size:24px} .tile.ok{border-left-color:var(--ok)} .tile.bad{border-left-color:var(--bad)} .tile.warn{border-left-color:var(--warn)}
            table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line);font-size:14px}
            th,td{text-align:left;padding:6px 10px;border-bottom:1px solid var(--line);vertical-align:top}
            th{background:#eef1f4} td.num{text-align:right;font-variant-numeric:tabular-nums}
            code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
            .badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
            .badge.ok{background:var(--ok)} .badge.bad{background:var(--bad)} .badge.warn{background:var(--warn)} .badge.ack{background:var(--ack)} .badge.info{background:var(--muted)}
            details{margin:6px 0} summary{cursor:pointer;font-weight:600}
            .note{color:var(--muted);font-size:13px}
            """;

    private HtmlReport() {
    }

    /** Writes {@code dir/index.html} (creating the folder) and returns its path. */
    public static Path write(Path dir, LoadedPack loaded, List<ScenarioRunner.Observed> observed, CoverageReport coverage,
                             LintReport lint) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE);
            Files.writeString(file, render(loaded.pack().info(), observed, coverage, lint), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report to " + dir, e);
        }
    }

    /** The page. */
    static String render(PolicyInfo info, List<ScenarioRunner.Observed> observed, CoverageReport coverage, LintReport lint) {
        long passed = observed.stream().filter(o -> o.result().passed()).count();
        long failed = observed.size() - passed;
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Rule pack report: ").append(esc(info.id())).append(' ').append(esc(info.version())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header>\n<h1>").append(esc(info.title())).append("</h1>\n<p class=\"meta\">Rule pack <code>")
                .append(esc(info.id())).append("</code>, version ").append(esc(info.version())).append(", effective ")
                .append(info.effective()).append(", jurisdiction ").append(esc(info.jurisdiction())).append("</p>\n");
        Integer min = coverage.packMinimum();
        h.append("<div class=\"tiles\">\n");
        tile(h, "scenarios", failed == 0 ? "ok" : "bad", passed + " passed", failed + " failed of " + observed.size());
        tile(h, "clause-coverage", tone(coverage.clausePercent(), min), CoverageReport.show(coverage.clausePercent()),
                "clauses covered" + (min == null ? "" : ", minimum " + min + "%"));
        tile(h, "rule-coverage", tone(coverage.rulePercent(), min), CoverageReport.show(coverage.rulePercent()),
                "rules covered" + (min == null ? "" : ", minimum " + min + "%"));
        tile(h, "lint", lint.errors() > 0 ? "bad" : lint.warnings() > 0 ? "warn" : "ok", lint.errors() + " errors",
                lint.warnings() + " warnings, " + lint.acknowledged() + " acknowledged");
        h.append("</div>\n</header>\n<main>\n");

        h.append("<section id=\"lint\">\n<h2>Lint findings</h2>\n");
        if (lint.findings().isEmpty()) {
            h.append("<p>No findings.</p>\n");
        } else {
            h.append("<table>\n<thead><tr><th>Severity</th><th>Code</th><th>Where</th><th>Finding</th></tr></thead>\n<tbody>\n");
            for (Finding f : lint.findings()) {
                String cls = f.acknowledged() != null ? "ack" : switch (f.severity()) {
                    case ERROR -> "bad";
                    case WARNING -> "warn";
                    case INFO -> "info";
                };
                String label = f.acknowledged() != null ? "acknowledged " + f.severity().id() : f.severity().id();
                h.append("<tr class=\"finding\"><td><span class=\"badge ").append(cls).append("\">").append(esc(label))
                        .append("</span></td><td><code>").append(esc(f.code())).append("</code></td><td>")
                        .append(where(f.at())).append("</td><td>").append(esc(f.message()));
                for (Finding.Related r : f.related()) {
                    h.append("<br><span class=\"note\">see <code>").append(esc(LoadedPack.at(r.at()))).append("</code>: ")
                            .append(esc(r.what())).append("</span>");
                }
                if (f.acknowledged() != null) {
                    h.append("<br><span class=\"note\">Acknowledged: ").append(esc(f.acknowledged())).append("</span>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n");
        }
        h.append("</section>\n");

        h.append("<section id=\"coverage\">\n<h2>Coverage</h2>\n<p>A clause or rule is covered when some scenario made it fire "
                + "and some scenario of its kind ran without it firing. ").append(esc(coverage.summary())).append(".</p>\n");
        h.append("<h3>Clauses</h3>\n<table id=\"clauses\">\n<thead><tr><th>Clause</th><th>Heading</th><th>Fired in</th>"
                + "<th>Not fired in</th><th>Status</th></tr></thead>\n<tbody>\n");
        for (CoverageReport.Item i : coverage.clauses()) {
            h.append("<tr><td><code>").append(esc(i.id())).append("</code></td><td>").append(esc(i.detail()))
                    .append("</td><td class=\"num\">").append(i.fired()).append("</td><td class=\"num\">").append(i.notFired())
                    .append("</td><td>").append(status(i)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n<h3>Rules</h3>\n<table id=\"rules\">\n<thead><tr><th>Rule</th><th>Clause</th><th>Effect</th>"
                + "<th>Where</th><th>Fired in</th><th>Not fired in</th><th>Status</th></tr></thead>\n<tbody>\n");
        for (CoverageReport.Item i : coverage.rules()) {
            h.append("<tr><td><code>").append(esc(i.id())).append("</code></td><td><code>").append(esc(i.detail()))
                    .append("</code></td><td>").append(esc(i.effect())).append("</td><td>").append(where(i.at()))
                    .append("</td><td class=\"num\">").append(i.fired()).append("</td><td class=\"num\">").append(i.notFired())
                    .append("</td><td>").append(status(i)).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");

        h.append("<section id=\"scenarios\">\n<h2>Scenarios</h2>\n");
        Map<String, List<ScenarioResult>> byFile = new LinkedHashMap<>();
        observed.forEach(o -> byFile.computeIfAbsent(o.result().file(), k -> new java.util.ArrayList<>()).add(o.result()));
        for (Map.Entry<String, List<ScenarioResult>> e : byFile.entrySet()) {
            long bad = e.getValue().stream().filter(r -> !r.passed()).count();
            h.append("<details").append(bad > 0 ? " open" : "").append("><summary><code>").append(esc(e.getKey()))
                    .append("</code> ").append(e.getValue().size() - bad).append(" passed, ").append(bad).append(" failed</summary>\n")
                    .append("<table>\n<thead><tr><th>Scenario</th><th>Line</th><th>Result</th></tr></thead>\n<tbody>\n");
            for (ScenarioResult r : e.getValue()) {
                h.append("<tr class=\"scenario\"><td>").append(esc(r.name())).append("</td><td class=\"num\">").append(r.line())
                        .append("</td><td>").append(r.passed() ? "<span class=\"badge ok\">pass</span>"
                                : "<span class=\"badge bad\">fail</span> " + esc(String.join("; ", r.failures())))
                        .append("</td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</details>\n");
        }
        h.append("</section>\n");
        h.append("<p class=\"note\">Generated by privacy-rules from the pack and its scenario files. It names ids, clauses "
                + "and file positions only, never personal data.</p>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** {@code file:line} with the file's name only; the whole path in the title. */
    private static String where(io.privacyrules.internal.yaml.Location at) {
        String file = at.file();
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return "<code title=\"" + esc(LoadedPack.at(at)) + "\">" + esc(file.substring(slash + 1) + ":" + at.line()) + "</code>";
    }

    private static String tone(double percent, Integer min) {
        if (min == null) {
            return percent >= 100 - 1e-9 ? "ok" : "warn";
        }
        return percent + 1e-9 >= min ? "ok" : "bad";
    }

    private static String status(CoverageReport.Item i) {
        return i.covered() ? "<span class=\"badge ok\">covered</span>"
                : "<span class=\"badge bad\">" + esc(i.missing()) + "</span>";
    }

    private static void tile(StringBuilder h, String id, String tone, String big, String small) {
        h.append("<div class=\"tile ").append(tone).append("\" id=\"tile-").append(id).append("\"><b>").append(esc(big))
                .append("</b>").append(esc(small)).append("</div>\n");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
