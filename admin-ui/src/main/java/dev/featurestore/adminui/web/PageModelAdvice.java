package dev.featurestore.adminui.web;

import dev.featurestore.adminui.security.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/**
 * What every page's layout needs: the project and the signed-in user. The CSRF token reaches forms
 * through Spring Security's RequestDataValueProcessor, from the attribute {@link
 * PageAttributesFilter} sets.
 */
@ControllerAdvice
class PageModelAdvice {

  private final ConsoleRegistry registry;

  PageModelAdvice(ConsoleRegistry registry) {
    this.registry = registry;
  }

  @ModelAttribute("project")
  String project() {
    return registry.project();
  }

  @ModelAttribute("me")
  CurrentUser currentUser(ServerWebExchange exchange) {
    CurrentUser user = exchange.getAttribute(PageAttributesFilter.USER);
    return user == null ? CurrentUser.ANONYMOUS : user;
  }
}
