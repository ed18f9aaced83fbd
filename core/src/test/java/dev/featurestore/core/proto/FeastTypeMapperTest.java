package dev.featurestore.core.proto;

import static dev.featurestore.core.proto.FeastTypeMapper.array;
import static dev.featurestore.core.proto.FeastTypeMapper.primitive;
import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.core.model.FeastType;
import dev.featurestore.core.model.Field;
import dev.featurestore.core.model.ValueType;
import feast.proto.core.FeatureProto.FeatureSpecV2;
import feast.proto.types.ValueProto;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeastTypeMapperTest {

  @Test
  void everyDtypeRoundTrips() {
    for (FeastType dtype : ModelFixtures.allDtypes()) {
      Field field = new Field("f", dtype, "d", Map.of("owner", "me"));
      FeatureSpecV2 spec = FeastTypeMapper.toProto(field);
      assertThat(spec.getValueTypeValue())
          .as(dtype.pythonName())
          .isEqualTo(dtype.valueType().number());
      assertThat(FeastTypeMapper.fromProto(spec)).as(dtype.pythonName()).isEqualTo(field);
    }
  }

  @Test
  void scalarsUseFeastValueTypeNumbers() {
    // Float32 is FLOAT (6) and Float64 DOUBLE (5): the trap feast-compat.md warns about.
    assertThat(spec(primitive(ValueType.FLOAT)).getValueType())
        .isEqualTo(ValueProto.ValueType.Enum.FLOAT);
    assertThat(spec(primitive(ValueType.FLOAT)).getValueTypeValue()).isEqualTo(6);
    assertThat(spec(primitive(ValueType.DOUBLE)).getValueTypeValue()).isEqualTo(5);
    assertThat(spec(array(primitive(ValueType.STRING))).getValueTypeValue()).isEqualTo(12);
    assertThat(spec(FeastTypeMapper.set(primitive(ValueType.INT64))).getValueTypeValue())
        .isEqualTo(25);
    assertThat(spec(primitive(ValueType.MAP)).getValueTypeValue()).isEqualTo(20);
    assertThat(spec(primitive(ValueType.JSON)).getValueTypeValue()).isEqualTo(32);
    assertThat(spec(primitive(ValueType.UNIX_TIMESTAMP)).getTagsMap()).isEmpty();
  }

  @Test
  void structSchemaTagIsPythonJson() {
    FeastType.Struct inner =
        new FeastType.Struct(List.of(Field.of("city", primitive(ValueType.STRING))));
    FeastType.Struct struct =
        new FeastType.Struct(
            List.of(Field.of("addr", inner), Field.of("tags", array(primitive(ValueType.STRING)))));

    FeatureSpecV2 spec = spec(struct);

    assertThat(spec.getValueType()).isEqualTo(ValueProto.ValueType.Enum.STRUCT);
    // json.dumps({"addr": json.dumps({"__struct__": {"city": "STRING"}}), "tags": "Array(STRING)"})
    assertThat(spec.getTagsMap())
        .containsExactly(
            Map.entry(
                "feast:struct_schema",
                "{\"addr\": \"{\\\"__struct__\\\": {\\\"city\\\": \\\"STRING\\\"}}\", \"tags\":"
                    + " \"Array(STRING)\"}"));
  }

  @Test
  void arrayOfStructIsStructListWithSchema() {
    FeastType.Struct point =
        new FeastType.Struct(List.of(Field.of("x", primitive(ValueType.FLOAT))));
    FeatureSpecV2 spec = spec(array(point));
    assertThat(spec.getValueType()).isEqualTo(ValueProto.ValueType.Enum.STRUCT_LIST);
    assertThat(spec.getTagsMap()).containsEntry("feast:struct_schema", "{\"x\": \"FLOAT32\"}");
  }

  @Test
  void nestedCollectionsCarryInnerTypeTag() {
    FeatureSpecV2 spec = spec(array(FeastTypeMapper.set(primitive(ValueType.DOUBLE))));
    assertThat(spec.getValueType()).isEqualTo(ValueProto.ValueType.Enum.VALUE_LIST);
    assertThat(spec.getTagsMap())
        .containsExactly(Map.entry("feast:nested_inner_type", "Array(Set(FLOAT64))"));
  }

  @Test
  void structWithoutSchemaTagReadsAsFeastPlaceholder() {
    FeatureSpecV2 spec =
        FeatureSpecV2.newBuilder()
            .setName("s")
            .setValueType(ValueProto.ValueType.Enum.STRUCT)
            .build();
    assertThat(FeastTypeMapper.fromProto(spec).dtype())
        .isEqualTo(new FeastType.Struct(List.of(Field.of("_value", primitive(ValueType.STRING)))));
  }

  @Test
  void pythonNamesMatchFeastTypes() {
    assertThat(primitive(ValueType.FLOAT).pythonName()).isEqualTo("Float32");
    assertThat(array(primitive(ValueType.DOUBLE)).pythonName()).isEqualTo("Array(Float64)");
    assertThat(primitive(ValueType.UNIX_TIMESTAMP).pythonName()).isEqualTo("UnixTimestamp");
  }

  private static FeatureSpecV2 spec(FeastType dtype) {
    return FeastTypeMapper.toProto(Field.of("f", dtype));
  }
}
