package io.privacyrules.internal.pack;

import io.privacyrules.internal.Ids;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reason codes a validated pack's own rules can give: its YAML rules' (a purpose's generated
 * rule gives {@code purpose-permitted}), its default deny's, and the code literal of every
 * {@code out.*} call of its DRL files. The engine's own codes are not included
 * ({@code Engine.ENGINE_CODES}).
 *
 * <p>DRL codes are read from the text, comments blanked, the way the loader checks the calls: the
 * loader has already made sure each code is a literal in its place. When the compiled pack carries
 * each rule's codes as metadata, read them there instead.
 */
public final class PackCodes {
    private static final Pattern ANSWER_CALL = Pattern.compile(
            "\\bout\\s*\\.\\s*(permit|deny|fulfil|refuse|verifyIdentity|retain|retainUntil|dispose)\\s*\\(");

    private PackCodes() {
    }

    /** The codes, in the pack's order. */
    public static Set<String> of(Pack pack) {
        Set<String> out = new LinkedHashSet<>();
        out.add(pack.defaults().denyCode());
        for (Pack.RuleDef r : pack.rules()) {
            if (r.effect() != Pack.Effect.OBLIGE && r.code() != null) {
                out.add(r.code());
            }
        }
        for (Pack.DrlSource drl : pack.drl()) {
            out.addAll(drlCodes(drl.text()));
        }
        return out;
    }

    /**
     * The code literals of a DRL text's {@code out} calls that give a reason: the first argument of
     * {@code out.permit}, the one before the message of every other call.
     */
    static Set<String> drlCodes(String text) {
        String code = PackCompiler.withoutComments(text);
        Set<String> out = new LinkedHashSet<>();
        Matcher m = ANSWER_CALL.matcher(code);
        while (m.find()) {
            List<String> args = PackCompiler.arguments(code, m.end());
            if (args == null || args.size() < 2) {
                continue;
            }
            String arg = m.group(1).equals("permit") ? args.get(0) : args.get(args.size() - 2);
            if (arg.length() >= 2 && arg.startsWith("\"") && arg.endsWith("\"")) {
                String literal = arg.substring(1, arg.length() - 1);
                if (Ids.isId(literal)) {
                    out.add(literal);
                }
            }
        }
        return out;
    }
}
