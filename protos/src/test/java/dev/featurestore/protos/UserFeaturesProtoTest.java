package dev.featurestore.protos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.api.v1.FeatureGroup;
import dev.featurestore.api.v1.GetUserFeaturesRequest;
import dev.featurestore.api.v1.GetUserFeaturesResponse;
import dev.featurestore.api.v1.UserFeaturesServiceGrpc;
import feast.proto.serving.ServingAPIProto.FieldStatus;
import feast.proto.types.ValueProto.Value;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class UserFeaturesProtoTest {

  @Test
  void serviceMethodName() {
    assertThat(UserFeaturesServiceGrpc.getGetUserFeaturesMethod().getFullMethodName())
        .isEqualTo("featurestore.api.v1.UserFeaturesService/GetUserFeatures");
  }

  @Test
  void requestBytes() throws Exception {
    // user_id = 1: 0a 0a "user_12345"; feature_service = 2: 12 04 "risk"
    byte[] bytes = HexFormat.of().parseHex("0a0a" + "757365725f3132333435" + "1204" + "7269736b");
    GetUserFeaturesRequest request = GetUserFeaturesRequest.parseFrom(bytes);
    assertThat(request.getUserId()).isEqualTo("user_12345");
    assertThat(request.getFeatureService()).isEqualTo("risk");
    assertThat(request.toByteArray()).isEqualTo(bytes);
  }

  @Test
  void responseMirrorsTheRestJson() throws Exception {
    GetUserFeaturesResponse response =
        GetUserFeaturesResponse.newBuilder()
            .setUserId("user_12345")
            .putFeatures(
                "demographics",
                FeatureGroup.newBuilder()
                    .putValues("age", Value.newBuilder().setInt64Val(28).build())
                    .putValues("location", Value.newBuilder().setStringVal("AE").build())
                    .putStatuses("age", FieldStatus.PRESENT)
                    .build())
            .setResponseTimeMs(0.4)
            .setCacheHit(true)
            .build();
    GetUserFeaturesResponse parsed = GetUserFeaturesResponse.parseFrom(response.toByteArray());
    assertThat(parsed).isEqualTo(response);
    assertThat(
            parsed.getFeaturesOrThrow("demographics").getValuesOrThrow("location").getStringVal())
        .isEqualTo("AE");
  }
}
