package dev.featurestore.cli.sample;

import java.util.function.ToLongFunction;

/** The entities the sample tables are keyed by, with their id format (see entities.py). */
enum SampleEntity {
  USER("user_id", "user_", 5, SampleDataOptions::users),
  MERCHANT("merchant_id", "merchant_", 4, SampleDataOptions::merchants),
  DEVICE("device_id", "device_", 6, SampleDataOptions::devices);

  private final String joinKey;
  private final String prefix;
  private final int digits;
  private final ToLongFunction<SampleDataOptions> count;

  SampleEntity(String joinKey, String prefix, int digits, ToLongFunction<SampleDataOptions> count) {
    this.joinKey = joinKey;
    this.prefix = prefix;
    this.digits = digits;
    this.count = count;
  }

  String joinKey() {
    return joinKey;
  }

  long count(SampleDataOptions options) {
    return count.applyAsLong(options);
  }

  /** The id of the entity numbered {@code index} (from 1), e.g. {@code user_00042}. */
  String id(long index) {
    String number = Long.toString(index);
    StringBuilder id = new StringBuilder(prefix.length() + Math.max(digits, number.length()));
    id.append(prefix);
    for (int i = number.length(); i < digits; i++) {
      id.append('0');
    }
    return id.append(number).toString();
  }
}
