package dev.featurestore.onlineserver.serving;

import java.util.List;

/** What a request reads: the views with their features, and the response's feature columns in order. */
public record ResolvedFeatures(List<ViewSelection> selections, List<OutputColumn> columns) {
  public ResolvedFeatures {
    selections = List.copyOf(selections);
    columns = List.copyOf(columns);
  }
}
