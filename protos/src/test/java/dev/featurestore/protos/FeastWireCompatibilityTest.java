package dev.featurestore.protos;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import com.google.protobuf.Timestamp;
import feast.proto.core.DataSourceProto.DataSource;
import feast.proto.core.EntityProto.Entity;
import feast.proto.core.FeatureViewProto.FeatureView;
import feast.proto.core.FeatureViewProto.FeatureViewSpec;
import feast.proto.core.RegistryProto.Registry;
import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesRequest;
import feast.proto.serving.ServingAPIProto.GetOnlineFeaturesResponse;
import feast.proto.types.ValueProto.Value;
import feast.proto.types.ValueProto.ValueType;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Golden bytes derived by hand from the field numbers of Feast's protos (tag byte = field number <<
 * 3 | wire type; wire types 0 varint, 1 fixed64, 2 length-delimited, 5 fixed32). Each test parses
 * the bytes, checks the fields, and re-serializes to the identical bytes, so a wrong field number
 * or type in our .proto files shows up here.
 */
class FeastWireCompatibilityTest {

  private static final HexFormat HEX = HexFormat.of();

  @Test
  void entity() throws Exception {
    // EntitySpecV2:
    //   0a 06 "driver"           name = 1 (len)
    //   10 04                    value_type = 2 (varint) INT64 = 4
    //   22 09 "driver_id"        join_key = 4 (len)
    //   -> 8 + 2 + 11 = 21 = 0x15 bytes
    // Entity: 0a 15 <spec>       spec = 1
    byte[] bytes = hex("0a15" + "0a06647269766572" + "1004" + "22096472697665725f6964");

    Entity entity = roundTrip(Entity.parser(), bytes);
    assertThat(entity.getSpec().getName()).isEqualTo("driver");
    assertThat(entity.getSpec().getJoinKey()).isEqualTo("driver_id");
    assertThat(entity.getSpec().getValueType()).isEqualTo(ValueType.Enum.INT64);
    assertThat(entity.hasMeta()).isFalse();
  }

  @Test
  void featureViewWithFileSource() throws Exception {
    // FeatureViewSpec, fields in number order:
    //   0a 05 "stats"                          name = 1                    7 bytes
    //   1a 06 "driver"                         entities = 3                8 bytes
    //   22 0d [0a 09 "conv_rate" 10 06]        features = 4: FeatureSpecV2{name, value_type
    // FLOAT=6}  15
    //   32 04 [08 80a305]                      ttl = 6: Duration{seconds = 86400}; 86400 = 5*128^2
    // +
    //                                          35*128 + 0 -> varint 80 a3 05
    //   6
    //   3a 1d <DataSource>                     batch_source = 7
    //  31
    //     08 01                                type = 1: BATCH_FILE = 1
    //     1a 02 "ts"                           timestamp_field = 3
    //     5a 0f [0a 02 [0a 00] 12 09 "a.parquet"]  file_options = 11 (tag 0x5a): FileOptions{
    //                                          file_format = 1: FileFormat{parquet_format = 1: {}},
    //                                          uri = 2}
    //     a2 01 03 "src"                       name = 20: tag 20<<3|2 = 162 -> varint a2 01
    //     -> 2 + 4 + 17 + 6 = 29 = 0x1d
    //   40 01                                  online = 8 (varint) true   2 bytes
    //   -> 7 + 8 + 15 + 6 + 31 + 2 = 69 = 0x45
    // FeatureView: 0a 45 <spec>
    byte[] bytes =
        hex(
            "0a45"
                + "0a057374617473"
                + "1a06647269766572"
                + "220d0a09636f6e765f726174651006"
                + "32040880a305"
                + "3a1d"
                + "0801"
                + "1a027473"
                + "5a0f0a020a001209612e70617271756574"
                + "a20103737263"
                + "4001");

    FeatureView view = roundTrip(FeatureView.parser(), bytes);
    FeatureViewSpec spec = view.getSpec();
    assertThat(spec.getName()).isEqualTo("stats");
    assertThat(spec.getEntitiesList()).containsExactly("driver");
    assertThat(spec.getFeatures(0).getName()).isEqualTo("conv_rate");
    assertThat(spec.getFeatures(0).getValueType()).isEqualTo(ValueType.Enum.FLOAT);
    assertThat(spec.getTtl()).isEqualTo(Duration.newBuilder().setSeconds(86_400).build());
    assertThat(spec.getOnline()).isTrue();
    DataSource source = spec.getBatchSource();
    assertThat(source.getType()).isEqualTo(DataSource.SourceType.BATCH_FILE);
    assertThat(source.getName()).isEqualTo("src");
    assertThat(source.getTimestampField()).isEqualTo("ts");
    assertThat(source.getFileOptions().getUri()).isEqualTo("a.parquet");
    assertThat(source.getFileOptions().getFileFormat().hasParquetFormat()).isTrue();
  }

