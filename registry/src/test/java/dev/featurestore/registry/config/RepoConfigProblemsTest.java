package dev.featurestore.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.core.error.ErrorCode;
import dev.featurestore.core.error.FeatureStoreException;
import dev.featurestore.core.error.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error and warning, with the exact line and column it points at. */
class RepoConfigProblemsTest {
  @TempDir Path repo;

  private RepoConfig load(String yaml) throws IOException {
    Path file = Files.writeString(repo.resolve("feature_store.yaml"), yaml);
    return RepoConfigLoader.load(file, Map.of());
  }

  private FeatureStoreException error(String yaml) {
    FeatureStoreException e = catchThrowableOfType(FeatureStoreException.class, () -> load(yaml));
    assertThat(e).as("expected an error").isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
    return e;
  }

  @Test
  void unknownKeyInAStoreBlockIsAnErrorAtTheKey() {
    FeatureStoreException e =
        error(
            """
            project: p
            registry: r.db
            provider: local
            entity_key_serialization_version: 3
            online_store:
                type: redis
                conection_string: localhost:6379
            """);

    assertThat(e.location()).contains(new SourceLocation("feature_store.yaml", 7, 5));
    assertThat(e)
        .hasMessage(
            "feature_store.yaml:7:5: unknown key 'conection_string' in online_store (type redis);"
                + " known keys: type, redis_type, sentinel_master, connection_string,"
                + " key_ttl_seconds, full_scan_for_deletion, skip_dedup");
  }

  @Test
  void unknownKeyInOfflineStoreAndInSqlite() {
    assertThat(error("project: p\nregistry: r.db\noffline_store:\n  type: file\n  path: x\n"))
        .hasMessage(
            "feature_store.yaml:5:3: unknown key 'path' in offline_store (type file); known keys:"
                + " type");
    assertThat(
            error(
                "project: p\nregistry: r.db\nonline_store:\n  type: sqlite\n"
                    + "  that_field_should_not_be_here: yes\n"))
        .hasMessageStartingWith(
            "feature_store.yaml:5:3: unknown key 'that_field_should_not_be_here' in online_store"
                + " (type sqlite); known keys: type, path,");
  }

  @Test
  void malformedYamlCarriesSnakeYamlsProblem() {
    FeatureStoreException e =
        error("project: p\nregistry: r.db\nonline_store:\n  type: redis\n bad: [\n");
    assertThat(e.location()).map(SourceLocation::line).contains(5);
    assertThat(e.getMessage()).startsWith("feature_store.yaml:5:").contains("malformed YAML: ");

    FeatureStoreException tab = error("project: p\nregistry: r.db\nonline_store:\n\ttype: redis\n");
    assertThat(tab)
        .hasMessageStartingWith(
            "feature_store.yaml:4:1: malformed YAML: found character '\\t(TAB)' that cannot start"
                + " any token");

    FeatureStoreException colon = error("project: p\nregistry: r.db\n  type: x\n");
    assertThat(colon)
        .hasMessage("feature_store.yaml:3:7: malformed YAML: mapping values are not allowed here");
  }

  @Test
  void wrongTypeNamesTheKeyAndTheExpectedType() {
    assertThat(error("project: p\nregistry: r.db\nentity_key_serialization_version: three\n"))
        .hasMessage(
            "feature_store.yaml:3:1: entity_key_serialization_version must be an integer, got"
                + " 'three'");
    assertThat(error("project: p\nregistry: r.db\nentity_key_serialization_version: \"3\"\n"))
        .hasMessage(
            "feature_store.yaml:3:1: entity_key_serialization_version must be an integer, got '3'");
    assertThat(error("project: p\nregistry: r.db\nonline_store:\n  path: 100500\n"))
        .hasMessage(
            "feature_store.yaml:4:3: online_store.path must be a string, got 100500"
                + " (quote it to make it a string)");
    assertThat(
            error(
                "project: p\nregistry: r.db\nonline_store:\n  type: redis\n  skip_dedup: maybe\n"))
        .hasMessage(
            "feature_store.yaml:5:3: online_store.skip_dedup must be true or false, got 'maybe'");
    assertThat(error("project: p\nregistry:\n  path: r.db\n  cache_ttl_seconds: 10m\n"))
        .hasMessage(
            "feature_store.yaml:4:3: registry.cache_ttl_seconds must be an integer, got '10m'");
    assertThat(error("project: 42\nregistry: r.db\n"))
        .hasMessage(
            "feature_store.yaml:1:1: project must be a string, got 42 (quote it to make it a"
                + " string)");
  }

