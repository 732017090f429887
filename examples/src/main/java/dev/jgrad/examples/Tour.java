package dev.jgrad.examples;

/** The main demo: runs the tutorials' examples one after another. */
public final class Tour {
    private Tour() {}

    public static void main(String[] args) {
        System.out.println("# jgrad tour: PyTorch's programming model in Java");
        TensorsTutorial.main(args);
        TensorOpsTour.main(args);
        AutogradTutorial.main(args);
        PracticeAnswers.main(args);
    }
}
