package dev.featurestore.cli.sample;

import static dev.featurestore.cli.sample.Distributions.clamp;
import static dev.featurestore.cli.sample.Distributions.normal;
import static dev.featurestore.cli.sample.Distributions.pick;
import static dev.featurestore.cli.sample.Distributions.round;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** merchant_features: category plus risk and chargeback rates that depend on it. */
final class MerchantFeaturesTable extends SampleTable<MerchantFeaturesTable.Profile> {
  private static final String[] CATEGORIES = {
    "fashion", "electronics", "home", "beauty", "sports", "travel", "gaming", "jewelry", "health"
  };
  private static final double[] CATEGORY_WEIGHTS = {28, 18, 14, 10, 9, 7, 6, 4, 4};

  record Profile(String category, double risk) {}

  MerchantFeaturesTable() {
    super(
        "merchant_features",
        SampleEntity.MERCHANT,
        1,
        3,
        Duration.ofDays(1),
        List.of(
            SampleColumn.string("category"),
            SampleColumn.float64("risk_score"),
            SampleColumn.float64("chargeback_rate")));
  }

  @Override
  Profile newProfile(SplittableRandom rng, double risk) {
    String category = pick(rng, CATEGORIES, CATEGORY_WEIGHTS);
    // Resellable goods attract fraud: those categories start riskier.
    double base =
        switch (category) {
          case "electronics", "gaming", "jewelry", "travel" -> 0.25;
          default -> 0.05;
        };
    return new Profile(category, clamp(base + 0.6 * risk * risk, 0, 1));
  }

  @Override
  void writeFeatures(Profile profile, HistoryRow row, FeatureWriter out) throws SQLException {
    SplittableRandom rng = row.rng();
    double risk = clamp(profile.risk() + normal(rng, 0, 0.02), 0, 1);
    out.string(profile.category());
    out.float64(round(risk, 3));
    out.float64(round(clamp(0.002 + 0.04 * risk * risk + normal(rng, 0, 0.001), 0, 0.2), 4));
  }
}
