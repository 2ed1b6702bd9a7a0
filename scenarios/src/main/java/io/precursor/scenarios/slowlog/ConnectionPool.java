package io.precursor.scenarios.slowlog;

import java.util.List;
import java.util.Random;

/** An application's pool of MySQL connections: one user, a few client hosts, a range of ids. */
public record ConnectionPool(String user, List<String> ips, long firstThreadId, int size) {

  public ConnectionPool {
    ips = List.copyOf(ips);
    if (ips.isEmpty() || size < 1) {
      throw new IllegalArgumentException("a pool needs at least one host and one connection");
    }
  }

  public ClientSession pick(Random random) {
    int connection = random.nextInt(size);
    return new ClientSession(user, ips.get(connection % ips.size()), firstThreadId + connection);
  }
}
