package dev.featurestore.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The load generator's command line.
 *
 * @param redis an existing Redis ("host:port") instead of a private one
 * @param out where the markdown report goes, if anywhere
 * @param entities how many entities the dataset holds
 * @param warmup time each mode runs, unmeasured, before a scenario's rounds (twice that in the
 *     warm-up of every mode and shape before the first scenario)
 * @param slice time of one measured slice of one mode
 * @param rounds slices per mode per scenario; modes alternate slice by slice
 * @param interleave time of a scenario's run alternating modes request by request
 * @param saturationCallers closed-loop callers of the throughput scenario
 * @param jfr where to write a JFR recording of the measured run, if anywhere
 * @param externalGrpc another server's gRPC address ("host:port", e.g. Feast's Java feature server)
 *     reading the same Redis: the run then compares it with ours instead of the usual scenarios
 * @param oursGrpc with {@code --external-grpc}: our server's gRPC address when it runs in its own
 *     process (started with {@code featurestore serve}) rather than in the load generator's
 * @param writeRegistry where to write the dataset's Feast file registry (registry.db); with it the
 *     run only writes that file and the dataset (to {@code --redis}) and exits, so the external
 *     server can be started on them before the measuring run
 */
record LoadOptions(
    Optional<String> redis,
    Optional<Path> out,
    int entities,
    Duration warmup,
    Duration slice,
    int rounds,
    Duration interleave,
    int saturationCallers,
    Optional<Path> jfr,
    Optional<String> externalGrpc,
    Optional<String> oursGrpc,
    Optional<Path> writeRegistry) {

  static final String USAGE = """
      usage: LoadGenerator [--quick] [--redis host:port] [--out report.md] [--entities N]
                           [--rounds R] [--slice-ms MS] [--warmup-ms MS] [--interleave-ms MS]
                           [--saturation-callers C] [--jfr recording.jfr]
                           [--write-registry registry.db] [--external-grpc host:port [--ours-grpc host:port]]
        defaults: 10000 entities; warm-up: every mode and shape for 2 x 1500 ms; per scenario
                  1500 ms warm-up per mode, 8 rounds of 500 ms slices per mode (throughput, CPU),
                  16000 ms alternating modes call by call (latencies); 16 saturation callers
        --quick:  1000 entities, 300 ms warm-ups, 2 rounds of 150 ms, 400 ms interleaved
        --write-registry: write the dataset to --redis and its Feast file registry to the path, then exit
        --external-grpc:  compare our server with the gRPC server there (same --redis, same dataset):
                  1x10 and 100x50 with 1 and 4 callers, each server in its own slices
        --ours-grpc:      our server at this address (another process) instead of the in-process one""";

  static LoadOptions parse(String... args) {
    Optional<String> redis = Optional.empty();
    Optional<Path> out = Optional.empty();
    Optional<Path> jfr = Optional.empty();
    Optional<String> externalGrpc = Optional.empty();
    Optional<String> oursGrpc = Optional.empty();
    Optional<Path> writeRegistry = Optional.empty();
    int entities = 10_000;
    long warmupMs = 1500;
    long sliceMs = 500;
    int rounds = 8;
    long interleaveMs = 16_000;
    int saturation = 16;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--quick" -> {
          warmupMs = 300;
          sliceMs = 150;
          rounds = 2;
          interleaveMs = 400;
          entities = Math.min(entities, 1000);
        }
        case "--redis" -> redis = Optional.of(value(args, ++i, arg));
        case "--out" -> out = Optional.of(Path.of(value(args, ++i, arg)));
        case "--jfr" -> jfr = Optional.of(Path.of(value(args, ++i, arg)));
        case "--external-grpc" -> externalGrpc = Optional.of(value(args, ++i, arg));
        case "--ours-grpc" -> oursGrpc = Optional.of(value(args, ++i, arg));
        case "--write-registry" -> writeRegistry = Optional.of(Path.of(value(args, ++i, arg)));
        case "--entities" -> entities = positive(args, ++i, arg);
        case "--rounds" -> rounds = positive(args, ++i, arg);
        case "--slice-ms" -> sliceMs = positive(args, ++i, arg);
        case "--warmup-ms" -> warmupMs = positive(args, ++i, arg);
        case "--interleave-ms" -> interleaveMs = positive(args, ++i, arg);
        case "--saturation-callers" -> saturation = positive(args, ++i, arg);
        default -> throw new IllegalArgumentException("unknown option '" + arg + "'\n" + USAGE);
      }
    }
    if ((externalGrpc.isPresent() || writeRegistry.isPresent()) && redis.isEmpty()) {
      throw new IllegalArgumentException("--external-grpc and --write-registry need --redis: the other server"
          + " must read the Redis the dataset is written to\n" + USAGE);
    }
    if (oursGrpc.isPresent() && externalGrpc.isEmpty()) {
      throw new IllegalArgumentException("--ours-grpc only goes with --external-grpc\n" + USAGE);
    }
    return new LoadOptions(redis, out, Math.max(entities, 100), Duration.ofMillis(warmupMs),
        Duration.ofMillis(sliceMs), rounds, Duration.ofMillis(interleaveMs), saturation, jfr, externalGrpc,
        oursGrpc, writeRegistry);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
    }
    return args[i];
  }

  private static int positive(String[] args, int i, String option) {
    String text = value(args, i, option);
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " must be a positive integer, got '" + text + "'\n" + USAGE);
  }
}
