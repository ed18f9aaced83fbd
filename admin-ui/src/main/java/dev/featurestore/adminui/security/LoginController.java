package dev.featurestore.adminui.security;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

  /**
   * Spring Security redirects to {@code /login?error} and {@code /login?logout}, parameters without
   * a value: their presence is the flag. (Thymeleaf's {@code ${param.error}} was true on WebFlux
   * even without the parameter, so the page showed both banners to everyone.)
   */
  @GetMapping("/login")
  String login(ServerHttpRequest request, Model model) {
    MultiValueMap<String, String> query = request.getQueryParams();
    model.addAttribute("failed", query.containsKey("error"));
    model.addAttribute("signedOut", query.containsKey("logout"));
    return "login";
  }
}
