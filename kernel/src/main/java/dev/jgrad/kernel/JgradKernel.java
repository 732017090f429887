package dev.jgrad.kernel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;

/**
 * jgrad's Jupyter kernel: Java cells run by {@link CellEvaluator} (JShell), with the messaging (ZeroMQ sockets,
 * signed messages, execute/complete/inspect/kernel_info requests) of JJava's protocol library.
 * Run it as {@code ./jgrad kernel CONNECTION_FILE}; notebooks/install.sh registers it with Jupyter.
 */
public final class JgradKernel extends BaseKernel {
    private final CellEvaluator evaluator;

    /** A kernel whose cells compile against {@code classPath}; it is not connected to anything yet. */
    public JgradKernel(String classPath) {
        super("jgrad", version(),
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java", "java", null),
                List.of(), null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                null, new MagicsRegistry(), false,
                new StringStyler.Builder().addPrimaryStyle(TextColor.BOLD_RESET_FG).addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG).build());
        this.evaluator = new CellEvaluator(classPath);
        Notebook.setSink(value -> display(Displays.of(value)));
    }

    /** The kernel jar's version (its manifest's Implementation-Version), or "dev" when run from classes. */
    static String version() {
        String v = JgradKernel.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    /** The JShell behind the cells. */
    public CellEvaluator evaluator() { return evaluator; }

    @Override
    public Object evalRaw(String code) {
        return evaluator.eval(code);
    }

    @Override
    public DisplayData eval(String code) {
        Object value = evalRaw(code);
        return value == null ? null : Displays.of(value);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = evaluator.inspect(code, at);
        return doc.isEmpty() ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellEvaluator.Completion c = evaluator.complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        return switch (evaluator.isComplete(code)) {
            case "complete" -> IS_COMPLETE_YES;
            case "invalid" -> IS_COMPLETE_BAD;
            default -> "";  // incomplete: the next line starts without indentation
        };
    }

    /** The traceback Jupyter shows: "Name: message" and the frames of the cell's code (JShell's and reflection's cut off). */
    @Override
    public List<String> formatError(Throwable e) {
        List<String> lines = new ArrayList<>();
        if (e instanceof CompilationException) {
            lines.add(errorStyler.secondary("CompilationException:"));
            lines.addAll(e.getMessage().lines().toList());
            return lines;
        }
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        for (String line : trace.toString().lines().toList()) {
            if (line.contains("jdk.internal.reflect") || line.contains("java.lang.reflect.Method.invoke")) break;
            lines.add(line);
        }
        if (!lines.isEmpty()) lines.set(0, errorStyler.secondary(lines.get(0)));
        return lines;
    }

    /** As BaseKernel's, with the "status": "ok" that protocol 5 requires and jjava-jupyter 1.0-a6 leaves out. */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoReplyOk(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    /** kernel_info_reply with its status field. */
    static final class KernelInfoReplyOk extends KernelInfoReply {
        @SuppressWarnings("unused")  // read by Gson, which writes the message
        private final String status = "ok";

        KernelInfoReplyOk(String protocolVersion, String name, String version, LanguageInfo info, String banner, List<HelpLink> links) {
            super(protocolVersion, name, version, info, banner, links);
        }
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        evaluator.close();
        super.onShutdown(isRestarting);
    }

    /** Starts the kernel on the sockets that Jupyter's connection file (args[0]) names, until Jupyter shuts it down. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: JgradKernel CONNECTION_FILE (Jupyter passes it; see notebooks/install.sh)");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JupyterConnection connection = new JupyterConnection(properties);
        JgradKernel kernel = new JgradKernel(System.getProperty("java.class.path"));
        kernel.onStartup();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }
}
