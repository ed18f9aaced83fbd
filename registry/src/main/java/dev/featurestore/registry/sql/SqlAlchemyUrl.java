package dev.featurestore.registry.sql;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.jooq.SQLDialect;

/**
 * A SQL registry {@code path} as Feast writes it, an SQLAlchemy URL, turned into what JDBC needs.
 *
 * <ul>
 *   <li>{@code sqlite:///relative/path.db} (three slashes: relative to the repository folder),
 *       {@code sqlite:////abs/path.db} (four: absolute)
 *   <li>{@code postgresql[+driver]://user:password@host:port/database?options} (driver psycopg,
 *       psycopg2, ... is ignored; user and password are percent-decoded; options such as {@code
 *       sslmode} are passed to the JDBC driver); {@code cockroachdb[+driver]://} the same, port
 *       26257 by default
 * </ul>
 *
 * @param jdbcUrl the JDBC URL, without credentials
 * @param user empty when the URL names none
 * @param password empty when the URL names none
 * @param displayUrl the original URL with the password removed, safe for messages and logs
 * @param sqliteFile the database file for SQLite, else empty
 */
public record SqlAlchemyUrl(
    SQLDialect dialect,
    String jdbcUrl,
    Optional<String> user,
    Optional<String> password,
    String displayUrl,
    Optional<Path> sqliteFile) {

  public SqlAlchemyUrl {
    requireNonNull(dialect, "dialect is null");
    requireNonNull(jdbcUrl, "jdbcUrl is null");
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    requireNonNull(displayUrl, "displayUrl is null");
    requireNonNull(sqliteFile, "sqliteFile is null");
  }

  /** Parses {@code url}; relative SQLite paths resolve against {@code repoPath}. */
  public static SqlAlchemyUrl parse(String url, Path repoPath) {
    requireNonNull(url, "url is null");
    int schemeEnd = url.indexOf("://");
    if (schemeEnd < 0) {
      throw invalid(url, "it is not a URL such as sqlite:///data/registry.db or postgresql://user@host/db");
    }
    String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    String backend = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
    String rest = url.substring(schemeEnd + 3);
    return switch (backend) {
      case "sqlite" -> sqlite(url, rest, repoPath);
      case "postgresql", "postgres" -> postgres(url, rest, 5432);
      case "cockroachdb" -> postgres(url, rest, 26257);
      default -> throw invalid(url, "database '" + backend + "' is not supported; supported: sqlite, postgresql");
    };
  }

  private static SqlAlchemyUrl sqlite(String url, String rest, Path repoPath) {
    // After "sqlite://" comes "/" and the path: "/relative.db" or "//abs/path.db".
    String path = rest.startsWith("/") ? rest.substring(1) : rest;
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    if (path.isEmpty() || path.equals(":memory:")) {
      throw invalid(url, "an in-memory SQLite registry would vanish with the process; name a file");
    }
    Path file = repoPath.resolve(path).toAbsolutePath().normalize();
    return new SqlAlchemyUrl(
        SQLDialect.SQLITE, "jdbc:sqlite:" + file, Optional.empty(), Optional.empty(), url, Optional.of(file));
  }

  private static SqlAlchemyUrl postgres(String url, String rest, int defaultPort) {
    String query = "";
    int queryStart = rest.indexOf('?');
    if (queryStart >= 0) {
      query = rest.substring(queryStart);
      rest = rest.substring(0, queryStart);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String database = slash < 0 ? "" : rest.substring(slash + 1);
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    int at = authority.lastIndexOf('@');
    String hostPort = authority;
    String credentials = "";
    if (at >= 0) {
      credentials = authority.substring(0, at);
      hostPort = authority.substring(at + 1);
      int colon = credentials.indexOf(':');
      user = Optional.of(decode(colon < 0 ? credentials : credentials.substring(0, colon))).filter(s -> !s.isEmpty());
      password = colon < 0 ? Optional.empty() : Optional.of(decode(credentials.substring(colon + 1)));
    }
    String host = hostPort;
    String port = Integer.toString(defaultPort);
    int portColon = hostPort.lastIndexOf(':');
    if (portColon >= 0 && !hostPort.endsWith("]")) {
      host = hostPort.substring(0, portColon);
      port = hostPort.substring(portColon + 1);
      if (!port.chars().allMatch(Character::isDigit) || port.isEmpty()) {
        throw invalid(redact(url, credentials), "port '" + port + "' is not a number");
      }
    }
    if (host.isEmpty()) {
      host = "localhost";
    }
    String jdbc = "jdbc:postgresql://" + host + ":" + port + "/" + database + query;
    return new SqlAlchemyUrl(SQLDialect.POSTGRES, jdbc, user, password, redact(url, credentials), Optional.empty());
  }

  /** The URL without its password: {@code scheme://user@host/db}. */
  private static String redact(String url, String credentials) {
    int colon = credentials.indexOf(':');
    if (colon < 0) {
      return url;
    }
    return url.replace(credentials + "@", credentials.substring(0, colon) + "@");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static FeatureStoreException invalid(String url, String problem) {
    String shown = url.replaceAll("(://[^:/@]*):[^@/]*@", "$1@");
    return new FeatureStoreException(
        ErrorCode.INVALID_CONFIG, "registry path '" + shown + "' is not usable: " + problem);
  }
}
