package io.privacyrules.internal.pack;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The reason codes a compiled pack's own rules can give: its YAML rules', its default deny's,
 * and the code literal of every {@code out} call of its DRL files, as the DRL checker read them.
 * The engine's own codes are not included ({@code Engine.ENGINE_CODES}).
 */
public final class PackCodes {
    private PackCodes() {
    }

    /** The codes, the pack's YAML first. */
    public static Set<String> of(PackCompiler.Compiled compiled) {
        Pack pack = compiled.pack();
        Set<String> out = new LinkedHashSet<>();
        out.add(pack.defaults().denyCode());
        for (Pack.RuleDef r : pack.rules()) {
            if (r.effect() != Pack.Effect.OBLIGE && r.code() != null) {
                out.add(r.code());
            }
        }
        out.addAll(compiled.drlCodes());
        return out;
    }
}
