package dev.featurestore.cli.sample;

import static dev.featurestore.cli.sample.Distributions.clamp;
import static dev.featurestore.cli.sample.Distributions.normal;
import static dev.featurestore.cli.sample.Distributions.round;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** user_credit_profile: one row per bureau pull, scores drifting a little between pulls. */
final class UserCreditProfileTable extends SampleTable<UserCreditProfileTable.Profile> {

  record Profile(double score, double limit, double utilization, double risk) {}

  UserCreditProfileTable() {
    super(
        "user_credit_profile",
        SampleEntity.USER,
        1,
        3,
        Duration.ofDays(3),
        List.of(
            SampleColumn.int64("credit_score"),
            SampleColumn.float64("credit_limit"),
            SampleColumn.float64("utilization_ratio"),
            SampleColumn.int64("open_loans")));
  }

  @Override
  Profile newProfile(SplittableRandom rng, double risk) {
    double score = normal(rng, 760 - 300 * risk, 45);
    // Limits follow the score: 250 EUR for thin files up to 5000 EUR for the best.
    double limit = 250 + 4750 * Math.pow(clamp((score - 300) / 550, 0, 1), 2);
    double utilization = clamp(normal(rng, 0.15 + 0.6 * risk, 0.15), 0, 1);
    return new Profile(score, limit, utilization, risk);
  }

  @Override
  void writeFeatures(Profile profile, HistoryRow row, FeatureWriter out) throws SQLException {
    SplittableRandom rng = row.rng();
    out.int64(clamp(Math.round(profile.score() + normal(rng, 0, 8)), 300, 850));
    out.float64(Math.max(250, Math.round(profile.limit() / 50) * 50.0));
    out.float64(round(clamp(profile.utilization() + normal(rng, 0, 0.05), 0, 1), 3));
    out.int64(Distributions.poisson(rng, 0.5 + 3 * profile.risk()));
  }
}
