// The frame every HTML report shares: escaping, the page skeleton with its
// inline style sheet (no network, no scripts), and the speaker palette.
#ifndef QUOTELEDGER_REPORT_HTML_PAGE_H_
#define QUOTELEDGER_REPORT_HTML_PAGE_H_

#include <string>
#include <string_view>

namespace quoteledger {

// Escapes & < > " ' so `text` is safe in element content and in quoted
// attribute values. Bytes pass through unchanged otherwise.
std::string HtmlEscape(std::string_view text);

// Percent-encodes every byte but ASCII letters, digits and -._~, for a
// value in a URL's query string or path segment.
std::string UrlEncode(std::string_view text);

// The CSS class for speaker colour `index` ("c0" ... "c7"), or "cu" (grey)
// for an unresolved speaker (index < 0) and for speakers past the eighth
// (so that no two speakers share a colour, or have near-identical ones).
std::string ColourClass(int index);

// A whole document: doctype, UTF-8, viewport, `title`, the style sheet and
// `body` (already HTML) inside <main>, then a footer saying what made it.
std::string HtmlPage(const std::string& title, const std::string& body,
                     const std::string& footer);

// <span class="swatch cN"></span>, the legend's coloured square.
std::string Swatch(int colour);

}  // namespace quoteledger

#endif  // QUOTELEDGER_REPORT_HTML_PAGE_H_
