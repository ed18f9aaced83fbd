package dev.featurestore.registry.file;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.registry.RegistryStore;
import dev.featurestore.core.registry.RegistryStoreFactory;
import java.util.Locale;

/**
 * {@code registry_type: file} (Feast's default, also what a bare {@code registry: path} string
 * means): the path is resolved against the repository folder, as Feast's {@code file.py} does.
 * Feast's remote variants ({@code gs://}, {@code s3://}) are not supported yet.
 */
public final class FileRegistryStoreFactory implements RegistryStoreFactory {

  @Override
  public String type() {
    return "file";
  }

  @Override
  public RegistryStore create(RepoConfig config) {
    String path = config.registry().path();
    String lower = path.toLowerCase(Locale.ROOT);
    if (lower.startsWith("gs://") || lower.startsWith("s3://") || lower.contains("://")) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_CONFIG,
          "registry path '" + path + "': remote file registries (gs://, s3://) are not supported yet;"
              + " use a local path or registry_type: sql");
    }
    if (path.isBlank()) {
      throw new FeatureStoreException(ErrorCode.INVALID_CONFIG, "registry path is empty");
    }
    return new FileRegistryStore(config.resolve(path), config.registry().purgeFeastMetadata());
  }
}
