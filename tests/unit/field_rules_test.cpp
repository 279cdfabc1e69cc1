#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <string_view>

#include "model/field_rules.hpp"

namespace {

void ok(std::optional<std::string> (*check)(std::string_view), std::string_view value) {
    CAPTURE(value);
    const auto problem = check(value);
    CHECK_MESSAGE(!problem.has_value(), problem.value_or(""));
}

void bad(std::optional<std::string> (*check)(std::string_view), std::string_view value) {
    CAPTURE(value);
    const auto problem = check(value);
    CHECK(problem.has_value());
    if (problem) CHECK_FALSE(problem->empty());
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += s;
    return out;
}

}  // namespace

TEST_CASE("check_id: [A-Za-z0-9][A-Za-z0-9._-]*, at most 64") {
    ok(tl::check_id, "IR");
    ok(tl::check_id, "iran-missiles-caspian-2024");
    ok(tl::check_id, "a");
    ok(tl::check_id, "0");
    ok(tl::check_id, "9th-army");
    ok(tl::check_id, "US.DoD_2024-09");
    ok(tl::check_id, "a..b");
    ok(tl::check_id, "a-");
    ok(tl::check_id, repeat("x", 64));

    bad(tl::check_id, "");
    bad(tl::check_id, repeat("x", 65));
    bad(tl::check_id, "-a");
    bad(tl::check_id, ".a");
    bad(tl::check_id, "_a");
    bad(tl::check_id, "a b");
    bad(tl::check_id, " a");
    bad(tl::check_id, "a ");
    bad(tl::check_id, "a/b");
    bad(tl::check_id, "a:b");
    bad(tl::check_id, "a#b");
    bad(tl::check_id, "a\tb");
    bad(tl::check_id, "a\nb");
    bad(tl::check_id, "ir\xC3\xA1n");       // a non-ASCII letter
    bad(tl::check_id, "\xD8\xA7\xDB\x8C");  // Persian letters
    bad(tl::check_id, std::string_view("a\0b", 3));
}

TEST_CASE("check_color: #rgb or #rrggbb") {
    ok(tl::check_color, "#2a9d8f");
    ok(tl::check_color, "#2A9D8F");
    ok(tl::check_color, "#000000");
    ok(tl::check_color, "#fff");
    ok(tl::check_color, "#AbC");

    bad(tl::check_color, "");
    bad(tl::check_color, "#");
    bad(tl::check_color, "2a9d8f");
    bad(tl::check_color, "#2a9d8");
    bad(tl::check_color, "#2a9d8f0");
    bad(tl::check_color, "#2a9d8f00");  // no alpha
    bad(tl::check_color, "#ff");
    bad(tl::check_color, "#ffff");
    bad(tl::check_color, "#ggg");
    bad(tl::check_color, "#12345z");
    bad(tl::check_color, "red");
    bad(tl::check_color, " #fff");
    bad(tl::check_color, "#fff ");
    bad(tl::check_color, "##ffff");
    bad(tl::check_color, "rgb(1,2,3)");
}

TEST_CASE("check_tag: [a-z0-9][a-z0-9-]*") {
    ok(tl::check_tag, "missiles");
    ok(tl::check_tag, "iran");
    ok(tl::check_tag, "2024");
    ok(tl::check_tag, "a");
    ok(tl::check_tag, "drones-shahed-136");
    ok(tl::check_tag, "a-");

    bad(tl::check_tag, "");
    bad(tl::check_tag, "-a");
    bad(tl::check_tag, "Missiles");
    bad(tl::check_tag, "missIles");
    bad(tl::check_tag, "a_b");
    bad(tl::check_tag, "a.b");
    bad(tl::check_tag, "a b");
    bad(tl::check_tag, "a/b");
    bad(tl::check_tag, "caf\xC3\xA9");
}

