package dev.featurestore.cli.console;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.featurestore.adminui.lookup.LookupBackend;
import dev.featurestore.adminui.lookup.LookupResult;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.model.Entity;
import dev.featurestore.core.model.ValueType;
import dev.featurestore.onlineserver.serving.OnlineFeatureService;
import dev.featurestore.onlineserver.serving.RegistryIndex;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.types.ValueProto.RepeatedValue;
import feast.proto.types.ValueProto.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The console's lookup page over the online server's {@link OnlineFeatureService}: the same
 * resolution, typing, store call and metrics as a {@code get-online-features} request, in-process.
 * Entity values typed as text are converted to the entity's value type (whole numbers for INT32 and
 * INT64 keys, text otherwise).
 */
public final class ServerLookupBackend implements LookupBackend {

  private final OnlineFeatureService service;

  public ServerLookupBackend(OnlineFeatureService service) {
    this.service = requireNonNull(service, "service is null");
  }

  @Override
  public boolean connected() {
    return true;
  }

  @Override
  public LookupResult lookup(String featureService, Map<String, String> entityKeys) {
    if (entityKeys.isEmpty()) {
      return LookupResult.unavailable("Give the entity keys, e.g. user_id=user_00042.");
    }
    try {
      RegistryIndex index = service.index();
      GetOnlineFeaturesRequest.Builder request =
          GetOnlineFeaturesRequest.newBuilder().setFeatureService(featureService).setFullFeatureNames(true);
      for (Map.Entry<String, String> key : entityKeys.entrySet()) {
        Optional<ValueType> type = index.entity(key.getKey()).flatMap(Entity::valueType);
        request.putEntities(key.getKey(), RepeatedValue.newBuilder().addVal(value(key.getValue(), type)).build());
      }
      return rows(service.getOnlineFeatures(request.build()), entityKeys);
    } catch (FeatureStoreException e) {
      return LookupResult.unavailable(e.getMessage());
    } catch (NumberFormatException e) {
      return LookupResult.unavailable("An entity key needs a whole number: " + e.getMessage());
    }
  }

  private static Value value(String text, Optional<ValueType> type) {
    return switch (type.orElse(ValueType.STRING)) {
      case INT64 -> Value.newBuilder().setInt64Val(Long.parseLong(text.trim())).build();
      case INT32 -> Value.newBuilder().setInt32Val(Integer.parseInt(text.trim())).build();
      default -> Value.newBuilder().setStringVal(text).build();
    };
  }

  private static LookupResult rows(GetOnlineFeaturesResponse response, Map<String, String> entityKeys) {
    List<String> names = response.getMetadata().getFeatureNames().getValList();
    List<LookupResult.Row> rows = new ArrayList<>();
    for (int i = 0; i < names.size() && i < response.getResultsCount(); i++) {
      if (entityKeys.containsKey(names.get(i))) {
        continue; // the keys the user typed come back first; the page already shows them
      }
      var column = response.getResults(i);
      Optional<Instant> eventTime = column.getEventTimestampsCount() == 0
          ? Optional.empty() : instant(column.getEventTimestamps(0));
      rows.add(new LookupResult.Row(names.get(i), text(column.getValues(0)), column.getStatuses(0).name(), eventTime));
    }
    return new LookupResult(rows, "");
  }

  private static Optional<Instant> instant(Timestamp timestamp) {
    return timestamp.getSeconds() == 0 && timestamp.getNanos() == 0
        ? Optional.empty() : Optional.of(Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()));
  }

  /** A value as text: scalars as Java prints them, lists in brackets, bytes in base64, "null" when unset. */
  static String text(Value value) {
    FieldDescriptor field = value.getOneofFieldDescriptor(value.getDescriptorForType().getOneofs().get(0));
    if (field == null || value.getValCase() == Value.ValCase.NULL_VAL) {
      return "null";
    }
    Object content = value.getField(field);
    if (content instanceof Message list) {
      FieldDescriptor val = list.getDescriptorForType().findFieldByName("val");
      List<?> items = val == null ? List.of() : (List<?>) list.getField(val);
      return items.stream().map(ServerLookupBackend::scalar).collect(Collectors.joining(", ", "[", "]"));
    }
    return scalar(content);
  }

  private static String scalar(Object item) {
    return item instanceof ByteString bytes ? Base64.getEncoder().encodeToString(bytes.toByteArray()) : String.valueOf(item);
  }
}
