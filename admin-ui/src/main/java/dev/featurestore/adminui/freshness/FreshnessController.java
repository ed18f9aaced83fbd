package dev.featurestore.adminui.freshness;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The freshness page: each feature view's latest materialized interval against its TTL. */
@Controller
class FreshnessController {

  private final FreshnessReport report;

  FreshnessController(FreshnessReport report) {
    this.report = report;
  }

  @GetMapping("/freshness")
  String freshness(@RequestParam(name = "sort", defaultValue = "age") String sort, Model model) {
    FreshnessReport.Sort order = FreshnessReport.Sort.parse(sort);
    List<FreshnessRow> rows = report.rows(order);
    model.addAttribute("rows", rows);
    model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
    model.addAttribute("warning", report.warningThreshold());
    model.addAttribute("chart", AgeChart.of(rows, report.warningThreshold()));
    model.addAttribute("active", "freshness");
    return "freshness/freshness";
  }
}
