/**
 * Test harness shared by every module's integration tests (test scope only).
 *
 * <p>{@link dev.featurestore.testing.TestingPostgresServer} and {@link
 * dev.featurestore.testing.TestingRedisServer} start private servers from the installed binaries on
 * free ports of 127.0.0.1 (install them with {@code scripts/install-deps.sh}); they never touch a
 * PostgreSQL or Redis the machine already runs. {@link dev.featurestore.testing.TestingKafkaCluster}
 * runs an in-process KRaft broker (its Kafka dependencies are optional: declare them to use it). Use the {@code shared()} instances with a database
 * or key prefix of your own, or {@code start()} a private one for outage and CDC tests. {@link
 * dev.featurestore.testing.RespClient} talks to Redis without a client library, {@link
 * dev.featurestore.testing.Ports} finds free ports and {@link
 * dev.featurestore.testing.TestingServersExtension} injects the shared servers into JUnit 5 tests.
 */
package dev.featurestore.testing;
