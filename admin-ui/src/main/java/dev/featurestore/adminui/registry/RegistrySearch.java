package dev.featurestore.adminui.registry;

import dev.featurestore.adminui.web.ObjectKind;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.RepoContents;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Case-insensitive substring search over every object's name, description, owner, tags
 * ({@code key=value}) and feature names.
 */
final class RegistrySearch {

  private RegistrySearch() {}

  static List<ObjectSummary> search(RepoContents contents, String query) {
    String needle = query.trim().toLowerCase(Locale.ROOT);
    if (needle.isEmpty()) {
      return List.of();
    }
    List<ObjectSummary> hits = new ArrayList<>();
    for (ObjectSummary row : RegistryCatalog.all(contents)) {
      match(contents, row, needle).ifPresent(where -> hits.add(row.matched(where)));
    }
    return hits;
  }

  private static Optional<String> match(RepoContents contents, ObjectSummary row, String needle) {
    if (contains(row.name(), needle)) {
      return Optional.of("name");
    }
    if (contains(row.metadata().description(), needle)) {
      return Optional.of("description");
    }
    for (Map.Entry<String, String> tag : row.metadata().tags().entrySet()) {
      if (contains(tag.getKey() + "=" + tag.getValue(), needle)) {
        return Optional.of("tag " + tag.getKey() + "=" + tag.getValue());
      }
    }
    if (contains(row.metadata().owner(), needle)) {
      return Optional.of("owner");
    }
    for (Field feature : features(contents, row)) {
      if (contains(feature.name(), needle) || contains(feature.description(), needle)) {
        return Optional.of("feature " + feature.name());
      }
    }
    return Optional.empty();
  }

  private static List<Field> features(RepoContents contents, ObjectSummary row) {
    if (row.kind() == ObjectKind.FEATURE_VIEW) {
      return contents.featureView(row.name()).map(v -> v.features()).orElse(List.of());
    }
    if (row.kind() == ObjectKind.ON_DEMAND_FEATURE_VIEW) {
      return contents.onDemandFeatureView(row.name()).map(v -> v.features()).orElse(List.of());
    }
    return List.of();
  }

  private static boolean contains(String text, String needle) {
    return text.toLowerCase(Locale.ROOT).contains(needle);
  }
}