  @Test
  void registryWithOneEntity() throws Exception {
    // Registry: entities = 1 holding the Entity of entity() (23 bytes = 0x17),
    //           registry_schema_version = 3: 1a 01 "1"
    byte[] bytes =
        hex("0a17" + "0a15" + "0a06647269766572" + "1004" + "22096472697665725f6964" + "1a0131");

    Registry registry = roundTrip(Registry.parser(), bytes);
    assertThat(registry.getEntities(0).getSpec().getJoinKey()).isEqualTo("driver_id");
    assertThat(registry.getRegistrySchemaVersion()).isEqualTo("1");
  }

  @Test
  void getOnlineFeaturesRequest() throws Exception {
    // features = 2: FeatureList{val = 1: "stats:conv_rate" (15 bytes)}
    //   12 11 [0a 0f "stats:conv_rate"]
    // entities = 3: map entry {key = 1: "driver_id", value = 2: RepeatedValue{val = 1:
    // Value{int64_val = 4: 1001}}}
    //   1001 = 7*128 + 105 -> varint e9 07; Value = 20 e9 07 (3); RepeatedValue = 0a 03 <3> (5);
    //   entry = 0a 09 "driver_id" (11) + 12 05 <5> (7) = 18 = 0x12
    //   1a 12 <entry>
    byte[] bytes =
        hex(
            "1211"
                + "0a0f73746174733a636f6e765f72617465"
                + "1a12"
                + "0a096472697665725f6964"
                + "12050a0320e907");

    GetOnlineFeaturesRequest request = roundTrip(GetOnlineFeaturesRequest.parser(), bytes);
    assertThat(request.getFeatures().getValList()).containsExactly("stats:conv_rate");
    assertThat(request.getEntitiesMap().get("driver_id").getVal(0).getInt64Val()).isEqualTo(1001);
    assertThat(request.getKindCase()).isEqualTo(GetOnlineFeaturesRequest.KindCase.FEATURES);
  }

  @Test
  void getOnlineFeaturesResponseIsColumnMajor() throws Exception {
    // metadata = 1: {feature_names = 1: FeatureList{val = 1: "conv_rate"}}
    //   0a 0d [0a 0b [0a 09 "conv_rate"]]
    // results = 2: FeatureVector{
    //   values = 1: Value{float_val = 6: 0.5f}      0a 05 [35 0000003f]
    //   statuses = 2: packed enum [PRESENT = 1]     12 01 01
    //   event_timestamps = 3: Timestamp{seconds = 1: 1705320000 -> varint c0 bc 94 ad 06}
    //                                                1a 06 [08 c0bc94ad06]}
    //   -> 7 + 3 + 8 = 18 = 0x12:                   12 12 <vector>
    byte[] bytes =
        hex(
            "0a0d0a0b0a09636f6e765f72617465"
                + "1212"
                + "0a05350000003f"
                + "120101"
                + "1a0608c0bc94ad06");

    GetOnlineFeaturesResponse response = roundTrip(GetOnlineFeaturesResponse.parser(), bytes);
    assertThat(response.getMetadata().getFeatureNames().getValList()).containsExactly("conv_rate");
    GetOnlineFeaturesResponse.FeatureVector column = response.getResults(0);
    assertThat(column.getValues(0).getFloatVal()).isEqualTo(0.5f);
    assertThat(column.getStatuses(0)).isEqualTo(FieldStatus.PRESENT);
    assertThat(column.getEventTimestamps(0))
        .isEqualTo(Timestamp.newBuilder().setSeconds(1_705_320_000L).build());
  }

