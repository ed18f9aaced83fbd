package dev.featurestore.cli.sample;

import static dev.featurestore.cli.sample.Distributions.poisson;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** user_repayment_risk: delays and missed instalments, concentrated on the riskiest users. */
final class UserRepaymentRiskTable extends SampleTable<UserRepaymentRiskTable.Profile> {

  static final class Profile {
    private long delays;
    private final double risk;

    Profile(long delays, double risk) {
      this.delays = delays;
      this.risk = risk;
    }
  }

  UserRepaymentRiskTable() {
    super(
        "user_repayment_risk",
        SampleEntity.USER,
        1,
        3,
        Duration.ofDays(1),
        List.of(SampleColumn.int64("payment_delays"), SampleColumn.int64("missed_payments_90d")));
  }

  @Override
  Profile newProfile(SplittableRandom rng, double risk) {
    return new Profile(poisson(rng, 0.3 + 6 * risk * risk), risk);
  }

  @Override
  void writeFeatures(Profile profile, HistoryRow row, FeatureWriter out) throws SQLException {
    SplittableRandom rng = row.rng();
    if (!row.correction()) {
      profile.delays += poisson(rng, 0.1 + profile.risk * profile.risk);
    }
    long missed = Math.min(profile.delays, poisson(rng, 3 * Math.pow(profile.risk, 3)));
    out.int64(profile.delays);
    out.int64(missed);
  }
}
