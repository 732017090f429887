package dev.jgrad.internal.compile;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_double;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

import dev.jgrad.DType;
import dev.jgrad.backend.BinaryOp;
import dev.jgrad.internal.compile.KernelSpec.Mode;
import dev.jgrad.internal.compile.KernelSpec.Node;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates the class of a fused kernel with the JDK's ClassFile API and loads it as a hidden class. Its one method,
 * {@code segment(Seg)}, computes one tile of the output: the chain's nodes in order, grouped into phases. A run of
 * inline nodes (add, sub, mul, div, neg, abs, sqrt, copy) is one loop over the tile whose intermediate values stay in local
 * variables, so the JIT compiles it as one vectorised loop; any other node calls the CPU backend's kernel on the tile
 * ({@link Tiles}), so its values are eager's bit for bit. A value crosses phases in a tile-sized buffer.
 */
final class KernelGen {
    private KernelGen() {}

    private static final ClassDesc SEG = ClassDesc.of(Seg.class.getName());
    private static final ClassDesc TILES = ClassDesc.of(Tiles.class.getName());
    private static final ClassDesc MATH = ClassDesc.of("java.lang.Math");
    private static final ClassFile CLASS_FILE = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofClassLoading(MethodHandles.lookup()))));

    static FusedKernel generate(KernelSpec spec) {
        List<List<Node>> phases = phases(spec);
        boolean f32 = spec.dtype == DType.FLOAT32;
        ClassDesc self = ClassDesc.of(KernelGen.class.getPackageName() + ".GeneratedKernel");
        byte[] bytes = CLASS_FILE.build(self, clb -> clb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC)
                .withMethodBody("segment", MethodTypeDesc.of(CD_void, SEG), ClassFile.ACC_STATIC, cob -> {
                    Emitter e = new Emitter(cob, spec, f32);
                    for (List<Node> phase : phases) {
                        if (phase.size() == 1 && !phase.get(0).inline()) e.call(phase.get(0));
                        else e.loop(phase);
                    }
                    cob.return_();
                }));
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            MethodHandle mh = lookup.findStatic(lookup.lookupClass(), "segment", MethodType.methodType(void.class, Seg.class));
            return new FusedKernel(spec, mh, describe(spec, phases));
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("Torch.compile: generated kernel failed to load", ex);
        }
    }

    /** Splits the nodes into phases and marks which values need a tile buffer. */
    static List<List<Node>> phases(KernelSpec spec) {
        List<List<Node>> phases = new ArrayList<>();
        Map<Node, Integer> phaseOf = new HashMap<>();
        for (Node n : callsFirst(spec)) {
            boolean joinLast = n.inline() && !phases.isEmpty() && phases.get(phases.size() - 1).get(0).inline();
            if (!joinLast) phases.add(new ArrayList<>());
            phases.get(phases.size() - 1).add(n);
            phaseOf.put(n, phases.size() - 1);
        }
        for (Node n : spec.nodes) {
            if (n.materialized || !n.inline()) n.stored = true;
            for (int o : n.operands) {
                if (!spec.isNode(o)) continue;
                Node m = spec.node(o);
                if (!n.inline() || !phaseOf.get(m).equals(phaseOf.get(n))) m.stored = true;
            }
        }
        return phases;
    }

    /**
     * The nodes in an order that runs each kernel call as soon as its operands exist, so that the inline nodes between
     * calls gather into as few loops as possible (a*b + sin(a): sin first, then one loop for the multiply and the add).
     */
    private static List<Node> callsFirst(KernelSpec spec) {
        List<Node> order = new ArrayList<>(), left = new ArrayList<>(spec.nodes);
        java.util.Set<Node> done = new java.util.HashSet<>();
        while (!left.isEmpty()) {
            Node pick = null;
            for (Node n : left) {
                if (!ready(spec, n, done)) continue;
                if (!n.inline()) { pick = n; break; }
                if (pick == null) pick = n;
            }
            order.add(pick);
            done.add(pick);
            left.remove(pick);
        }
        return order;
    }

    private static boolean ready(KernelSpec spec, Node n, java.util.Set<Node> done) {
        for (int o : n.operands) if (spec.isNode(o) && !done.contains(spec.node(o))) return false;
        return true;
    }

    private static String describe(KernelSpec spec, List<List<Node>> phases) {
        StringBuilder b = new StringBuilder("fused kernel " + spec.dtype + java.util.Arrays.toString(spec.shape) + ":");
        for (List<Node> phase : phases) {
            b.append(phase.size() == 1 && !phase.get(0).inline() ? " [call" : " [loop");
            for (Node n : phase) b.append(' ').append(n.call.op != null ? n.call.op : n.call.name).append(n.materialized ? "->%" + n.slot : "");
            b.append(']');
        }
        return b.toString();
    }

    /** Emits the phases of one segment method. */
    private static final class Emitter {
        final CodeBuilder cob;
        final KernelSpec spec;
        final boolean f32;
        int nextLocal = 1;

        Emitter(CodeBuilder cob, KernelSpec spec, boolean f32) {
            this.cob = cob;
            this.spec = spec;
            this.f32 = f32;
        }

        int operandOf(Node n) { return spec.operandOfNode(spec.nodes.indexOf(n)); }

        void call(Node n) {
            Call c = n.call;
            int out = operandOf(n);
            cob.aload(0);
            switch (c.kind) {
                case UNARY -> {
                    cob.loadConstant(((Enum<?>) c.op).ordinal()).loadConstant(n.operands[0]).loadConstant(out);
                    cob.invokestatic(TILES, "unary", MethodTypeDesc.of(CD_void, SEG, CD_int, CD_int, CD_int));
                }
                case BINARY -> {
                    cob.loadConstant(((Enum<?>) c.op).ordinal()).loadConstant(c.param)
                            .loadConstant(n.operands[0]).loadConstant(n.operands[1]).loadConstant(out);
                    cob.invokestatic(TILES, "binary", MethodTypeDesc.of(CD_void, SEG, CD_int, CD_double, CD_int, CD_int, CD_int));
                }
                case ACTIVATION -> {
                    cob.loadConstant(((Enum<?>) c.op).ordinal()).loadConstant(c.param).loadConstant(n.operands[0]).loadConstant(out);
                    cob.invokestatic(TILES, "activation", MethodTypeDesc.of(CD_void, SEG, CD_int, CD_double, CD_int, CD_int));
                }
                case THRESHOLD_BACKWARD -> {
                    cob.loadConstant(c.param).loadConstant(n.operands[0]).loadConstant(n.operands[1]).loadConstant(out);
                    cob.invokestatic(TILES, "thresholdBackward", MethodTypeDesc.of(CD_void, SEG, CD_double, CD_int, CD_int, CD_int));
                }
                case SUM -> {
                    cob.loadConstant(n.operands[0]).loadConstant(n.reduction);
                    cob.invokestatic(TILES, "sum", MethodTypeDesc.of(CD_void, SEG, CD_int, CD_int));
                }
                default -> throw new IllegalStateException("not a kernel call: " + c.kind);
            }
        }

        /** Loads (array, index) of operand o into fresh locals; returns the array's local (the index is the next one). */
        int arrayAndIndex(int o) {
            int local = nextLocal;
            nextLocal += 2;
            cob.aload(0).loadConstant(o).invokevirtual(SEG, "array", MethodTypeDesc.of(CD_Object, CD_int));
            cob.checkcast(f32 ? CD_float.arrayType() : CD_double.arrayType()).astore(local);
            cob.aload(0).loadConstant(o).invokevirtual(SEG, "index", MethodTypeDesc.of(CD_int, CD_int)).istore(local + 1);
            return local;
        }

        int valueLocal() {
            int local = nextLocal;
            nextLocal += f32 ? 1 : 2;
            return local;
        }

        void loop(List<Node> phase) {
            Map<Integer, Integer> arrays = new HashMap<>(), scalars = new HashMap<>(), values = new HashMap<>(), stores = new HashMap<>();
            for (Node n : phase) {
                for (int o : n.operands) {
                    if (arrays.containsKey(o) || scalars.containsKey(o)) continue;
                    boolean inThisLoop = spec.isNode(o) && phase.contains(spec.node(o));
                    if (inThisLoop) continue;
                    if (!spec.isNode(o) && spec.leaves.get(o).mode() == Mode.SCALAR) {
                        int local = valueLocal();
                        cob.aload(0).loadConstant(o);
                        if (f32) cob.invokevirtual(SEG, "scalarF", MethodTypeDesc.of(CD_float, CD_int)).fstore(local);
                        else cob.invokevirtual(SEG, "scalarD", MethodTypeDesc.of(CD_double, CD_int)).dstore(local);
                        scalars.put(o, local);
                    } else {
                        arrays.put(o, arrayAndIndex(o));
                    }
                }
                if (n.stored) stores.put(operandOf(n), arrayAndIndex(operandOf(n)));
                values.put(operandOf(n), valueLocal());
            }
            int len = nextLocal++, j = nextLocal++;
            cob.aload(0).invokevirtual(SEG, "len", MethodTypeDesc.of(CD_int)).istore(len);
            cob.loadConstant(0).istore(j);
            Label top = cob.newLabel(), end = cob.newLabel();
            cob.labelBinding(top);
            cob.iload(j).iload(len).if_icmpge(end);
            for (Node n : phase) {
                Call c = n.call;
                boolean scaled = c.kind == Call.Kind.BINARY && (c.op == BinaryOp.ADD || c.op == BinaryOp.SUB) && c.param != 1;
                if (scaled) {
                    // a + alpha*b as the CPU kernel computes it: fma(b, alpha, a), alpha rounded to the dtype, negated for sub
                    double alpha = c.op == BinaryOp.SUB ? -c.param : c.param;
                    load(n.operands[1], arrays, scalars, values, j);
                    if (f32) cob.loadConstant((float) alpha); else cob.loadConstant(alpha);
                    load(n.operands[0], arrays, scalars, values, j);
                    ClassDesc t = f32 ? CD_float : CD_double;
                    cob.invokestatic(MATH, "fma", MethodTypeDesc.of(t, t, t, t));
                } else {
                    for (int o : n.operands) load(o, arrays, scalars, values, j);
                }
                switch (c.kind) {
                    case COPY -> {}
                    case UNARY -> {
                        switch ((dev.jgrad.backend.UnaryOp) c.op) {
                            case NEG -> { if (f32) cob.fneg(); else cob.dneg(); }
                            case ABS -> cob.invokestatic(MATH, "abs", f32 ? MethodTypeDesc.of(CD_float, CD_float) : MethodTypeDesc.of(CD_double, CD_double));
                            case SQRT -> {  // float: the double square root rounded to float is the correctly rounded float one
                                if (f32) cob.f2d();
                                cob.invokestatic(MATH, "sqrt", MethodTypeDesc.of(CD_double, CD_double));
                                if (f32) cob.d2f();
                            }
                            default -> throw new IllegalStateException("not inline: " + c.op);
                        }
                    }
                    case BINARY -> {
                        BinaryOp op = (BinaryOp) c.op;
                        if (scaled) break;
                        switch (op) {
                            case ADD -> { if (f32) cob.fadd(); else cob.dadd(); }
                            case SUB -> { if (f32) cob.fsub(); else cob.dsub(); }
                            case MUL -> { if (f32) cob.fmul(); else cob.dmul(); }
                            case DIV -> { if (f32) cob.fdiv(); else cob.ddiv(); }
                            default -> throw new IllegalStateException("not inline: " + op);
                        }
                    }
                    default -> throw new IllegalStateException("not inline: " + c.kind);
                }
                int v = values.get(operandOf(n));
                if (f32) cob.fstore(v); else cob.dstore(v);
                Integer a = stores.get(operandOf(n));
                if (a != null) {
                    cob.aload(a).iload(a + 1).iload(j).iadd();
                    if (f32) cob.fload(v).fastore(); else cob.dload(v).dastore();
                }
            }
            cob.iinc(j, 1).goto_(top);
            cob.labelBinding(end);
        }

        private void load(int o, Map<Integer, Integer> arrays, Map<Integer, Integer> scalars, Map<Integer, Integer> values, int j) {
            Integer v = values.get(o);
            if (v == null) v = scalars.get(o);
            if (v != null) {
                if (f32) cob.fload(v); else cob.dload(v);
                return;
            }
            int a = arrays.get(o);
            cob.aload(a).iload(a + 1).iload(j).iadd();
            if (f32) cob.faload(); else cob.daload();
        }
    }
}
