package dev.featurestore.registry.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A repository the way teams write them: several files, cross-file imports, .feastignore. */
class UserRepoTest {
  private static LoadedRepo loaded;
  private static RepoContents repo;

  @BeforeAll
  static void load() throws Exception {
    Path root = Path.of(UserRepoTest.class.getResource("/repos/user_repo").toURI());
    loaded = new RepoDefinitionsLoader().load(root, "risk");
    repo = loaded.contents();
  }

  @Test
  void loadsWithoutWarnings() {
    assertThat(loaded.warnings()).isEmpty();
    assertThat(loaded.entityColumnsToInfer()).isEmpty();
    assertThat(repo.project().name()).isEqualTo("risk");
  }

  @Test
  void entitiesAcrossFilesRegisteredOnce() {
    assertThat(repo.entities()).extracting(e -> e.name() + "/" + e.joinKey() + "/" + e.valueType().orElse(null))
        .containsExactly("merchant/merchant/STRING", "user/user_id/INT64", "__dummy/__dummy_id/null");
    assertThat(repo.entity("user").orElseThrow().metadata().description())
        .isEqualTo("A customer of the shop.\n\n    Keyed by the numeric account id.");
  }

  @Test
  void viewsUseImportedConstantsAndTypes() {
    FeatureView profile = repo.featureView("user_profile").orElseThrow();
    assertThat(profile.ttl()).isEqualTo(Duration.ofDays(1));
    assertThat(profile.metadata().tags()).isEqualTo(Map.of("team", "risk", "tier", "gold"));
    assertThat(profile.metadata().owner()).isEqualTo("risk@example.com");
    assertThat(profile.entityColumns()).extracting(Field::name).containsExactly("user_id");
    assertThat(profile.features()).extracting(f -> f.dtype().valueType()).containsExactly(
        ValueType.INT64, ValueType.STRING_LIST, ValueType.STRING_SET, ValueType.UNIX_TIMESTAMP);
    assertThat(profile.batchSource().name()).isEqualTo("data/user_profile.parquet");
  }

  @Test
  void streamViewAndEntityColumnsFromValueTypes() {
    FeatureView velocity = repo.featureView("user_merchant_velocity").orElseThrow();
    assertThat(velocity.entityColumns()).extracting(f -> f.name() + ":" + f.dtype().valueType())
        .containsExactly("user_id:INT64", "merchant:STRING");
    DataSource kafka = velocity.streamSource().orElseThrow();
    assertThat(kafka.options()).isInstanceOfSatisfying(DataSource.KafkaOptions.class, k -> {
      assertThat(k.bootstrapServers()).isEqualTo("localhost:9092");
      assertThat(k.messageFormat()).isEqualTo("json");
      assertThat(k.messageSchema()).isEqualTo("amount double, merchant string");
      assertThat(k.watermarkDelayThreshold()).isEqualTo(Duration.ofMinutes(5));
    });
    assertThat(velocity.batchSource().name()).isEqualTo("transactions_batch");
  }

  @Test
  void entitylessViewGetsTheDummyEntity() {
    FeatureView global = repo.featureView("global_stats").orElseThrow();
    assertThat(global.entities()).containsExactly("__dummy");
    assertThat(global.entityColumns()).extracting(f -> f.name() + ":" + f.dtype().valueType())
        .containsExactly("__dummy_id:STRING");
    assertThat(repo.dataSources()).extracting(DataSource::name).contains("global_stats_source", "transactions_batch");
  }

  @Test
  void serviceProjections() {
    FeatureService service = repo.featureService("risk_v1").orElseThrow();
    assertThat(service.features()).extracting(p -> p.featureViewName() + "|" + p.alias() + "|"
        + p.features().stream().map(Field::name).toList() + "|" + p.joinKeyMap()).containsExactly(
            "user_profile||[age, segments]|{}",
            "user_merchant_velocity|velocity_alias|[txn_count_1h, amount_sum_1h]|{merchant=shop_id}",
            "global_stats||[approval_rate]|{}");
  }
}
