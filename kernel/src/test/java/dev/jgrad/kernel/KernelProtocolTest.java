package dev.jgrad.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * The kernel over real ZeroMQ sockets on the loopback interface, as Jupyter talks to it: messages framed and
 * HMAC-SHA256 signed by this test itself (from the protocol's definition, not with jjava-jupyter's code),
 * replies checked for their content and their signature.
 */
class KernelProtocolTest {
    static final String KEY = "a-test-key";
    static JupyterConnection connection;
    static ZContext zmq;
    static ZMQ.Socket shell;
    static ZMQ.Socket iopub;

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        int control = freePort(), shellPort = freePort(), stdin = freePort(), hb = freePort(), iopubPort = freePort();
        connection = new JupyterConnection(new KernelConnectionProperties(
                "127.0.0.1", control, shellPort, stdin, hb, iopubPort, "tcp", "hmac-sha256", KEY));
        JgradKernel kernel = new JgradKernel(System.getProperty("java.class.path"));
        kernel.becomeHandlerForConnection(connection);
        connection.connect();

        zmq = new ZContext();
        shell = zmq.createSocket(SocketType.DEALER);
        shell.setReceiveTimeOut(60_000);
        shell.connect("tcp://127.0.0.1:" + shellPort);
        iopub = zmq.createSocket(SocketType.SUB);
        iopub.subscribe(new byte[0]);
        iopub.setReceiveTimeOut(60_000);
        iopub.connect("tcp://127.0.0.1:" + iopubPort);
        Thread.sleep(300);  // let the subscription reach the kernel before it publishes
    }

    @AfterAll
    static void stop() {
        zmq.close();
        connection.close();
    }

    static String sign(String... parts) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (String p : parts) mac.update(p.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Sends a signed request on the shell socket; returns its message id. */
    static String send(String type, JsonObject content) throws Exception {
        String id = UUID.randomUUID().toString();
        JsonObject header = new JsonObject();
        header.addProperty("msg_id", id);
        header.addProperty("session", "test-session");
        header.addProperty("username", "test");
        header.addProperty("date", "2026-01-01T00:00:00.000000Z");
        header.addProperty("msg_type", type);
        header.addProperty("version", "5.3");
        String h = header.toString(), parent = "{}", meta = "{}", c = content.toString();
        shell.sendMore("<IDS|MSG>");
        shell.sendMore(sign(h, parent, meta, c));
        shell.sendMore(h);
        shell.sendMore(parent);
        shell.sendMore(meta);
        shell.send(c);
        return id;
    }

    /** A received message: header, parent header and content, its signature checked. */
    record Received(JsonObject header, JsonObject parent, JsonObject content) {
        String type() { return header.get("msg_type").getAsString(); }
    }

    static Received receive(ZMQ.Socket socket) throws Exception {
        List<String> frames = new ArrayList<>();
        do {
            byte[] frame = socket.recv();
            if (frame == null) throw new AssertionError("no message within the timeout");
            frames.add(new String(frame, StandardCharsets.UTF_8));
        } while (socket.hasReceiveMore());
        int delimiter = frames.indexOf("<IDS|MSG>");
        List<String> parts = frames.subList(delimiter + 1, frames.size());
        assertEquals(sign(parts.get(1), parts.get(2), parts.get(3), parts.get(4)), parts.get(0), "reply signature");
        return new Received(JsonParser.parseString(parts.get(1)).getAsJsonObject(),
                JsonParser.parseString(parts.get(2)).getAsJsonObject(), JsonParser.parseString(parts.get(4)).getAsJsonObject());
    }

    /** The shell reply to request {@code id}. */
    static Received reply(String id) throws Exception {
        Received r = receive(shell);
        assertEquals(id, r.parent().get("msg_id").getAsString());
        return r;
    }

    /** The IOPub messages for request {@code id} up to its "idle" status. */
    static List<Received> published(String id) throws Exception {
        List<Received> messages = new ArrayList<>();
        while (true) {
            Received r = receive(iopub);
            if (!r.parent().has("msg_id") || !r.parent().get("msg_id").getAsString().equals(id)) continue;
            if (r.type().equals("status") && r.content().get("execution_state").getAsString().equals("idle")) return messages;
            messages.add(r);
        }
    }

    static JsonObject execute(String code) {
        JsonObject content = new JsonObject();
        content.addProperty("code", code);
        content.addProperty("silent", false);
        content.addProperty("store_history", true);
        content.add("user_expressions", new JsonObject());
        content.addProperty("allow_stdin", false);
        content.addProperty("stop_on_error", true);
        return content;
    }

    @Test
    void kernelInfoNamesJavaAndJgrad() throws Exception {
        String id = send("kernel_info_request", new JsonObject());
        Received r = reply(id);
        assertEquals("kernel_info_reply", r.type());
        assertEquals("ok", r.content().get("status").getAsString());
        assertEquals("jgrad", r.content().get("implementation").getAsString());
        assertEquals("java", r.content().getAsJsonObject("language_info").get("name").getAsString());
        assertTrue(r.content().get("protocol_version").getAsString().startsWith("5."));
    }

    @Test
    void executeShowsTheTensorAndPrintsOutput() throws Exception {
        String id = send("execute_request", execute("var t = arange(3.0);\nSystem.out.println(\"hello\");\nt.mul(2)"));
        Received r = reply(id);
        assertEquals("ok", r.content().get("status").getAsString());
        List<Received> out = published(id);
        String stdout = out.stream().filter(m -> m.type().equals("stream"))
                .map(m -> m.content().get("text").getAsString()).reduce("", String::concat);
        assertEquals("hello\n", stdout);
        Received result = out.stream().filter(m -> m.type().equals("execute_result")).findFirst().orElseThrow();
        assertEquals("tensor([0., 2., 4.])", result.content().getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void anExceptionIsAnErrorReplyWithItsClassAndMessage() throws Exception {
        String id = send("execute_request", execute("ones(2, 3).matmul(ones(2, 3))"));
        Received r = reply(id);
        assertEquals("error", r.content().get("status").getAsString());
        assertEquals("IllegalArgumentException", r.content().get("ename").getAsString());
        assertEquals("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", r.content().get("evalue").getAsString());
        Received error = published(id).stream().filter(m -> m.type().equals("error")).findFirst().orElseThrow();
        assertEquals("IllegalArgumentException", error.content().get("ename").getAsString());
    }

    @Test
    void completionReplacesThePrefix() throws Exception {
        JsonObject content = new JsonObject();
        content.addProperty("code", "manualSe");
        content.addProperty("cursor_pos", 8);
        String id = send("complete_request", content);
        Received r = reply(id);
        assertEquals("ok", r.content().get("status").getAsString());
        JsonArray matches = r.content().getAsJsonArray("matches");
        assertEquals(1, matches.size());
        assertEquals("manualSeed(", matches.get(0).getAsString());
        assertEquals(0, r.content().get("cursor_start").getAsInt());
        assertEquals(8, r.content().get("cursor_end").getAsInt());
    }
}
