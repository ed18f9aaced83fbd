package dev.featurestore.registry.repo;

import dev.featurestore.core.error.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Evaluated arguments of one call, with where each was written. */
record CallArguments(
    SourceLocation location,
    List<Object> positional,
    List<SourceLocation> positionalLocations,
    Map<String, Object> keywords,
    Map<String, SourceLocation> keywordLocations) {
  CallArguments {
    positional = List.copyOf(positional);
    positionalLocations = List.copyOf(positionalLocations);
    keywords = new LinkedHashMap<>(keywords);
    keywordLocations = Map.copyOf(keywordLocations);
  }
}
