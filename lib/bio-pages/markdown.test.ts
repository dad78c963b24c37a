import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("the Markdown subset of text blocks", () => {
  it("renders emphasis, links and line breaks", () => {
    expect(renderMarkdown("**Bold**, *it* and _it_\n[site](https://example.com/a?b=1&c=2)")).toBe(
      '<strong>Bold</strong>, <em>it</em> and <em>it</em><br><a href="https://example.com/a?b=1&amp;c=2" rel="noopener nofollow">site</a>',
    );
  });

  it("shows everything else as typed text", () => {
    for (const [src, out] of [
      ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
      ["[x](javascript:alert(1))", "[x](javascript:alert(1))"],
      ["[x](data:text/html,hi)", "[x](data:text/html,hi)"],
      ['[x](https://a.example/" onmouseover="alert(1))', "[x](https://a.example/&quot; onmouseover=&quot;alert(1))"],
      ["&lt;b&gt;", "&amp;lt;b&amp;gt;"],
      ["# heading", "# heading"],
    ]) {
      expect(renderMarkdown(src!), src).toBe(out);
    }
  });
});
