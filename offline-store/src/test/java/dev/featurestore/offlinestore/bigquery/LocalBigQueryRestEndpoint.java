package dev.featurestore.offlinestore.bigquery;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * A local stand-in for the small part of the BigQuery REST API v2 that the Java client calls for
 * the offline store; it is <em>not</em> BigQuery and runs no SQL. Tests register tables (schema
 * only, for {@code tables.get}), a schema per dry-run query, and a handler that answers each query
 * with rows the test computed itself, after asserting the SQL and parameters it received.
 *
 * <p>Served: {@code POST projects/{p}/queries} (jobs.query, the client's fast path), {@code POST
 * projects/{p}/jobs} (jobs.insert, dry runs and full jobs), {@code GET projects/{p}/jobs/{id}}
 * (jobs.get), {@code GET projects/{p}/queries/{id}} (jobs.getQueryResults), {@code GET
 * projects/{p}/datasets/{d}/tables/{t}} (tables.get) and {@code .../tables/{t}/data}
 * (tabledata.list, pages of results of earlier queries). Anything else is a 501 and is recorded.
 * Page tokens are row offsets. Values are encoded as the API encodes them (strings in {@code
 * f}/{@code v} cells; bytes base64; timestamps as seconds or, when asked, int64 microseconds).
 */
final class LocalBigQueryRestEndpoint implements AutoCloseable {

  /** One column of a canned schema: a BigQuery type name (INTEGER, FLOAT, STRING, ...). */
  record Column(String name, String type) {}

  /** The rows answering one query, values as Java objects (Long, Double, String, byte[], ...). */
  record Result(List<Column> schema, List<List<Object>> rows) {}

  /** A query as received: its SQL and its named parameters' values as sent. */
  record ReceivedQuery(String sql, Map<String, String> parameters, boolean useLegacySql) {}

  private static final String RESULT_DATASET = "_local_results";
  private static final Gson GSON = new com.google.gson.GsonBuilder().serializeNulls().create();

  private final HttpServer server;
  private final Map<String, List<Column>> tables = new ConcurrentHashMap<>();
  private final Map<String, List<Column>> dryRuns = new ConcurrentHashMap<>();
  private final Map<String, Result> results = new ConcurrentHashMap<>();
  private final Map<String, String> sqlByJob = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger jobCounter = new AtomicInteger();
  private volatile Function<ReceivedQuery, Result> queryHandler =
      q -> {
        throw new AssertionError("no query expected, got " + q.sql());
      };

