package io.privacyrules.internal.pack;

import static io.privacyrules.internal.pack.PackLoader.DRL_PATH;

import io.privacyrules.internal.yaml.Fields;
import io.privacyrules.internal.yaml.Location;
import io.privacyrules.internal.yaml.Node;
import io.privacyrules.internal.yaml.YamlReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code drl}: the DRL files the pack lists, as text, and reports any {@code .drl} file
 * of the pack that is not listed (it would never be loaded).
 */
final class DrlFileReader extends SectionReader {
    DrlFileReader(PackLoader loader) {
        super(loader);
    }

    List<Pack.DrlSource> readDrl(Fields top) {
        List<Pack.DrlSource> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Node.ScalarNode n : top.texts("drl", false)) {
            String path = (String) n.value();
            if (!DRL_PATH.matcher(path).matches()) {
                problems.add(n.at(), "'" + path + "' is not a relative path to a .drl file inside the pack",
                        "for example rules/children.drl");
                continue;
            }
            if (!seen.add(path)) {
                problems.add(n.at(), "DRL file " + path + " is listed twice", "remove one");
                continue;
            }
            try {
                byte[] bytes = source.read(path, YamlReader.MAX_BYTES);
                if (bytes == null) {
                    problems.add(n.at(), "DRL file " + path + " does not exist", "check the path; it is relative to the pack folder");
                } else if (bytes.length > YamlReader.MAX_BYTES) {
                    problems.add(Location.of(source.display(path)), "the file is larger than " + YamlReader.MAX_BYTES + " bytes", "");
                } else {
                    String text = utf8(bytes);
                    if (text == null || text.indexOf('\0') >= 0) {
                        problems.add(Location.of(source.display(path)), "the file is not UTF-8 text", "is this the right file?");
                    } else {
                        out.add(new Pack.DrlSource(source.display(path), text));
                    }
                }
            } catch (IOException e) {
                problems.add(n.at(), "cannot read DRL file " + path + ": " + e.getClass().getSimpleName(), "");
            }
        }
        checkUnlistedDrl(top, seen);
        return out;
    }

    /**
     * Reports every {@code .drl} file in the pack that {@code drl:} does not list: it would never be
     * loaded, so its rules would silently not apply. Reported at the {@code drl:} key, or at the file
     * when there is no such key. Skipped where the pack's files cannot be listed.
     */
    void checkUnlistedDrl(Fields top, Set<String> listed) {
        List<String> found;
        try {
            found = source.drlFiles();
        } catch (IOException e) {
            problems.add(Location.of(file), "cannot list the pack's DRL files: " + e.getClass().getSimpleName(), "");
            return;
        }
        if (found == null) {
            return;
        }
        for (String path : found) {
            if (!listed.contains(path)) {
                Location at = top.has("drl") ? top.keyAt("drl") : new Location(source.display(path), 1, 1);
                problems.add(at, "DRL file " + path + " is not listed under drl:, so it is never loaded",
                        "add it to drl: or delete it");
            }
        }
    }
}
