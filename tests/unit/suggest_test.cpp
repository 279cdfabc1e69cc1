#include <doctest/doctest.h>

#include <string_view>
#include <vector>

#include "base/suggest.hpp"
#include "model/actor_match.hpp"

namespace {

const std::vector<std::string_view> kKinds = {"arms-transfer", "components", "diplomatic"};
const std::vector<std::string_view> kCodes = {"CN", "GB", "IR", "KP", "RU", "UA"};

std::vector<tl::Actor> actors() {
    return {{"CN", "China", "", "", {}},
            {"GB", "United Kingdom", "", "", {}},
            {"IR", "Iran", "", "", {}},
            {"KP", "North Korea", "", "", {}},
            {"RU", "Russia", "", "", {}},
            {"UA", "Ukraine", "", "", {}},
            {"drc", "Democratic Republic of the Congo", "", "", {}}};
}

}  // namespace

TEST_CASE("suggestions: the same but for case, a unique beginning, or a plausible typo") {
    CHECK(tl::suggest("kp", kCodes) == "KP");
    CHECK(tl::suggest("arms", kKinds) == "arms-transfer");
    CHECK(tl::suggest("diplomatc", kKinds) == "diplomatic");
    CHECK(tl::suggest("RUS", kCodes) == "RU");
    CHECK(tl::suggest("IRR", kCodes) == "IR");
    // A short code one letter from another is another code, not a typo.
    CHECK(tl::suggest("UK", kCodes).empty());
    CHECK(tl::suggest("KR", kCodes).empty());
    const std::vector<std::string_view> twins = {"kp", "KP"};
    CHECK(tl::same_but_case("Kp", twins).empty());
}

TEST_CASE("an unknown actor is suggested by name as well as by id, and only when close") {
    const auto all = actors();
    const auto id_of = [&](std::string_view given) {
        const tl::Actor* a = tl::suggest_actor(given, all);
        return a ? a->id : std::string("(none)");
    };
    CHECK(id_of("UK") == "GB");  // the initials of United Kingdom
    CHECK(id_of("iran") == "IR");
    CHECK(id_of("NK") == "KP");
    CHECK(id_of("DRC") == "drc");
    CHECK(id_of("KR") == "(none)");
    CHECK(id_of("US") == "(none)");
    CHECK(tl::did_you_mean_actor("UK", all) == "did you mean 'GB' (United Kingdom)? ");
    CHECK(tl::initials("Democratic Republic of the Congo") == "DRC");
}
