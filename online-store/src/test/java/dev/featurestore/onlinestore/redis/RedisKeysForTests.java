package dev.featurestore.onlinestore.redis;

import dev.featurestore.core.online.EntityKeySerializer;
import dev.featurestore.core.online.RedisKeys;
import feast.proto.types.EntityKeyProto.EntityKey;

/** Redis names computed with the core codec, for raw checks. */
final class RedisKeysForTests {
  private static final EntityKeySerializer V3 = new EntityKeySerializer(3);

  private RedisKeysForTests() {}

  static byte[] key(EntityKey entityKey, String project) {
    return RedisKeys.hashKey(V3.serialize(entityKey), project);
  }

  static byte[] field(String view, String feature) {
    return RedisKeys.featureField(view, feature);
  }
}
