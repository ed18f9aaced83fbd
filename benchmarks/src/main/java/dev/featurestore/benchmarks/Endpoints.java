package dev.featurestore.benchmarks;

import io.grpc.ManagedChannel;
import redis.clients.jedis.HostAndPort;

/** Where each {@link Mode} sends its calls; opens callers for a request set. */
record Endpoints(HostAndPort redis, ManagedChannel channel, String restHost, int restPort) {

  Caller.Factory factory(Mode mode, RequestSet requests) {
    return switch (mode) {
      case RAW_REDIS -> () -> new RawRedisCaller(redis, requests);
      case GRPC_EMPTY -> () -> GrpcCaller.empty(channel);
      case GRPC -> () -> GrpcCaller.features(channel, requests);
      case REST -> () -> new RestCaller(restHost, restPort, requests);
    };
  }
}
