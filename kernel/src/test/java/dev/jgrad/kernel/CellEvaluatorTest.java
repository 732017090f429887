package dev.jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgrad.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The kernel's JShell driven directly, without Jupyter: values, state, output, errors, completion. */
class CellEvaluatorTest {
    static CellEvaluator cells;

    @BeforeAll
    static void start() {
        cells = new CellEvaluator(System.getProperty("java.class.path"));
    }

    @AfterAll
    static void stop() {
        cells.close();
    }

    @Test
    void lastExpressionIsTheCellsValueAndTheObjectItself() {
        Object value = cells.eval("var a = arange(4.0);\nvar b = a.mul(2);\nb.add(1)");
        Tensor t = assertInstanceOf(Tensor.class, value);  // the object, not its text: the same Tensor class
        assertEquals("tensor([1., 3., 5., 7.])", t.toString());
    }

    @Test
    void aClosingSemicolonHidesTheValue() {
        assertNull(cells.eval("manualSeed(0);"));
        assertEquals("tensor([1.])", cells.eval("ones(1)").toString());
    }

    @Test
    void declarationsStatementsAndAssignmentsShowNothing() {
        assertNull(cells.eval("var quiet = ones(2);"));
        assertNull(cells.eval("quiet = quiet.add(1);"));
        assertNull(cells.eval("for (int i = 0; i < 2; i++) { quiet.add_(1); }"));
        assertEquals("tensor([4., 4.])", cells.eval("quiet").toString());
    }

    @Test
    void stateIsKeptAcrossCells() {
        cells.eval("int twice(int x) { return 2 * x; }");
        cells.eval("class Box { int v = 21; }");
        assertEquals(42, cells.eval("twice(new Box().v)"));
    }

    @Test
    void cellsRunOnOneThreadSoGradModeCarriesOver() {
        // grad mode is per thread, as in PyTorch: a notebook that switches it off in one cell expects the next
        // cell to run without recording, so the kernel runs every snippet on the thread that evaluates cells
        cells.eval("setGradEnabled(false);");
        try {
            assertEquals(false, cells.eval("ones(1).requiresGrad_(true).mul(2).requiresGrad()"));
        } finally {
            cells.eval("setGradEnabled(true);");
        }
        assertEquals(true, cells.eval("ones(1).requiresGrad_(true).mul(2).requiresGrad()"));
    }

    @Test
    void startupImportsMakeModuleJgradsAndTorchStatic() {
        assertEquals("dev.jgrad.nn.Module", cells.eval("Module.class.getName()"));
        assertEquals("dev.jgrad.autograd.Function", cells.eval("Function.class.getName()"));
        assertEquals("dev.jgrad.nn.Linear", cells.eval("Linear.class.getName()"));
        assertEquals("tensor([0., 0.])", cells.eval("zeros(2)").toString());  // static import of Torch
        assertEquals(3, cells.eval("new ArrayList<>(List.of(1, 2, 3)).size()"));  // JShell's DEFAULT imports
    }

    @Test
    void printedOutputGoesToSystemOut() {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            cells.eval("System.out.println(tensor(1.0, 2.0));");
        } finally {
            System.setOut(old);
        }
        assertEquals("tensor([1., 2.])" + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jgradsExceptionArrivesItselfWithPyTorchsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> cells.eval("ones(2, 3).matmul(ones(2, 3))"));
        assertEquals("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", e.getMessage());
    }

    @Test
    void aThrownCheckedExceptionKeepsItsClass() {
        Throwable e = assertThrows(Throwable.class, () -> cells.eval("throw new java.io.IOException(\"disk\");"));
        assertInstanceOf(java.io.IOException.class, e);
        assertEquals("disk", e.getMessage());
    }

    @Test
    void compileErrorsReportJavacsMessageAndTheSnippetsBeforeRan() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> cells.eval("int before = 5;\nint y = noSuchName + 1;"));
        assertTrue(e.getMessage().startsWith("cannot find symbol"), e.getMessage());
        assertTrue(e.getMessage().contains("int y = noSuchName + 1;"), e.getMessage());
        assertEquals(5, cells.eval("before"));
    }

    @Test
    void cellsAreCutIntoSnippets() {
        assertEquals(java.util.List.of("int p = 1;", "int q = 2;", "p + q"), cells.snippets("int p = 1;\nint q = 2;\np + q"));
    }

    @Test
    void completionSuggestsJgradNamesInTheSnippetUnderTheCursor() {
        String cell = "int unused = 0;\nmanualSe";
        CellEvaluator.Completion c = cells.complete(cell, cell.length());
        assertEquals(java.util.List.of("manualSeed("), c.matches());
        assertEquals(cell.length() - "manualSe".length(), c.start());
        assertEquals(cell.length(), c.end());

        cells.eval("var comp = ones(2);");  // completion knows the variables of cells that ran
        String member = "comp.requiresG";
        CellEvaluator.Completion m = cells.complete(member, member.length());
        assertTrue(m.matches().contains("requiresGrad()"), m.matches().toString());
        assertTrue(m.matches().contains("requiresGrad_("), m.matches().toString());
    }

    @Test
    void inspectionShowsSignatures() {
        String doc = cells.inspect("zeros(", "zeros(".length());
        assertTrue(doc.contains("zeros("), doc);
    }

    @Test
    void completenessForConsoles() {
        assertEquals("complete", cells.isComplete("int x = 1;"));
        assertEquals("complete", cells.isComplete("1 + 1"));
        assertEquals("incomplete", cells.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("invalid", cells.isComplete("int x = ;)"));
    }
}
