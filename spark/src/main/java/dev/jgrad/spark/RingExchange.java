package dev.jgrad.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * Gradients move between the tasks directly, over TCP, around a ring (rank r sends to r + 1, rank W - 1 to 0);
 * the coordinator only carries each task's {@code host:port} (one allGather when the exchange opens), so the
 * model's size is not bounded by Spark's message size.
 *
 * <p>To keep the sum in rank order, the reduction runs down the ring as a pipeline: rank 0 sends its gradient
 * in chunks to rank 1, each rank adds its own chunk to the partial sum it receives and passes it on, and rank
 * W - 1 ends with the total ({@code ((g0 + g1) + g2) + ...}, bit for bit {@link AllGatherExchange}'s); it then
 * sends the total on round the ring (W - 1 to 0 to 1 ... to W - 2). The busiest link carries 2 x 4P bytes per
 * step for P parameters (4P for two workers), against 2 (W - 1) / W x 4P for a ring all-reduce that adds in
 * rotating order: the same for two workers, at most 1.5 times as much, the price of identical bits.
 *
 * <p>A dead or killed peer does not hang the others: its sockets close (the task's failure closes them, or its
 * process's exit does), reads wait in slices of {@code poll} and give up when the coordinator says the task is
 * interrupted or when {@code timeout} passes with no data.
 */
public final class RingExchange implements GradientExchange {
    private static final int CHUNK = 1 << 16;   // floats per message: 256 KiB, pipelined down the ring

    private final int rank, size;
    private final Coordinator coordinator;
    private final Socket toRight, fromLeft;
    private final OutputStream out;
    private final InputStream in;
    private final long timeoutNanos;
    private final byte[] buffer = new byte[CHUNK * Float.BYTES];

    private RingExchange(Coordinator coordinator, Socket toRight, Socket fromLeft, Duration timeout) throws IOException {
        this.coordinator = coordinator;
        this.rank = coordinator.rank();
        this.size = coordinator.size();
        this.toRight = toRight;
        this.fromLeft = fromLeft;
        this.out = toRight == null ? null : new BufferedOutputStream(toRight.getOutputStream(), buffer.length);
        this.in = fromLeft == null ? null : new BufferedInputStream(fromLeft.getInputStream(), buffer.length);
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Opens the ring: listens on an ephemeral port, tells the others where through {@code coordinator}, connects to
     * the right neighbour and accepts the left one. {@code timeout} bounds every wait for a peer.
     */
    public static RingExchange open(Coordinator coordinator, Duration timeout) {
        int size = coordinator.size(), rank = coordinator.rank();
        if (size == 1) {
            try {
                return new RingExchange(coordinator, null, null, timeout);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Socket right = null, left = null;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getByName(coordinator.host()), 0), 1);
            server.setSoTimeout(200);
            String[] addresses = coordinator.allGather(coordinator.host() + ":" + server.getLocalPort());
            String target = addresses[(rank + 1) % size];
            int colon = target.lastIndexOf(':');
            right = connect(coordinator, target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)), timeout);
            right.setTcpNoDelay(true);
            right.getOutputStream().write(rank);   // a one-byte handshake: who is calling
            right.getOutputStream().flush();
            left = accept(coordinator, server, timeout);
            left.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            int caller = left.getInputStream().read();
            left.setSoTimeout(200);
            int expected = (rank - 1 + size) % size;
            if (caller != (expected & 0xff)) throw new IOException("ring: rank " + rank + " expected rank " + expected + ", got " + caller);
            return new RingExchange(coordinator, right, left, timeout);
        } catch (IOException e) {
            closeQuietly(right);
            closeQuietly(left);
            throw new UncheckedIOException("ring exchange: rank " + rank + " could not connect its neighbours", e);
        }
    }

    private static Socket connect(Coordinator coordinator, String host, int port, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), 1000);
                return socket;
            } catch (IOException e) {
                socket.close();
                if (coordinator.isInterrupted() || System.nanoTime() > deadline) throw e;
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while connecting", ie);
                }
            }
        }
    }

    private static Socket accept(Coordinator coordinator, ServerSocket server, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return server.accept();
            } catch (SocketTimeoutException e) {
                if (coordinator.isInterrupted()) throw new IOException("task interrupted while waiting for its left neighbour");
                if (System.nanoTime() > deadline) throw new IOException("no left neighbour within " + timeout);
            }
        }
    }

    @Override public float[] allReduce(float[] gradient) {
        if (size == 1) return gradient.clone();
        float[] result = new float[gradient.length];
        try {
            // reduce down the chain 0 -> 1 -> ... -> W - 1, adding in rank order
            float[] partial = result;   // rank 0 never receives; the others receive into result
            for (int from = 0; from < gradient.length; from += CHUNK) {
                int to = Math.min(gradient.length, from + CHUNK);
                if (rank == 0) {
                    write(gradient, from, to);
                } else {
                    read(partial, from, to);
                    GradientExchange.addInto(partial, gradient, from, to);
                    if (rank < size - 1) write(partial, from, to);
                }
            }
            if (rank < size - 1) out.flush();
            // broadcast the total from W - 1 round the ring: W - 1 -> 0 -> 1 -> ... -> W - 2
            for (int from = 0; from < gradient.length; from += CHUNK) {
                int to = Math.min(gradient.length, from + CHUNK);
                if (rank != size - 1) read(result, from, to);
                if (rank != size - 2) write(result, from, to);
            }
            if (rank != size - 2) out.flush();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("ring exchange: rank " + rank + " lost a neighbour", e);
        }
    }

    private void write(float[] values, int from, int to) throws IOException {
        ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values, from, to - from);
        out.write(buffer, 0, (to - from) * Float.BYTES);
    }

    private void read(float[] values, int from, int to) throws IOException {
        int length = (to - from) * Float.BYTES, done = 0;
        long deadline = System.nanoTime() + timeoutNanos;
        while (done < length) {
            try {
                int n = in.read(buffer, done, length - done);
                if (n < 0) throw new EOFException("the left neighbour closed the connection");
                done += n;
                deadline = System.nanoTime() + timeoutNanos;
            } catch (SocketTimeoutException e) {
                if (coordinator.isInterrupted()) throw new IOException("task interrupted while waiting for gradients");
                if (System.nanoTime() > deadline) throw new IOException("no gradients from the left neighbour within the timeout");
            }
        }
        ByteBuffer.wrap(buffer, 0, length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values, from, to - from);
    }

    @Override public void close() {
        closeQuietly(toRight);
        closeQuietly(fromLeft);
    }

    private static void closeQuietly(Socket socket) {
        if (socket == null) return;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing on the way out of a failure: the first error is the one reported
        }
    }
}