  @Test
  void scalarValuesFromFeastCompat() throws Exception {
    // tag = oneof member number << 3 | wire type (feast-compat.md section 3)
    assertValue("35" + "0000003f", Value.newBuilder().setFloatVal(0.5f).build()); // 6, fixed32
    assertValue(
        "29" + "000000000000e03f", Value.newBuilder().setDoubleVal(0.5).build()); // 5, fixed64
    assertValue("20" + "07", Value.newBuilder().setInt64Val(7).build()); // 4, varint
    assertValue("20" + "e907", Value.newBuilder().setInt64Val(1001).build());
    assertValue(
        "20" + "00", Value.newBuilder().setInt64Val(0).build()); // a set member is written at 0
    assertValue(
        "20" + "ffffffffffffffffff01",
        Value.newBuilder().setInt64Val(-1).build()); // 10-byte two's complement
    assertValue("18" + "07", Value.newBuilder().setInt32Val(7).build()); // 3
    assertValue("38" + "01", Value.newBuilder().setBoolVal(true).build()); // 7
    assertValue("12" + "03616263", Value.newBuilder().setStringVal("abc").build()); // 2
    assertValue(
        "40" + "c0bc94ad06", Value.newBuilder().setUnixTimestampVal(1_705_320_000L).build()); // 8
    assertValue("", Value.getDefaultInstance()); // null in the source data: no oneof member
    // null_val = 19: tag 19<<3|0 = 152 -> varint 98 01, enum NULL = 0
    assertValue("9801" + "00", Value.newBuilder().setNullValValue(0).build());
  }

  @Test
  void collectionValues() throws Exception {
    // float_list_val = 16: tag 16<<3|2 = 130 -> 82 01; FloatList{val = 1 packed: 0a 08 [1.0f 2.0f]}
    assertValue(
        "8201" + "0a" + "0a08" + "0000803f" + "00000040",
        Value.newBuilder()
            .setFloatListVal(
                feast.proto.types.ValueProto.FloatList.newBuilder().addVal(1f).addVal(2f))
            .build());
    // map_val = 20: tag 162 -> a2 01; Map{val = 1: entry{key "a", value Value{int32_val 7}}}
    //   entry = 0a 01 61 + 12 02 [18 07] = 7 bytes; Map = 0a 07 <entry> = 9 bytes
    assertValue(
        "a201" + "09" + "0a07" + "0a0161" + "12021807",
        Value.newBuilder()
            .setMapVal(
                feast.proto.types.ValueProto.Map.newBuilder()
                    .putVal("a", Value.newBuilder().setInt32Val(7).build()))
            .build());
    // zoned_timestamp_val = 48: tag 48<<3|2 = 386 -> 82 03;
    //   ZonedTimestamp{unix_timestamp = 1: 1705320000, zone = 2: "UTC"} = 6 + 5 = 11 bytes
    assertValue(
        "8203" + "0b" + "08c0bc94ad06" + "1203555443",
        Value.newBuilder()
            .setZonedTimestampVal(
                feast.proto.types.ValueProto.ZonedTimestamp.newBuilder()
                    .setUnixTimestamp(1_705_320_000L)
                    .setZone("UTC"))
            .build());
    // list_val = 42: tag 42<<3|2 = 338 -> d2 02; RepeatedValue{val = 1: Value{int32_val 1}}
    //   Value = 18 01; RepeatedValue = 0a 02 <value> = 4 bytes
    assertValue(
        "d202" + "04" + "0a021801",
        Value.newBuilder()
            .setListVal(
                feast.proto.types.ValueProto.RepeatedValue.newBuilder()
                    .addVal(Value.newBuilder().setInt32Val(1)))
            .build());
  }

  @Test
  void valueTypeNumbersMatchValueOneofNumbers() {
    // The registry stores value_type; the online store the oneof member with the same number.
    for (ValueType.Enum type : ValueType.Enum.values()) {
      if (type == ValueType.Enum.UNRECOGNIZED || type == ValueType.Enum.INVALID) {
        continue;
      }
      Value.ValCase member = Value.ValCase.forNumber(type.getNumber());
      assertThat(member).as(type.name()).isNotNull();
      // Nested collections are the one naming exception: VALUE_LIST -> list_val.
      String expected = type.name().replaceFirst("^VALUE_", "") + "_VAL";
      assertThat(member.name()).as(type.name()).isEqualTo(expected);
    }
  }

  private static void assertValue(String hex, Value expected) throws Exception {
    byte[] bytes = hex(hex);
    Value parsed = roundTrip(Value.parser(), bytes);
    assertThat(parsed).isEqualTo(expected);
    assertThat(expected.toByteArray()).isEqualTo(bytes);
  }

  private static <T extends Message> T roundTrip(Parser<T> parser, byte[] bytes) throws Exception {
    T message = parser.parseFrom(bytes);
    assertThat(message.getUnknownFields().asMap()).isEmpty();
    assertThat(message.toByteArray()).isEqualTo(bytes);
    return message;
  }

  private static byte[] hex(String hex) {
    return HEX.parseHex(hex);
  }
}
