package dev.openuapi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP forwarder that a test can cut and restore, to play a database that goes away: cutting
 * closes every forwarded connection and stops listening, so new connections are refused at once.
 * Stalling plays a database that stops answering but keeps its connections (packets dropped, nobody
 * closes anything): every connection stays open and new ones are accepted, but no byte goes through in
 * either direction until {@link #resume()}.
 */
public final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;
    private final Object gate = new Object();
    private boolean stalled;

    public TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        restore();
    }

    public int port() {
        return port;
    }

    public synchronized void restore() throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket listening = new ServerSocket();
        listening.setReuseAddress(true);
        listening.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = listening;
        Thread acceptor = new Thread(() -> accept(listening), "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public synchronized void cut() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    /** Stops forwarding in both directions, keeping every connection open and still accepting new ones. */
    public void stall() {
        synchronized (gate) {
            stalled = true;
        }
    }

    /** Forwards again, starting with what was held back while stalled. */
    public void resume() {
        synchronized (gate) {
            stalled = false;
            gate.notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        resume();
        cut();
    }

    /** Waits while the proxy is stalled; false once {@code socket} was closed meanwhile. */
    private boolean passable(Socket socket) throws InterruptedException {
        synchronized (gate) {
            while (stalled && !socket.isClosed()) {
                gate.wait(100);
            }
        }
        return !socket.isClosed();
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                return; // cut
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0 && passable(to)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }
}
