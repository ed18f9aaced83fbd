package dev.featurestore.benchmarks;

import io.grpc.ManagedChannel;
import java.util.Arrays;
import java.util.List;
import redis.clients.jedis.HostAndPort;

/**
 * Where each {@link Mode} sends its calls; opens callers for a request set.
 *
 * @param external the channel to {@code --external-grpc}, or null when there is none
 */
record Endpoints(HostAndPort redis, ManagedChannel channel, String restHost, int restPort, ManagedChannel external) {

  /** The modes this run can call. */
  List<Mode> modes() {
    return Arrays.stream(Mode.values()).filter(mode -> mode != Mode.EXTERNAL_GRPC || external != null).toList();
  }

  Caller.Factory factory(Mode mode, RequestSet requests) {
    return switch (mode) {
      case EXTERNAL_GRPC -> () -> GrpcCaller.features(external, requests);
      case RAW_REDIS -> () -> new RawRedisCaller(redis, requests);
      case GRPC_EMPTY -> () -> GrpcCaller.empty(channel);
      case GRPC -> () -> GrpcCaller.features(channel, requests);
      case REST -> () -> new RestCaller(restHost, restPort, requests);
    };
  }
}
