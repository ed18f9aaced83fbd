package dev.featurestore.adminui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.featurestore.adminui.security.DevelopmentUser;
import dev.featurestore.core.registry.RegistryStore;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Without configured users the console generates one random-password operator. */
class DevelopmentUserIT {

  @Test
  void generatedUserCanSignInAndActAsOperator() {
    try (RegistryStore store = TestingConsoleRegistry.create(TestingConsole.newDirectory());
        AdminConsole console = AdminConsole.start(AdminConsoleConfig.defaults().withPort(0), store, TestingConsoleRegistry.PROJECT)) {
      DevelopmentUser user = console.developmentUser().orElseThrow();
      assertThat(user.user().name()).isEqualTo("admin");
      assertThat(user.password()).hasSizeGreaterThanOrEqualTo(20);

      ConsoleSession session = new ConsoleSession(console.port());
      HttpResponse<String> login = session.login("admin", user.password());
      assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
      String jobs = session.get("/jobs").body();
      assertThat(jobs).contains("action=\"/jobs/user_demographics/trigger\"");

      assertThat(new ConsoleSession(console.port()).login("admin", "admin").headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).contains("error"));
    }
  }
}
