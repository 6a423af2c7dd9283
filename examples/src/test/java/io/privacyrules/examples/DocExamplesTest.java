package io.privacyrules.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of the README and of the docs compile and run: each page's ```java blocks,
 * in order, become the body of one method, compiled against the test classpath and run. An
 * example that drifts from the API fails the build.
 */
class DocExamplesTest {
    static final List<Path> PAGES = List.of(Path.of("../README.md"), Path.of("../docs/checking-against-the-law.md"));
    static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path out;

    static List<String> blocks(Path page) throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @TestFactory
    Stream<DynamicTest> everyPagesJavaExamplesCompileAndRun() {
        return PAGES.stream().map(page -> DynamicTest.dynamicTest(page.toString(), () -> {
            List<String> blocks = blocks(page);
            assertFalse(blocks.isEmpty(), page + " has no ```java block; the test would check nothing");
            String name = "Example" + Math.abs(page.toString().hashCode());
            String source = "package docs;\n"
                    + "import io.privacyrules.*;\nimport java.time.*;\nimport java.util.*;\n"
                    + "public class " + name + " implements Runnable {\n    public void run() {\n"
                    + String.join("\n", blocks) + "\n    }\n}\n";
            Path dir = Files.createDirectories(out.resolve(name).resolve("docs"));
            Path file = dir.resolve(name + ".java");
            Files.writeString(file, source, StandardCharsets.UTF_8);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertNotNull(javac, "a JDK is needed to compile the examples");
            StringWriter errors = new StringWriter();
            boolean ok = javac.getTask(errors, null, null,
                    List.of("-classpath", classpath(), "-d", out.resolve(name).toString(), "-proc:none"), null,
                    javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile())).call();
            assertEquals("", ok ? "" : errors.toString(), "the Java examples of " + page + " do not compile:\n" + source);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {out.resolve(name).toUri().toURL()},
                    getClass().getClassLoader())) {
                ((Runnable) loader.loadClass("docs." + name).getDeclaredConstructor().newInstance()).run();
            }
        }));
    }

    /** The test classpath, also when surefire hides it in a manifest-only jar. */
    static String classpath() {
        List<String> entries = new ArrayList<>();
        ClassLoader l = DocExamplesTest.class.getClassLoader();
        while (l != null) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    entries.add(Path.of(java.net.URI.create(url.toString())).toString());
                }
            }
            l = l.getParent();
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(java.io.File.pathSeparator, entries);
    }
}
