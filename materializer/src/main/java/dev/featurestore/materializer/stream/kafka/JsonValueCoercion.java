package dev.featurestore.materializer.stream.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import dev.featurestore.core.online.EventTimes;
import dev.featurestore.materializer.stream.kafka.JsonMessageSchema.Column;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one JSON field into a stream record value. With a declared Spark type it accepts what
 * pyspark's {@code from_json} accepts for that type: integers for integer types (within the type's
 * width), any number for float, double and decimal ({@code "NaN"} and {@code "Infinity"} as text,
 * numeric text for decimals), only {@code true}/{@code false} for booleans, any value for strings
 * (numbers as their text, objects as JSON), ISO-8601 text (no offset = UTC) or epoch seconds for
 * timestamps, {@code yyyy-MM-dd} for dates, base64 text for binary.
 */
final class JsonValueCoercion {
  private static final Set<String> NON_FINITE =
      Set.of("nan", "infinity", "+infinity", "-infinity", "inf", "+inf", "-inf");
  private static final int SHOWN_TEXT = 40;

  // 2024-05-01, 2024-05-01T12:00:00[.fraction][Z|+02:00|+0200|+02]; a blank may replace the T.
  private static final DateTimeFormatter TIMESTAMP =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalEnd()
          .appendPattern("[XXX][X]")
          .toFormatter(Locale.ROOT);

  private JsonValueCoercion() {}

  /** The value of a field with a declared type; a missing field ({@code null}) is null. */
  static Object coerce(JsonNode node, Column column) throws BadMessageException {
    if (node == null || node.isNull()) {
      return null;
    }
    return switch (column.kind()) {
      case INTEGER -> integer(node, column);
      case DOUBLE -> floating(node, column);
      case BOOLEAN -> {
        if (!node.isBoolean()) {
          throw mismatch(column, node);
        }
        yield node.booleanValue();
      }
      case STRING -> node.isValueNode() ? node.asText() : node.toString();
      case TIMESTAMP -> timestamp(node, column);
      case DATE -> date(node, column);
      case BINARY -> binary(node, column);
    };
  }

  /** The value of a field when no schema is declared. */
  static Object plain(String name, JsonNode node) throws BadMessageException {
    if (node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong()) {
        throw new BadMessageException("field " + name + ": " + node + " does not fit in 64 bits");
      }
      return node.longValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isTextual() ? node.textValue() : node.toString();
  }

  private static Long integer(JsonNode node, Column column) throws BadMessageException {
    if (!node.isIntegralNumber()) {
      throw mismatch(column, node);
    }
    if (!node.canConvertToLong()
        || node.longValue() < column.min()
        || node.longValue() > column.max()) {
      throw new BadMessageException(
          "field " + column.name() + ": " + node + " is out of range for " + column.declaredType());
    }
    return node.longValue();
  }

  private static Double floating(JsonNode node, Column column) throws BadMessageException {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      String text = node.textValue().trim();
      String lower = text.toLowerCase(Locale.ROOT);
      if (NON_FINITE.contains(lower)) {
        if (lower.equals("nan")) {
          return Double.NaN;
        }
        return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      if (column.declaredType().startsWith("dec") || column.declaredType().startsWith("numeric")) {
        try {
          return new BigDecimal(text).doubleValue();
        } catch (NumberFormatException e) {
          // falls through to the mismatch below
        }
      }
    }
    throw mismatch(column, node);
  }

  private static Instant timestamp(JsonNode node, Column column) throws BadMessageException {
    if (node.isNumber()) {
      // Spark reads a number in a timestamp field as seconds since the epoch.
      return EventTimes.ofEpochSeconds(node.doubleValue());
    }
    if (!node.isTextual()) {
      throw mismatch(column, node);
    }
    String text = node.textValue().trim();
    if (text.length() > 10 && text.charAt(10) == ' ') {
      text = text.substring(0, 10) + 'T' + text.substring(11);
    }
    try {
      TemporalAccessor parsed =
          TIMESTAMP.parseBest(text, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      if (parsed instanceof OffsetDateTime offset) {
        return offset.toInstant();
      }
      if (parsed instanceof LocalDateTime local) {
        return local.toInstant(ZoneOffset.UTC);
      }
      return ((LocalDate) parsed).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new BadMessageException(
          "field "
              + column.name()
              + ": "
              + describe(node)
              + " is not an ISO-8601 timestamp or epoch seconds");
    }
  }

  private static LocalDate date(JsonNode node, Column column) throws BadMessageException {
    if (!node.isTextual()) {
      throw mismatch(column, node);
    }
    try {
      return LocalDate.parse(node.textValue().trim());
    } catch (DateTimeParseException e) {
      throw new BadMessageException(
          "field " + column.name() + ": " + describe(node) + " is not a yyyy-MM-dd date");
    }
  }

  private static byte[] binary(JsonNode node, Column column) throws BadMessageException {
    if (!node.isTextual()) {
      throw mismatch(column, node);
    }
    try {
      return Base64.getDecoder().decode(node.textValue());
    } catch (IllegalArgumentException e) {
      throw new BadMessageException(
          "field " + column.name() + ": " + describe(node) + " is not base64 text");
    }
  }

  private static BadMessageException mismatch(Column column, JsonNode node) {
    return new BadMessageException(
        "field "
            + column.name()
            + ": expected "
            + column.declaredType()
            + ", got "
            + describe(node));
  }

  private static String describe(JsonNode node) {
    if (node.isTextual()) {
      String text = node.textValue();
      String shown = text.length() > SHOWN_TEXT ? text.substring(0, SHOWN_TEXT) + "..." : text;
      return "string \"" + shown + "\"";
    }
    if (node.isNumber()) {
      return "number " + node;
    }
    if (node.isBoolean()) {
      return "boolean " + node;
    }
    return node.isArray() ? "an array" : "an object";
  }
}
