package dev.featurestore.onlineserver.serving;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The daemon pools the miss policies run their offline reads and online writes on. */
final class MissExecutors {
  private MissExecutors() {}

  static ThreadPoolExecutor pool(String name, int threads, BlockingQueue<Runnable> queue) {
    AtomicInteger counter = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, queue, runnable -> {
      Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
