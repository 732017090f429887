package dev.jgrad.internal.autograd;

import dev.jgrad.Tensor;
import dev.jgrad.Torch;
import dev.jgrad.internal.ops.Decompositions;
import java.util.ArrayList;
import java.util.List;

/**
 * The longer formulas of the linear-algebra rows (PyTorch's FunctionsManual.cpp: linalg_det_backward,
 * linalg_solve_backward, cholesky_backward, linalg_eig_backward, svd_backward, linalg_qr_backward), real case,
 * written with differentiable ops (solve, inv, matmul) so that their own derivatives are recorded.
 */
final class LinalgDerivativeHelpers {
    private LinalgDerivativeHelpers() {}

    /** The identity of x's last dim, in its dtype and device. */
    private static Tensor eye(Tensor x) { return Decompositions.eye(x, x.size(-1)); }

    /** v (..., n) on the diagonal of (..., n, n) matrices (diag_embed), differentiably. */
    static Tensor diagEmbed(Tensor v) { return v.unsqueeze(-2).mul(eye(v)); }

    /** A^-H g as a matrix: g a matrix, or a vector (made a column). */
    static Tensor solveTransposed(Tensor a, Tensor g, boolean vector) {
        return Decompositions.solve(a.mT(), vector ? g.unsqueeze(-1) : g);
    }

    /** g A^-H for a (batch of) scalar g: slogdet's derivative, and det's with g scaled by det. */
    static Tensor scaledInverseTransposed(Tensor g, Tensor a) {
        return Decompositions.solve(a.mT(), diagEmbed(g.unsqueeze(-1).expand(g.shape().length == 0 ? new long[] {a.size(-1)}
                : withLast(g.shape(), a.size(-1)))));
    }

    private static long[] withLast(long[] shape, long n) {
        long[] r = java.util.Arrays.copyOf(shape, shape.length + 1);
        r[shape.length] = n;
        return r;
    }

    /**
     * det's derivative: grad det A^-H where every matrix is invertible; otherwise (some det is exactly 0) the
     * cofactor matrix from the SVD, U diag(prod_{j != i} S_j) Vh times grad det(U) det(Vh), for the whole batch.
     */
    static Tensor detBackward(Tensor g, Tensor det, Tensor a) {
        boolean singular = !det.device().isMeta() && det.numel() > 0 && det.eq(0.0).any().itemBool();
        if (!singular) return scaledInverseTransposed(g.mul(det), a);
        Tensor[] usv = Decompositions.svd(a, false, true, "linalg.svd");
        Tensor u = usv[0], s = usv[1], vh = usv[2];
        Tensor alpha = Decompositions.det(u).mul(Decompositions.det(vh));
        Tensor d = prodOthers(s).mul(g.mul(alpha).unsqueeze(-1));
        return u.mul(d.unsqueeze(-2)).matmul(vh);
    }

    /** out[..., i] = product of s[..., j] over j != i (prod_safe_zeros_backward's value), differentiably. */
    private static Tensor prodOthers(Tensor s) {
        long k = s.size(-1);
        List<Tensor> parts = new ArrayList<>();
        for (long i = 0; i < k; i++) {
            Tensor left = s.narrow(-1, 0, i), right = s.narrow(-1, i + 1, k - i - 1);
            parts.add(Torch.cat(List.of(left, right), -1).prod(-1, true));
        }
        return Torch.cat(parts, -1);
    }

    /** cholesky_backward: with Φ(X) = tril(X) with half its diagonal, gA = sym(L^-H Φ(L^H gL) L^-1). */
    static Tensor choleskyBackward(Tensor gL, Tensor l, boolean upper) {
        if (upper) {
            l = l.mT();
            gL = gL.mT();
        }
        Tensor lInv = Decompositions.inv(l);
        Tensor phi = l.mT().matmul(gL).tril();
        phi = phi.sub(phi.mul(eye(phi)).mul(0.5));
        Tensor gA = lInv.mT().matmul(phi).matmul(lInv);
        return gA.add(gA.mT()).mul(0.5);
    }

    /**
     * linalg_eig_backward, Hermitian case: gA = V ((skew(V^H gV) / 2) / E + diag(gL)) V^H with E_ij = L_j - L_i
     * (1 on the diagonal); only values: V diag(gL) V^H.
     */
    static Tensor eighBackward(Tensor gL, Tensor gV, Tensor l, Tensor v) {
        if (gV == null) return v.mul(gL.unsqueeze(-2)).matmul(v.mT());
        Tensor vhgv = v.mT().matmul(gV);
        Tensor skew = vhgv.sub(vhgv.mT()).mul(0.5);
        Tensor e = l.unsqueeze(-2).sub(l.unsqueeze(-1)).add(eye(v));
        Tensor inner = skew.div(e);
        if (gL != null) inner = inner.add(diagEmbed(gL));
        return v.matmul(inner.matmul(v.mT()));
    }

