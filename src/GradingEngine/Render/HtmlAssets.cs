using System.Text;

namespace GradingEngine.Render;

/// <summary>
/// The report's only style sheet and script, both inline, and the Content-Security-Policy that
/// admits exactly these two by hash: the page can load nothing from anywhere, and no injected
/// script or style would run even if escaping ever failed.
/// </summary>
internal static class HtmlAssets
{
    // Normalised to `\n` so the bytes, and therefore the CSP hashes, do not depend on how the source was checked out.
    public static string Style { get; } = Lf("""

        :root { color-scheme: light; --ink: #1d2430; --muted: #5b6575; --line: #d5dae1; --paper: #ffffff; --panel: #f5f7fa;
          --g0: #0b6e4f; --g1: #2f7d32; --g2: #a45c00; --g3: #b3261e; --strength: #2f7d32; --afi: #c77700; --coc: #b3261e; --notable: #1f5fa8; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; color: var(--ink); background: var(--paper);
          font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; }
        h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
        h4 { font-size: .95rem; margin: 1rem 0 .3rem; }
        p { margin: .4rem 0; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: .88em;
          background: var(--panel); border: 1px solid var(--line); border-radius: 3px; padding: 0 .25em; overflow-wrap: anywhere; }
        a { color: #1f5fa8; }
        .muted, .meta { color: var(--muted); }
        .meta { font-size: .88rem; }
        .report + .report { border-top: 3px double var(--line); margin-top: 3rem; padding-top: 1rem; }
        .toolbar { margin: 1rem 0; }
        .toolbar button { font: inherit; padding: .25rem .75rem; margin-right: .5rem; border: 1px solid var(--line); border-radius: 4px; background: var(--panel); cursor: pointer; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--line); }
        th { background: var(--panel); }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.num { white-space: nowrap; }
        table.values { width: auto; min-width: 22rem; }
        tr.overall-row td { font-weight: 600; border-top: 2px solid var(--ink); }
        .grade { display: inline-block; font-weight: 600; padding: 0 .5em; border-radius: 3px; color: #fff; background: var(--g1); white-space: nowrap; }
        .grade.rank-0 { background: var(--g0); } .grade.rank-1 { background: var(--g1); }
        .grade.rank-2 { background: var(--g2); } .grade.rank-3 { background: var(--g3); }
        details { border: 1px solid var(--line); border-radius: 6px; margin: .6rem 0; background: var(--paper); }
        details > summary { cursor: pointer; padding: .5rem .75rem; }
        details[open] > summary { border-bottom: 1px solid var(--line); }
        details.question > summary { font-size: 1.1rem; background: var(--panel); border-radius: 6px 6px 0 0; }
        details.question > summary .qid { font-weight: 700; margin-right: .4rem; }
        details.question > summary .qtitle { display: block; font-size: .95rem; margin-top: .2rem; }
        details.question > .body, details.criterion > .body { padding: .5rem 1rem 1rem; }
        details.criterion { margin: .4rem 0; }
        details.criterion > summary { padding: .35rem .6rem; }
        details.criterion.met.strength { border-left: 4px solid var(--strength); }
        details.criterion.met.area-for-improvement { border-left: 4px solid var(--afi); }
        details.criterion.met.cause-of-concern { border-left: 4px solid var(--coc); }
        details.criterion.met.notable-practice { border-left: 4px solid var(--notable); }
        details.criterion.not-met { border-style: dashed; }
        .definition { border-left: 4px solid var(--line); padding: .25rem .75rem; background: var(--panel); }
        ul.findings { list-style: none; padding-left: 0; margin: .5rem 0; }
        li.finding { margin: .6rem 0; }
        blockquote { margin: .3rem 0 .2rem; padding: .3rem .8rem; border-left: 4px solid var(--line); background: var(--panel); font-style: italic; }
        .source { font-size: .88rem; color: var(--muted); }
        ol.changes > li { margin: .25rem 0; }
        svg.balance { display: block; max-width: 100%; height: auto; margin: .5rem 0; }
        svg.balance text { font: 12px system-ui, Arial, sans-serif; fill: var(--ink); }
        svg.balance .track { fill: var(--panel); }
        svg.balance .bar.strength { fill: var(--strength); } svg.balance .bar.area-for-improvement { fill: var(--afi); }
        svg.balance .bar.cause-of-concern { fill: var(--coc); } svg.balance .bar.notable-practice { fill: var(--notable); }
        section.overall { border: 2px solid var(--ink); border-radius: 6px; padding: .5rem 1rem 1rem; margin: 2rem 0; }
        footer { margin-top: 2rem; padding-top: .75rem; border-top: 1px solid var(--line); font-size: .88rem; color: var(--muted); }
        footer dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0; }
        footer dd { margin: 0; overflow-wrap: anywhere; }
        .skip { position: absolute; left: -100vw; top: 0; }
        .skip:focus { left: .5rem; top: .5rem; z-index: 1; padding: .25rem .5rem; background: var(--paper); border: 2px solid var(--ink); }
        a.fid, span.fid { font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; }
        svg.balance line.mark { stroke: var(--ink); stroke-width: 2; }
        svg.balance line.mark.neighbour { stroke-dasharray: 3 2; }
        ul.marks { font-size: .88rem; margin: .2rem 0 .6rem; padding-left: 1.2rem; }
        section.findings-index, section.rule-files { margin-top: 2rem; }
        ol.finding-list { list-style: none; padding: 0 .75rem; }
        li.indexed-finding { margin: .6rem 0; scroll-margin-top: 1rem; }
        li.indexed-finding:target, ol.source > li:target { background: #fff3c4; outline: 2px solid #a45c00; }
        ol.source { margin: 0; padding: .4rem .5rem .6rem 3.6em; font: .8rem/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; }
        ol.source > li { scroll-margin-top: 1rem; }
        ol.source > li::marker { color: var(--muted); }
        ol.source code { white-space: pre-wrap; overflow-wrap: anywhere; background: none; border: none; padding: 0; font-size: 1em; }
        @media (max-width: 40rem) {
          body { padding: .75rem; }
          h1 { font-size: 1.35rem; }
          .overview thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
          .overview table, .overview tbody, .overview tr, .overview td { display: block; width: auto; }
          .overview tr { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; padding: .3rem .6rem; }
          .overview td, tr.overall-row td { border: none; padding: .1rem 0; text-align: left; }
          .overview td.qid, .overview td.grade-cell { display: inline-block; margin-right: .5rem; font-weight: 700; }
          .overview td.num { display: inline-block; margin-right: 1rem; }
          .overview td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
          .overview td:empty { display: none; }
          table.values { min-width: 0; width: 100%; }
          details.question > .body, details.criterion > .body { padding: .5rem .6rem .8rem; }
          section.overall { padding: .5rem .6rem .8rem; }
          footer dl { grid-template-columns: 1fr; }
          ol.source { padding-left: 3em; }
        }
        @media print {
          body { max-width: none; padding: 0; font: 10.5pt/1.4 Georgia, "Times New Roman", serif; color: #000; background: #fff; }
          .toolbar, .skip, section.findings-index, section.rule-files { display: none; }
          a { color: inherit; text-decoration: none; }
          code, blockquote, th, .definition, details.question > summary { background: none; }
          .grade { color: #000; background: none; border: 1px solid #000; }
          details { border: none; margin: .3rem 0; }
          details > summary { list-style: none; cursor: auto; }
          details > summary::-webkit-details-marker { display: none; }
          details.question { break-before: page; }
          details.criterion, li.finding, tr, svg.balance, .definition { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
          svg.balance, .grade { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
        }
        @media print {
          details::details-content { content-visibility: visible; }
        }

        """);

