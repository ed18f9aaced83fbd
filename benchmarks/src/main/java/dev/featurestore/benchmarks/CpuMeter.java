package dev.featurestore.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * CPU time and allocation by role over a slice: Java threads grouped by name prefix, the rest of
 * the process (GC, JIT: threads the JVM does not list), and the Redis server's own CPU from {@code
 * INFO cpu}. Divided by the calls of the slice it says what one call costs whom, and so how much of
 * the shared cores the load generator itself takes. Deltas are taken thread by thread, so a thread
 * that ends mid-slice loses its last CPU rather than making a group negative.
 */
final class CpuMeter {
  /** Groups in report order; a thread belongs to the first group one of whose prefixes it has. */
  static final Map<String, List<String>> GROUPS = groups();
  static final String OTHER_JAVA = "other Java threads";
  static final String JVM_OTHER = "JVM other (GC, JIT)";
  static final String REDIS = "redis-server";
  /** Keys of allocation entries: the group name with this prefix. */
  static final String ALLOCATED = "allocated: ";

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean os =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final LongSupplier redisCpuMicros;

  CpuMeter(LongSupplier redisCpuMicros) {
    this.redisCpuMicros = redisCpuMicros;
  }

  /** A point in time: per thread id, its group, CPU and allocated bytes; process and Redis CPU. */
  record Sample(Map<Long, String> groups, Map<Long, Long> cpu, Map<Long, Long> allocated, long processCpu,
      long redisCpu) {}

  private static Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put("generator: callers", List.of(ClosedLoopRunner.THREAD_PREFIX));
    groups.put("generator: gRPC client loop", List.of(LoadGenerator.CLIENT_LOOP_PREFIX));
    groups.put("server: gRPC Netty", List.of("grpc-nio-worker", "grpc-default"));
    groups.put("server: gRPC handlers", List.of("grpc-serving"));
    groups.put("server: REST Netty", List.of("reactor-http"));
    groups.put("server: REST workers", List.of("rest-serving"));
    groups.put("server: store pool (Jedis)", List.of("online-store"));
    return groups;
  }

  Sample sample() {
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids);
    long[] cpu = threads.getThreadCpuTime(ids);
    long[] allocated = threads.getThreadAllocatedBytes(ids);
    Map<Long, String> groups = new HashMap<>();
    Map<Long, Long> cpuById = new HashMap<>();
    Map<Long, Long> allocatedById = new HashMap<>();
    for (int t = 0; t < ids.length; t++) {
      if (infos[t] != null && cpu[t] >= 0) {
        groups.put(ids[t], groupOf(infos[t].getThreadName()));
        cpuById.put(ids[t], cpu[t]);
        allocatedById.put(ids[t], Math.max(allocated[t], 0));
      }
    }
    return new Sample(groups, cpuById, allocatedById, os.getProcessCpuTime(), redisCpuMicros.getAsLong() * 1000);
  }

  /** Per group: CPU nanoseconds, and bytes allocated under {@link #ALLOCATED}{@code + group}. */
  static Map<String, Long> delta(Sample before, Sample after) {
    Map<String, Long> delta = new LinkedHashMap<>();
    GROUPS.keySet().forEach(group -> delta.put(group, 0L));
    delta.put(OTHER_JAVA, 0L);
    long javaCpu = 0;
    for (Map.Entry<Long, String> thread : after.groups().entrySet()) {
      long id = thread.getKey();
      long cpu = after.cpu().get(id) - before.cpu().getOrDefault(id, 0L);
      long allocated = after.allocated().get(id) - before.allocated().getOrDefault(id, 0L);
      javaCpu += cpu;
      delta.merge(thread.getValue(), cpu, Long::sum);
      delta.merge(ALLOCATED + thread.getValue(), allocated, Long::sum);
    }
    delta.put(JVM_OTHER, after.processCpu() - before.processCpu() - javaCpu);
    delta.put(REDIS, after.redisCpu() - before.redisCpu());
    return delta;
  }

  /** The CPU groups in report order. */
  static List<String> cpuGroups() {
    List<String> groups = new java.util.ArrayList<>(GROUPS.keySet());
    groups.add(OTHER_JAVA);
    groups.add(JVM_OTHER);
    groups.add(REDIS);
    return groups;
  }

  static String groupOf(String thread) {
    for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
      for (String prefix : group.getValue()) {
        if (thread.startsWith(prefix)) {
          return group.getKey();
        }
      }
    }
    return OTHER_JAVA;
  }
}
