package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.regex.Pattern;

/** Feast's rules for object names. */
final class Names {
  /** Feast's {@code repo_operations.is_valid_name}: word characters and hyphens, not leading '_' or '-'. */
  private static final Pattern PROJECT_NAME = Pattern.compile("[\\w-]+", Pattern.UNICODE_CHARACTER_CLASS);

  private Names() {}

  /** Every Feast object needs a non-empty name. */
  static String required(BoundArguments args, String kind) {
    String name = args.string("name", "");
    if (name.isEmpty()) {
      throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION, args.locationOf("name"), kind + " name must not be empty");
    }
    return name;
  }

  /** Feast's {@code BaseFeatureView.ensure_valid}: '@' and ':' are reserved in view names. */
  static String viewName(BoundArguments args, String kind) {
    String name = required(args, kind);
    for (String reserved : new String[] {"@", ":"}) {
      if (name.contains(reserved)) {
        throw new FeatureStoreException(
            ErrorCode.INVALID_DEFINITION,
            args.locationOf("name"),
            "invalid " + kind + " name '" + name + "': '" + reserved + "' is reserved in feature references");
      }
    }
    return name;
  }

  static boolean isValidProjectName(String name) {
    return !name.startsWith("_") && !name.startsWith("-") && PROJECT_NAME.matcher(name).matches();
  }

  static String projectName(BoundArguments args) {
    String name = required(args, "Project");
    if (!isValidProjectName(name)) {
      throw new FeatureStoreException(
          ErrorCode.INVALID_DEFINITION,
          args.locationOf("name"),
          "invalid project name '" + name + "': use letters, digits, underscores and hyphens,"
              + " not starting with an underscore or hyphen");
    }
    return name;
  }
}