  LocalBigQueryRestEndpoint() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  /** The root URL to give the client as its host. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void table(String project, String dataset, String table, List<Column> schema) {
    tables.put(project + "." + dataset + "." + table, List.copyOf(schema));
  }

  void dryRun(String sql, List<Column> schema) {
    dryRuns.put(sql, List.copyOf(schema));
  }

  void onQuery(Function<ReceivedQuery, Result> handler) {
    queryHandler = handler;
  }

  /** Every request received, as {@code METHOD path}, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        respond(exchange);
      } catch (RuntimeException | AssertionError e) {
        // A failed assertion in a handler reaches the test as a 400 with the message.
        send(exchange, 400, error(400, "invalidQuery", String.valueOf(e.getMessage()),
            "INVALID_ARGUMENT"));
      }
    }
  }

  private void respond(HttpExchange exchange) throws IOException {
    {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      requests.add(method + " " + path);
      Map<String, String> query = queryParameters(exchange.getRequestURI().getRawQuery());
      int projects = path.indexOf("/projects/");
      List<String> parts = projects < 0 ? List.of()
          : List.of(path.substring(projects + 1).split("/"));
      JsonObject response;
      try {
        response = route(method, parts, query, exchange);
      } catch (NotFound e) {
        send(exchange, 404, error(404, "notFound", e.getMessage(), "NOT_FOUND"));
        return;
      }
      if (response == null) {
        send(exchange, 501, error(501, "notImplemented",
            "not served by the local stand-in: " + method + " " + path, "UNIMPLEMENTED"));
        return;
      }
      send(exchange, 200, response);
    }
  }

  private JsonObject route(String method, List<String> parts, Map<String, String> query,
      HttpExchange exchange) throws IOException {
    if (parts.size() < 3) {
      return null;
    }
    String project = parts.get(1);
    String kind = parts.get(2);
    if (method.equals("POST") && parts.size() == 3 && kind.equals("queries")) {
      return jobsQuery(project, body(exchange));
    }
    if (method.equals("POST") && parts.size() == 3 && kind.equals("jobs")) {
      return jobsInsert(project, body(exchange));
    }
    if (method.equals("GET") && parts.size() == 4 && kind.equals("jobs")) {
      return job(project, parts.get(3), null, false);
    }
    if (method.equals("GET") && parts.size() == 4 && kind.equals("queries")) {
      return page("bigquery#getQueryResultsResponse", project, parts.get(3), query);
    }
    if (method.equals("GET") && kind.equals("datasets") && parts.size() == 6) {
      return tablesGet(project, parts.get(3), parts.get(5));
    }
    if (method.equals("GET") && kind.equals("datasets") && parts.size() == 7
        && parts.get(6).equals("data") && parts.get(3).equals(RESULT_DATASET)) {
      return page("bigquery#tableDataList", project, parts.get(5), query);
    }
    return null;
  }

  private JsonObject jobsQuery(String project, JsonObject request) {
    String jobId = run(received(request));
    Map<String, String> options = new HashMap<>();
    if (request.has("maxResults")) {
      options.put("maxResults", request.get("maxResults").getAsString());
    }
    JsonObject formatOptions = request.getAsJsonObject("formatOptions");
    if (formatOptions != null && formatOptions.has("useInt64Timestamp")) {
      options.put("formatOptions.useInt64Timestamp",
          formatOptions.get("useInt64Timestamp").getAsString());
    }
    return page("bigquery#queryResponse", project, jobId, options);
  }

  private JsonObject jobsInsert(String project, JsonObject job) {
    JsonObject configuration = job.getAsJsonObject("configuration");
    JsonObject queryConfig = configuration.getAsJsonObject("query");
    boolean dryRun = configuration.has("dryRun") && configuration.get("dryRun").getAsBoolean();
    if (dryRun) {
      List<Column> schema = dryRuns.get(queryConfig.get("query").getAsString());
      if (schema == null) {
        throw new NotFound("Not found: no dry run registered for the query");
      }
      JsonObject response = job(project, "dry_run", queryConfig, true);
      response.getAsJsonObject("statistics").getAsJsonObject("query")
          .add("schema", schemaJson(schema));
      return response;
    }
    String jobId = run(received(queryConfig));
    return job(project, jobId, queryConfig, false);
  }

  private static ReceivedQuery received(JsonObject query) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (query.has("queryParameters")) {
      for (JsonElement parameter : query.getAsJsonArray("queryParameters")) {
        JsonObject p = parameter.getAsJsonObject();
        parameters.put(p.get("name").getAsString(),
            p.getAsJsonObject("parameterValue").get("value").getAsString());
      }
    }
    boolean legacy = !query.has("useLegacySql") || query.get("useLegacySql").getAsBoolean();
    return new ReceivedQuery(query.get("query").getAsString(), parameters, legacy);
  }

  private String run(ReceivedQuery query) {
    Result result = queryHandler.apply(query);
    String jobId = "job_" + jobCounter.incrementAndGet();
    results.put(jobId, result);
    sqlByJob.put(jobId, query.sql());
    return jobId;
  }

  private JsonObject job(String project, String jobId, JsonObject queryConfig, boolean dryRun) {
    JsonObject reference = reference(project, jobId);
    JsonObject configuration = new JsonObject();
    JsonObject query = queryConfig == null ? new JsonObject() : queryConfig.deepCopy();
    if (!dryRun) {
      if (!results.containsKey(jobId)) {
        throw new NotFound("Not found: Job " + project + ":" + jobId);
      }
      query.addProperty("query", sqlByJob.get(jobId));
      query.addProperty("useLegacySql", false);
      JsonObject destination = new JsonObject();
      destination.addProperty("projectId", project);
      destination.addProperty("datasetId", RESULT_DATASET);
      destination.addProperty("tableId", jobId);
      query.add("destinationTable", destination);
    }
    configuration.add("query", query);
    configuration.addProperty("jobType", "QUERY");
    configuration.addProperty("dryRun", dryRun);
    JsonObject status = new JsonObject();
    status.addProperty("state", "DONE");
    JsonObject statistics = new JsonObject();
    long now = System.currentTimeMillis();
    statistics.addProperty("creationTime", Long.toString(now));
    statistics.addProperty("startTime", Long.toString(now));
    statistics.addProperty("endTime", Long.toString(now));
    statistics.add("query", new JsonObject());
    JsonObject job = new JsonObject();
    job.addProperty("kind", "bigquery#job");
    job.addProperty("id", project + ":" + jobId);
    job.add("jobReference", reference);
    job.add("configuration", configuration);
    job.add("status", status);
    job.add("statistics", statistics);
    return job;
  }

  /** One page of a query's result, from the row offset in {@code pageToken}. */
  private JsonObject page(String kind, String project, String jobId, Map<String, String> options) {
    Result result = results.get(jobId);
    if (result == null) {
      throw new NotFound("Not found: Job " + project + ":" + jobId);
    }
    int from = Integer.parseInt(options.getOrDefault("pageToken", "0"));
    int size = Integer.parseInt(options.getOrDefault("maxResults", "100000"));
    int to = Math.min(result.rows().size(), from + size);
    boolean int64Timestamps =
        Boolean.parseBoolean(options.getOrDefault("formatOptions.useInt64Timestamp", "false"));
    JsonObject page = new JsonObject();
    page.addProperty("kind", kind);
    page.add("jobReference", reference(project, jobId));
    page.add("schema", schemaJson(result.schema()));
    page.addProperty("totalRows", Integer.toString(result.rows().size()));
    page.addProperty("jobComplete", true);
    page.addProperty("cacheHit", false);
    JsonArray rows = new JsonArray();
    for (List<Object> row : result.rows().subList(from, to)) {
      rows.add(rowJson(result.schema(), row, int64Timestamps));
    }
    page.add("rows", rows);
    if (to < result.rows().size()) {
      page.addProperty("pageToken", Integer.toString(to));
    }
    return page;
  }

