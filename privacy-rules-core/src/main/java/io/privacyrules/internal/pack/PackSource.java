package io.privacyrules.internal.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Where a pack's files come from: a folder, or a folder on the classpath. */
public sealed interface PackSource permits PackSource.Folder, PackSource.Classpath {

    /** How the file is named in messages. */
    String display(String relative);

    /** The file's bytes, or null when there is no such file. At most {@code limit + 1} bytes are read. */
    byte[] read(String relative, int limit) throws IOException;

    /** A description of the pack's location for messages. */
    String describe();

    /**
     * Every {@code .drl} file of the pack, as paths relative to it with '/', sorted; null when the
     * pack's files cannot be listed (a classpath pack that is neither in a folder nor in a jar).
     */
    List<String> drlFiles() throws IOException;

    /** Most folder levels below the pack searched for DRL files. */
    int DRL_SEARCH_DEPTH = 8;

    /** The {@code .drl} files under {@code root}, relative to it. */
    private static List<String> drlFilesIn(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, DRL_SEARCH_DEPTH)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".drl") && Files.isRegularFile(p))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A pack in a folder of the file system. */
    record Folder(Path root) implements PackSource {
        @Override
        public String display(String relative) {
            return root.resolve(relative).toString();
        }

        @Override
        public byte[] read(String relative, int limit) throws IOException {
            Path file = root.resolve(relative).normalize();
            if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(limit + 1);
            }
        }

        @Override
        public String describe() {
            return "rule pack " + root;
        }

        @Override
        public List<String> drlFiles() throws IOException {
            return drlFilesIn(root);
        }
    }

    /** A pack packaged on the classpath under {@code name/}. */
    record Classpath(String name, ClassLoader loader) implements PackSource {
        @Override
        public String display(String relative) {
            return "classpath:" + name + "/" + relative;
        }

        @Override
        public byte[] read(String relative, int limit) throws IOException {
            try (InputStream in = loader.getResourceAsStream(name + "/" + relative)) {
                return in == null ? null : in.readNBytes(limit + 1);
            }
        }

        @Override
        public String describe() {
            return "rule pack classpath:" + name;
        }

        /** Listed where the pack's policy.yaml is in a folder ({@code file:}) or a jar ({@code jar:}); else null. */
        @Override
        public List<String> drlFiles() throws IOException {
            URL policy = loader.getResource(name + "/" + PackLoader.POLICY_FILE);
            if (policy == null) {
                return null;
            }
            switch (policy.getProtocol()) {
                case "file" -> {
                    try {
                        return drlFilesIn(Path.of(policy.toURI()).getParent());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        return null;
                    }
                }
                case "jar" -> {
                    JarURLConnection connection = (JarURLConnection) policy.openConnection();
                    connection.setUseCaches(false);
                    String prefix = name + "/";
                    List<String> out = new ArrayList<>();
                    try (JarFile jar = connection.getJarFile()) {
                        jar.stream().map(e -> e.getName())
                                .filter(n -> n.startsWith(prefix) && n.endsWith(".drl")
                                        && n.chars().filter(c -> c == '/').count() <= DRL_SEARCH_DEPTH + 1)
                                .forEach(n -> out.add(n.substring(prefix.length())));
                    }
                    out.sort(null);
                    return out;
                }
                default -> {
                    return null;
                }
            }
        }
    }
}
