package io.precursor.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import org.apache.kafka.server.ServerSocketFactory;

/**
 * Hands the controller listener a loopback socket bound before the node is configured, so the
 * quorum can name the controller's port without racing another process for it.
 */
final class PreboundControllerSocket implements ServerSocketFactory, AutoCloseable {

  private final ServerSocketChannel channel;
  private boolean handedOver;

  private PreboundControllerSocket(ServerSocketChannel channel) {
    this.channel = channel;
  }

  /** Binds a free port on {@value SingleNodeKraftConfig#LOOPBACK_HOST}. */
  static PreboundControllerSocket bind() throws IOException {
    // Opened through Kafka's own factory so the channel is configured as its socket server expects.
    return new PreboundControllerSocket(
        ServerSocketFactory.INSTANCE.openServerSocket(
            SingleNodeKraftConfig.CONTROLLER_LISTENER,
            new InetSocketAddress(SingleNodeKraftConfig.LOOPBACK_HOST, 0),
            -1,
            -1));
  }

  int port() {
    return channel.socket().getLocalPort();
  }

  @Override
  public synchronized ServerSocketChannel openServerSocket(
      String listenerName, InetSocketAddress address, int listenBacklogSize, int recvBufferSize)
      throws IOException {
    if (SingleNodeKraftConfig.CONTROLLER_LISTENER.equals(listenerName) && !handedOver) {
      handedOver = true;
      return channel;
    }
    return ServerSocketFactory.INSTANCE.openServerSocket(
        listenerName, address, listenBacklogSize, recvBufferSize);
  }

  /** Releases the port if the controller never took it; once taken, its socket server owns it. */
  @Override
  public synchronized void close() throws IOException {
    if (!handedOver) {
      channel.close();
    }
  }
}