  @Test
  void enumerationsListTheirValues() {
    assertThat(
            error(
                "project: p\n"
                    + "registry: r.db\n"
                    + "online_store:\n"
                    + "  type: redis\n"
                    + "  redis_type: cluster\n"))
        .hasMessage(
            "feature_store.yaml:5:3: online_store.redis_type must be one of redis, redis_cluster,"
                + " redis_sentinel, got 'cluster'");
    assertThat(
            error(
                "project: p\n"
                    + "registry:\n"
                    + "  registry_type: sql\n"
                    + "  path: sqlite:///r.db\n"
                    + "  schema_mode: create\n"))
        .hasMessage(
            "feature_store.yaml:5:3: registry.schema_mode must be one of auto, verify, skip, got"
                + " 'create'");
  }

  @Test
  void missingProjectIsAnError() {
    assertThat(error("# header\nregistry: r.db\nprovider: local\n"))
        .hasMessage("feature_store.yaml:2:1: missing required key 'project'");
  }

  @Test
  void missingOrEmptyRegistryIsAnError() {
    assertThat(error("project: p\n"))
        .hasMessage(
            "feature_store.yaml:1:1: missing required key 'registry' (a file path or a mapping)");
    assertThat(error("project: p\nregistry:\n"))
        .hasMessage("feature_store.yaml:2:1: registry must be a file path or a mapping, got null");
    assertThat(error("project: p\nregistry:\n  registry_type: sql\n"))
        .hasMessage("feature_store.yaml:2:1: registry.path is required for registry_type sql");
    assertThat(error("project: p\nregistry:\n  path: r.db\n  cache_ttl_seconds: -1\n"))
        .hasMessage("feature_store.yaml:4:3: registry.cache_ttl_seconds must not be negative");
  }

  @Test
  void invalidProjectNames() {
    assertThat(error("registry: r.db\nproject: -foo\n"))
        .hasMessage(
            "feature_store.yaml:2:1: project name '-foo' must contain only letters, digits,"
                + " underscores and hyphens, and must not start with an underscore or a hyphen");
    assertThat(error("registry: r.db\nproject: _foo\n"))
        .hasMessageContaining("project name '_foo'");
    assertThat(error("registry: r.db\nproject: foo.bar\n"))
        .hasMessageContaining("project name 'foo.bar'");
    assertThat(error("registry: r.db\nproject: ''\n")).hasMessageContaining("project name ''");
    assertThat(error("registry: r.db\nproject: my-project\n"))
        .hasMessage(
            "feature_store.yaml:2:1: project name 'my-project' must not contain hyphens with the"
                + " sqlite online store");
  }

  @Test
  void validProjectNames() throws IOException {
    assertThat(load("registry: r.db\nproject: my-project\nonline_store: redis\n").project())
        .isEqualTo("my-project");
    assertThat(load("registry: r.db\nproject: 1st_project\n").project()).isEqualTo("1st_project");
    assertThat(load("registry: r.db\nproject: café\n").project()).isEqualTo("café");
  }

  @Test
  void entityKeySerializationVersions() throws IOException {
    RepoConfig v2 = load("project: p\nregistry: r.db\nentity_key_serialization_version: 2\n");
    assertThat(v2.entityKeySerializationVersion()).isEqualTo(2);
    assertThat(v2.warnings())
        .containsExactly(
            "feature_store.yaml:3:1: entity_key_serialization_version 2 is deprecated; version 3 is"
                + " recommended (changing it means rewriting the online store)");
    assertThat(
            load("project: p\nregistry: r.db\nentity_key_serialization_version: 1\n")
                .entityKeySerializationVersion())
        .isEqualTo(1);
    assertThat(error("project: p\nregistry: r.db\nentity_key_serialization_version: 4\n"))
        .hasMessage(
            "feature_store.yaml:3:1: entity_key_serialization_version must be 1, 2 or 3, got 4");
  }

  @Test
  void unknownTopLevelKeysAreWarnings() throws IOException {
    RepoConfig config =
        load(
            """
            project: p
            registry: r.db
            online_store:
              type: sqlite
            serverr:
              port: 1
            flags:
              alpha_features: true
            """);

    assertThat(config.warnings())
        .containsExactly(
            "feature_store.yaml:5:1: unknown top-level key 'serverr'; ignored",
            "feature_store.yaml:7:1: flags are no longer used by Feast; ignored");
  }

  @Test
  void registryOddKeysAreWarnings() throws IOException {
    RepoConfig config =
        load(
            """
            project: p
            registry:
              path: data/registry.db
              cache_ttl_second: 5
              read_path: x
              cache_mode: lazy
            """);

    assertThat(config.warnings())
        .containsExactly(
            "feature_store.yaml:6:3: registry.cache_mode 'lazy' is neither sync nor thread; Feast"
                + " neither refreshes after writes nor refreshes in the background with it",
            "feature_store.yaml:4:3: unknown key 'cache_ttl_second' in registry; ignored",
            "feature_store.yaml:5:3: registry.read_path applies only to registry_type sql;"
                + " ignored");
  }

