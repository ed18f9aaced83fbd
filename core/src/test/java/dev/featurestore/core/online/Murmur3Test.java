package dev.featurestore.core.online;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins {@link Murmur3} and {@link RedisKeys#featureField} to docs/feast-compat.md §3. */
class Murmur3Test {

  // Rows 1-4 are Feast's sdk/python/tests/unit/infra/online_store/test_redis.py vectors; the
  // others were computed independently (mmh3, Guava) for the compatibility notes. The field bytes
  // are the uint32 written little-endian.
  @ParameterizedTest
  @CsvSource({
    "feature_view_1:feature_10, 395f6d26, 266d5f39",
    "feature_view_1:feature_11, bf9a37c3, c3379abf",
    "feature_view_1:feature_12, 64b57277, 7772b564",
    "feature_view_1:my-feature-view:feature1, 4a866953, 5369864a",
    "driver_hourly_stats:conv_rate, dae36061, 6160e3da",
    "driver_hourly_stats:acc_rate, ad585efa, fa5e58ad",
    "driver_hourly_stats:avg_daily_trips, a3e5a518, 18a5e5a3",
    "größe:wert, f65265c4, c46552f6",
    "abc, b3dd93fa, fa93ddb3",
    "The quick brown fox jumps over the lazy dog, 2e4ff723, 23f74f2e",
  })
  void matchesFeastCompatTable(String input, String uint32Hex, String fieldHex) {
    byte[] utf8 = input.getBytes(StandardCharsets.UTF_8);
    assertThat(Integer.toHexString(Murmur3.hash32(utf8))).isEqualTo(uint32Hex);
    assertThat(HexFormat.of().formatHex(Murmur3.hash32LittleEndian(utf8))).isEqualTo(fieldHex);
  }

  @Test
  void emptyInputHashesToZero() {
    assertThat(Murmur3.hash32(new byte[0])).isZero();
    assertThat(Murmur3.hash32LittleEndian(new byte[0])).containsExactly(0, 0, 0, 0);
  }

  @Test
  void featureFieldHashesViewColonFeature() {
    // "feature_view_1:feature_10" -> 0x395f6d26 -> bytes 26 6d 5f 39.
    assertThat(HexFormat.of().formatHex(RedisKeys.featureField("feature_view_1", "feature_10")))
        .isEqualTo("266d5f39");
    assertThat(HexFormat.of().formatHex(RedisKeys.featureField("größe", "wert")))
        .isEqualTo("c46552f6");
  }

  @Test
  @SuppressWarnings("deprecation") // murmur3_32_fixed is current; the check also covers seeds
  void agreesWithGuavaOnRandomInputsOfEveryTailLength() {
    Random random = new Random(42);
    for (int i = 0; i < 5_000; i++) {
      byte[] data = new byte[random.nextInt(64)];
      random.nextBytes(data);
      int seed = i % 3 == 0 ? 0 : random.nextInt();
      byte[] guava = Hashing.murmur3_32_fixed(seed).hashBytes(data).asBytes();
      int ours = Murmur3.hash32(data, seed);
      assertThat(
              new byte[] {
                (byte) ours, (byte) (ours >>> 8), (byte) (ours >>> 16), (byte) (ours >>> 24)
              })
          .as("input %s seed %d", HexFormat.of().formatHex(data), seed)
          .isEqualTo(guava);
      if (seed == 0) {
        assertThat(Murmur3.hash32LittleEndian(data)).isEqualTo(guava);
      }
    }
  }
}
