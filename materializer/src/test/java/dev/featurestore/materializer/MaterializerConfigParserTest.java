package dev.featurestore.materializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MaterializerConfigParserTest {

  @Test
  void readsEveryKey() {
    Map<String, Object> section = new LinkedHashMap<>();
    section.put("default", Map.of("interval", "1h"));
    section.put("views", Map.of(
        "user_transaction_velocity", Map.of("cron", "0 */5 * * * ?"),
        "merchant_features", Map.of("interval", "6h", "enabled", true),
        "device_risk", Map.of("enabled", false)));
    section.put("retries", Map.of("max", 5, "backoff", "10s"));
    section.put("job_store", "jdbc");
    section.put("job_store_url", "postgresql://feast@db:5432/feast");
    section.put("history", false);
    section.put("threads", 2);

    MaterializerConfig config = MaterializerConfigParser.parse(section);

    assertThat(config.defaultSchedule()).isEqualTo(interval(Duration.ofHours(1), true));
    assertThat(config.scheduleOf("user_transaction_velocity"))
        .isEqualTo(new ViewSchedule(new ScheduleSpec.Cron("0 */5 * * * ?"), true));
    assertThat(config.scheduleOf("merchant_features")).isEqualTo(interval(Duration.ofHours(6), true));
    assertThat(config.scheduleOf("device_risk")).isEqualTo(interval(Duration.ofHours(1), false));
    assertThat(config.scheduleOf("anything_else")).isEqualTo(config.defaultSchedule());
    assertThat(config.retries()).isEqualTo(new RetryPolicy(5, Duration.ofSeconds(10)));
    assertThat(config.jobStore()).isEqualTo(JobStoreKind.JDBC);
    assertThat(config.jobStoreUrl()).contains("postgresql://feast@db:5432/feast");
    assertThat(config.history()).isFalse();
    assertThat(config.threads()).isEqualTo(2);
  }

  @Test
  void anEmptySectionMeansHourlyInMemoryWithHistory() {
    MaterializerConfig config = MaterializerConfigParser.parse(Map.of());

    assertThat(config).isEqualTo(MaterializerConfig.defaults());
    assertThat(config.defaultSchedule().spec().describe()).isEqualTo("every 1h");
    assertThat(config.jobStore()).isEqualTo(JobStoreKind.RAM);
    assertThat(config.jobStoreUrl()).isEqualTo(Optional.empty());
    assertThat(config.history()).isTrue();
    assertThat(config.retries()).isEqualTo(new RetryPolicy(3, Duration.ofSeconds(30)));
  }

  @Test
  void durationsInEveryAcceptedForm() {
    assertThat(Durations.parse("90s")).contains(Duration.ofSeconds(90));
    assertThat(Durations.parse("5m")).contains(Duration.ofMinutes(5));
    assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse("2d")).contains(Duration.ofDays(2));
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("PT1H")).contains(Duration.ofHours(1));
    assertThat(Durations.parse(45)).contains(Duration.ofSeconds(45));
    assertThat(Durations.parse("45")).contains(Duration.ofSeconds(45));
    assertThat(Durations.parse("1 hour")).isEmpty();
    assertThat(Durations.parse("h")).isEmpty();
    assertThat(Durations.parse("5m3")).isEmpty();
    assertThat(Durations.parse(1.5)).isEmpty();
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
  }

  @Test
  void errorsNameTheKey() {
    assertError(Map.of("schedule", "1h"),
        "feature_store.yaml: materializer.schedule: unknown key; expected one of default, history,"
            + " job_store, job_store_url, retries, streaming, threads, views");
    assertError(Map.of("views", Map.of("v", Map.of("intervall", "1h"))),
        "feature_store.yaml: materializer.views.v.intervall: unknown key; expected one of cron, enabled, interval");
    assertError(Map.of("views", Map.of("v", Map.of("cron", "0 */5 * * *"))),
        "feature_store.yaml: materializer.views.v.cron: '0 */5 * * *' is not a valid Quartz cron expression");
    assertError(Map.of("default", Map.of("interval", "1 hour")),
        "feature_store.yaml: materializer.default.interval: '1 hour' is not a duration (write e.g. 30s,");
    assertError(Map.of("default", Map.of("interval", "0s")),
        "feature_store.yaml: materializer.default.interval: must be longer than zero");
    assertError(Map.of("views", Map.of("v", Map.of("interval", "1h", "cron", "0 * * * * ?"))),
        "feature_store.yaml: materializer.views.v: set either interval or cron, not both");
    assertError(Map.of("views", Map.of("v", "1h")),
        "feature_store.yaml: materializer.views.v: must be a mapping such as {interval: 1h}, got '1h'");
    assertError(Map.of("retries", Map.of("backoff", "soon")),
        "feature_store.yaml: materializer.retries.backoff: 'soon' is not a duration");
    assertError(Map.of("retries", Map.of("max", -1)),
        "feature_store.yaml: materializer.retries.max: must be a whole number of retries, 0 or more, got -1");
    assertError(Map.of("job_store", "redis"),
        "feature_store.yaml: materializer.job_store: must be ram or jdbc, got 'redis'");
    assertError(Map.of("history", "yes"),
        "feature_store.yaml: materializer.history: must be true or false, got 'yes'");
    assertError(Map.of("views", Map.of("v", Map.of("enabled", "no"))),
        "feature_store.yaml: materializer.views.v.enabled: must be true or false");
  }

  private static void assertError(Map<String, Object> section, String message) {
    assertThatThrownBy(() -> MaterializerConfigParser.parse(section))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessageStartingWith(message)
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIG));
  }

  private static ViewSchedule interval(Duration every, boolean enabled) {
    return new ViewSchedule(new ScheduleSpec.Interval(every), enabled);
  }
}
