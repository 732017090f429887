package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeParameterTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.doctree.ReturnTree;
import com.sun.source.doctree.ThrowsTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every public type and member of jgrad's documented API packages has a doc comment (what it does,
 * PyTorch's name, shapes, errors): what javadoc's doclint "missing" group reports as "no comment", checked
 * from the sources with the compiler's parser in about a second, so that {@code ./jgrad test} fails on an
 * undocumented public member. A member that overrides another ({@code @Override}) inherits its comment.
 *
 * <p>Every package module-info exports is held to it, the backend SPI included.
 *
 * <p>The classes and packages in {@link #COMPLETE} are held to more: each documented method and constructor
 * has an {@code @param} for every parameter and type parameter, an {@code @return} unless it returns void, and
 * an {@code @throws} for every exception its {@code throws} clause declares; a record's comment has an
 * {@code @param} for each component, a generic type's one for each type parameter (what doclint's "missing"
 * group reports, which {@code mvn verify}'s javadoc run switches on once every exported package is here).
 */
class ApiDocsTest {
    private static final Path SOURCES = Path.of("").toAbsolutePath().getParent().resolve("library/src/main/java");

    /**
     * The API files whose comments are complete, held to the tags check ({@link #untagged}). HOW TO ADD YOURS:
     * when every public member of a file has its {@code @param}/{@code @return}/{@code @throws} tags, add the
     * file as its top-level type's name ({@code "dev.jgrad.Tensor"}), or a whole package as its name with
     * {@code ".*"} ({@code "dev.jgrad.optim.*"}); run this test (a few seconds) and fix what it lists. When every
     * exported package is covered, {@link #theJavadocRunChecksMissingTagsOnceEveryPackageIsComplete} fails until the
     * root pom's {@code <doclint>} is {@code all} (missing included), so javadoc itself then guards the whole API.
     */
    static final List<String> COMPLETE = List.of(
            "dev.jgrad.*", "dev.jgrad.autograd.*", "dev.jgrad.nn.functional.*", "dev.jgrad.nn.init.*",
            "dev.jgrad.nn.*", "dev.jgrad.nn.utils.*",
            "dev.jgrad.optim.*", "dev.jgrad.optim.lr.*",
            "dev.jgrad.compile.*", "dev.jgrad.io.*", "dev.jgrad.profiler.*",
            "dev.jgrad.backend.*", "dev.jgrad.distributions.*",
            "dev.jgrad.utils.*", "dev.jgrad.utils.data.*", "dev.jgrad.utils.tensorboard.*");

    /** Every package module-info exports (the public API and the backend SPI). */
    private static List<String> exported() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(SOURCES.resolve("module-info.java"))) {
            String t = line.trim();
            if (t.startsWith("exports ")) out.add(t.substring("exports ".length(), t.length() - 1).trim());
        }
        return out;
    }

    /** "file:line: what" for each public type, member, constructor or enum constant without a doc comment. */
    static List<String> undocumented(String pkg) throws IOException {
        return undocumented(pkg, SOURCES.resolve(pkg.replace('.', '/')));
    }

    /** The same for the package whose sources are in dir. */
    static List<String> undocumented(String pkg, Path dir) throws IOException {
        return check(pkg, dir, file -> false);
    }

    /**
     * "file:line: what" for each documented public member of the package's files that {@code complete} accepts
     * (file names as {@code "A.java"}) whose comment lacks an {@code @param}, {@code @return} or {@code @throws},
     * besides what {@link #undocumented} reports.
     */
    static List<String> untagged(String pkg, Path dir, java.util.function.Predicate<String> complete) throws IOException {
        return check(pkg, dir, complete);
    }

    private static List<String> check(String pkg, Path dir, java.util.function.Predicate<String> complete) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> missing = new ArrayList<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null, fm.getJavaFileObjectsFromPaths(files));
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                String file = dir.relativize(Path.of(unit.getSourceFile().toUri())).toString();
                if (file.equals("package-info.java")) {
                    if (unit.getPackage() == null || docs.getDocComment(new TreePath(new TreePath(unit), unit.getPackage())) == null) missing.add(pkg + ": package-info.java has no comment");
                    continue;
                }
                new Scanner(unit, docs, pkg + "/" + file, missing, complete.test(file)).scan(unit, null);
            }
            if (!Files.exists(dir.resolve("package-info.java"))) missing.add(pkg + ": no package-info.java");
        }
        return missing;
    }

    /** Walks the public types and reports their visible members without a comment. */
    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final DocTrees docs;
        private final String file;
        private final List<String> missing;
        private final boolean tags;

        Scanner(CompilationUnitTree unit, DocTrees docs, String file, List<String> missing, boolean tags) {
            this.unit = unit;
            this.docs = docs;
            this.file = file;
            this.missing = missing;
            this.tags = tags;
        }

        private long line(Tree t) {
            return unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, t));
        }

        /** The names a comment's @param tags give ("&lt;T&gt;" for type parameters), whether it has @return, its @throws. */
        private record Tags(Set<String> params, boolean returns, Set<String> throwz) {
            static Tags of(DocCommentTree dc) {
                Set<String> params = new HashSet<>(), throwz = new HashSet<>();
                boolean returns = false;
                List<DocTree> all = new ArrayList<>(dc.getBlockTags());
                all.addAll(dc.getFullBody());
                for (DocTree t : all) {
                    if (t instanceof ParamTree p) params.add(p.isTypeParameter() ? "<" + p.getName() + ">" : p.getName().toString());
                    else if (t instanceof ReturnTree) returns = true;
                    else if (t instanceof ThrowsTree th) {
                        String n = th.getExceptionName().getSignature();
                        throwz.add(n.substring(n.lastIndexOf('.') + 1));
                    }
                }
                return new Tags(params, returns, throwz);
            }
        }

        private void checkTypeParams(Tags tags, List<? extends TypeParameterTree> tps, String what, Tree at) {
            for (TypeParameterTree tp : tps) {
                if (!tags.params().contains("<" + tp.getName() + ">")) missing.add(file + ":" + line(at) + ": " + what + " has no @param for <" + tp.getName() + ">");
            }
        }

        private static boolean inInterface(TreePath path) {
            Tree parent = path.getParentPath().getLeaf();
            return parent instanceof ClassTree c
                    && (c.getKind() == Tree.Kind.INTERFACE || c.getKind() == Tree.Kind.ANNOTATION_TYPE);
        }

        /** Public or protected, counting the implicit public of interface members. */
        private static boolean visible(ModifiersTree m, TreePath path) {
            var flags = m.getFlags();
            if (flags.contains(Modifier.PRIVATE)) return false;
            return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED) || inInterface(path);
        }

        @Override public Void visitClass(ClassTree c, Void v) {
            TreePath path = getCurrentPath();
            boolean topLevel = path.getParentPath().getLeaf() instanceof CompilationUnitTree;
            if (!(topLevel ? c.getModifiers().getFlags().contains(Modifier.PUBLIC) : visible(c.getModifiers(), path))) return null;
            if (c.getSimpleName().isEmpty()) return null;  // anonymous
            if (docs.getDocComment(path) == null) {
                long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, c));
                missing.add(file + ":" + line + ": type " + c.getSimpleName());
            } else if (tags) {
                Tags t = Tags.of(docs.getDocCommentTree(path));
                String what = "type " + c.getSimpleName();
                checkTypeParams(t, c.getTypeParameters(), what, c);
                if (c.getKind() == Tree.Kind.RECORD) {
                    for (Tree m : c.getMembers()) {
                        if (m instanceof VariableTree f && !f.getModifiers().getFlags().contains(Modifier.STATIC)
                                && !t.params().contains(f.getName().toString())) {
                            missing.add(file + ":" + line(c) + ": " + what + " has no @param for component " + f.getName());
                        }
                    }
                }
            }
            boolean hasConstructor = c.getMembers().stream().anyMatch(m -> m instanceof MethodTree mt && mt.getName().contentEquals("<init>"));
            if (c.getKind() == Tree.Kind.CLASS && !hasConstructor) {
                long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, c));
                missing.add(file + ":" + line + ": the implicit constructor of " + c.getSimpleName() + " (declare it, with a comment)");
            }
            return super.visitClass(c, v);
        }

        @Override public Void visitMethod(MethodTree m, Void v) {
            TreePath path = getCurrentPath();
            if (!visible(m.getModifiers(), path)) return null;
            boolean overrides = m.getModifiers().getAnnotations().stream()
                    .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
            if (overrides) return null;
            if (docs.getDocComment(path) == null) {
                long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, m));
                String name = m.getName().contentEquals("<init>") ? "constructor" : "method " + m.getName();
                missing.add(file + ":" + line + ": " + name);
            } else if (tags) {
                Tags t = Tags.of(docs.getDocCommentTree(path));
                String what = m.getName().contentEquals("<init>") ? "constructor" : "method " + m.getName();
                checkTypeParams(t, m.getTypeParameters(), what, m);
                for (VariableTree p : m.getParameters()) {
                    if (!t.params().contains(p.getName().toString())) missing.add(file + ":" + line(m) + ": " + what + " has no @param for " + p.getName());
                }
                boolean isVoid = m.getReturnType() == null || m.getReturnType().toString().equals("void");
                if (!isVoid && !t.returns()) missing.add(file + ":" + line(m) + ": " + what + " has no @return");
                for (var ex : m.getThrows()) {
                    String n = ex.toString();
                    n = n.substring(n.lastIndexOf('.') + 1);
                    if (!t.throwz().contains(n)) missing.add(file + ":" + line(m) + ": " + what + " has no @throws for " + n);
                }
            }
            return null;  // no need to look inside bodies (local and anonymous classes are not API)
        }

        @Override public Void visitVariable(VariableTree f, Void v) {
            TreePath path = getCurrentPath();
            if (!(path.getParentPath().getLeaf() instanceof ClassTree owner)) return null;
            boolean enumConstant = owner.getKind() == Tree.Kind.ENUM
                    && f.getInitializer() instanceof com.sun.source.tree.NewClassTree nc
                    && nc.getIdentifier().toString().equals(owner.getSimpleName().toString());
            if (!enumConstant && !visible(f.getModifiers(), path)) return null;
            if (owner.getKind() == Tree.Kind.RECORD && !f.getModifiers().getFlags().contains(Modifier.STATIC)) return null;  // components
            if (docs.getDocComment(path) == null) {
                long line = unit.getLineMap().getLineNumber(docs.getSourcePositions().getStartPosition(unit, f));
                missing.add(file + ":" + line + ": " + (enumConstant ? "enum constant " : "field ") + f.getName());
            }
            return null;
        }
    }

    @Test
    void everyPublicMemberOfEveryExportedPackageHasAComment() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String pkg : exported()) missing.addAll(undocumented(pkg));
        assertTrue(missing.isEmpty(), missing.size() + " public members without a doc comment:\n" + String.join("\n", missing));
    }

    @Test
    void everyCompleteFileHasItsParamReturnAndThrowsTags() throws IOException {
        List<String> missing = new ArrayList<>();
        java.util.Map<String, List<String>> byPackage = new java.util.TreeMap<>();
        for (String entry : COMPLETE) {
            String pkg = entry.endsWith(".*") ? entry.substring(0, entry.length() - 2) : entry.substring(0, entry.lastIndexOf('.'));
            String file = entry.endsWith(".*") ? "*" : entry.substring(entry.lastIndexOf('.') + 1) + ".java";
            assertTrue(Files.exists(SOURCES.resolve(pkg.replace('.', '/')).resolve(file.equals("*") ? "package-info.java" : file)),
                    "COMPLETE names " + entry + ", which has no source file");
            byPackage.computeIfAbsent(pkg, k -> new ArrayList<>()).add(file);
        }
        for (var e : byPackage.entrySet()) {
            List<String> files = e.getValue();
            missing.addAll(untagged(e.getKey(), SOURCES.resolve(e.getKey().replace('.', '/')), f -> files.contains("*") || files.contains(f)));
        }
        assertTrue(missing.isEmpty(), missing.size() + " gaps in the comments of files listed as complete:\n" + String.join("\n", missing));
    }

    /** Whether COMPLETE covers every source file of pkg (as "pkg.*" or file by file). */
    private static boolean covered(String pkg) throws IOException {
        if (COMPLETE.contains(pkg + ".*")) return true;
        try (Stream<Path> s = Files.list(SOURCES.resolve(pkg.replace('.', '/')))) {
            return s.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".java") && !f.equals("package-info.java"))
                    .allMatch(f -> COMPLETE.contains(pkg + "." + f.substring(0, f.length() - ".java".length())));
        }
    }

    /** Once every exported package is complete, javadoc's own doclint must check it too: the root pom says so. */
    @Test
    void theJavadocRunChecksMissingTagsOnceEveryPackageIsComplete() throws IOException {
        List<String> open = new ArrayList<>();
        for (String pkg : exported()) if (!covered(pkg)) open.add(pkg);
        String pom = Files.readString(SOURCES.getParent().getParent().getParent().getParent().resolve("pom.xml"));
        if (open.isEmpty()) {
            assertFalse(pom.contains("all,-missing"), "every exported package is in COMPLETE: switch the root pom's <doclint> to all");
        }
    }

    @Test
    void theTagsCheckFindsWhatIsMissing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("package-info.java"), "/** A package. */\npackage p;\n");
        Files.writeString(dir.resolve("A.java"), """
                package p;
                /** A generic type without its type parameter's tag. */
                public class A<T> {
                    /** Complete.
                     * @param n a count */
                    public A(int n) {}
                    /** No tag for n. */
                    public A(long n) {}
                    /**
                     * Complete.
                     * @param <U> the element type
                     * @param u an element
                     * @return the count
                     * @throws java.io.IOException when reading fails
                     */
                    public <U> int complete(U u) throws java.io.IOException { return 0; }
                    /** {@return the count}
                     * @param u an element */
                    public int inlineReturn(int u) { return u; }
                    /** No return tag, no tag for U nor the throws.
                     * @param u an element */
                    public <U> int gaps(U u) throws java.io.IOException { return 0; }
                    /** Void needs no @return. */
                    public void nothing() {}
                    @Override public String toString() { return ""; }
                    private int hidden(int x) { return x; }
                    /**
                     * A record without one component's tag.
                     * @param a the first
                     */
                    public record R(int a, int b) {}
                }
                """);
        Files.writeString(dir.resolve("B.java"), "package p;\n/** Not listed as complete. */\npublic class B {\n    /** No tags. */\n    public B(int n) {}\n}\n");
        List<String> missing = untagged("p", dir, f -> f.equals("A.java"));
        assertEquals(java.util.Set.of("p/A.java:3: type A has no @param for <T>", "p/A.java:8: constructor has no @param for n",
                "p/A.java:22: method gaps has no @param for <U>", "p/A.java:22: method gaps has no @return",
                "p/A.java:22: method gaps has no @throws for IOException",
                "p/A.java:31: type R has no @param for component b"), java.util.Set.copyOf(missing));
        assertEquals(6, missing.size());
    }

    @Test
    void theCheckFindsWhatIsMissing(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("package-info.java"), "/** A package. */\npackage p;\n");
        Files.writeString(dir.resolve("A.java"), """
                package p;
                /** A documented type. */
                public class A {
                    /** Documented. */
                    public A() {}
                    public int undocumentedField;
                    private int hidden;
                    /** Documented. */
                    public void documented() {}
                    public void undocumented() {}
                    @Override public String toString() { return ""; }
                    void packagePrivate() {}
                    /** Documented. */
                    public enum E {
                        /** Documented. */
                        ONE,
                        TWO
                    }
                    /** Documented. */
                    public interface I {
                        void implicitlyPublic();
                    }
                }
                """);
        Files.writeString(dir.resolve("B.java"), "package p;\npublic class B {}\n");
        List<String> missing = undocumented("p", dir);
        assertEquals(java.util.Set.of("p/A.java:6: field undocumentedField", "p/A.java:10: method undocumented",
                "p/A.java:17: enum constant TWO", "p/A.java:21: method implicitlyPublic", "p/B.java:2: type B",
                "p/B.java:2: the implicit constructor of B (declare it, with a comment)"), java.util.Set.copyOf(missing));
        assertEquals(6, missing.size());
    }
}
