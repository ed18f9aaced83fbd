# The two commands a newcomer needs: `make up` and `make test`. `make help` lists the rest.
SHELL := /bin/bash
MVN ?= mvn -B -ntp
REPO ?= feature_repo
USERS ?= 10000
FEATURESTORE := bin/featurestore

.DEFAULT_GOAL := help

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  %-18s %s\n", $$1, $$2}'

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

.PHONY: up
up: data ## Build, generate sample data and apply the sample repository on embedded defaults
	$(FEATURESTORE) -c $(REPO) apply
	@echo
	@echo "Registry of $(REPO) applied. Inspect it with: $(FEATURESTORE) -c $(REPO) registry-dump"

.PHONY: down
down: ## Remove the sample repository's generated data, registry and online store
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

.PHONY: clean
clean: ## Remove build output
	$(MVN) -q clean
