package dev.featurestore.cli.sample;

import static dev.featurestore.cli.sample.Distributions.logNormal;
import static dev.featurestore.cli.sample.Distributions.poisson;
import static dev.featurestore.cli.sample.Distributions.round;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/** user_order_behavior: nightly order aggregates; total_orders only grows along the history. */
final class UserOrderBehaviorTable extends SampleTable<UserOrderBehaviorTable.Profile> {

  static final class Profile {
    private long totalOrders;
    private final double monthlyRate;
    private final double typicalBasket;

    Profile(long totalOrders, double monthlyRate, double typicalBasket) {
      this.totalOrders = totalOrders;
      this.monthlyRate = monthlyRate;
      this.typicalBasket = typicalBasket;
    }
  }

  UserOrderBehaviorTable() {
    super(
        "user_order_behavior",
        SampleEntity.USER,
        1,
        4,
        Duration.ofDays(1),
        List.of(
            SampleColumn.int64("total_orders"),
            SampleColumn.float64("avg_order_value"),
            SampleColumn.int64("orders_30d")));
  }

  @Override
  Profile newProfile(SplittableRandom rng, double risk) {
    double monthlyRate = logNormal(rng, 1.5 + 2 * risk, 0.7);
    return new Profile(poisson(rng, 4), monthlyRate, logNormal(rng, 85, 0.6));
  }

  @Override
  void writeFeatures(Profile profile, HistoryRow row, FeatureWriter out) throws SQLException {
    SplittableRandom rng = row.rng();
    long orders30d = poisson(rng, Math.min(profile.monthlyRate, 25));
    if (!row.correction()) {
      // Between two snapshots the customer completes a few more orders.
      profile.totalOrders += poisson(rng, profile.monthlyRate / 2);
    }
    long total = Math.max(profile.totalOrders, orders30d);
    out.int64(total);
    out.float64(
        total == 0 ? 0.0 : round(profile.typicalBasket * (0.9 + 0.2 * rng.nextDouble()), 2));
    out.int64(orders30d);
  }
}
