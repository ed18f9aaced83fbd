package dev.featurestore.offlinestore.bigquery;

import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link FieldValue} into the plain Java object {@link
 * dev.featurestore.core.offline.FeatureValues} converts: Long, Double, BigDecimal, Boolean,
 * String, byte[], Instant (TIMESTAMP; DATETIME and DATE read as UTC, as Feast reads them), a List
 * for a REPEATED column, or null.
 */
final class BigQueryValues {

  private BigQueryValues() {}

  static Object plain(FieldValue value, Field field) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (field.getMode() == Field.Mode.REPEATED) {
      List<Object> list = new ArrayList<>();
      for (FieldValue element : value.getRepeatedValue()) {
        list.add(scalar(element, field));
      }
      return list;
    }
    return scalar(value, field);
  }

  /** Epoch microseconds of a time column's value (TIMESTAMP, DATETIME or DATE). */
  static long micros(FieldValue value, Field field) {
    Instant instant = (Instant) scalar(value, field);
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L),
        instant.getNano() / 1_000);
  }

  private static Object scalar(FieldValue value, Field field) {
    if (value.isNull()) {
      return null;
    }
    return switch (BigQueryTypes.standard(field)) {
      case INT64 -> value.getLongValue();
      case FLOAT64 -> value.getDoubleValue();
      case NUMERIC, BIGNUMERIC -> value.getNumericValue();
      case BOOL -> value.getBooleanValue();
      case BYTES -> value.getBytesValue();
      case TIMESTAMP -> {
        long micros = value.getTimestampValue();
        yield Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
            Math.floorMod(micros, 1_000_000L) * 1_000L);
      }
      case DATETIME -> LocalDateTime.parse(value.getStringValue()).toInstant(ZoneOffset.UTC);
      case DATE -> LocalDate.parse(value.getStringValue()).atStartOfDay().toInstant(ZoneOffset.UTC);
      default -> value.getStringValue();
    };
  }
}