TEST_CASE("check_url: http or https only, with something after the scheme") {
    ok(tl::check_url, "https://www.ukrinform.net/");
    ok(tl::check_url, "http://example.org");
    ok(tl::check_url, "https://example.org/a?b=c&d=e#f");
    ok(tl::check_url, "https://x");
    ok(tl::check_url, "HTTPS://EXAMPLE.ORG/");  // schemes are case-insensitive
    ok(tl::check_url, "Http://example.org");
    ok(tl::check_url, "https://example.org/%20space");
    ok(tl::check_url, "https://fa.wikipedia.org/wiki/\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86");

    bad(tl::check_url, "");
    bad(tl::check_url, "https://");
    bad(tl::check_url, "http://");
    bad(tl::check_url, "javascript:alert(1)");
    bad(tl::check_url, "JavaScript:alert(1)");
    bad(tl::check_url, "ftp://example.org/file");
    bad(tl::check_url, "file:///etc/passwd");
    bad(tl::check_url, "mailto:a@example.org");
    bad(tl::check_url, "data:text/html,<b>x</b>");
    bad(tl::check_url, "www.example.org");
    bad(tl::check_url, "//example.org");
    bad(tl::check_url, "https:/example.org");
    bad(tl::check_url, "https:example.org");
    bad(tl::check_url, "https ://example.org");
    bad(tl::check_url, " https://example.org");
    bad(tl::check_url, "https://example.org ");
    bad(tl::check_url, "https://example.org/a b");
    bad(tl::check_url, "https://example.org/a\tb");
    bad(tl::check_url, "https://example.org/a\nb");
    bad(tl::check_url, "https://example.org/\x7f");
    bad(tl::check_url, "httpsx://example.org");
}

TEST_CASE("check_url: the shape of RFC 3986, so that a URL cannot smuggle syntax") {
    // Well-formed, though they hold what PDF strings treat as syntax: the painter encodes.
    ok(tl::check_url, "https://en.wikipedia.org/wiki/Smiley_:)");
    ok(tl::check_url, "https://x.org/a)/S/JavaScript/JS(app.alert(1)");
    ok(tl::check_url, "https://example.org/it's?q=a'b&r=(c)#frag");
    ok(tl::check_url, "http://example.org:8080/a;b=c,d*e+f!g$h@i~j");
    ok(tl::check_url, "https://[2001:db8::1]/path");
    ok(tl::check_url, "https://example.org/100%25/%E2%82%AC");
    ok(tl::check_url, "https://example.org?q=1");
    ok(tl::check_url, "https://example.org#top");
    ok(tl::check_url,
       "https://\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBC\xD0\xB5\xD1\x80.\xD1\x80\xD1\x84/");  // IDN

    bad(tl::check_url, "https://x.org/a\\");   // backslash
    bad(tl::check_url, "https://x.org/a\"b");  // double quote
    bad(tl::check_url, "https://x.org/<script>");
    bad(tl::check_url, "https://x.org/{a}|b^c`d");
    bad(tl::check_url, "https://x.org/%");  // a '%' that escapes nothing
    bad(tl::check_url, "https://x.org/%2");
    bad(tl::check_url, "https://x.org/%zz");
    bad(tl::check_url, "https://x.org/a#b#c");
    bad(tl::check_url, "https://x.org/a[1]");  // brackets belong to IPv6 hosts
    bad(tl::check_url, "https:///path");       // no host
    bad(tl::check_url, "https://:80/");
    bad(tl::check_url, "https://x.org:/");
    bad(tl::check_url, "https://x.org:port/");
    bad(tl::check_url, "https://x.org:99999/");
    bad(tl::check_url, "https://[zz]/");
    bad(tl::check_url, "https://[::1]x/");
    bad(tl::check_url, "https://user:pw@x.org/");  // deceptive: x.org is the host
    bad(tl::check_url, "https://google.com@x.org/");
    bad(tl::check_url, "https://x.org/\xC2\x85");      // U+0085, a C1 control
    bad(tl::check_url, "https://x.org/\xE2\x80\xAE");  // U+202E, right-to-left override
    bad(tl::check_url, "https://x.org/\xE2\x80\x8B");  // U+200B, zero-width space
    bad(tl::check_url, "https://x.org/\xC2\xA0");      // U+00A0, no-break space
    bad(tl::check_url, "https://x.org/\xEF\xBB\xBF");  // U+FEFF
    bad(tl::check_url, "https://x.org/\xEF\xBF\xBE");  // U+FFFE, a noncharacter
    bad(tl::check_url, "https://x.org/\xEE\x80\x80");  // private use, outside a query
    ok(tl::check_url, "https://x.org/?\xEE\x80\x80");
    // Default-ignorable and blank-looking letters a reader cannot see (second red-team pass).
    bad(tl::check_url, "https://x.org/a\u3164b");      // Hangul filler
    bad(tl::check_url, "https://x.org/a\u115Fb");      // Hangul choseong filler
    bad(tl::check_url, "https://x.org/a\uFFA0b");      // halfwidth Hangul filler
    bad(tl::check_url, "https://x.org/a\u2800b");      // Braille blank
    bad(tl::check_url, "https://x.org/a\u034Fb");      // combining grapheme joiner
    bad(tl::check_url, "https://x.org/a\u17B4b");      // Khmer inherent vowel
    bad(tl::check_url, "https://x.org/a\uFE0Fb");      // variation selector 16
    bad(tl::check_url, "https://x.org/a\U000E0100b");  // variation selector 17
    bad(tl::check_url, "https://x.org/a\u180Bb");      // Mongolian free variation selector
    ok(tl::check_url, "https://x.org/\u00e9t\u00e9");  // letters stay fine
    bad(tl::check_url, "https://x.org/\xFF");          // not UTF-8
    bad(tl::check_url, "https://x.org/\xC3");
    bad(tl::check_url, std::string_view("https://x.org/a\0b", 17));
}

