store = FeatureStore(repo_path=".")  # ignored by .feastignore
