#include <doctest/doctest.h>

#include "base/diagnostic_format.hpp"

namespace {

tl::SourceFiles files() {
    tl::SourceFiles f;
    f.add("events/a.yaml");
    f.add("events/b.yaml");
    return f;
}

}  // namespace

TEST_CASE("the spec's one-line form, then the hint and the other place") {
    tl::Diagnostic d{tl::Severity::error,
                     {1, 7, 5},
                     "duplicate-id",
                     "event id 'x' is defined twice",
                     "give each event its own id",
                     tl::SourceLoc{0, 3, 5},
                     "first defined here"};
    const std::string text = tl::format_diagnostic(d, files(), {});
    CHECK(text ==
          "events/b.yaml:7:5: error: event id 'x' is defined twice [duplicate-id]\n"
          "  hint: give each event its own id\n"
          "events/a.yaml:3:5: note: first defined here\n");
}

TEST_CASE("the caret sits under the column even after multi-byte characters") {
    // "title: Россия: x" with the problem at the byte column of "x".
    const std::string line = "title: \xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F: x";
    const auto column = static_cast<std::uint32_t>(line.find(": x") + 3);  // 1-based byte column
    tl::Diagnostic d{tl::Severity::error, {0, 1, column}, "r", "m", "", std::nullopt, ""};
    tl::DiagnosticStyle style;
    style.show_source = true;
    const std::string text = tl::format_diagnostic(d, files(), style, line);
    const std::string caret_line = text.substr(text.rfind("\n    ", text.size() - 2) + 1);
    // 4 spaces of indent, then one space per character before the column: 7 + 6 + 2.
    CHECK(caret_line == std::string(4 + 15, ' ') + "^\n");
}

TEST_CASE("JSON diagnostics carry the related place") {
    tl::Diagnostics diags;
    diags.add({tl::Severity::error,
               {1, 7, 5},
               "duplicate-id",
               "twice",
               "",
               tl::SourceLoc{0, 3, 5},
               "first defined here"});
    diags.warning({0, 2, 1}, "missing-url", "no url");
    const std::string json = tl::diagnostics_json(diags, files());
    CHECK(json.find("\"related\": {\"file\": \"events/a.yaml\", \"line\": 3, \"column\": 5, "
                    "\"message\": \"first defined here\"}") != std::string::npos);
    CHECK(json.find("\"severity\": \"warning\"") != std::string::npos);
    CHECK(tl::diagnostics_summary(diags) == "1 error, 1 warning in 2 files");
}

TEST_CASE("a long source line is shown as a window around the problem") {
    // 5,000 commas, then the offending word, then 5,000 more: the window keeps the output of
    // each diagnostic small however long the line is, and the caret still points at "bad".
    const std::string line = std::string(5000, ',') + "bad" + std::string(5000, ',');
    const auto column = static_cast<std::uint32_t>(5000 + 1);
    tl::Diagnostic d{tl::Severity::error, {0, 1, column}, "r", "m", "", std::nullopt, ""};
    tl::DiagnosticStyle style;
    style.show_source = true;
    const std::string text = tl::format_diagnostic(d, files(), style, line);
    CHECK(text.size() < 400);
    const std::size_t source_start = text.find("\n    ") + 1;
    const std::size_t source_end = text.find('\n', source_start);
    const std::string source = text.substr(source_start, source_end - source_start);
    const std::string caret =
        text.substr(source_end + 1, text.find('\n', source_end + 1) - source_end - 1);
    CHECK(source.starts_with("    \u2026,"));
    CHECK(source.ends_with(",\u2026"));
    // The ellipsis is one character wide on screen but three bytes: compare in characters.
    const std::size_t bad_bytes = source.find("bad");
    REQUIRE(bad_bytes != std::string::npos);
    CHECK(caret.find('^') == bad_bytes - 2);
}

TEST_CASE("a window never cuts a character in two") {
    std::string line;
    for (int i = 0; i < 300; ++i)
        line += "\xD0\xA0";  // Р, two bytes each
    tl::Diagnostic d{tl::Severity::error, {0, 1, 301}, "r", "m", "", std::nullopt, ""};
    tl::DiagnosticStyle style;
    style.show_source = true;
    const std::string text = tl::format_diagnostic(d, files(), style, line);
    const std::size_t source_start = text.find("\n    ") + 5;
    const std::string source =
        text.substr(source_start, text.find('\n', source_start) - source_start);
    CHECK(source.starts_with("\u2026\xD0\xA0"));
    CHECK(source.ends_with("\xD0\xA0\u2026"));
}

TEST_CASE("text diagnostics show input's control and invisible characters as escapes") {
    tl::SourceFiles f;
    f.add("a\nforged.yaml:1:1: error: x\x1b[2K.yaml");
    tl::Diagnostic d{tl::Severity::error,
                     {0, 2, 15},
                     "bad-confidence",
                     "unknown confidence '\x1b[2K\rvalid\xE2\x80\xAE'",
                     "use \x1b[1mconfirmed\xC2\x9B",
                     tl::SourceLoc{0, 1, 1},
                     "first \xE2\x80\x8B here\n"};
    tl::DiagnosticStyle style;
    style.show_source = true;
    const std::string text =
        tl::format_diagnostic(d, f, style, "\tx: \"\x1b[2K\xE2\x80\xAE\" \x1b");
    CHECK(text ==
          "a\\nforged.yaml:1:1: error: x\\x1b[2K.yaml:2:15: error: unknown confidence "
          "'\\x1b[2K\\rvalid\\u202e' [bad-confidence]\n"
          // The tab stays, and the caret stands under the escape of the last ESC (byte 15).
          "    \tx: \"\\x1b[2K\\u202e\" \\x1b\n"
          "    \t" +
              std::string(19, ' ') +
              "^\n"
              "  hint: use \\x1b[1mconfirmed\\u009b\n"
              "a\\nforged.yaml:1:1: error: x\\x1b[2K.yaml:1:1: note: first \\u200b here\\n\n");
}

TEST_CASE("a rule that fires many times shows its first few in full, then a count") {
    tl::Diagnostics diags;
    for (std::uint32_t line = 1; line <= 5; ++line)
        diags.warning({0, line, 1}, "missing-url", "no URL");
    diags.error({0, 9, 1}, "unknown-key", "unknown key");
    diags.sort();
    const tl::DiagnosticDigest digest = tl::digest_diagnostics(diags, 3);
    REQUIRE(digest.shown.size() == 4);
    CHECK(digest.shown[0]->loc.line == 1);
    CHECK(digest.shown[2]->loc.line == 3);
    CHECK(digest.shown[3]->rule == "unknown-key");
    REQUIRE(digest.held_back.size() == 1);
    CHECK(digest.held_back[0].rule == "missing-url");
    CHECK(digest.held_back[0].warnings == 2);
    CHECK(tl::held_back_line(digest.held_back[0]) ==
          "... 2 more warnings [missing-url] not shown; --diagnostics all shows every one\n");
    CHECK(tl::digest_diagnostics(diags, 0).shown.size() == 6);  // 0: no limit
    CHECK(tl::digest_diagnostics(diags, 4).shown.size() == 6);  // one more is shown, not counted
}
