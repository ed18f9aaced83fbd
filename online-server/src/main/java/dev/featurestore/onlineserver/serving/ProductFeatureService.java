package dev.featurestore.onlineserver.serving;

import static java.util.Objects.requireNonNull;

import dev.featurestore.api.v1.GetUserFeaturesResponse;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.ValueType;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.types.ValueProto.RepeatedValue;
import feast.proto.types.ValueProto.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The product API over {@link OnlineFeatureService}: one entity's features grouped for humans.
 * {@link #getUserFeatures} reads a feature service for a user and groups by each view's {@code
 * group} tag; {@link #getEntityFeatures} reads every online view keyed by one entity alone and
 * groups by view name.
 */
public final class ProductFeatureService {
  /** The entity the user API looks up; its join key comes from the registry. */
  public static final String USER_ENTITY = "user";

  private final OnlineFeatureService service;
  private final String defaultFeatureService;

  public ProductFeatureService(OnlineFeatureService service, String defaultFeatureService) {
    this.service = requireNonNull(service, "service is null");
    this.defaultFeatureService = requireNonNull(defaultFeatureService, "defaultFeatureService is null");
  }

  /** The features of the feature service ({@code ""}: the configured default) for one user. */
  public GetUserFeaturesResponse getUserFeatures(String userId, String featureService) {
    long start = System.nanoTime();
    String serviceName = featureService == null || featureService.isEmpty() ? defaultFeatureService : featureService;
    RegistryIndex index = service.index();
    ResolvedFeatures features = FeatureResolver.resolveService(index, serviceName, true);
    Entity user = index.entity(USER_ENTITY).orElse(null);
    String joinKey = user == null ? "user_id" : user.joinKey();
    for (ViewSelection selection : features.selections()) {
      for (JoinKey key : selection.view().joinKeys()) {
        if (!key.dummy() && !selection.requestColumn(key).equals(joinKey)) {
          throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT, "feature service '" + serviceName
              + "' needs entity '" + selection.requestColumn(key) + "' (feature view '" + selection.view().name()
              + "'); the user API supplies only '" + joinKey + "'");
        }
      }
    }
    FeatureGroups groups = readOne(index, features, joinKey, typeOf(features, joinKey), userId,
        selection -> selection.view().group());
    return GetUserFeaturesResponse.newBuilder()
        .setUserId(userId)
        .putAllFeatures(groups.groups())
        .setCacheHit(groups.allFound())
        .setResponseTimeMs((System.nanoTime() - start) / 1_000_000.0)
        .build();
  }

  /** Every feature of every online view keyed by {@code entity} (a name or join key) alone. */
  public EntityFeatures getEntityFeatures(String entity, String id) {
    long start = System.nanoTime();
    RegistryIndex index = service.index();
    Entity found = index.entity(entity).orElseThrow(() -> new FeatureStoreException(ErrorCode.ENTITY_NOT_FOUND,
        "entity '" + entity + "' does not exist in project '" + index.project() + "'"));
    List<ViewSelection> selections = new ArrayList<>();
    List<OutputColumn> columns = new ArrayList<>();
    for (ViewInfo view : index.views()) {
      List<JoinKey> keys = view.joinKeys();
      if (!view.view().online() || keys.size() != 1 || !keys.get(0).name().equals(found.joinKey())) {
        continue;
      }
      List<String> names = view.view().features().stream().map(f -> f.name()).toList();
      selections.add(new ViewSelection(view, view.name(), names, Map.of()));
      for (int i = 0; i < names.size(); i++) {
        columns.add(new OutputColumn(view.name() + "__" + names.get(i), selections.size() - 1, i));
      }
    }
    FeatureGroups groups = selections.isEmpty()
        ? new FeatureGroups(Map.of(), false)
        : readOne(index, new ResolvedFeatures(selections, columns), found.joinKey(),
            typeOf(new ResolvedFeatures(selections, columns), found.joinKey()), id, selection -> selection.view().name());
    return new EntityFeatures(found.name(), id, groups, (System.nanoTime() - start) / 1_000_000.0);
  }

  private FeatureGroups readOne(RegistryIndex index, ResolvedFeatures features, String joinKey, ValueType type,
      String id, java.util.function.Function<ViewSelection, String> groupOf) {
    Map<String, RepeatedValue> entities = Map.of(joinKey, RepeatedValue.newBuilder().addVal(parse(joinKey, type, id)).build());
    GetOnlineFeaturesResponse response = service.read(index, features, entities);
    return FeatureGroups.of(features, response, 1, groupOf);
  }

  private static ValueType typeOf(ResolvedFeatures features, String joinKey) {
    for (ViewSelection selection : features.selections()) {
      for (JoinKey key : selection.view().joinKeys()) {
        if (selection.requestColumn(key).equals(joinKey) && key.type() != ValueType.INVALID) {
          return key.type();
        }
      }
    }
    return ValueType.STRING;
  }

  /** An id from a URL path, typed by the join key. */
  private static Value parse(String joinKey, ValueType type, String id) {
    try {
      return switch (type) {
        case INT64 -> Value.newBuilder().setInt64Val(Long.parseLong(id)).build();
        case INT32 -> Value.newBuilder().setInt32Val(Integer.parseInt(id)).build();
        case UNIX_TIMESTAMP -> Value.newBuilder().setUnixTimestampVal(Long.parseLong(id)).build();
        default -> Value.newBuilder().setStringVal(id).build();
      };
    } catch (NumberFormatException e) {
      throw new FeatureStoreException(ErrorCode.INVALID_ARGUMENT,
          "entity '" + joinKey + "' is " + type + ", got '" + id + "'");
    }
  }

  /** The answer of {@link #getEntityFeatures}. */
  public record EntityFeatures(String entity, String id, FeatureGroups groups, double responseTimeMs) {}
}
