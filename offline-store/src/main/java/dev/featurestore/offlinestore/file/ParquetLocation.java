package dev.featurestore.offlinestore.file;

import static java.util.Objects.requireNonNull;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a {@code FileSource}'s Parquet data is, as DuckDB's {@code read_parquet} wants it: a local
 * path resolved against the repository folder (as Feast's {@code FileSource.get_uri_for_file_path}
 * does), every {@code *.parquet} below it for a folder, or a URL ({@code s3://}, {@code gs://})
 * kept as written.
 *
 * @param shown the path as shown in messages
 * @param readExpression the {@code read_parquet(...)} table expression
 */
record ParquetLocation(String sourceName, String shown, String readExpression) {

  ParquetLocation {
    requireNonNull(sourceName, "sourceName is null");
    requireNonNull(shown, "shown is null");
    requireNonNull(readExpression, "readExpression is null");
  }

  /** Resolves a file source; DATA_SOURCE_NOT_FOUND naming the source and path when it is absent. */
  static ParquetLocation of(DataSource source, RepoConfig config) {
    if (!(source.options() instanceof DataSource.FileOptions file)) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION,
          "source '" + source.name() + "' is a " + source.kindName()
              + "; the file offline store reads FileSources only");
    }
    if (!file.fileFormat().equalsIgnoreCase("parquet")) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION,
          "source '" + source.name() + "' has file_format " + file.fileFormat()
              + "; the file offline store reads Parquet only");
    }
    String path = file.path();
    if (path.contains("://")) {
      return new ParquetLocation(source.name(), path, read(path));
    }
    Path resolved = config.resolve(path);
    if (Files.isDirectory(resolved)) {
      return new ParquetLocation(
          source.name(), resolved.toString(), read(resolved.resolve("**").resolve("*.parquet").toString()));
    }
    if (!Files.isRegularFile(resolved)) {
      throw new FeatureStoreException(
          ErrorCode.DATA_SOURCE_NOT_FOUND,
          "file '" + resolved + "' of source '" + source.name() + "' does not exist");
    }
    return new ParquetLocation(source.name(), resolved.toString(), read(resolved.toString()));
  }

  private static String read(String location) {
    return "read_parquet(" + DuckDbSql.literal(location) + ")";
  }
}
