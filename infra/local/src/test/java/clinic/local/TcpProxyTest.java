package clinic.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TcpProxyTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** A backend that answers each connection with its name, then echoes what it gets until the client is done. */
    private Backend backend(String name) throws IOException {
        Backend b = new Backend(name, new ServerSocket(0));
        open.add(b);
        b.acceptor.start();
        return b;
    }

    private static final class Backend implements AutoCloseable {
        private final String name;
        private final ServerSocket server;
        private final Thread acceptor;

        Backend(String name, ServerSocket server) {
            this.name = name;
            this.server = server;
            this.acceptor = new Thread(this::acceptLoop, "backend-" + name);
            acceptor.setDaemon(true);
        }

        int port() {
            return server.getLocalPort();
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread t = new Thread(() -> {
                        try (s) {
                            OutputStream out = s.getOutputStream();
                            out.write((name + "\n").getBytes(StandardCharsets.UTF_8));
                            out.flush();
                            s.getInputStream().transferTo(out);
                        } catch (IOException ignored) {
                            // client gone
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }

        /**
         * Closes the listening socket and waits for the accepting thread to leave {@code accept}. The JDK only signals
         * a thread blocked in {@code accept} on close; until that thread returns, the kernel's listening socket lives
         * on and still takes connections (a CI run saw the proxy reach a backend closed a moment before).
         */
        @Override
        public void close() throws IOException {
            server.close();
            try {
                acceptor.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private TcpProxy proxy(List<Integer> ports) {
        TcpProxy proxy = TcpProxy.start("test", 0, ports);
        open.add(proxy);
        return proxy;
    }

    /** Connects through the proxy, sends {@code send}, half-closes, and reads everything until the end. */
    private static String exchange(TcpProxy proxy, byte[] send) throws IOException {
        try (Socket s = new Socket("127.0.0.1", proxy.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(send);
            out.flush();
            s.shutdownOutput();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            s.getInputStream().transferTo(got);
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static String firstLine(String answer) {
        return answer.substring(0, answer.indexOf('\n'));
    }

    @Test
    void newConnectionsGoToTheBackendsInTurn() throws Exception {
        Backend a = backend("a");
        Backend b = backend("b");
        TcpProxy proxy = proxy(List.of(a.port(), b.port()));
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            served.add(firstLine(exchange(proxy, "hi".getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(served).containsExactly("a", "b", "a", "b", "a", "b");
    }

    @Test
    void aBackendThatIsDownIsSkippedAndNoBackendAtAllClosesTheConnection() throws Exception {
        Backend a = backend("a");
        Backend b = backend("b");
        int dead;
        try (ServerSocket gone = new ServerSocket(0)) {
            dead = gone.getLocalPort();
        }
        TcpProxy proxy = proxy(List.of(a.port(), dead, b.port()));
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            served.add(firstLine(exchange(proxy, new byte[0])));
        }
        assertThat(served).doesNotContain("").containsOnly("a", "b");
        assertThat(served.stream().filter("a"::equals).count()).isGreaterThanOrEqualTo(2);
        assertThat(served.stream().filter("b"::equals).count()).isGreaterThanOrEqualTo(2);

        a.close();
        b.close();
        assertThat(exchange(proxy, "anyone?".getBytes(StandardCharsets.UTF_8)))
                .as("nothing to forward to: closed at once")
                .isEmpty();
        assertThat(proxy.refused()).isEqualTo(1);
    }

    @Test
    void bytesGoBothWaysUnchangedAndAHalfCloseIsPassedOn() throws Exception {
        Backend a = backend("a");
        TcpProxy proxy = proxy(List.of(a.port()));
        byte[] payload = new byte[3 * 1024 * 1024];
        new Random(17).nextBytes(payload);
        String answer = exchange(proxy, payload);
        // The backend's greeting, then the echo of every byte; the echo ends only because the client's half-close
        // reached the backend, which then closed its side, which reached the client.
        assertThat(firstLine(answer)).isEqualTo("a");
        byte[] echoed = answer.substring(2).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(echoed).isEqualTo(payload);
    }

    @Test
    void aClosedProxyRefusesConnectionsAtOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            TcpProxy proxy = TcpProxy.start("test", 0, List.of(backend("a").port()));
            int port = proxy.port();
            proxy.close();
            try (Socket s = new Socket()) {
                assertThatThrownBy(() -> s.connect(new InetSocketAddress("127.0.0.1", port), 1_000))
                        .as("connect to a proxy that was closed")
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void aConversationStaysWithItsBackend() throws Exception {
        Backend a = backend("a");
        Backend b = backend("b");
        TcpProxy proxy = proxy(List.of(a.port(), b.port()));
        try (Socket s = new Socket("127.0.0.1", proxy.port())) {
            s.setSoTimeout(10_000);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            String who = readLine(in);
            for (int i = 0; i < 5; i++) {
                out.write(("ping " + i + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(readLine(in)).isEqualTo("ping " + i);
            }
            assertThat(who).isIn("a", "b");
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.write(c);
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
