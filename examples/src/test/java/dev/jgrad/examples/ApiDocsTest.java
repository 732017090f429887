package dev.jgrad.examples;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 */
class ApiDocsTest {
    private static final Path SOURCES = Path.of("").toAbsolutePath().getParent().resolve("library/src/main/java");

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
                new Scanner(unit, docs, pkg + "/" + file, missing).scan(unit, null);
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

        Scanner(CompilationUnitTree unit, DocTrees docs, String file, List<String> missing) {
            this.unit = unit;
            this.docs = docs;
            this.file = file;
            this.missing = missing;
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
