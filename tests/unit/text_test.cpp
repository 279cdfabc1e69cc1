#include <doctest/doctest.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/html_text.hpp"
#include "base/text.hpp"

namespace {

constexpr std::size_t kValid = std::string_view::npos;

constexpr std::array<std::string_view, 16> kEventKeys = {
    "id",      "date",     "end",      "title",   "kind", "from",    "to",      "actors",
    "summary", "quantity", "location", "sources", "tags", "related", "grading", "confidence",
};

std::string nearest_key(std::string_view word) {
    return tl::nearest_word(word, kEventKeys);
}

}  // namespace

TEST_CASE("edit_distance is the Levenshtein distance") {
    CHECK(tl::edit_distance("", "") == 0);
    CHECK(tl::edit_distance("abc", "") == 3);
    CHECK(tl::edit_distance("", "abc") == 3);
    CHECK(tl::edit_distance("title", "title") == 0);
    CHECK(tl::edit_distance("kitten", "sitting") == 3);
    CHECK(tl::edit_distance("sitting", "kitten") == 3);
    CHECK(tl::edit_distance("flaw", "lawn") == 2);
    CHECK(tl::edit_distance("titel", "title") == 2);  // a swap is two edits
    CHECK(tl::edit_distance("sorces", "sources") == 1);
    CHECK(tl::edit_distance("sourcess", "sources") == 1);
    CHECK(tl::edit_distance("sourses", "sources") == 1);
    CHECK(tl::edit_distance("Title", "title") == 1);  // case matters
    CHECK(tl::edit_distance("abc", "xyz") == 3);
    CHECK(tl::edit_distance("a", "abcdef") == 5);
    CHECK(tl::edit_distance("intention", "execution") == 5);

    // Symmetric and within the triangle inequality on a few words.
    const std::vector<std::string_view> words = {"", "a", "date", "data", "dates", "title", "tilt"};
    for (auto a : words)
        for (auto b : words) {
            CHECK(tl::edit_distance(a, b) == tl::edit_distance(b, a));
            CHECK((tl::edit_distance(a, b) == 0) == (a == b));
            for (auto c : words)
                CHECK(tl::edit_distance(a, c) <= tl::edit_distance(a, b) + tl::edit_distance(b, c));
        }
}

TEST_CASE("nearest_word suggests a plausible typo's intended word") {
    CHECK(nearest_key("titel") == "title");
    CHECK(nearest_key("tilte") == "title");
    CHECK(nearest_key("Title") == "title");
    CHECK(nearest_key("sorces") == "sources");
    CHECK(nearest_key("source") == "sources");
    CHECK(nearest_key("sumary") == "summary");
    CHECK(nearest_key("dat") == "date");
    CHECK(nearest_key("dates") == "date");
    CHECK(nearest_key("actor") == "actors");
    CHECK(nearest_key("confidance") == "confidence");
    CHECK(nearest_key("gradeing") == "grading");
    CHECK(nearest_key("title") == "title");  // an exact match is its own nearest word

    SUBCASE("nothing for a far word") {
        CHECK(nearest_key("elephant") == "");
        CHECK(nearest_key("colour") == "");
        CHECK(nearest_key("xyz") == "");
        CHECK(nearest_key("x") == "");
        CHECK(nearest_key("") == "");
        CHECK(nearest_key("description") == "");
    }
    SUBCASE("no candidates") {
        CHECK(tl::nearest_word("title", std::span<const std::string_view>{}) == "");
    }
    SUBCASE("the first of equally near candidates") {
        const std::array<std::string_view, 2> cb = {"cat", "bat"};
        const std::array<std::string_view, 2> bc = {"bat", "cat"};
        CHECK(tl::nearest_word("hat", cb) == "cat");
        CHECK(tl::nearest_word("hat", bc) == "bat");
    }
    SUBCASE("a nearer candidate wins over an earlier one") {
        const std::array<std::string_view, 2> words = {"colors", "color"};
        CHECK(tl::nearest_word("colr", words) == "color");
    }
    SUBCASE("short words allow one edit") {
        const std::array<std::string_view, 2> words = {"to", "id"};
        CHECK(tl::nearest_word("t", words) == "to");
        CHECK(tl::nearest_word("tx", words) == "to");
        CHECK(tl::nearest_word("xy", words) == "");
    }
}

