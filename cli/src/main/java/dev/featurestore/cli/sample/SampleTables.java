package dev.featurestore.cli.sample;

import java.util.List;

/** Every sample table, in the order the files are written. */
final class SampleTables {
  private SampleTables() {}

  static List<SampleTable<?>> all() {
    return List.of(
        new UserDemographicsTable(),
        new UserCreditProfileTable(),
        new UserOrderBehaviorTable(),
        new UserRepaymentRiskTable(),
        new UserTransactionVelocityTable(),
        new MerchantFeaturesTable(),
        new DeviceRiskTable());
  }
}
