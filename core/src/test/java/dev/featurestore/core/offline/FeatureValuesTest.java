package dev.featurestore.core.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.model.ValueType;
import feast.proto.types.ValueProto.Value;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureValuesTest {

  @Test
  void convertsToTheDeclaredType() {
    assertThat(FeatureValues.of(null, ValueType.INT64)).isEqualTo(Value.getDefaultInstance());
    assertThat(FeatureValues.of(7, ValueType.INT64).getInt64Val()).isEqualTo(7);
    assertThat(FeatureValues.of(7L, ValueType.DOUBLE).getDoubleVal()).isEqualTo(7.0);
    assertThat(FeatureValues.of(0.1, ValueType.FLOAT).getFloatVal()).isEqualTo(0.1f);
    assertThat(FeatureValues.of(Instant.ofEpochSecond(1705320000, 5), ValueType.UNIX_TIMESTAMP).getUnixTimestampVal())
        .isEqualTo(1705320000);
    assertThat(FeatureValues.of(new Object[] {1, 2}, ValueType.INT64_LIST).getInt64ListVal().getValList())
        .containsExactly(1L, 2L);
    assertThat(FeatureValues.of("{\"a\": 1}", ValueType.JSON).getJsonVal()).isEqualTo("{\"a\": 1}");
  }

  @Test
  void refusesWhatDoesNotFit() {
    assertThatThrownBy(() -> FeatureValues.of(1L << 40, ValueType.INT32)).hasMessageContaining("does not fit Int32");
    assertThatThrownBy(() -> FeatureValues.of(1.5, ValueType.INT64)).hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> FeatureValues.of("x", ValueType.INT64)).hasMessageContaining("expected a number");
    assertThatThrownBy(() -> FeatureValues.of(Arrays.asList("a", null), ValueType.STRING_LIST))
        .hasMessageContaining("null element");
    assertThatThrownBy(() -> FeatureValues.of(List.of(), ValueType.MAP)).hasMessageContaining("not supported");
  }

  @Test
  void convertibilityIsLosslessWideningAndFloats() {
    assertThat(OfflineTypes.convertible(ValueType.INT32, ValueType.INT64)).isTrue();
    assertThat(OfflineTypes.convertible(ValueType.INT64, ValueType.INT32)).isFalse();
    assertThat(OfflineTypes.convertible(ValueType.DOUBLE, ValueType.FLOAT)).isTrue();
    assertThat(OfflineTypes.convertible(ValueType.DOUBLE, ValueType.INT64)).isFalse();
    assertThat(OfflineTypes.convertible(ValueType.STRING, ValueType.INT64)).isFalse();
    assertThat(OfflineTypes.convertible(ValueType.INT32_LIST, ValueType.INT64_LIST)).isTrue();
    assertThat(OfflineTypes.convertible(ValueType.INT64, ValueType.INT64_LIST)).isFalse();
    assertThat(OfflineTypes.convertible(ValueType.INT64, ValueType.UNIX_TIMESTAMP)).isTrue();
  }
}