    public static string Script { get; } = Lf("""

        (function () {
          "use strict";
          function each(selector, action) { Array.prototype.forEach.call(document.querySelectorAll(selector), action); }
          var reclose = [];
          window.addEventListener("beforeprint", function () {
            reclose = [];
            each("details:not([open])", function (d) { reclose.push(d); d.open = true; });
          });
          window.addEventListener("afterprint", function () {
            reclose.forEach(function (d) { d.open = false; });
            reclose = [];
          });
          function openTarget() {
            var id = "";
            try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
            var target = id ? document.getElementById(id) : null;
            for (var node = target; node; node = node.parentElement) {
              if (node.tagName === "DETAILS") node.open = true;
            }
            if (target && target.scrollIntoView) target.scrollIntoView();
          }
          window.addEventListener("hashchange", openTarget);
          openTarget();
          each(".toolbar", function (bar) {
            bar.hidden = false;
            bar.addEventListener("click", function (event) {
              var action = event.target && event.target.getAttribute ? event.target.getAttribute("data-action") : null;
              if (action !== "expand" && action !== "collapse") return;
              each("details", function (d) { d.open = action === "expand"; });
            });
          });
        })();

        """);

    /// <summary>Nothing but the inline style and script above; no fetch, image, font, frame or form target.</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{Hash(Style)}'; script-src '{Hash(Script)}'; img-src 'none'; base-uri 'none'; form-action 'none'";

    private static string Lf(string text) => text.Replace("\r\n", "\n");

    public static string Hash(string text) => "sha256-" + Convert.ToBase64String(Files.Sha256.Hash(Encoding.UTF8.GetBytes(text)));
}
