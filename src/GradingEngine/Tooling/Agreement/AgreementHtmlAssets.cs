using GradingEngine.Render;

namespace GradingEngine.Tooling.Agreement;

/// <summary>
/// The agreement page's style on top of the grading report's, and a Content-Security-Policy that admits
/// exactly those two style sheets by hash and no script at all: the page needs none.
/// </summary>
internal static class AgreementHtmlAssets
{
    public static string Style { get; } = """

        .scroll { overflow-x: auto; max-width: 100%; }
        .scroll > table { min-width: 100%; width: auto; }
        tr.differ td, ul.passages li.differ { background: #fff4e5; }
        .differ-note { font-weight: 600; font-size: .88rem; }
        caption { text-align: left; font-size: .88rem; color: var(--muted); padding: .2rem 0; }
        ul.passages { list-style: none; padding-left: 0; }
        ul.passages li { padding: .25rem .4rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
        dl.codings { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .75rem; margin: .5rem 0; }
        dl.codings dd { margin: 0; overflow-wrap: anywhere; }
        ol.impacts { padding-left: 1.25rem; }
        ol.impacts > li { margin: .8rem 0; }
        .sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: .5rem 1rem; }
        .side { min-width: 0; }
        .side > p { margin: .2rem 0; overflow-wrap: anywhere; }
        .shift { margin: .2rem 0; }
        section.pair { margin-top: 1.5rem; }
        details.pair > .body { padding: .5rem 1rem 1rem; }
        @media (max-width: 40rem) {
          body { padding: .75rem; font-size: 15px; }
          th, td { padding: .3rem .3rem; }
          h1 { font-size: 1.35rem; }
          .grade { white-space: normal; font-size: .85rem; padding: 0 .3em; }
        }

        """.Replace("\r\n", "\n");

    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src '{HtmlAssets.Hash(HtmlAssets.Style)}' '{HtmlAssets.Hash(Style)}'; script-src 'none'; img-src 'none'; base-uri 'none'; form-action 'none'";
}
