package io.privacyrules.internal.drl;

import io.privacyrules.RightsRequest;
import io.privacyrules.internal.pack.Pack;
import java.time.LocalDate;
import java.util.List;

/**
 * The fact a pack's rights rules match on: one validated data-subject request. DRL files see it
 * as {@code Rights}.
 *
 * <p>Properties: {@code right}, {@code rightClause}, {@code receivedOn}, {@code identityVerified},
 * {@code repeated}, {@code extended}, {@code refusalGrounds} (the V.8-style grounds present, in the pack's order),
 * {@code unreasonableGrounds}, {@code erasureGrounds}; method {@code clauseOf(ground)}.
 */
public final class Rights {
    private final Pack.Rights rights;
    private final String right;
    private final String rightClause;
    private final LocalDate receivedOn;
    private final boolean identityVerified;
    private final boolean repeated;
    private final boolean extended;
    private final List<String> refusalGrounds;
    private final List<String> unreasonableGrounds;
    private final List<String> erasureGrounds;

    public Rights(Pack pack, RightsRequest r, LocalDate receivedOn) {
        this.rights = pack.rights();
        this.right = r.right();
        this.rightClause = rights.requests().get(right).clause();
        this.receivedOn = receivedOn;
        this.identityVerified = r.identityVerified();
        this.repeated = r.repeated();
        this.extended = r.extended() && rights.requests().get(right).extension() != null;
        this.refusalGrounds = rights.refusalGrounds().keySet().stream().filter(r.refusalGrounds()::contains).toList();
        this.unreasonableGrounds = rights.unreasonableGrounds().stream().filter(r.refusalGrounds()::contains).toList();
        this.erasureGrounds = rights.erasureGrounds().keySet().stream().filter(r.erasureGrounds()::contains).toList();
    }

    /** The clause of a ground of the pack. */
    @RuleHelper
    public String clauseOf(String ground) {
        return rights.clauseOf(ground);
    }

    public String getRight() {
        return right;
    }

    public String getRightClause() {
        return rightClause;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public boolean isIdentityVerified() {
        return identityVerified;
    }

    public boolean isRepeated() {
        return repeated;
    }

    /** The host claims the extension of the deadline, and the right has one. */
    public boolean isExtended() {
        return extended;
    }

    public List<String> getRefusalGrounds() {
        return refusalGrounds;
    }

    public List<String> getUnreasonableGrounds() {
        return unreasonableGrounds;
    }

    public List<String> getErasureGrounds() {
        return erasureGrounds;
    }

    @Override
    public String toString() {
        return "Rights[" + right + "]";
    }
}
