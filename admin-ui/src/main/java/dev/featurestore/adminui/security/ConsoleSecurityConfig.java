package dev.featurestore.adminui.security;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;

/**
 * Who may do what: form login against the configured users, viewers read, operators also POST job
 * actions; CSRF tokens on every state-changing request (Spring Security's default, kept on
 * purpose); headers that forbid framing, sniffing and any script or style not served by the
 * console itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ConsoleSecurityConfig {

  /** No inline script or style anywhere: every page uses /static/console.css only. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Bean
  SecurityWebFilterChain consoleSecurityFilterChain(ServerHttpSecurity http) {
    return http.authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(HttpMethod.GET, "/static/**", "/login", "/favicon.ico")
                    .permitAll()
                    .pathMatchers(HttpMethod.POST, "/jobs/**")
                    .hasRole(ConsoleRole.OPERATOR.name())
                    .anyExchange()
                    .hasRole(ConsoleRole.VIEWER.name()))
        .formLogin(form -> form.loginPage("/login"))
        .logout(logout -> logout.logoutUrl("/logout"))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.mode(Mode.DENY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  @Bean
  PasswordEncoder consolePasswordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  ReactiveUserDetailsService consoleUserDetailsService(ConsoleUsers users) {
    List<UserDetails> details =
        users.users().stream()
            .map(
                u ->
                    User.withUsername(u.name())
                        .password(u.passwordHash())
                        .roles(u.role().authorities().toArray(String[]::new))
                        .build())
            .toList();
    return new MapReactiveUserDetailsService(details);
  }
}
