package dev.jgrad.internal.ops;

import dev.jgrad.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * torch.einsum over single-letter subscripts ("ij,jk->ik", "bhqd,bhkd->bhqk", "ii->i", implicit output),
 * composed as PyTorch composes it from differentiable ops: repeated letters in one operand become a
 * diagonal, letters no one needs are summed away early, and each pair of operands is contracted by one bmm
 * after permuting to (batch, kept, contracted). An ellipsis stands for the same broadcast dims in every operand
 * (right-aligned, size-1 dims broadcast); it is rewritten to private labels first.
 */
public final class Einsum {
    private Einsum() {}

    public static Tensor einsum(String equation, List<Tensor> operands) {
        String eq = equation.replace(" ", "");
        if (eq.contains("...")) return expandEllipsis(eq, operands);
        String[] sides = eq.split("->", -1);
        String[] inputs = sides[0].split(",", -1);
        if (inputs.length != operands.size()) {
            throw new IllegalArgumentException("einsum(): more operands were provided than specified in the equation");
        }
        String output;
        if (sides.length > 1) {
            output = sides[1];
        } else {  // implicit: the letters that appear once, in alphabetical order
            Map<Character, Integer> count = new LinkedHashMap<>();
            for (String in : inputs) for (char ch : in.toCharArray()) count.merge(ch, 1, Integer::sum);
            StringBuilder sb = new StringBuilder();
            count.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey).sorted().forEach(sb::append);
            output = sb.toString();
        }
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = operands.get(i);
            if (inputs[i].length() != t.dim()) {
                throw new IllegalArgumentException("einsum(): the number of subscripts in the equation (" + inputs[i].length()
                        + ") does not match the number of dimensions (" + t.dim() + ") for operand " + i + " and no ellipsis was given");
            }
            terms.add(diagonalOfRepeats(new Term(inputs[i], t)));
        }
        Term acc = terms.get(0);
        for (int i = 1; i < terms.size(); i++) {
            String afterPair = output + String.join("", terms.subList(i + 1, terms.size()).stream().map(Term::labels).toList());
            Term next = terms.get(i);
            acc = contract(sumUnneeded(acc, afterPair, next.labels()), sumUnneeded(next, afterPair, acc.labels()), afterPair);
        }
        acc = sumUnneeded(acc, output, "");
        int[] order = new int[output.length()];
        for (int k = 0; k < output.length(); k++) {
            int at = acc.labels().indexOf(output.charAt(k));
            if (at < 0) throw new IllegalArgumentException("einsum(): output subscript " + output.charAt(k) + " does not appear in the equation for any input operand");
            order[k] = at;
        }
        boolean identity = true;
        for (int k = 0; k < order.length; k++) identity &= order[k] == k;
        return identity ? acc.tensor() : acc.tensor().permute(order);
    }

    /** The labels an ellipsis becomes: characters no equation can contain (einsum letters are ASCII). */
    private static char ellipsisLabel(int k) { return (char) ('\u0100' + k); }

    private static Tensor expandEllipsis(String eq, List<Tensor> operands) {
        String[] sides = eq.split("->", -1);
        String[] inputs = sides[0].split(",", -1);
        if (inputs.length != operands.size()) {
            throw new IllegalArgumentException("einsum(): more operands were provided than specified in the equation");
        }
        int[] ellipsisDims = new int[inputs.length];
        int most = 0;
        for (int i = 0; i < inputs.length; i++) {
            int named = inputs[i].replace("...", "").length();
            int d = operands.get(i).dim();
            if (inputs[i].contains("...")) {
                if (named > d) {
                    throw new IllegalArgumentException("einsum(): the number of subscripts in the equation (" + named
                            + ") is more than the number of dimensions (" + d + ") for operand " + i);
                }
                ellipsisDims[i] = d - named;
                most = Math.max(most, ellipsisDims[i]);
            }
        }
        long[] sizes = new long[most];
        java.util.Arrays.fill(sizes, 1);
        for (int i = 0; i < inputs.length; i++) {
            int start = inputs[i].indexOf("...");
            for (int k = 0; start >= 0 && k < ellipsisDims[i]; k++) {
                long n = operands.get(i).size(start + k);
                int slot = most - ellipsisDims[i] + k;
                if (n != 1 && sizes[slot] != 1 && sizes[slot] != n) {
                    throw new IllegalArgumentException("einsum(): operands do not broadcast with remapped shapes (original->remapped)");
                }
                if (n != 1) sizes[slot] = n;
            }
        }
        StringBuilder all = new StringBuilder();
        for (int k = 0; k < most; k++) all.append(ellipsisLabel(k));
        List<Tensor> expanded = new ArrayList<>();
        StringBuilder rewritten = new StringBuilder();
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = operands.get(i);
            int start = inputs[i].indexOf("...");
            if (start >= 0) {
                long[] shape = t.shape();
                for (int k = 0; k < ellipsisDims[i]; k++) shape[start + k] = sizes[most - ellipsisDims[i] + k];
                t = t.expand(shape);
                inputs[i] = inputs[i].replace("...", all.substring(most - ellipsisDims[i]));
            }
            expanded.add(t);
            rewritten.append(i == 0 ? "" : ",").append(inputs[i]);
        }
        String output;
        if (sides.length > 1) {
            output = sides[1].replace("...", all);
        } else {  // implicit: the ellipsis dims, then the letters that appear once, in alphabetical order
            Map<Character, Integer> count = new LinkedHashMap<>();
            for (String in : inputs) for (char ch : in.toCharArray()) if (ch < '\u0100') count.merge(ch, 1, Integer::sum);
            StringBuilder sb = new StringBuilder(all);
            count.entrySet().stream().filter(e -> e.getValue() == 1).map(Map.Entry::getKey).sorted().forEach(sb::append);
            output = sb.toString();
        }
        return einsum(rewritten + "->" + output, expanded);
    }

    private record Term(String labels, Tensor tensor) {}

    /** "ii" becomes the diagonal "i" (the diagonal moves last, as torch.diagonal puts it). */
    private static Term diagonalOfRepeats(Term t) {
        String labels = t.labels();
        Tensor x = t.tensor();
        for (int i = 0; i < labels.length(); i++) {
            int j = labels.indexOf(labels.charAt(i), i + 1);
            if (j < 0) continue;
            if (x.size(i) != x.size(j)) {
                throw new IllegalArgumentException("einsum(): subscript " + labels.charAt(i) + " is repeated for operand but the sizes don't match, "
                        + x.size(i) + " != " + x.size(j));
            }
            x = x.diagonal(0, i, j);
            labels = labels.substring(0, i) + labels.substring(i + 1, j) + labels.substring(j + 1) + labels.charAt(i);
            return diagonalOfRepeats(new Term(labels, x));
        }
        return t;
    }

    /** Sums away the letters neither the rest of the equation (later) nor the partner operand uses. */
    private static Term sumUnneeded(Term t, String later, String partner) {
        List<Integer> dims = new ArrayList<>();
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < t.labels().length(); i++) {
            char ch = t.labels().charAt(i);
            if (later.indexOf(ch) < 0 && partner.indexOf(ch) < 0) dims.add(i);
            else kept.append(ch);
        }
        if (dims.isEmpty()) return t;
        return new Term(kept.toString(), t.tensor().sum(dims.stream().mapToInt(Integer::intValue).toArray(), false));
    }

    /** a (batch, aOnly, contracted) times b (batch, contracted, bOnly) by one bmm; the result's letters are batch + aOnly + bOnly. */
    private static Term contract(Term a, Term b, String later) {
        StringBuilder batch = new StringBuilder(), aOnly = new StringBuilder(), bOnly = new StringBuilder(), contracted = new StringBuilder();
        Map<Character, Long> size = new LinkedHashMap<>();
        for (int i = 0; i < a.labels().length(); i++) size.put(a.labels().charAt(i), a.tensor().size(i));
        for (int i = 0; i < b.labels().length(); i++) {
            char ch = b.labels().charAt(i);
            long s = b.tensor().size(i);
            Long prior = size.get(ch);
            if (prior != null && prior != s && prior != 1 && s != 1) {
                throw new IllegalArgumentException("einsum(): operands do not broadcast with remapped shapes (original->remapped): subscript "
                        + ch + " has sizes " + prior + " and " + s);
            }
            size.merge(ch, s, Math::max);
        }
        for (char ch : a.labels().toCharArray()) {
            boolean inB = b.labels().indexOf(ch) >= 0;
            if (inB && later.indexOf(ch) >= 0) batch.append(ch);
            else if (inB) contracted.append(ch);
            else aOnly.append(ch);
        }
        for (char ch : b.labels().toCharArray()) if (a.labels().indexOf(ch) < 0) bOnly.append(ch);
        Tensor x = arrange(a, batch + aOnly.toString() + contracted, size);
        Tensor y = arrange(b, batch + contracted.toString() + bOnly, size);
        long nb = product(batch, size), na = product(aOnly, size), nc = product(contracted, size), nbo = product(bOnly, size);
        Tensor r = x.reshape(nb, na, nc).bmm(y.reshape(nb, nc, nbo));
        String labels = batch.toString() + aOnly + bOnly;
        long[] shape = new long[labels.length()];
        for (int i = 0; i < labels.length(); i++) shape[i] = size.get(labels.charAt(i));
        return new Term(labels, r.reshape(shape));
    }

    /** t permuted to the given letter order and expanded where it has size 1 (broadcast letters). */
    private static Tensor arrange(Term t, String order, Map<Character, Long> size) {
        int[] perm = new int[order.length()];
        for (int i = 0; i < order.length(); i++) perm[i] = t.labels().indexOf(order.charAt(i));
        Tensor x = perm.length == 0 ? t.tensor() : t.tensor().permute(perm);
        long[] shape = new long[order.length()];
        for (int i = 0; i < order.length(); i++) shape[i] = size.get(order.charAt(i));
        return Arrays.equals(x.shape(), shape) ? x : x.expand(shape);
    }

    private static long product(CharSequence letters, Map<Character, Long> size) {
        long p = 1;
        for (int i = 0; i < letters.length(); i++) p *= size.get(letters.charAt(i));
        return p;
    }
}
