package dev.featurestore.registry.repo;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a callable, binding calls the way Python does and failing with Python's
 * TypeError wording ("FeatureView() got an unexpected keyword argument 'nme'").
 *
 * <p>Parameters are written as names; a trailing {@code !} marks a required one.
 */
final class Signature {
  private final String callee;
  private final int positionalCount;
  private final List<String> names = new ArrayList<>();
  private final List<String> required = new ArrayList<>();

  private Signature(String callee, int positionalCount, String... params) {
    this.callee = callee;
    this.positionalCount = positionalCount;
    for (String param : params) {
      String name = param.endsWith("!") ? param.substring(0, param.length() - 1) : param;
      names.add(name);
      if (param.endsWith("!")) {
        required.add(name);
      }
    }
  }

  /** Feast's constructors: {@code def __init__(self, *, ...)}. */
  static Signature keywordOnly(String callee, String... params) {
    return new Signature(callee, 0, params);
  }

  /** Every parameter may also be passed by position. */
  static Signature positional(String callee, String... params) {
    return new Signature(callee, params.length, params);
  }

  String callee() {
    return callee;
  }

  BoundArguments bind(CallArguments call) {
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, dev.featurestore.core.error.SourceLocation> locations = new LinkedHashMap<>();
    if (call.positional().size() > positionalCount) {
      String were = call.positional().size() == 1 ? "was" : "were";
      throw typeError(
          call.positionalLocations().get(Math.min(positionalCount, call.positional().size() - 1)),
          callee + "() takes " + positionalCount + " positional argument"
              + (positionalCount == 1 ? "" : "s") + " but " + call.positional().size() + " " + were + " given");
    }
    for (int i = 0; i < call.positional().size(); i++) {
      values.put(names.get(i), call.positional().get(i));
      locations.put(names.get(i), call.positionalLocations().get(i));
    }
    for (Map.Entry<String, Object> keyword : call.keywords().entrySet()) {
      String name = keyword.getKey();
      var at = call.keywordLocations().getOrDefault(name, call.location());
      if (!names.contains(name)) {
        throw typeError(at, callee + "() got an unexpected keyword argument '" + name + "'" + suggestion(name));
      }
      if (values.containsKey(name)) {
        throw typeError(at, callee + "() got multiple values for argument '" + name + "'");
      }
      values.put(name, keyword.getValue());
      locations.put(name, at);
    }
    List<String> missing = required.stream().filter(r -> !values.containsKey(r)).toList();
    if (!missing.isEmpty()) {
      String kind = positionalCount == 0 ? "keyword-only argument" : "positional argument";
      String list = quoteList(missing);
      throw typeError(
          call.location(),
          callee + "() missing " + missing.size() + " required " + kind + (missing.size() == 1 ? "" : "s") + ": " + list);
    }
    return new BoundArguments(callee, call.location(), values, locations);
  }

  private String suggestion(String name) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : names) {
      int d = distance(name, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String quoteList(List<String> names) {
    List<String> quoted = names.stream().map(n -> "'" + n + "'").toList();
    if (quoted.size() == 1) {
      return quoted.get(0);
    }
    return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
  }

  private static FeatureStoreException typeError(dev.featurestore.core.error.SourceLocation at, String message) {
    return new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, at, message);
  }
}
