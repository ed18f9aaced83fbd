package dev.featurestore.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads ISO-8601 times as Feast's CLI does ({@code 2021-07-16T19:20:01}, with or without an
 * offset, a space instead of {@code T}, or a bare date); a time without an offset is UTC, as
 * Feast's {@code make_tzaware}.
 */
final class IsoInstantConverter implements ITypeConverter<Instant> {

  @Override
  public Instant convert(String text) {
    String value = text.trim().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notDate) {
          throw new TypeConversionException(
              "'" + text + "' is not an ISO 8601 time, e.g. 2021-07-16T19:20:01 (UTC unless an"
                  + " offset is given)");
        }
      }
    }
  }
}