  private JsonObject tablesGet(String project, String dataset, String table) {
    List<Column> schema = tables.get(project + "." + dataset + "." + table);
    if (schema == null) {
      throw new NotFound("Not found: Table " + project + ":" + dataset + "." + table);
    }
    JsonObject reference = new JsonObject();
    reference.addProperty("projectId", project);
    reference.addProperty("datasetId", dataset);
    reference.addProperty("tableId", table);
    JsonObject response = new JsonObject();
    response.addProperty("kind", "bigquery#table");
    response.addProperty("id", project + ":" + dataset + "." + table);
    response.add("tableReference", reference);
    response.addProperty("type", "TABLE");
    response.add("schema", schemaJson(schema));
    return response;
  }

  private static JsonObject rowJson(List<Column> schema, List<Object> row, boolean int64Times) {
    JsonArray cells = new JsonArray();
    for (int i = 0; i < schema.size(); i++) {
      JsonObject cell = new JsonObject();
      Object value = row.get(i);
      cell.add("v", value == null ? JsonNull.INSTANCE
          : GSON.toJsonTree(encode(schema.get(i).type(), value, int64Times)));
      cells.add(cell);
    }
    JsonObject json = new JsonObject();
    json.add("f", cells);
    return json;
  }

  private static String encode(String type, Object value, boolean int64Timestamps) {
    return switch (type) {
      case "BYTES" -> Base64.getEncoder().encodeToString((byte[]) value);
      case "TIMESTAMP" -> {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, (Instant) value);
        yield int64Timestamps ? Long.toString(micros)
            : BigDecimal.valueOf(micros, 6).toString();
      }
      default -> String.valueOf(value);
    };
  }

  private static JsonObject schemaJson(List<Column> schema) {
    JsonArray fields = new JsonArray();
    for (Column column : schema) {
      JsonObject field = new JsonObject();
      field.addProperty("name", column.name());
      field.addProperty("type", column.type());
      field.addProperty("mode", "NULLABLE");
      fields.add(field);
    }
    JsonObject json = new JsonObject();
    json.add("fields", fields);
    return json;
  }

  private static JsonObject reference(String project, String jobId) {
    JsonObject reference = new JsonObject();
    reference.addProperty("projectId", project);
    reference.addProperty("jobId", jobId);
    reference.addProperty("location", "US");
    return reference;
  }

  private static JsonObject error(int code, String reason, String message, String status) {
    JsonObject detail = new JsonObject();
    detail.addProperty("reason", reason);
    detail.addProperty("message", message);
    JsonArray errors = new JsonArray();
    errors.add(detail);
    JsonObject error = new JsonObject();
    error.addProperty("code", code);
    error.addProperty("message", message);
    error.add("errors", errors);
    error.addProperty("status", status);
    JsonObject body = new JsonObject();
    body.add("error", error);
    return body;
  }

  private static JsonObject body(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }

  private static Map<String, String> queryParameters(String raw) {
    Map<String, String> parameters = new HashMap<>();
    if (raw == null) {
      return parameters;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      parameters.put(name, value);
    }
    return parameters;
  }

  private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
    byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }
}
