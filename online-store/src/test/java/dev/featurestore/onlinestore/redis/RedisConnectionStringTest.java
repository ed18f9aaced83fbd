package dev.featurestore.onlinestore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.onlinestore.redis.RedisConnectionString.HostPort;
import dev.featurestore.onlinestore.redis.RedisOnlineStoreConfig.RedisType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RedisConnectionStringTest {

  @Test
  void feastsDocumentedExampleAfterEnvironmentExpansion() {
    // "r1:6379,r2:6379,ssl=true,password=${REDIS_PASSWORD}" with REDIS_PASSWORD=s3cr3t!
    RedisConnectionString parsed =
        RedisConnectionString.parse("r1:6379,r2:6379,ssl=true,password=s3cr3t!");
    assertThat(parsed.hosts()).containsExactly(new HostPort("r1", 6379), new HostPort("r2", 6379));
    assertThat(parsed.ssl()).isTrue();
    assertThat(parsed.password()).contains("s3cr3t!");
    assertThat(parsed.username()).isEmpty();
    assertThat(parsed.database()).isZero();
    assertThat(parsed.toString()).doesNotContain("s3cr3t").contains("****");
  }

  @Test
  void defaultsAndSingleHost() {
    RedisConnectionString parsed = RedisConnectionString.parse("localhost:6379");
    assertThat(parsed.hosts()).containsExactly(new HostPort("localhost", 6379));
    assertThat(parsed.ssl()).isFalse();
    assertThat(parsed.password()).isEmpty();
    assertThat(RedisConnectionString.parse("redis-master").hosts())
        .containsExactly(new HostPort("redis-master", 6379));
  }

  @Test
  void optionValuesAreJsonDecodedWhenTheyParse() {
    RedisConnectionString parsed =
        RedisConnectionString.parse(
            "h:1,db=2,username=\"app\",password=123,ssl=false,socket_timeout=0.25,"
                + "socket_connect_timeout=3,skip_full_coverage_check=true");
    assertThat(parsed.database()).isEqualTo(2);
    assertThat(parsed.username()).contains("app");
    // JSON 123 is a number; redis-py sends it as "123"
    assertThat(parsed.password()).contains("123");
    assertThat(parsed.ssl()).isFalse();
    assertThat(parsed.timeoutMillis()).isEqualTo(OptionalInt.of(250));
    assertThat(parsed.connectTimeoutMillis()).isEqualTo(OptionalInt.of(3000));
    assertThat(parsed.ignoredOptions()).containsExactly("skip_full_coverage_check");
  }

  @Test
  void passwordsKeepEqualsSignsAndCommasSplitTokens() {
    RedisConnectionString parsed = RedisConnectionString.parse("h:1,password=a=b");
    assertThat(parsed.password()).contains("a=b");
    assertThat(RedisConnectionString.parse("h:1,password=\"x\\\"y\"").password()).contains("x\"y");
    assertThat(RedisConnectionString.parse("h:1,password={notjson").password())
        .contains("{notjson");
  }

  @Test
  void pythonSpelledBooleans() {
    assertThat(RedisConnectionString.parse("h:1,ssl=True").ssl()).isTrue();
    assertThat(RedisConnectionString.parse("h:1,ssl=False").ssl()).isFalse();
  }

  @Test
  void rejectsBadValuesNamingTheKey() {
    for (String bad :
        List.of(
            "h:port",
            "h:70000",
            "ssl=true",
            "h:1,db=x",
            "h:1,ssl=maybe",
            "h:1,socket_timeout=-1")) {
      assertThatThrownBy(() -> RedisConnectionString.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              FeatureStoreException.class,
              e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
          .hasMessageContaining("online_store.connection_string");
    }
  }

  @Test
  void storeConfigReadsFeastsKeys() {
    RedisOnlineStoreConfig config =
        RedisOnlineStoreConfig.from(
            RedisTestConfigs.repo(
                "redis_cluster", "a:1,b:2", Map.of("key_ttl_seconds", 60, "skip_dedup", true), 2));
    assertThat(config.redisType()).isEqualTo(RedisType.REDIS_CLUSTER);
    assertThat(config.keyTtlSeconds()).isEqualTo(OptionalInt.of(60));
    assertThat(config.skipDedup()).isTrue();
    assertThat(config.entityKeySerializationVersion()).isEqualTo(2);
    assertThat(config.sentinelMaster()).isEqualTo("mymaster");
    assertThat(config.socketTimeoutMillis()).isEqualTo(1000);
    assertThat(config.connectTimeoutMillis()).isEqualTo(2000);

    RedisOnlineStoreConfig noTtl =
        RedisOnlineStoreConfig.from(
            RedisTestConfigs.repo("redis", "a:1", Map.of("key_ttl_seconds", 0), 3));
    assertThat(noTtl.keyTtlSeconds()).isEmpty();
    assertThat(noTtl.connection().username()).isEqualTo(Optional.empty());
  }
}
