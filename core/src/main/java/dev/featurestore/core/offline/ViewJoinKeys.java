package dev.featurestore.core.offline;

import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.FeatureView;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.RepoContents;
import dev.featurestore.core.proto.FeastTypeMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The typed join keys of a feature view, as materialization and historical retrieval read them. */
public final class ViewJoinKeys {
  /** Feast's dummy entity of entityless views; it has no column to match. */
  public static final String DUMMY_ENTITY = "__dummy";

  private ViewJoinKeys() {}

  /**
   * Each entity's join key, typed by the view's entity column, else by the entity's value type, in
   * the view's entity order.
   *
   * @throws FeatureStoreException ENTITY_NOT_FOUND for an unknown entity, INVALID_DEFINITION when a
   *     key's type is unknown
   */
  public static List<Field> of(RepoContents contents, FeatureView view) {
    List<Field> keys = new ArrayList<>();
    for (Entity entity : entities(contents, view)) {
      Optional<Field> column =
          view.entityColumns().stream().filter(f -> f.name().equals(entity.joinKey())).findFirst();
      if (column.isPresent()) {
        keys.add(column.get());
      } else if (entity.valueType().isPresent()) {
        keys.add(Field.of(entity.joinKey(), FeastTypeMapper.primitive(entity.valueType().get())));
      } else {
        throw new FeatureStoreException(ErrorCode.INVALID_DEFINITION,
            "feature view '" + view.name() + "': the type of join key '" + entity.joinKey()
                + "' is unknown (no entity column and no value_type on entity '" + entity.name()
                + "'); run apply again");
      }
    }
    return keys;
  }

  /** The join key names only; needs no types. */
  public static List<String> names(RepoContents contents, FeatureView view) {
    return entities(contents, view).stream().map(Entity::joinKey).toList();
  }

  private static List<Entity> entities(RepoContents contents, FeatureView view) {
    List<Entity> entities = new ArrayList<>();
    for (String entityName : view.entities()) {
      if (!entityName.equals(DUMMY_ENTITY)) {
        entities.add(contents.entity(entityName).orElseThrow(() -> new FeatureStoreException(
            ErrorCode.ENTITY_NOT_FOUND,
            "feature view '" + view.name() + "' uses entity '" + entityName
                + "', which does not exist in project " + contents.project().name())));
      }
    }
    return entities;
  }
}