TEST_CASE("check_url names the character it refuses, never prints it") {
    const auto problem = tl::check_url("https://x.org/\x1b[2K");
    REQUIRE(problem);
    CHECK(problem->find('\x1b') == std::string::npos);
    CHECK(problem->find("U+001B") != std::string::npos);
}

TEST_CASE("check_quantity_number: 0, or 0.001 to 10^15") {
    for (const double v : {0.001, 0.5, 1.0, 200.0, 1.5e6, 1e15})
        CHECK_FALSE(tl::check_quantity_number(v, false));
    CHECK_FALSE(tl::check_quantity_number(0, true));
    for (const double v :
         {0.0, -0.0, -5.0, -1e15, 1e-320, 0.0009, 1e15 * (1 + 1e-15), 1e16, 1e70,
          std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()})
        CHECK(tl::check_quantity_number(v, false));
    CHECK(tl::check_quantity_number(-0.0, true));
    CHECK(tl::check_quantity_number(std::numeric_limits<double>::quiet_NaN(), true));
}

TEST_CASE("check_grading: an Admiralty code [A-F][1-6]") {
    for (char letter = 'A'; letter <= 'F'; ++letter) {
        for (char digit = '1'; digit <= '6'; ++digit) {
            const char code[] = {letter, digit, '\0'};
            ok(tl::check_grading, code);
        }
    }
    bad(tl::check_grading, "");
    bad(tl::check_grading, "B");
    bad(tl::check_grading, "2");
    bad(tl::check_grading, "b2");
    bad(tl::check_grading, "G2");
    bad(tl::check_grading, "B0");
    bad(tl::check_grading, "B7");
    bad(tl::check_grading, "2B");
    bad(tl::check_grading, "B22");
    bad(tl::check_grading, "BB");
    bad(tl::check_grading, " B2");
    bad(tl::check_grading, "B2 ");
}

TEST_CASE("check_title: one line of 1 to 200 characters") {
    ok(tl::check_title, "Iran delivers 200+ ballistic missiles to Russia");
    ok(tl::check_title, "x");
    ok(tl::check_title,
       "\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86 \xE2\x80\x93 \xE4\xB8\xAD\xE5\x9B\xBD");

    SUBCASE("empty") {
        bad(tl::check_title, "");
    }

    SUBCASE("length counts code points, not bytes") {
        ok(tl::check_title, repeat("a", 200));
        bad(tl::check_title, repeat("a", 201));
        // 200 two-byte letters (400 bytes) are 200 characters.
        const std::string persian_200 = repeat("\xD8\xA7", 200);
        REQUIRE(persian_200.size() == 400);
        ok(tl::check_title, persian_200);
        bad(tl::check_title, persian_200 + "\xD8\xA7");
        // Three- and four-byte characters.
        ok(tl::check_title, repeat("\xE4\xB8\xAD", 200));
        bad(tl::check_title, repeat("\xE4\xB8\xAD", 201));
        ok(tl::check_title, repeat("\xF0\x9F\x9A\x80", 199) + "x");
        bad(tl::check_title, repeat("\xF0\x9F\x9A\x80", 200) + "x");
        ok(tl::check_title, repeat("a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x9A\x80", 50));
        bad(tl::check_title, repeat("a\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x9A\x80", 50) + "!");
    }
}

