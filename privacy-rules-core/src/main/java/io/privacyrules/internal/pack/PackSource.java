package io.privacyrules.internal.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a pack's files come from: a folder, or a folder on the classpath. */
public sealed interface PackSource permits PackSource.Folder, PackSource.Classpath {

    /** How the file is named in messages. */
    String display(String relative);

    /** The file's bytes, or null when there is no such file. At most {@code limit + 1} bytes are read. */
    byte[] read(String relative, int limit) throws IOException;

    /** A description of the pack's location for messages. */
    String describe();

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
    }
}
