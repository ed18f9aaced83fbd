package dev.featurestore.registry.repo;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The parts of Python's standard library definition files use: {@code datetime.timedelta} and {@code datetime.datetime}. */
final class StandardLibrary {
  private static final long NANOS_PER_MICRO = 1_000;

  static final Builtin TIMEDELTA = new Builtin(
      Signature.positional("timedelta", "days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"),
      StandardLibrary::timedelta);

  static final Builtin DATETIME = new Builtin(
      Signature.positional("datetime", "year!", "month!", "day!", "hour", "minute", "second", "microsecond", "tzinfo"),
      StandardLibrary::datetime);

  static final Object TIMEZONE = new EnumClass("timezone", Map.of("utc", ZoneOffset.UTC));

  private StandardLibrary() {}

  static Optional<ModuleValue> module(String name) {
    if (!name.equals("datetime")) {
      return Optional.empty();
    }
    Map<String, Object> attributes = Map.of("timedelta", TIMEDELTA, "datetime", DATETIME, "timezone", TIMEZONE);
    return Optional.of(new ModuleValue() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<Object> attribute(String attribute) {
        return Optional.of(attributes.getOrDefault(attribute, Opaque.imported("datetime." + attribute)));
      }

      @Override
      public Set<String> publicNames() {
        return attributes.keySet();
      }
    });
  }

  private static Object timedelta(BoundArguments args) {
    double micros = args.number("weeks", 0) * 7 * 86_400e6
        + args.number("days", 0) * 86_400e6
        + args.number("hours", 0) * 3_600e6
        + args.number("minutes", 0) * 60e6
        + args.number("seconds", 0) * 1e6
        + args.number("milliseconds", 0) * 1e3
        + args.number("microseconds", 0);
    return Duration.ofNanos(Math.round(micros) * NANOS_PER_MICRO);
  }

  private static Object datetime(BoundArguments args) {
    LocalDateTime local = LocalDateTime.of(
        (int) args.get("year", Long.class, "int").longValue(),
        (int) args.get("month", Long.class, "int").longValue(),
        (int) args.get("day", Long.class, "int").longValue(),
        (int) args.number("hour", 0),
        (int) args.number("minute", 0),
        (int) args.number("second", 0),
        (int) args.number("microsecond", 0) * 1000);
    if (args.has("tzinfo")) {
      return OffsetDateTime.of(local, args.get("tzinfo", ZoneOffset.class, "tzinfo"));
    }
    return local;
  }
}