TEST_CASE("check_text: the one rule of every text field") {
    using Check = std::optional<std::string> (*)(std::string_view);
    const Check one = [](std::string_view s) { return tl::check_text(s, tl::TextLines::one); };
    const Check many = [](std::string_view s) { return tl::check_text(s, tl::TextLines::many); };
    ok(one, "Iran delivers 200+ ballistic missiles");
    ok(one, "");
    ok(one, "\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86 \xE4\xB8\xAD");
    // Bidi controls and zero-width characters are text: right-to-left names need them.
    ok(one,
       "Rial \xE2\x80\xAE"
       "desrever \xE2\x80\x8D\xE2\x81\xA8x\xE2\x81\xA9");

    SUBCASE("control characters") {
        for (const Check check : {one, many}) {
            bad(check, "a\rb");
            bad(check, "bell\a");
            bad(check, "\x1b[31mred");
            bad(check, "del\x7f");
            bad(check, std::string_view("nul\0", 4));
            bad(check, "bs\b");
        }
        bad(one, "two\nlines");
        bad(one, "a\tb");
        bad(one, "\n");
    }

    SUBCASE("C1 controls and Unicode's line and paragraph separators") {
        // U+0085 NEXT LINE and U+009B CSI are in Unicode's Cc category.
        for (const Check check : {one, many}) {
            bad(check, "two\xC2\x85lines");
            bad(check,
                "a\xC2\x9B"
                "31mred");
            bad(check,
                "a\xE2\x80\xA8"
                "b");
            bad(check,
                "a\xE2\x80\xA9"
                "b");
        }
    }

    SUBCASE("a field of many lines may hold line feeds and tabs") {
        ok(many, "first line\n\tsecond line\n");
    }

    SUBCASE("the message names the character") {
        CHECK(one("a\x1b") == "holds the control character U+001B");
        CHECK(one("a\n") == "is one line, but holds the line break U+000A");
        CHECK(many("a\xE2\x80\xA8") == "holds the separator U+2028");
    }
}

TEST_CASE("parse_number reads numbers exactly") {
    const auto is = [](std::string_view s, double expected) {
        CAPTURE(s);
        const auto v = tl::parse_number(s);
        REQUIRE(v.has_value());
        CHECK(*v == expected);
    };
    is("200", 200);
    is("0", 0);
    is("1.5e6", 1.5e6);
    is("1.5E6", 1.5e6);
    is("-3", -3);
    is("+4", 4);
    is("180000", 180000);
    is("1500000", 1500000);
    is("0.25", 0.25);
    is("-0.5", -0.5);
    is("2e-3", 0.002);
    is("+1.5e6", 1.5e6);
    is("1e308", 1e308);

    const auto rejected = [](std::string_view s) {
        CAPTURE(s);
        CHECK_FALSE(tl::parse_number(s).has_value());
    };
    rejected("200+");
    rejected("many");
    rejected("");
    rejected("1e999");
    rejected("-1e999");
    rejected("nan");
    rejected("NaN");
    rejected("inf");
    rejected("-inf");
    rejected("infinity");
    rejected("+");
    rejected("-");
    rejected("++4");
    rejected("+-3");  // a sign after the sign YAML allows is not a number
    rejected("200 ");
    rejected(" 200");
    rejected("1,500");
    rejected("1.5e");
    rejected("e6");
    rejected("about 200");
    rejected("200k");
    rejected("0x10");
}
