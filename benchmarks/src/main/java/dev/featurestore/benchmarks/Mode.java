package dev.featurestore.benchmarks;

/** What a caller measures. */
enum Mode {
  RAW_REDIS("raw Redis HMGET"),
  GRPC_EMPTY("empty gRPC call"),
  GRPC("gRPC GetOnlineFeatures"),
  REST("REST /get-online-features");

  final String label;

  Mode(String label) {
    this.label = label;
  }
}