TEST_CASE("find_invalid_utf8 accepts valid UTF-8") {
    CHECK(tl::find_invalid_utf8("") == kValid);
    CHECK(tl::find_invalid_utf8("plain ASCII, with \t and \n") == kValid);
    CHECK(tl::find_invalid_utf8("\xE4\xB8\xAD\xE5\x9B\xBD") == kValid);                  // 中国
    CHECK(tl::find_invalid_utf8("\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86") == kValid);  // ایران
    CHECK(tl::find_invalid_utf8("\xF0\x9F\x9A\x80") == kValid);                          // 🚀
    CHECK(tl::find_invalid_utf8("caf\xC3\xA9") == kValid);
    // Boundaries of each length.
    CHECK(tl::find_invalid_utf8("\x7F") == kValid);
    CHECK(tl::find_invalid_utf8("\xC2\x80") == kValid);          // U+0080
    CHECK(tl::find_invalid_utf8("\xDF\xBF") == kValid);          // U+07FF
    CHECK(tl::find_invalid_utf8("\xE0\xA0\x80") == kValid);      // U+0800
    CHECK(tl::find_invalid_utf8("\xED\x9F\xBF") == kValid);      // U+D7FF
    CHECK(tl::find_invalid_utf8("\xEE\x80\x80") == kValid);      // U+E000
    CHECK(tl::find_invalid_utf8("\xEF\xBF\xBF") == kValid);      // U+FFFF
    CHECK(tl::find_invalid_utf8("\xF0\x90\x80\x80") == kValid);  // U+10000
    CHECK(tl::find_invalid_utf8("\xF4\x8F\xBF\xBF") == kValid);  // U+10FFFF
    CHECK(tl::find_invalid_utf8(std::string_view("a\0b", 3)) == kValid);
}

