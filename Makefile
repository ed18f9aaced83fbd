# The two commands a newcomer needs: `make up` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
MVN ?= mvn -B -ntp
REPO ?= feature_repo
USERS ?= 10000
APPLIES ?= 20
READS ?= 200
ROWS ?= 1000000
EVENTS ?= 200000
GCP_PROJECT ?=
GCP_REGION ?= europe-west1
REGISTRY_HOST ?=
REDIS_HOST ?=
SERVICE ?= featurestore
IMAGE_TAG ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo latest)
IMAGE ?= $(GCP_REGION)-docker.pkg.dev/$(GCP_PROJECT)/featurestore/featurestore:$(IMAGE_TAG)
FEATURESTORE := bin/featurestore

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-26s %s\n", $$1, $$2}'

.PHONY: install
install: ## Install missing system packages (apt, as root) and build the jar
	bash scripts/install-deps.sh
	$(MVN) -q -DskipTests install

.PHONY: build
build: ## Build every module and the runnable jar, without tests
	$(MVN) -q -DskipTests install

.PHONY: data
data: build ## Generate the sample BNPL data (USERS=10000) as Parquet under feature_repo/data
	$(FEATURESTORE) generate-data --repo $(REPO) --users $(USERS)

RUN_DIR := .run
REST_PORT ?= 8000
UI_PORT ?= 8080

.PHONY: up
up: build ## Build, generate sample data if missing, apply, materialize and serve it in the background
	@mkdir -p $(RUN_DIR)
	@if [ -f $(RUN_DIR)/featurestore.pid ] && kill -0 $$(cat $(RUN_DIR)/featurestore.pid) 2>/dev/null; then \
	  echo "Already running (pid $$(cat $(RUN_DIR)/featurestore.pid)); 'make down' stops it."; exit 0; fi; \
	test -f $(REPO)/data/user_demographics.parquet || $(FEATURESTORE) generate-data --repo $(REPO) --users $(USERS); \
	nohup $(FEATURESTORE) -c $(REPO) up > $(RUN_DIR)/featurestore.log 2>&1 & echo $$! > $(RUN_DIR)/featurestore.pid; \
	for i in $$(seq 1 120); do \
	  if curl -sf -o /dev/null http://localhost:$(REST_PORT)/health && \
	     curl -sf -o /dev/null http://localhost:$(UI_PORT)/login; then break; fi; \
	  if ! kill -0 $$(cat $(RUN_DIR)/featurestore.pid) 2>/dev/null; then \
	    echo "featurestore stopped; its log:"; cat $(RUN_DIR)/featurestore.log; exit 1; fi; \
	  sleep 1; done; \
	cat $(RUN_DIR)/featurestore.log; echo; \
	echo "Up. Try:  curl localhost:$(REST_PORT)/api/v1/features/user/user_00042"; \
	echo "Console:  http://localhost:$(UI_PORT) (development login printed above)"; \
	echo "Log: $(RUN_DIR)/featurestore.log   Stop: make down"

.PHONY: down
down: ## Stop what `make up` started (keeps the data; `make clean-data` removes it)
	@if [ -f $(RUN_DIR)/featurestore.pid ]; then \
	  kill $$(cat $(RUN_DIR)/featurestore.pid) 2>/dev/null && echo "Stopped featurestore (pid $$(cat $(RUN_DIR)/featurestore.pid))"; \
	  rm -f $(RUN_DIR)/featurestore.pid; else echo "Nothing running"; fi

.PHONY: clean-data
clean-data: down ## Remove the sample repository's generated data, registry and online store
	rm -rf $(REPO)/data

.PHONY: test
test: ## Install what is missing, then run every test (unit and integration)
	bash scripts/install-deps.sh
	$(MVN) install

.PHONY: test-unit
test-unit: ## Run the fast tests only (*Test)
	$(MVN) install -Dtest='*Test' -Dsurefire.failIfNoSpecifiedTests=false

.PHONY: test-integration
test-integration: ## Run the tests that start servers (*IT)
	bash scripts/install-deps.sh
	$(MVN) install -Dtest='*IT' -Dsurefire.failIfNoSpecifiedTests=false

