package io.privacyrules.cli;

import io.privacyrules.PolicyEngine;
import io.privacyrules.internal.Problems;
import io.privacyrules.internal.scenario.ScenarioRunner;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The requests of {@code privacy-rules demo}, taken from the pack's own scenario files
 * ({@code scenarios/*.yaml} beside its {@code policy.yaml}), so that the demo works with any pack.
 * The pick is deterministic: files in name order; within a file, the scenarios that expect a deny
 * (refuse, verify-identity, dispose) and those that expect a permit (fulfil, retain) taken in turn,
 * deny first; and within each kind of question one scenario from each file in turn (the first of
 * each file, then the second, ...) up to a few of each kind.
 */
final class Demo {
    /** How many of each kind of question the demo shows. */
    static final int PROCESSING = 8;
    static final int RIGHTS = 3;
    static final int RETENTION = 3;

    /** One demo step: the scenario's name and its question (a ProcessingRequest, RightsRequest or RetentionQuery). */
    record Step(String story, Object question, boolean positive) {
    }

    /** The negative answers and the positive ones in turn, negative first, each in file order. */
    private static List<Step> alternate(List<Step> steps) {
        List<Step> neg = steps.stream().filter(x -> !x.positive()).toList();
        List<Step> pos = steps.stream().filter(Step::positive).toList();
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < Math.max(neg.size(), pos.size()); i++) {
            if (i < neg.size()) {
                out.add(neg.get(i));
            }
            if (i < pos.size()) {
                out.add(pos.get(i));
            }
        }
        return out;
    }

    /** True when the scenario expects permit, fulfil or retain. */
    private static boolean positive(Node.MapNode scenario) {
        if (scenario.get("expect") instanceof Node.MapNode e) {
            for (String key : List.of("decision", "outcome", "action")) {
                if (e.get(key) instanceof Node.ScalarNode v) {
                    return List.of("permit", "fulfil", "retain").contains(String.valueOf(v.value()));
                }
            }
        }
        return true;
    }

    private Demo() {
    }

    /** The steps for the pack at {@code policy}; empty when it has no scenario files. */
    static List<Step> steps(String policy, PolicyEngine engine) throws IOException {
        TreeMap<String, byte[]> files = scenarioFiles(policy);
        Set<String> eventKeys = ScenarioRunner.eventKeys(engine);
        List<List<Step>> processing = new ArrayList<>();
        List<List<Step>> rights = new ArrayList<>();
        List<List<Step>> retention = new ArrayList<>();
        for (var file : files.entrySet()) {
            Problems problems = new Problems();
            Node root = YamlReader.read(file.getKey(), file.getValue(), problems);
            List<Step> p = new ArrayList<>();
            List<Step> r = new ArrayList<>();
            List<Step> k = new ArrayList<>();
            if (root instanceof Node.MapNode m && m.get("scenarios") instanceof Node.ListNode list) {
                for (Node item : list.items()) {
                    if (!(item instanceof Node.MapNode s) || !(s.get("name") instanceof Node.ScalarNode n)) {
                        continue;
                    }
                    String name = String.valueOf(n.value());
                    Problems one = new Problems();
                    if (s.get("request") != null) {
                        Object q = ScenarioRunner.request(s.get("request"), one);
                        if (one.isEmpty()) {
                            p.add(new Step(name, q, positive(s)));
                        }
                    } else if (s.get("rightsRequest") != null) {
                        Object q = ScenarioRunner.rightsRequest(s.get("rightsRequest"), one);
                        if (one.isEmpty()) {
                            r.add(new Step(name, q, positive(s)));
                        }
                    } else if (s.get("retention") != null) {
                        Object q = ScenarioRunner.retention(s.get("retention"), one, eventKeys);
                        if (one.isEmpty()) {
                            k.add(new Step(name, q, positive(s)));
                        }
                    }
                }
            }
            processing.add(alternate(p));
            rights.add(alternate(r));
            retention.add(alternate(k));
        }
        List<Step> out = new ArrayList<>();
        out.addAll(roundRobin(processing, PROCESSING));
        out.addAll(roundRobin(rights, RIGHTS));
        out.addAll(roundRobin(retention, RETENTION));
        return out;
    }

    /** The first of each list, then the second of each, ..., up to {@code max}. */
    static <T> List<T> roundRobin(List<List<T>> lists, int max) {
        List<T> out = new ArrayList<>();
        for (int i = 0; out.size() < max; i++) {
            boolean any = false;
            for (List<T> l : lists) {
                if (i < l.size() && out.size() < max) {
                    out.add(l.get(i));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return out;
    }

    /** The pack's scenario files by name: from its folder, or from the jar or folder it is packaged in. */
    private static TreeMap<String, byte[]> scenarioFiles(String policy) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        if (policy.startsWith("classpath:")) {
            String name = policy.substring("classpath:".length());
            ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : Demo.class.getClassLoader();
            URL url = loader.getResource(name + "/policy.yaml");
            if (url == null) {
                return out;
            }
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection c = (JarURLConnection) url.openConnection();
                c.setUseCaches(false);
                try (JarFile jar = c.getJarFile()) {
                    String prefix = name + "/scenarios/";
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        JarEntry entry = e.nextElement();
                        String n = entry.getName();
                        if (n.startsWith(prefix) && n.endsWith(".yaml") && n.indexOf('/', prefix.length()) < 0) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                out.put(n, in.readNBytes(YamlReader.MAX_BYTES + 1));
                            }
                        }
                    }
                }
                return out;
            }
            try {
                return folder(Path.of(url.toURI()).getParent().resolve("scenarios"));
            } catch (URISyntaxException | IllegalArgumentException e) {
                return out;
            }
        }
        return folder(Path.of(policy).resolve("scenarios"));
    }

    private static TreeMap<String, byte[]> folder(Path dir) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (Files.size(f) <= YamlReader.MAX_BYTES) {
                    out.put(f.toString(), Files.readAllBytes(f));
                }
            }
        }
        return out;
    }
}