    /** svd_backward (real case), with the full matrices' extra columns dropped first. */
    static Tensor svdBackward(Tensor gU, Tensor gS, Tensor gVh, Tensor u, Tensor s, Tensor vh, boolean full) {
        long m = u.size(-2), n = vh.size(-1), k = s.size(-1);
        if (full) {
            u = u.narrow(-1, 0, k);
            vh = vh.narrow(-2, 0, k);
            if (gU != null) gU = gU.narrow(-1, 0, k);
            if (gVh != null) gVh = gVh.narrow(-2, 0, k);
        }
        if (gU == null && gVh == null) {
            if (gS == null) return null;
            return m >= n ? u.matmul(gS.unsqueeze(-1).mul(vh)) : u.mul(gS.unsqueeze(-2)).matmul(vh);
        }
        Tensor v = vh.mT(), gV = gVh == null ? null : gVh.mT();
        Tensor uhgu = gU == null ? null : skew(u.mT().matmul(gU));
        Tensor vhgv = gV == null ? null : skew(vh.matmul(gV));
        Tensor s2 = s.mul(s);
        Tensor e = s2.unsqueeze(-2).sub(s2.unsqueeze(-1)).add(eye(s2));
        Tensor ret;
        if (uhgu != null && vhgv != null) ret = uhgu.mul(s.unsqueeze(-2)).add(s.unsqueeze(-1).mul(vhgv)).div(e);
        else if (uhgu != null) ret = uhgu.mul(s.unsqueeze(-2)).div(e);
        else ret = s.unsqueeze(-1).mul(vhgv).div(e);
        if (gS != null) ret = ret.add(diagEmbed(gS));
        Tensor gA;
        if (m > k && gU != null) {
            gA = u.matmul(ret);
            Tensor gUSinv = gU.div(s.unsqueeze(-2));
            gA = gA.add(gUSinv).sub(u.matmul(u.mT().matmul(gUSinv)));
            gA = gA.matmul(vh);
        } else if (n > k && gV != null) {
            gA = ret.matmul(vh);
            Tensor sinvgVh = gV.mT().div(s.unsqueeze(-1));
            gA = gA.add(sinvgVh).sub(sinvgVh.matmul(v).matmul(vh));
            gA = u.matmul(gA);
        } else {
            gA = m >= n ? u.matmul(ret.matmul(vh)) : u.matmul(ret).matmul(vh);
        }
        return gA;
    }

    private static Tensor skew(Tensor x) { return x.sub(x.mT()); }

    /**
     * linalg_qr_backward (reduced): for m >= n, gA = [gQ + Q syminvadj(triu(gR R^H - Q^H gQ))] R^-H; for m < n,
     * A = [X | Y] with X = Q U, Y = Q V: the square formula for X with gQ + Y gV^H, and gY = Q gV.
     */
    static Tensor qrBackward(Tensor gQ, Tensor gR, Tensor q, Tensor r) {
        long m = q.size(-2), n = r.size(-1);
        if (m >= n) return qrTall(gQ, gR, q, r);
        Tensor uPart = r.narrow(-1, 0, m), vPart = r.narrow(-1, m, n - m);
        Tensor gU = gR == null ? null : gR.narrow(-1, 0, m), gV = gR == null ? null : gR.narrow(-1, m, n - m);
        Tensor gQx = gQ;
        if (gV != null) {
            Tensor y = q.matmul(vPart);
            Tensor extra = y.matmul(gV.mT());
            gQx = gQx == null ? extra : gQx.add(extra);
        }
        Tensor gX = qrTall(gQx, gU, q, uPart);
        Tensor gY = gV == null ? Torch.zerosLike(vPart) : q.matmul(gV);
        return Torch.cat(List.of(gX, gY), -1);
    }

    private static Tensor qrTall(Tensor gQ, Tensor gR, Tensor q, Tensor r) {
        Tensor m;
        if (gQ != null && gR != null) m = gR.matmul(r.mT()).sub(q.mT().matmul(gQ));
        else if (gQ != null) m = q.mT().matmul(gQ).neg();
        else m = gR.matmul(r.mT());
        Tensor t = m.triu();
        Tensor sym = t.add(t.mT());
        sym = sym.sub(sym.mul(eye(sym)).mul(0.5));
        Tensor gA = q.matmul(sym);
        if (gQ != null) gA = gA.add(gQ);
        return gA.matmul(Decompositions.inv(r).mT());
    }

    /** pinv_backward (real case). */
    static Tensor pinvBackward(Tensor g, Tensor pinvA, Tensor a) {
        long m = a.size(-2), n = a.size(-1);
        Tensor pinvAh = pinvA.mT(), gh = g.mT();
        if (m <= n) {
            Tensor k = gh.matmul(pinvA);
            Tensor kpinvAh = k.matmul(pinvAh);
            return pinvA.matmul(k).mT().neg().add(kpinvAh).sub(a.matmul(pinvA).matmul(kpinvAh))
                    .add(pinvAh.matmul(pinvA).matmul(gh.sub(k.matmul(a))));
        }
        Tensor k = pinvA.matmul(gh);
        Tensor pinvAhK = pinvAh.matmul(k);
        return k.matmul(pinvA).mT().neg().add(gh.sub(a.matmul(k)).matmul(pinvA).matmul(pinvAh)).add(pinvAhK)
                .sub(pinvAhK.matmul(pinvA).matmul(a));
    }
}
