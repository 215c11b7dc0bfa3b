package clinic.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small TCP round-robin proxy on loopback: the public port of a service started with several instances ({@code
 * ./clinic run --replicas N}). Each accepted connection goes to the next instance that accepts a connection (one that
 * is down or still starting is skipped), and its bytes are copied both ways until both sides are done; an end of
 * stream on one side is passed on as a half-close to the other, an error closes both. HTTP keep-alive connections
 * stay with their instance, as behind any layer-4 balancer; new connections rotate.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final String name;
    private final ServerSocket server;
    private final List<InetSocketAddress> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();
    private final ExecutorService threads;
    private volatile Future<?> accepting;
    private volatile boolean open = true;

    private TcpProxy(String name, ServerSocket server, List<InetSocketAddress> backends) {
        this.name = name;
        this.server = server;
        this.backends = List.copyOf(backends);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-proxy");
            t.setDaemon(true);
            return t;
        });
    }

    /** Listens on {@code 127.0.0.1:port} (0: a free port) and forwards to the backends on loopback, in turn. */
    public static TcpProxy start(String name, int port, List<Integer> backendPorts) {
        if (backendPorts.isEmpty()) {
            throw new IllegalArgumentException("a proxy needs at least one backend");
        }
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", port), 200);
            TcpProxy proxy = new TcpProxy(
                    name,
                    server,
                    backendPorts.stream()
                            .map(p -> new InetSocketAddress("127.0.0.1", p))
                            .toList());
            proxy.accepting = proxy.threads.submit(proxy::acceptLoop);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not listen on port " + port + " for " + name + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<InetSocketAddress> backends() {
        return backends;
    }

    /** Connections closed at once because no instance accepted them. */
    public long refused() {
        return refused.get();
    }

    private void acceptLoop() {
        while (open) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (open) {
                    continue;
                }
                return;
            }
            threads.execute(() -> serve(client));
        }
    }

    private void serve(Socket client) {
        Socket backend = connectNext();
        if (backend == null) {
            refused.incrementAndGet();
            closeQuietly(client);
            return;
        }
        try {
            client.setTcpNoDelay(true);
            backend.setTcpNoDelay(true);
        } catch (SocketException ignored) {
            // only a latency hint
        }
        Pipe toBackend = new Pipe(client, backend);
        Pipe toClient = new Pipe(backend, client);
        toBackend.other = toClient;
        toClient.other = toBackend;
        threads.execute(toBackend);
        toClient.run();
    }

    /** The next backend in turn that accepts a connection, trying each at most once; null if none does. */
    private Socket connectNext() {
        int start = Math.floorMod(next.getAndIncrement(), backends.size());
        for (int i = 0; i < backends.size(); i++) {
            InetSocketAddress address = backends.get((start + i) % backends.size());
            Socket socket = new Socket();
            try {
                socket.connect(address, CONNECT_TIMEOUT_MILLIS);
                return socket;
            } catch (IOException down) {
                closeQuietly(socket);
            }
        }
        return null;
    }

    /** Copies one direction; at its end of stream half-closes the other side, on an error closes both. */
    private static final class Pipe implements Runnable {
        private final Socket from;
        private final Socket to;
        private volatile boolean done;
        Pipe other;

        Pipe(Socket from, Socket to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
                to.shutdownOutput();
                done = true;
                if (other.done) {
                    closeBoth();
                }
            } catch (IOException e) {
                closeBoth();
            }
        }

        private void closeBoth() {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    /**
     * Stops listening; when this returns, the port refuses connections. Closing a socket that a thread is blocked on in
     * {@code accept} only signals that thread, and the kernel's socket keeps taking connections until it has left
     * {@code accept}, so this waits for the accept loop to end.
     */
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            accepting.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException ignored) {
            // the loop ended badly or is stuck; the connections are closed below either way
        }
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return name + " :" + port() + " -> "
                + backends.stream().map(a -> ":" + a.getPort()).toList();
    }
}