  @Test
  void duplicateKeysWarnAndTheLastWins() throws IOException {
    RepoConfig config = load("project: a\nregistry: r.db\nproject: b\n");

    assertThat(config.project()).isEqualTo("b");
    assertThat(config.warnings())
        .containsExactly(
            "feature_store.yaml:3:1: duplicate key 'project' in the top level (first at line 1);"
                + " the last one wins");
  }

  @Test
  void postgresRequiresItsConnectionKeys() {
    assertThat(
            error(
                """
                project: p
                registry: r.db
                offline_store:
                  type: postgres
                  host: localhost
                  database: feast
                  user: feast
                """))
        .hasMessage(
            "feature_store.yaml:3:1: missing required key 'password' in offline_store (type"
                + " postgres)");
    assertThat(error("project: p\nregistry: r.db\noffline_store: postgres\n"))
        .hasMessage(
            "feature_store.yaml:3:1: missing required key 'host' in offline_store (type postgres)");
  }

  @Test
  void bigQueryBillingProjectNeedsProjectId() {
    assertThat(
            error(
                "project: p\n"
                    + "registry: r.db\n"
                    + "offline_store:\n"
                    + "  type: bigquery\n"
                    + "  billing_project_id: b\n"))
        .hasMessage(
            "feature_store.yaml:5:3: offline_store.billing_project_id needs"
                + " offline_store.project_id to be set as well");
  }

  @Test
  void authAndFeatureServerAreChecked() {
    assertThat(error("project: p\nregistry: r.db\nauth:\n  client_id: x\n"))
        .hasMessage(
            "feature_store.yaml:3:1: auth is missing its type; one of no_auth, kubernetes, oidc");
    assertThat(error("project: p\nregistry: r.db\nauth:\n  type: ldap\n"))
        .hasMessage(
            "feature_store.yaml:3:1: auth type 'ldap' is not supported; one of no_auth, kubernetes,"
                + " oidc");
    assertThat(error("project: p\nregistry: r.db\nfeature_server:\n  type: grpc\n"))
        .hasMessage(
            "feature_store.yaml:3:1: feature_server type 'grpc' is not supported; one of local,"
                + " mcp");
    assertThat(error("project: p\nregistry: r.db\nfeature_server:\n  enabled: true\n  port: 1\n"))
        .hasMessageStartingWith(
            "feature_store.yaml:5:3: unknown key 'port' in feature_server (type local); known"
                + " keys:");
  }

  @Test
  void materializationIsChecked() throws IOException {
    assertThat(
            error("project: p\nregistry: r.db\nmaterialization:\n  online_write_batch_size: 0\n"))
        .hasMessage(
            "feature_store.yaml:4:3: materialization.online_write_batch_size must be greater than"
                + " 0");
    assertThat(load("project: p\nregistry: r.db\nmaterialization:\n  batch: 1\n").warnings())
        .containsExactly("feature_store.yaml:4:3: unknown key 'batch' in materialization; ignored");
  }

  @Test
  void sectionsOfTheWrongShape() {
    assertThat(error("project: p\nregistry: r.db\nonline_store: [redis]\n"))
        .hasMessage(
            "feature_store.yaml:3:1: online_store must be a type name or a mapping, got a list");
    assertThat(error("project: p\nregistry: r.db\nserver: 8000\n"))
        .hasMessage("feature_store.yaml:3:1: server must be a mapping, got 8000");
    assertThat(error("project: p\nregistry: r.db\nonline_store:\n  type: 3\n"))
        .hasMessage(
            "feature_store.yaml:4:3: online_store.type must be a string, got 3 (quote it to make it"
                + " a string)");
    assertThat(error("- project: p\n"))
        .hasMessage(
            "feature_store.yaml:1:1: feature_store.yaml must be a mapping of settings, got a"
                + " sequence");
    assertThat(error("# nothing\n"))
        .hasMessage(
            "feature_store.yaml:1: feature_store.yaml is empty; it needs at least project and"
                + " registry");
  }

  @Test
  void pythonTagsAreRefused() {
    assertThat(error("project: p\nregistry: !!python/name:os.system r.db\n").getMessage())
        .isEqualTo(
            "feature_store.yaml:2:11: malformed YAML: Global tag is not allowed:"
                + " tag:yaml.org,2002:python/name:os.system");
  }
}
