#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace tl {

/// Levenshtein distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// Whether `a` and `b` are equal but for the case of ASCII letters ("a4" is "A4").
bool equal_ignoring_case(std::string_view a, std::string_view b);

/// The candidate nearest to `word` when it is close enough to be a plausible typo, else "".
std::string nearest_word(std::string_view word, std::span<const std::string_view> candidates);

/// Byte offset of the first invalid UTF-8 sequence, or npos when `s` is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view s);

/// Number of Unicode code points in valid UTF-8.
std::size_t utf8_length(std::string_view s);

/// One code point read from UTF-8: its value and how many bytes it takes. A byte that does
/// not begin a well-formed sequence is read alone, with `valid` false.
struct CodePoint {
    char32_t value = 0;
    std::size_t size = 1;
    bool valid = false;
};
CodePoint next_code_point(std::string_view s, std::size_t at);

/// Whether a terminal obeys `c` or draws it as nothing: the C0 and C1 controls and DEL
/// (Unicode's Cc), the format characters (Cf: bidi embeddings, overrides and isolates,
/// zero-width characters, U+FEFF, the invisible tag letters...) and the line and paragraph
/// separators U+2028, U+2029 (Zl, Zp). The Cf list is Unicode 15.0's, with the unassigned
/// U+2065 and U+E0000..U+E007F of the same invisible blocks.
bool is_invisible(char32_t c);

/// `s` as a person may read it on a terminal or in a text file, for every printer of input
/// text (diagnostics, listings, progress, command-line errors): each invisible character
/// (see is_invisible) and each byte that is not UTF-8 becomes a visible escape, \n \r \t,
/// \x1b (a byte), \u202e, \U000e0041, so that input can neither drive the terminal nor forge
/// lines. A tab stays a tab with `keep_tab` (a source line shown under a diagnostic).
std::string visible(std::string_view s, bool keep_tab = false);

/// `s` as a JSON string literal, quotes included. Invisible characters (see is_invisible)
/// are written as \u escapes, which JSON reads back as the same text, so that the output is
/// safe on a terminal and in JavaScript; a byte that is not UTF-8 becomes U+FFFD.
std::string json_quote(std::string_view s);

/// `s` as literal text inside a line of Markdown (CommonMark and GitHub's): visible() first,
/// so it stays on one line and cannot drive a terminal, then a backslash before each
/// character that could start emphasis, code, a link, an image, HTML, an entity, a heading,
/// a table cell or strike-through (\ ` * _ [ ] < > # | ~ & !), and before a first character
/// that would start a list, a quote or a rule (+ - = >, or digits then . or )).
std::string markdown_text(std::string_view s);

/// Wraps text in Unicode first-strong isolates (U+2068 ... U+2069) so that a right-to-left
/// name does not reorder the neutral text around it. Input that would end the isolate early
/// (a stray U+2069) loses that character, and isolates the input leaves open are closed.
std::string isolate(std::string_view s);

/// `s` with the isolates it leaves open closed: a label cut short inside an isolate, so that
/// what follows the cut (an ellipsis, a callout number) is not drawn inside it.
std::string close_isolates(std::string_view s);

/// A count with its noun: "1 event", "12 events" (nouns that take an s).
std::string plural(std::size_t n, std::string_view word);

}  // namespace tl
