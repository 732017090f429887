package dev.jgrad.kernel;

import java.lang.reflect.Method;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import java.util.Map;

/**
 * Runs snippets in the kernel's own JVM (as JShell's "local" engine does) and keeps the last snippet's value
 * and exception as objects. JShell itself only reports a value's {@code toString()} and an exception's class
 * name and message; the kernel needs the objects: a tensor to show, a chart to draw as a PNG, an exception
 * to report with its own class.
 */
final class CapturingExecutionControl extends DirectExecutionControl {
    private Object lastValue;
    private Throwable lastThrowable;

    /** Forgets the previous snippet's value and exception; call before evaluating a snippet. */
    void clear() {
        lastValue = null;
        lastThrowable = null;
    }

    Object lastValue() { return lastValue; }

    Throwable lastThrowable() { return lastThrowable; }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value = doitMethod.invoke(null);  // an exception arrives at throwConvertedInvocationException
        lastValue = value;
        return valueString(value);
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        lastThrowable = cause;
        return super.throwConvertedInvocationException(cause);
    }

    /** Hands one prepared control to {@code JShell.builder().executionEngine}. */
    static ExecutionControlProvider provider(CapturingExecutionControl control) {
        return new ExecutionControlProvider() {
            @Override public String name() { return "jgrad-capturing"; }

            @Override public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }
}
