package dev.featurestore.registry.config;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code $NAME} and {@code ${NAME}} in the raw text of feature_store.yaml before it is
 * parsed, the way Feast does with Python's {@code os.path.expandvars} (POSIX flavour), so a file
 * that works with Feast means the same here.
 *
 * <p>The rules, all Python's: {@code $NAME} takes the longest run of ASCII letters, digits and
 * underscores (it may start with a digit); {@code ${...}} takes everything up to the next
 * {@code }} and looks that text up as is. A variable that is not set is left in the text as
 * written, and so are {@code ${}}, a lone {@code $} and an unclosed {@code ${}. There is no {@code
 * $$} escape and no {@code ${NAME:-default}} syntax. Substituted values are not expanded again.
 * Expansion covers the whole text, comments included.
 */
public final class EnvironmentExpander {
  private static final Pattern VARIABLE = Pattern.compile("\\$([A-Za-z0-9_]+|\\{[^}]*})");

  private EnvironmentExpander() {}

  public static String expand(String text, Map<String, String> environment) {
    requireNonNull(text, "text is null");
    requireNonNull(environment, "environment is null");
    if (text.indexOf('$') < 0) {
      return text;
    }
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    while (matcher.find()) {
      String name = matcher.group(1);
      if (name.startsWith("{")) {
        name = name.substring(1, name.length() - 1);
      }
      String value = environment.get(name);
      if (value != null) {
        out.append(text, copied, matcher.start()).append(value);
        copied = matcher.end();
      }
    }
    return out.append(text, copied, text.length()).toString();
  }
}
