package dev.featurestore.core.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.DataSource;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeatureService;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.FeatureViewProjection;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.Metadata;
import dev.featurestore.core.model.Project;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.core.proto.FeastTypeMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoricalFeatureRefsTest {
  private static final Field AGE = Field.of("age", FeastTypeMapper.primitive(ValueType.INT64));
  private static final Field SCORE = Field.of("score", FeastTypeMapper.primitive(ValueType.DOUBLE));
  private static final FeatureView USERS = view("users", List.of("user"), AGE, SCORE);
  private static final FeatureView DEVICES = view("devices", List.of("device"), SCORE);
  private static final FeatureView GLOBAL = view("global", List.of("__dummy"), AGE);
  private static final RepoContents CONTENTS = new RepoContents(
      new Project("p", Metadata.EMPTY),
      List.of(new Entity("user", "user_id", Optional.empty(), null),
          new Entity("device", "device_id", Optional.empty(), null)),
      List.of(), List.of(USERS, DEVICES, GLOBAL), List.of(),
      List.of(new FeatureService("svc", List.of(
          new FeatureViewProjection("users", "", List.of(SCORE), Map.of()),
          new FeatureViewProjection("devices", "dev", List.of(), Map.of("device_id", "phone_id"))),
          Optional.empty(), null)),
      List.of());

  @Test
  void refsAreGroupedByViewInOrderOfFirstUse() {
    List<HistoricalFeatureView> views =
        HistoricalFeatureRefs.resolve(CONTENTS, List.of("users:score", "global:age", "users:age"), true);

    assertThat(views).extracting(v -> v.view().name()).containsExactly("users", "global");
    assertThat(views.get(0).features()).containsExactly("score", "age");
    assertThat(views.get(0).joinKeys()).containsExactly("user_id");
    assertThat(views.get(1).joinKeys()).isEmpty();
  }

  @Test
  void aServiceKeepsAliasesJoinKeyMapsAndSelections() {
    List<HistoricalFeatureView> views = HistoricalFeatureRefs.resolveService(CONTENTS, "svc", true);

    assertThat(views.get(0).features()).containsExactly("score");
    assertThat(views.get(1).outputColumn("score", true)).isEqualTo("dev__score");
    assertThat(views.get(1).entityColumn("device_id")).isEqualTo("phone_id");
  }

  @Test
  void collidingNamesNeedFullFeatureNames() {
    assertThatThrownBy(() -> HistoricalFeatureRefs.resolve(CONTENTS, List.of("users:score", "devices:score"), false))
        .hasMessageContaining("Duplicate features named score")
        .hasMessageContaining("--full-feature-names");
    assertThat(HistoricalFeatureRefs.resolve(CONTENTS, List.of("users:score", "devices:score"), true)).hasSize(2);
  }

  @Test
  void unknownNamesAreNotFound() {
    assertThatThrownBy(() -> HistoricalFeatureRefs.resolve(CONTENTS, List.of("nope:age"), false))
        .isInstanceOf(FeatureStoreException.class)
        .hasMessage("Feature view nope does not exist in project p")
        .satisfies(e -> assertThat(((FeatureStoreException) e).code()).isEqualTo(ErrorCode.FEATURE_VIEW_NOT_FOUND));
    assertThatThrownBy(() -> HistoricalFeatureRefs.resolve(CONTENTS, List.of("users:height"), false))
        .hasMessage("feature view users has no feature height; its features are age, score");
    assertThatThrownBy(() -> HistoricalFeatureRefs.resolveService(CONTENTS, "other", false))
        .hasMessage("Feature service other does not exist in project p");
    assertThatThrownBy(() -> HistoricalFeatureRefs.resolve(CONTENTS, List.of("users"), false))
        .hasMessageContaining("feature_view:feature");
  }

  private static FeatureView view(String name, List<String> entities, Field... features) {
    DataSource source = new DataSource(name + "_source", "event_timestamp", "", "", Map.of(), null,
        new DataSource.FileOptions("data/" + name + ".parquet", null, null));
    return new FeatureView(name, entities, List.of(features), List.of(), Duration.ZERO, true, false,
        source, Optional.empty(), null);
  }
}
