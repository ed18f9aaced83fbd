package dev.featurestore.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.featurestore.core.config.RepoConfig;
import dev.featurestore.registry.config.RepoConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files, checked without a Docker engine: docker-compose.yml, .gitlab-ci.yml and
 * monitoring/prometheus.yml parsed as YAML, the Dockerfile read line by line, and the Makefile
 * targets CI calls.
 */
class DeploymentFilesTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern MAKE_CALL = Pattern.compile("\\bmake\\s+([a-zA-Z][a-zA-Z0-9_-]*)");

  @TempDir Path tmp;

  @Test
  void composeDefinesTheStackWithHealthChecksAndValidDependencies() {
    Map<String, Object> compose = yaml("docker-compose.yml");
    Map<String, Map<String, Object>> services = maps(compose.get("services"));
    assertThat(services).containsKeys("postgres", "redis", "setup", "server", "console", "materializer", "streams",
        "prometheus", "grafana");
    assertThat(strings(services.get("postgres").get("command"))).contains("wal_level=logical");
    assertThat(strings(services.get("streams").get("command"))).contains("stream");
    assertThat(services.get("postgres").get("image")).isEqualTo("postgres:15");
    assertThat(services.get("redis").get("image")).isEqualTo("redis:7");
    assertThat(strings(services.get("server").get("ports"))).contains("8000:8000", "50051:50051");
    assertThat(strings(services.get("console").get("ports"))).contains("8080:8080");
    assertThat(strings(services.get("server").get("command"))).contains("serve");
    assertThat(strings(services.get("console").get("command"))).contains("ui");

    for (var entry : services.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> service = entry.getValue();
      Map<String, Object> health = map(service.get("healthcheck"));
      if (!Set.of("setup", "materializer", "streams").contains(name)) {
        assertThat(health).as(name + " healthcheck").isNotNull();
        assertThat(health.get("test")).as(name + " healthcheck test").isNotNull();
      }
      Map<String, Map<String, Object>> dependsOn = maps(service.get("depends_on"));
      if (dependsOn == null) {
        continue;
      }
      for (var dependency : dependsOn.entrySet()) {
        assertThat(services).as(name + " depends on " + dependency.getKey()).containsKey(dependency.getKey());
        String condition = (String) dependency.getValue().get("condition");
        assertThat(condition).isIn("service_started", "service_healthy", "service_completed_successfully");
        if (condition.equals("service_healthy")) {
          Map<String, Object> targetHealth = map(services.get(dependency.getKey()).get("healthcheck"));
          assertThat(targetHealth).as(dependency.getKey() + " must have a health check").isNotNull();
          assertThat(targetHealth.get("disable")).as(dependency.getKey() + " health check disabled").isNotEqualTo(true);
        }
      }
    }
    // Secrets come from the environment, never from the file.
    String text = TestRepos.read(ROOT.resolve("docker-compose.yml"));
    assertThat(text).contains("${POSTGRES_PASSWORD:?", "${REDIS_PASSWORD:?", "${GRAFANA_ADMIN_PASSWORD:?");
    assertThat(services.get("postgres").get("environment").toString()).doesNotContain("change-me");
  }

  @Test
  void composeMountsFilesThatExist() {
    Map<String, Map<String, Object>> services = maps(yaml("docker-compose.yml").get("services"));
    for (var service : services.entrySet()) {
      for (String volume : strings(service.getValue().get("volumes"))) {
        if (volume.startsWith("./")) {
          Path local = ROOT.resolve(volume.substring(2, volume.indexOf(':')));
          assertThat(local).as(service.getKey() + " mounts " + volume).exists();
        }
      }
    }
    assertThat(ROOT.resolve("monitoring/grafana/provisioning/datasources/prometheus.yml")).exists();
    assertThat(ROOT.resolve("monitoring/grafana/provisioning/dashboards/featurestore.yml")).exists();
  }

  @Test
  void prometheusScrapesTheServersMetrics() {
    Map<String, Object> prometheus = yaml("monitoring/prometheus.yml");
    List<Map<String, Object>> jobs = list(prometheus.get("scrape_configs"));
    Map<String, Object> server = jobs.stream()
        .filter(j -> "featurestore-server".equals(j.get("job_name"))).findFirst().orElseThrow();
    assertThat(server.get("metrics_path")).isEqualTo("/metrics");
    List<Map<String, Object>> staticConfigs = list(server.get("static_configs"));
    assertThat(strings(staticConfigs.get(0).get("targets"))).containsExactly("server:8000");
    assertThat(maps(yaml("docker-compose.yml").get("services"))).containsKey("server");
  }

  @Test
  void gitlabPipelineTestsBuildsAndDeploysThroughMakeTargetsThatExist() {
    Map<String, Object> ci = yaml(".gitlab-ci.yml");
    List<String> stages = strings(ci.get("stages"));
    assertThat(stages).containsExactly("test", "build", "deploy");
    Set<String> targets = makeTargets();
    for (String job : List.of("test", "build", "deploy")) {
      Map<String, Object> spec = map(ci.get(job));
      assertThat(spec).as(job).isNotNull();
      assertThat(stages).contains((String) spec.get("stage"));
      for (String line : strings(spec.get("script"))) {
        Matcher make = MAKE_CALL.matcher(line);
        while (make.find()) {
          assertThat(targets).as("make target called by job " + job).contains(make.group(1));
        }
      }
    }
    assertThat(String.join("\n", strings(map(ci.get("test")).get("script")))).contains("make test");
    String build = String.join("\n", strings(map(ci.get("build")).get("script")));
    assertThat(build).contains("docker build", "docker push", "$CI_REGISTRY_IMAGE");
    Map<String, Object> deploy = map(ci.get("deploy"));
    assertThat(String.join("\n", strings(deploy.get("script")))).contains("make deploy-gcp");
    Map<String, Object> rule = list(deploy.get("rules")).get(0);
    assertThat(rule.get("if").toString()).contains("main");
    assertThat(rule.get("when")).isEqualTo("manual");
  }

  @Test
  void makefileHasTheOperationsTargetsWithHelp() {
    String makefile = TestRepos.read(ROOT.resolve("Makefile"));
    for (String target : List.of("test-migration", "benchmark-databases", "deploy-gcp", "test", "up")) {
      assertThat(makefile).containsPattern("(?m)^" + Pattern.quote(target) + ":.*## ");
    }
    assertThat(makefile).contains("command -v gcloud");
  }

  @Test
  void dockerfileBuildsWithMavenAndRunsAsNonRootWithAHealthCheck() {
    List<String> lines = dockerfileInstructions();
    List<String> from = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(from).containsExactly("FROM maven:3.9-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre");
    assertThat(lines).anyMatch(l -> l.startsWith("RUN") && l.contains("mvn -B") && l.contains("-DskipTests package"));
    List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();
    assertThat(users).hasSize(1);
    assertThat(users.get(0)).isNotIn("USER root", "USER 0");
    int userIndex = lines.indexOf(users.get(0));
    assertThat(lines.subList(userIndex, lines.size())).noneMatch(l -> l.startsWith("RUN "));
    assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK") && l.contains("http://localhost:8000/health")
        && !l.contains("curl") && !l.contains("wget"));
    assertThat(lines).contains("EXPOSE 8000 50051 8080", "ENTRYPOINT [\"featurestore\"]");
    assertThat(lines).anyMatch(l -> l.startsWith("COPY --from=build") && l.contains("featurestore.jar"));
    // Every local file the Dockerfile copies exists (sources outside the build stage).
    for (String line : lines) {
      if (line.startsWith("COPY ") && !line.contains("--from=")) {
        String[] words = line.replace("--chown=featurestore:featurestore ", "").split("\\s+");
        if (!words[1].equals(".")) {
          assertThat(ROOT.resolve(words[1])).as(line).exists();
        }
      }
    }
    assertThat(TestRepos.read(ROOT.resolve(".dockerignore"))).contains("**/target/", ".git", "feature_repo/data/");
  }

  @Test
  void dockerFeatureStoreYamlLoadsAndNamesPostgresAndRedis() {
    Path repo = TestRepos.copy(TestRepos.SAMPLE, tmp.resolve("deploy"));
    TestRepos.write(repo.resolve("feature_store.yaml"), TestRepos.read(ROOT.resolve("deploy/feature_store.docker.yaml")));
    RepoConfig config = RepoConfigLoader.load(repo);
    assertThat(config.project()).isEqualTo("bnpl");
    assertThat(config.registry().registryType()).isEqualTo("sql");
    assertThat(config.registry().path()).startsWith("postgresql://featurestore:").contains("5432/featurestore");
    assertThat(config.onlineStore().type()).isEqualTo("redis");
    assertThat(config.offlineStore().type()).isEqualTo("file");
    assertThat(config.entityKeySerializationVersion()).isEqualTo(3);
  }

  @Test
  void dockerComposeConfigAcceptsTheFileWhenTheClientIsInstalled() throws Exception {
    assumeTrue(run("docker", "compose", "version") == 0, "docker compose is not installed here");
    Path env = tmp.resolve("compose.env");
    Files.writeString(env, "POSTGRES_PASSWORD=x\nREDIS_PASSWORD=x\nCONSOLE_ADMIN_PASSWORD=x\nGRAFANA_ADMIN_PASSWORD=x\n");
    assertThat(run("docker", "compose", "--env-file", env.toString(), "-f", ROOT.resolve("docker-compose.yml").toString(), "config", "--quiet"))
        .isZero();
  }

  private static Set<String> makeTargets() {
    return TestRepos.read(ROOT.resolve("Makefile")).lines()
        .map(Pattern.compile("^([a-zA-Z][a-zA-Z0-9_-]*):")::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .collect(Collectors.toSet());
  }

  /** Instructions with continuation lines joined and comments dropped. */
  private static List<String> dockerfileInstructions() {
    String joined = TestRepos.read(ROOT.resolve("Dockerfile")).lines()
        .filter(l -> !l.stripLeading().startsWith("#"))
        .collect(Collectors.joining("\n"))
        .replaceAll("\\\\\n\\s*", " ");
    return joined.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static int run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return -1; // not installed
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  private static Map<String, Object> yaml(String file) {
    return new Yaml().load(TestRepos.read(ROOT.resolve(file)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> maps(Object value) {
    return (Map<String, Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  private static List<String> strings(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    return ((List<?>) value).stream().map(String::valueOf).toList();
  }
}
