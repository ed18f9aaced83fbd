package dev.featurestore.benchmarks;

/** What a caller measures. */
enum Mode {
  RAW_REDIS("raw Redis HMGET"),
  GRPC_EMPTY("empty gRPC call"),
  GRPC("gRPC GetOnlineFeatures"),
  REST("REST /get-online-features"),
  /** {@code GetOnlineFeatures} on the server at {@code --external-grpc} (e.g. Feast's Java server). */
  EXTERNAL_GRPC("external server gRPC GetOnlineFeatures");

  final String label;

  Mode(String label) {
    this.label = label;
  }
}
