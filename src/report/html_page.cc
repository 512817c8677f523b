// The style sheet is kept here, in one place, so every report looks alike:
// a serif reading column for article text, a sans-serif for labels and
// tables, and one colour per speaker used for highlight, underline, tag and
// legend alike. Colours are dark enough for white tag text (WCAG AA).
#include "report/html_page.h"

#include <cctype>

#include <fmt/format.h>

namespace quoteledger {
namespace {

struct Colour {
  int r, g, b;
};

// Eight colours as far apart as colours dark enough for white text (a
// 4.5:1 contrast) and light and saturated enough to tell apart as a tinted
// highlight can be: no two, nor any and the grey, closer than 33 in CIELAB
// (CIEDE2000 22; chosen by a search maximising the smallest distance). The
// twelve before had pairs at 17 (teal and green, blue and indigo) that
// read as one speaker. More speakers than colours share the grey rather
// than a colour another speaker has; report_test checks the distances.
constexpr Colour kPalette[] = {
    {0, 70, 255},  {175, 95, 20},  {70, 130, 0}, {170, 0, 15},
    {155, 0, 155}, {190, 80, 110}, {100, 85, 0}, {5, 130, 110},
};
constexpr int kPaletteSize = sizeof(kPalette) / sizeof(kPalette[0]);
constexpr Colour kGrey = {107, 114, 128};

constexpr const char* kStyle = R"css(
:root { --ink: #1d232b; --muted: #5d6673; --rule: #e3e6ea; --paper: #fbfaf8; --card: #fff;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
  --serif: Charter, "Bitstream Charter", "Sitka Text", Cambria, "DejaVu Serif", Georgia, serif;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
* { box-sizing: border-box; }
html { background: var(--paper); }
body { margin: 0; color: var(--ink); font: 17px/1.7 var(--serif); -webkit-font-smoothing: antialiased; }
main { max-width: 1080px; margin: 0 auto; padding: 48px 40px 40px; }
.masthead { border-bottom: 1px solid var(--rule); padding-bottom: 20px; margin-bottom: 32px; }
.eyebrow { margin: 0; font: 600 12px/1.2 var(--sans); letter-spacing: .09em; text-transform: uppercase; color: #2563eb; }
h1 { margin: 10px 0 12px; font: 700 34px/1.2 var(--sans); letter-spacing: -.015em; }
h2 { margin: 40px 0 14px; font: 600 12.5px/1.3 var(--sans); letter-spacing: .09em; text-transform: uppercase; color: var(--muted); }
h3 { margin: 28px 0 10px; font: 600 17px/1.35 var(--sans); }
.meta { margin: 0; font: 14px/1.6 var(--sans); color: var(--muted); }
.meta span + span::before { content: "·"; margin: 0 .55em; color: #b3b9c2; }
.summary { margin: 8px 0 0; font: 600 15px/1.5 var(--sans); }
code { font: 12.5px var(--mono); background: #f0f1f3; padding: 1px 5px; border-radius: 4px; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 250px; gap: 48px; align-items: start; }
article.text p { margin: 0 0 1.05em; }
article.text p:first-child { font: 600 21px/1.4 var(--sans); }
.q { background: var(--bg); box-shadow: inset 0 -2px 0 var(--c); border-radius: 2px; padding: 1px 0;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.src { font-weight: 600; text-decoration: underline 2px var(--c); text-underline-offset: 4px; }
.cue { font-style: italic; text-decoration: underline dotted 1.5px var(--muted); text-underline-offset: 4px; }
.old { opacity: .55; }
a.tag { display: inline-block; margin: 0 2px 0 4px; padding: 2px 7px; border-radius: 999px;
  background: var(--c); color: #fff; font: 600 10.5px/1.3 var(--sans); letter-spacing: .01em;
  text-decoration: none; vertical-align: 2px; white-space: nowrap; }
.legend { position: sticky; top: 24px; font: 14px/1.45 var(--sans); }
.legend h2 { margin-top: 0; }
.legend ul { list-style: none; margin: 0 0 24px; padding: 0; }
.legend li { display: flex; align-items: baseline; gap: 9px; padding: 4px 0; border-bottom: 1px solid var(--rule); }
.legend .name { flex: 1; }
.legend .count, td.num { font-variant-numeric: tabular-nums; color: var(--muted); }
.swatch { display: inline-block; flex: none; width: 11px; height: 11px; border-radius: 3px; background: var(--c); }
.key p { margin: 0 0 8px; }
table { width: 100%; border-collapse: collapse; font: 14px/1.5 var(--sans); }
th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--rule); padding: 8px 10px; white-space: nowrap; }
td { border-bottom: 1px solid var(--rule); padding: 8px 10px; vertical-align: top; }
td.num { text-align: right; }
td.quote { font: 15px/1.55 var(--serif); }
td.nowrap, td code { white-space: nowrap; }
tr:target { background: #fff8d6; }
.card { background: var(--card); border: 1px solid var(--rule); border-left: 4px solid var(--c);
  border-radius: 8px; padding: 14px 18px; margin: 0 0 12px; }
.card blockquote { margin: 0 0 8px; font: 17px/1.6 var(--serif); }
.card .where { font: 13px/1.5 var(--sans); color: var(--muted); }
mark { background: #ffe58a; border-radius: 2px; padding: 0 1px; }
.speaker-head { display: flex; align-items: center; gap: 10px; }
footer { margin-top: 56px; padding-top: 16px; border-top: 1px solid var(--rule); font: 12.5px/1.6 var(--sans); color: var(--muted); }
@media (max-width: 860px) { .layout { grid-template-columns: 1fr; } .legend { position: static; } main { padding: 28px 18px; } }
@media print { .legend { position: static; } a.tag { border: 1px solid var(--c); } }
)css";

std::string PaletteCss() {
  std::string out;
  for (int i = 0; i < kPaletteSize; ++i) {
    const Colour& c = kPalette[i];
    out += fmt::format(".c{} {{ --c: rgb({},{},{}); --bg: rgba({},{},{},.13); }}\n", i, c.r, c.g,
                       c.b, c.r, c.g, c.b);
  }
  out += fmt::format(".cu {{ --c: rgb({},{},{}); --bg: rgba({},{},{},.13); }}\n", kGrey.r,
                     kGrey.g, kGrey.b, kGrey.r, kGrey.g, kGrey.b);
  return out;
}

}  // namespace

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) && c < 0x80) {
      out += static_cast<char>(c);
    } else if (c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string ColourClass(int index) {
  return index < 0 || index >= kPaletteSize ? "cu" : fmt::format("c{}", index);
}

std::string Swatch(int colour) {
  return fmt::format(R"(<span class="swatch {}"></span>)", ColourClass(colour));
}

std::string HtmlPage(const std::string& title, const std::string& body,
                     const std::string& footer) {
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"quoteledger\">\n<title>{}</title>\n"
      "<style>{}{}</style>\n</head>\n<body>\n<main>\n{}\n<footer>{}</footer>\n</main>\n"
      "</body>\n</html>\n",
      HtmlEscape(title), kStyle, PaletteCss(), body, footer);
}

}  // namespace quoteledger
