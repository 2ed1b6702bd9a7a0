package io.precursor.launcher;

import java.util.concurrent.CountDownLatch;

/** Waits for SIGTERM/SIGINT (or the end of the JVM) and then closes what it guards, once. */
final class Shutdown {

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);

  /** Registers the hook that closes {@code resource} when the JVM is asked to stop. */
  static Shutdown closing(AutoCloseable resource) {
    Shutdown shutdown = new Shutdown();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  shutdown.requested.countDown();
                  try {
                    resource.close();
                  } catch (Exception e) {
                    System.err.println("precursor: error while stopping: " + e);
                  } finally {
                    shutdown.done.countDown();
                  }
                },
                "precursor-shutdown"));
    return shutdown;
  }

  /** Waits up to {@code timeout} for a stop request; true once one came (and was carried out). */
  boolean awaitRequested(java.time.Duration timeout) throws InterruptedException {
    if (requested.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      done.await();
      return true;
    }
    return false;
  }

  /** Blocks until a stop was requested. */
  void await() throws InterruptedException {
    requested.await();
    done.await();
  }
}
