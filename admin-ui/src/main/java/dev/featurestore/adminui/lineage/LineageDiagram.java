package dev.featurestore.adminui.lineage;

import dev.featurestore.adminui.web.ObjectKind;
import java.util.List;

/**
 * A laid-out lineage graph, ready for the SVG template: every coordinate is computed here so the
 * template only copies numbers and escaped names.
 */
public record LineageDiagram(int width, int height, List<Header> headers, List<Box> boxes, List<Link> links) {

  /** A column title. */
  public record Header(String title, int x, int y) {}

  /**
   * One object.
   *
   * @param label the name, shortened to fit the box (the full name is in the tooltip)
   * @param focus whether this is the object the diagram is centred on
   */
  public record Box(ObjectKind kind, String name, String label, int x, int y, int width, int height, boolean focus) {
    public int textX() {
      return x + 10;
    }

    public int textY() {
      return y + height / 2 + 5;
    }

    public String cssClass() {
      return "node node-" + kind.slug() + (focus ? " focus" : "");
    }
  }

  /** An edge as an SVG path ({@code d} attribute). */
  public record Link(String path) {}

  public LineageDiagram {
    headers = List.copyOf(headers);
    boxes = List.copyOf(boxes);
    links = List.copyOf(links);
  }

  public boolean empty() {
    return boxes.isEmpty();
  }
}
