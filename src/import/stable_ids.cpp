#include "import/stable_ids.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "base/text.hpp"

namespace tl::importer {
namespace {

/// The ASCII letters for U+00C0..U+00FF ("" for the signs × and ÷).
constexpr std::array<std::string_view, 64> kLatin1Letters = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};

std::size_t unplain_characters(std::string_view name) {
    return static_cast<std::size_t>(std::count_if(name.begin(), name.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b < 0x80 && !std::isalnum(b) && c != ' ';
    }));
}

}  // namespace

std::uint64_t stable_hash(std::string_view bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string hex_digits(std::uint64_t hash, int digits) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out(static_cast<std::size_t>(digits), '0');
    for (int i = digits - 1; i >= 0; --i) {
        out[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
        hash >>= 4;
    }
    return out;
}

std::string slug(std::string_view utf8, std::size_t max_size) {
    std::string out;
    bool gap = false;
    const auto add = [&](std::string_view letters) {
        if (letters.empty()) {
            gap = true;
            return;
        }
        if (gap && !out.empty()) out += '-';
        gap = false;
        out += letters;
    };
    for (std::size_t at = 0; at < utf8.size();) {
        const CodePoint cp = next_code_point(utf8, at);
        at += cp.size;
        const char32_t c = cp.value;
        if (c < 0x80 && std::isalnum(static_cast<int>(c))) {
            const char lower = static_cast<char>(std::tolower(static_cast<int>(c)));
            add(std::string_view(&lower, 1));
        } else if (cp.valid && c >= 0xC0 && c <= 0xFF) {
            add(kLatin1Letters[c - 0xC0]);
        } else {
            add("");
        }
    }
    if (out.size() > max_size) {
        const std::size_t dash = out.rfind('-', max_size);
        out.resize(dash != std::string::npos && dash > max_size / 2 ? dash : max_size);
        while (!out.empty() && out.back() == '-')
            out.pop_back();
    }
    return out;
}

std::map<std::string, std::string> actor_ids(const std::vector<std::string>& names) {
    std::map<std::string, std::vector<std::string>> by_slug;
    for (const std::string& name : names)
        by_slug[slug(name)].push_back(name);
    std::map<std::string, std::string> ids;
    for (auto& [base, group] : by_slug) {
        std::sort(group.begin(), group.end());
        group.erase(std::unique(group.begin(), group.end()), group.end());
        std::stable_sort(group.begin(), group.end(),
                         [](const std::string& a, const std::string& b) {
                             return unplain_characters(a) < unplain_characters(b);
                         });
        for (std::size_t i = 0; i < group.size(); ++i) {
            const std::string tail = hex_digits(stable_hash(group[i]), 6);
            ids[group[i]] = base.empty() ? "actor-" + tail : i == 0 ? base : base + "-" + tail;
        }
    }
    return ids;
}

}  // namespace tl::importer
