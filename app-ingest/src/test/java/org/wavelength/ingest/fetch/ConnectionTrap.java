package org.wavelength.ingest.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The safety net of the address guard tests: a listening socket on loopback that counts and drops
 * every connection, and a proxy selector that sends every request to it except those for one
 * allowed loopback server. Whatever a broken guard lets through ends up here instead of on the
 * network, so a test can never connect anywhere but loopback, and can assert that nothing tried.
 */
final class ConnectionTrap implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;

    ConnectionTrap() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket connection = socket.accept();
                    connections.incrementAndGet();
                    connection.close();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "connection-trap");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int connections() {
        return connections.get();
    }

    /** Direct connections only to {@code allowed} (its address and port); everything else goes to the trap. */
    ProxySelector onlyDirectTo(LoopbackServer allowed) {
        Proxy trap = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort()));
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                boolean direct = allowed.address().equals(uri.getHost()) && uri.getPort() == allowed.port();
                return List.of(direct ? Proxy.NO_PROXY : trap);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            }
        };
    }

    /**
     * Direct connections to any host on {@code port}, everything else to the trap: for names that the
     * fetcher's own resolver turns into loopback addresses, which must be connected to directly.
     */
    ProxySelector onlyDirectToPort(int port) {
        Proxy trap = new Proxy(Proxy.Type.HTTP, new InetSocketAddress(socket.getInetAddress(), socket.getLocalPort()));
        return new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                return List.of(uri.getPort() == port ? Proxy.NO_PROXY : trap);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            }
        };
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
