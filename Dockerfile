# syntax=docker/dockerfile:1
# The featurestore image: the CLI jar, which runs the REST/gRPC server (`serve`), the console
# (`ui`) and every other command. Build: docker build -t featurestore .

# --- build: the whole reactor, tests skipped (CI runs them before building the image) ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds (BuildKit); the build downloads protoc from Central.
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp -DskipTests package
RUN javac -d /out/healthcheck deploy/docker/HealthCheck.java

# --- runtime: JRE only, non-root ---
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 featurestore \
    && useradd --system --uid 10001 --gid featurestore --home-dir /app --shell /usr/sbin/nologin featurestore
WORKDIR /app
COPY --from=build /src/cli/target/featurestore.jar /app/featurestore.jar
COPY --from=build /out/healthcheck /app/healthcheck
COPY deploy/docker/featurestore /usr/local/bin/featurestore
# The sample repository on embedded defaults, and the same definitions wired to PostgreSQL and
# Redis through ${...} variables (docker-compose.yml, Cloud Run).
COPY --chown=featurestore:featurestore feature_repo/ /app/feature_repo/
COPY --chown=featurestore:featurestore feature_repo/ /app/deploy/
COPY --chown=featurestore:featurestore deploy/feature_store.docker.yaml /app/deploy/feature_store.yaml
# data/ exists and belongs to the user, so an empty volume mounted there starts out writable.
RUN mkdir -p /app/deploy/data /app/feature_repo/data \
    && chown featurestore:featurestore /app/deploy/data /app/feature_repo/data
USER featurestore
# REST (Feast's /get-online-features, product API, /health, /metrics), gRPC, console.
EXPOSE 8000 50051 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["java", "-cp", "/app/healthcheck", "HealthCheck", "http://localhost:8000/health"]
ENTRYPOINT ["featurestore"]
CMD ["-c", "/app/deploy", "serve"]
