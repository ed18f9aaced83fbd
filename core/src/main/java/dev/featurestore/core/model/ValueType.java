package dev.featurestore.core.model;

/**
 * Feast's {@code feast.types.ValueType.Enum}; the numbers are Feast's and are also the field
 * numbers of the matching {@code feast.types.Value} oneof members (see feast-compat.md §3).
 */
public enum ValueType {
  INVALID(0),
  BYTES(1),
  STRING(2),
  INT32(3),
  INT64(4),
  DOUBLE(5),
  FLOAT(6),
  BOOL(7),
  UNIX_TIMESTAMP(8),
  BYTES_LIST(11),
  STRING_LIST(12),
  INT32_LIST(13),
  INT64_LIST(14),
  DOUBLE_LIST(15),
  FLOAT_LIST(16),
  BOOL_LIST(17),
  UNIX_TIMESTAMP_LIST(18),
  NULL(19),
  MAP(20),
  MAP_LIST(21),
  BYTES_SET(22),
  STRING_SET(23),
  INT32_SET(24),
  INT64_SET(25),
  DOUBLE_SET(26),
  FLOAT_SET(27),
  BOOL_SET(28),
  UNIX_TIMESTAMP_SET(29),
  JSON(32),
  JSON_LIST(33),
  STRUCT(34),
  STRUCT_LIST(35),
  UUID(36),
  TIME_UUID(37),
  UUID_LIST(38),
  TIME_UUID_LIST(39),
  UUID_SET(40),
  TIME_UUID_SET(41),
  VALUE_LIST(42),
  VALUE_SET(43),
  DECIMAL(44),
  DECIMAL_LIST(45),
  DECIMAL_SET(46),
  SCALAR_MAP(47),
  ZONED_TIMESTAMP(48);

  private final int number;

  ValueType(int number) {
    this.number = number;
  }

  /** Feast's enum number. */
  public int number() {
    return number;
  }

  public static ValueType forNumber(int number) {
    for (ValueType type : values()) {
      if (type.number == number) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown Feast ValueType number " + number);
  }
}