TEST_CASE("find_invalid_utf8 finds the first bad sequence") {
    SUBCASE("overlong forms") {
        CHECK(tl::find_invalid_utf8("\xC0\x80") == 0);
        CHECK(tl::find_invalid_utf8("\xC0\xAF") == 0);
        CHECK(tl::find_invalid_utf8("\xC1\xBF") == 0);
        CHECK(tl::find_invalid_utf8("\xE0\x80\x80") == 0);
        CHECK(tl::find_invalid_utf8("\xE0\x9F\xBF") == 0);
        CHECK(tl::find_invalid_utf8("\xF0\x80\x80\x80") == 0);
        CHECK(tl::find_invalid_utf8("\xF0\x8F\xBF\xBF") == 0);
        CHECK(tl::find_invalid_utf8("ok/\xC0\xAF") == 3);
    }
    SUBCASE("UTF-16 surrogates") {
        CHECK(tl::find_invalid_utf8("\xED\xA0\x80") == 0);              // U+D800
        CHECK(tl::find_invalid_utf8("\xED\xBF\xBF") == 0);              // U+DFFF
        CHECK(tl::find_invalid_utf8("\xED\xA0\xBD\xED\xB8\x80") == 0);  // CESU-8 pair
        CHECK(tl::find_invalid_utf8("ab\xED\xB0\x80") == 2);
    }
    SUBCASE("past U+10FFFF") {
        CHECK(tl::find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // U+110000
        CHECK(tl::find_invalid_utf8("\xF5\x80\x80\x80") == 0);
        CHECK(tl::find_invalid_utf8("\xF7\xBF\xBF\xBF") == 0);
        CHECK(tl::find_invalid_utf8("\xF8\x88\x80\x80\x80") == 0);  // five-byte form
        CHECK(tl::find_invalid_utf8("\xFC\x84\x80\x80\x80\x80") == 0);
        CHECK(tl::find_invalid_utf8("\xFE") == 0);
        CHECK(tl::find_invalid_utf8("\xFF") == 0);
    }
    SUBCASE("truncated sequences") {
        CHECK(tl::find_invalid_utf8("\xC3") == 0);
        CHECK(tl::find_invalid_utf8("\xE4\xB8") == 0);
        CHECK(tl::find_invalid_utf8("\xF0\x9F\x9A") == 0);
        CHECK(tl::find_invalid_utf8("abc\xE4\xB8") == 3);
        CHECK(tl::find_invalid_utf8("\xE4\xB8"
                                    "a") == 0);  // a non-continuation byte
        CHECK(tl::find_invalid_utf8("\xC3\xC3\xA9") == 0);
        CHECK(tl::find_invalid_utf8("\xF0\x9F\x9A"
                                    "a") == 0);
    }
    SUBCASE("stray continuation bytes") {
        CHECK(tl::find_invalid_utf8("\x80") == 0);
        CHECK(tl::find_invalid_utf8("a\xBF") == 1);
        CHECK(tl::find_invalid_utf8("caf\xC3\xA9\xA9") == 5);
    }
    SUBCASE("the offset is in bytes, after valid multibyte text") {
        CHECK(tl::find_invalid_utf8("\xE4\xB8\xAD\xFF") == 3);
        CHECK(tl::find_invalid_utf8("\xD8\xA7\xDB\x8C\xC0\x80") == 4);
        CHECK(tl::find_invalid_utf8("\xF0\x9F\x9A\x80x\xED\xA0\x80") == 5);
        // Only the first problem is reported.
        CHECK(tl::find_invalid_utf8("a\xFF"
                                    "b\xFF") == 1);
    }
}

TEST_CASE("utf8_length counts code points") {
    CHECK(tl::utf8_length("") == 0);
    CHECK(tl::utf8_length("abc") == 3);
    CHECK(tl::utf8_length("caf\xC3\xA9") == 4);
    CHECK(tl::utf8_length("\xE4\xB8\xAD\xE5\x9B\xBD") == 2);
    CHECK(tl::utf8_length("\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86") == 5);
    CHECK(tl::utf8_length("\xF0\x9F\x9A\x80") == 1);
    CHECK(tl::utf8_length("a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x9A\x80") == 4);
    CHECK(tl::utf8_length(std::string_view("\0\0", 2)) == 2);
    CHECK(tl::utf8_length("\xE2\x81\xA8x\xE2\x81\xA9") == 3);
}

TEST_CASE("json_quote writes a JSON string literal") {
    CHECK(tl::json_quote("") == "\"\"");
    CHECK(tl::json_quote("abc") == "\"abc\"");
    CHECK(tl::json_quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(tl::json_quote("C:\\path") == "\"C:\\\\path\"");
    CHECK(tl::json_quote("\\\"") == "\"\\\\\\\"\"");
    CHECK(tl::json_quote("a\nb") == "\"a\\nb\"");
    CHECK(tl::json_quote("a\rb") == "\"a\\rb\"");
    CHECK(tl::json_quote("a\tb") == "\"a\\tb\"");
    CHECK(tl::json_quote("/") == "\"/\"");

    SUBCASE("other control characters as \\u00XX") {
        CHECK(tl::json_quote(std::string_view("\0", 1)) == "\"\\u0000\"");
        CHECK(tl::json_quote("\x01") == "\"\\u0001\"");
        CHECK(tl::json_quote("\b") == "\"\\u0008\"");
        CHECK(tl::json_quote("\f") == "\"\\u000c\"");
        CHECK(tl::json_quote("\x0b") == "\"\\u000b\"");
        CHECK(tl::json_quote("\x1b[0m") == "\"\\u001b[0m\"");
        CHECK(tl::json_quote("\x1f") == "\"\\u001f\"");
        CHECK(tl::json_quote(" ") == "\" \"");  // 0x20 is not a control character
    }
    SUBCASE("DEL, C1 controls and invisible format characters as \\u escapes") {
        // The same string to a JSON reader; safe on a terminal and in JavaScript source.
        CHECK(tl::json_quote("\x7f") == "\"\\u007f\"");
        CHECK(tl::json_quote("a\xC2\x9B"
                             "1m") == "\"a\\u009b1m\"");
        CHECK(tl::json_quote("\xE2\x80\xA8\xE2\x80\xA9") == "\"\\u2028\\u2029\"");
        CHECK(tl::json_quote("\xE2\x80\xAE") == "\"\\u202e\"");
        // Past the BMP, as a UTF-16 surrogate pair: U+E0041, an invisible tag letter.
        CHECK(tl::json_quote("\xF3\xA0\x81\x81") == "\"\\udb40\\udc41\"");
    }
    SUBCASE("a byte that is not UTF-8 becomes U+FFFD, so the JSON stays UTF-8") {
        CHECK(tl::json_quote("a\xFF"
                             "b") == "\"a\\ufffdb\"");
        CHECK(tl::json_quote("\xC3") == "\"\\ufffd\"");
    }
    SUBCASE("everything else is copied as is") {
        CHECK(tl::json_quote("\xF0\x9F\x9A\x80") == "\"\xF0\x9F\x9A\x80\"");
        CHECK(tl::json_quote("\xE4\xB8\xAD\xE5\x9B\xBD") == "\"\xE4\xB8\xAD\xE5\x9B\xBD\"");
        CHECK(tl::json_quote("\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86") ==
              "\"\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86\"");
        CHECK(tl::json_quote("<b>&'</b>") == "\"<b>&'</b>\"");
    }
}

TEST_CASE("isolate wraps text in first-strong isolates") {
    const std::string fsi = "\xE2\x81\xA8";  // U+2068
    const std::string pdi = "\xE2\x81\xA9";  // U+2069
    CHECK(tl::isolate("Iran") == fsi + "Iran" + pdi);
    CHECK(tl::isolate("") == fsi + pdi);
    const std::string persian = "\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86";
    CHECK(tl::isolate(persian) == fsi + persian + pdi);
    CHECK(tl::isolate(persian).size() == persian.size() + 6);
    CHECK(tl::find_invalid_utf8(tl::isolate(persian)) == kValid);
    CHECK(tl::utf8_length(tl::isolate(persian)) == 7);
}

TEST_CASE("is_invisible: controls, format characters and line separators") {
    for (char32_t c : {0x0,    0x1b,   0x7f,   0x85,    0x9b,    0xad,   0x61c,  0x200b,
                       0x200d, 0x200e, 0x2028, 0x2029,  0x202a,  0x202e, 0x2060, 0x2066,
                       0x2069, 0xfeff, 0xfff9, 0xe0001, 0xe0041, 0xe007f}) {
        CAPTURE(static_cast<unsigned>(c));
        CHECK(tl::is_invisible(c));
    }
    for (char32_t c :
         {0x20, 0x41, 0x7e, 0xa0, 0xe9, 0x627, 0x2013, 0x2026, 0x4e2d, 0xfffd, 0x1f680, 0xe0100}) {
        CAPTURE(static_cast<unsigned>(c));
        CHECK_FALSE(tl::is_invisible(c));
    }
}

TEST_CASE("visible escapes what a terminal would obey or hide") {
    CHECK(tl::visible("plain text, \xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86 \xE4\xB8\xAD") ==
          "plain text, \xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86 \xE4\xB8\xAD");
    CHECK(tl::visible("\x1b[2K\rvalid") == "\\x1b[2K\\rvalid");
    CHECK(tl::visible("a\nb:1:1: error: forged") == "a\\nb:1:1: error: forged");
    CHECK(tl::visible(std::string_view("nul\0", 4)) == "nul\\x00");
    CHECK(tl::visible("del\x7f") == "del\\x7f");
    CHECK(tl::visible("csi\xC2\x9B"
                      "1m") == "csi\\u009b1m");
    CHECK(tl::visible("rlo\xE2\x80\xAE"
                      "x") == "rlo\\u202ex");
    CHECK(tl::visible("zw\xE2\x80\x8B"
                      "sp\xEF\xBB\xBF") == "zw\\u200bsp\\ufeff");
    CHECK(tl::visible("tag\xF3\xA0\x81\x81") == "tag\\U000e0041");
    SUBCASE("bytes that are not UTF-8, as in a file name") {
        CHECK(tl::visible("a\xFF\x9B"
                          "b") == "a\\xff\\x9bb");
        CHECK(tl::visible("\xE2\x80") == "\\xe2\\x80");
    }
    SUBCASE("a tab is escaped unless kept") {
        CHECK(tl::visible("a\tb") == "a\\tb");
        CHECK(tl::visible("a\tb\x1b", true) == "a\tb\\x1b");
    }
    SUBCASE("the escapes are plain ASCII without controls") {
        std::string all;
        for (int b = 0; b < 256; ++b)
            all += static_cast<char>(b);
        all += "\xE2\x80\xAE\xF3\xA0\x81\x81";
        for (char c : tl::visible(all)) {
            const auto u = static_cast<unsigned char>(c);
            CHECK((u >= 0x20 && u < 0x7f));
        }
    }
}

TEST_CASE("isolate keeps its isolate whole whatever the text holds") {
    const std::string fsi = "\xE2\x81\xA8", rli = "\xE2\x81\xA7", pdi = "\xE2\x81\xA9";
    const std::string rlo = "\xE2\x80\xAE";
    // A stray PDI would end the isolate early and let the override reach what follows.
    CHECK(tl::isolate("a" + pdi + rlo + "b") == fsi + "a" + rlo + "b" + pdi);
    // An isolate the text opens is closed inside ours.
    CHECK(tl::isolate(rli + "x") == fsi + rli + "x" + pdi + pdi);
    // Balanced isolates inside are kept as written.
    CHECK(tl::isolate("a" + rli + "x" + pdi + "b") == fsi + "a" + rli + "x" + pdi + "b" + pdi);
}

TEST_CASE("close_isolates closes what a cut left open") {
    const std::string fsi = "\xE2\x81\xA8", pdi = "\xE2\x81\xA9";
    CHECK(tl::close_isolates("1 Sep \xC2\xB7 " + fsi + "Lon") ==
          "1 Sep \xC2\xB7 " + fsi + "Lon" + pdi);
    CHECK(tl::close_isolates(fsi + "a" + pdi + " [1]") == fsi + "a" + pdi + " [1]");
    CHECK(tl::close_isolates("plain") == "plain");
}

TEST_CASE("markdown_text keeps input literal on one line of Markdown") {
    CHECK(tl::markdown_text("North Korea's KN-23 (2024)") == "North Korea's KN-23 (2024)");
    CHECK(tl::markdown_text("*not bold* _nor_ `code`") == "\\*not bold\\* \\_nor\\_ \\`code\\`");
    CHECK(tl::markdown_text("[a link](https://x) ![img](y)") ==
          "\\[a link\\](https://x) \\!\\[img\\](y)");
    CHECK(tl::markdown_text("<script>&amp;</script>") == "\\<script\\>\\&amp;\\</script\\>");
    CHECK(tl::markdown_text("# heading | cell ~strike~ \\") ==
          "\\# heading \\| cell \\~strike\\~ \\\\");
    CHECK(tl::markdown_text("- item") == "\\- item");
    CHECK(tl::markdown_text("+ item") == "\\+ item");
    CHECK(tl::markdown_text("1984. A year") == "1984\\. A year");
    CHECK(tl::markdown_text("2) second") == "2\\) second");
    CHECK(tl::markdown_text("2024-03-12") == "2024-03-12");
    CHECK(tl::markdown_text("line one\nline two") == "line one\\\\nline two");
    CHECK(tl::markdown_text("\x1b[31m") == "\\\\x1b\\[31m");
}

TEST_CASE("html_text and html_attribute: input cannot open a tag, end an attribute or hide") {
    CHECK(tl::html_text("a < b & c > d \"q\" 'a'") == "a &lt; b &amp; c &gt; d \"q\" 'a'");
    CHECK(tl::html_text("</script><!--x") == "&lt;/script&gt;&lt;!--x");
    CHECK(tl::html_attribute("\" onfocus='x' \"") == "&quot; onfocus=&#39;x&#39; &quot;");
    // Controls HTML forbids are dropped, line ends and tabs kept, bad bytes replaced.
    CHECK(tl::html_text(std::string("a\0b\x01\x7f\tc\nd", 10)) == "ab\tc\nd");
    CHECK(tl::html_text("\xc2\x85x") == "x");  // C1 NEL
    CHECK(tl::html_text("a\xff"
                        "b") ==
          "a\xEF\xBF\xBD"
          "b");  // not UTF-8
    CHECK(tl::html_text("Україна 北约 \u202e") == "Україна 北约 \u202e");
}

TEST_CASE("script_json: no text inside a script element can end it or open a comment") {
    const std::string json =
        tl::json_quote("</script><script>alert(1)</script><!-- & \u2028\u2029");
    const std::string safe = tl::script_json(json);
    CHECK(safe.find('<') == std::string::npos);
    CHECK(safe.find('>') == std::string::npos);
    CHECK(safe.find('&') == std::string::npos);
    CHECK(safe.find("\xE2\x80\xA8") == std::string::npos);
    CHECK(safe.find("\xE2\x80\xA9") == std::string::npos);
    CHECK(safe ==
          "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"
          "\\u003c!-- \\u0026 \\u2028\\u2029\"");
    // Raw separators (json_quote escapes them already; a JSON text from elsewhere may not).
    CHECK(tl::script_json("[\"\xE2\x80\xA8\"]") == "[\"\\u2028\"]");
    CHECK(tl::script_json("{\"a\": [1, 2]}") == "{\"a\": [1, 2]}");
}