.PHONY: test-migration
test-migration: ## Migrate the sample registry SQLite -> PostgreSQL -> SQLite (private PostgreSQL) and verify it
	bash scripts/install-deps.sh
	$(MVN) -q -DskipTests install -pl cli -am
	$(MVN) test -pl cli -Dtest='RegistryMigrate*' -Dsurefire.failIfNoSpecifiedTests=false

.PHONY: benchmark-databases
benchmark-databases: build ## Median/P95 apply and read latency on file, SQLite and a private PostgreSQL (APPLIES=20 READS=200)
	$(MVN) -q -pl cli exec:java -Dexec.classpathScope=test \
	  -Dexec.mainClass=dev.featurestore.cli.RegistryBenchmark \
	  -Dexec.args="--applies $(APPLIES) --reads $(READS) --repo $(CURDIR)/$(REPO)"

.PHONY: benchmark
benchmark: ## Online serving vs raw Redis (P50-P99.9, req/s, targets; report in benchmarks/target/benchmark.md), then the JMH suite
	$(MVN) -q -DskipTests install -pl benchmarks -am
	$(MVN) -q -pl benchmarks exec:exec@load-generator
	$(MVN) -q -pl benchmarks exec:exec@jmh

.PHONY: test-performance
test-performance: ## Quick load run checked against the service levels (P95 REST < 40 ms, gRPC < 30 ms, hit rate > 90%)
	$(MVN) -q -DskipTests install -pl benchmarks -am
	$(MVN) -q -pl benchmarks exec:exec@service-levels

.PHONY: benchmark-materialization
benchmark-materialization: ## Materialize ROWS=1000000 rows x 10 features Parquet -> private Redis vs raw pipelined HSET (rows/s, heap)
	$(MVN) -q -DskipTests install -pl benchmarks -am
	$(MVN) -q -pl benchmarks exec:exec@materialization \
	  -Dmaterialization.args="--rows $(ROWS) --out $(CURDIR)/benchmarks/target/materialization-benchmark.md"

.PHONY: benchmark-cdc
benchmark-cdc: ## CDC lag (COMMIT -> visible in Redis, P50/P99) and sustained events/s through the stream engine (EVENTS=200000)
	$(MVN) -q -DskipTests install -pl benchmarks -am
	$(MVN) -q -pl benchmarks exec:exec@cdc \
	  -Dcdc.args="--events $(EVENTS) --out $(CURDIR)/benchmarks/target/cdc-benchmark.md"

.PHONY: deploy-gcp
deploy-gcp: ## Build and push the image, deploy the server to Cloud Run (GCP_PROJECT=... GCP_REGION=europe-west1)
	@command -v gcloud >/dev/null 2>&1 || { echo "deploy-gcp: the gcloud CLI is not installed; see https://cloud.google.com/sdk/docs/install and docs/DEPLOYMENT.md" >&2; exit 1; }
	@test -n "$(GCP_PROJECT)" -a -n "$(REGISTRY_HOST)" -a -n "$(REDIS_HOST)" || { echo "deploy-gcp: set GCP_PROJECT, REGISTRY_HOST (Cloud SQL) and REDIS_HOST (Memorystore), e.g. make deploy-gcp GCP_PROJECT=my-project REGISTRY_HOST=10.0.0.3 REDIS_HOST=10.0.0.4" >&2; exit 1; }
	@if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then \
	  gcloud auth configure-docker $(GCP_REGION)-docker.pkg.dev --quiet && \
	  docker build -t $(IMAGE) . && docker push $(IMAGE); \
	else \
	  echo "deploy-gcp: no Docker engine here; building with Cloud Build instead"; \
	  gcloud builds submit --project $(GCP_PROJECT) --tag $(IMAGE) .; \
	fi
	gcloud run deploy $(SERVICE) --project $(GCP_PROJECT) --region $(GCP_REGION) --image $(IMAGE) \
	  --port 8000 --args=-c,/app/deploy,serve \
	  --set-secrets=REGISTRY_PASSWORD=featurestore-registry-password:latest,REDIS_PASSWORD=featurestore-redis-password:latest \
	  --set-env-vars=REGISTRY_HOST=$(REGISTRY_HOST),REDIS_HOST=$(REDIS_HOST) \
	  --min-instances=1 --cpu=2 --memory=1Gi --no-allow-unauthenticated

.PHONY: clean
clean: ## Remove build output
	$(MVN) -q clean
