#include <doctest/doctest.h>

#include "cli/depfile.hpp"

using tl::cli::make_depfile;
using tl::cli::make_escape;
using tl::cli::make_name_problem;

// Each expectation was checked against GNU make 4.3: a rule naming the escaped path makes
// make look at exactly the file of that name.

TEST_CASE("plain paths are written as they are") {
    CHECK(make_escape("events/iran.yaml") == "events/iran.yaml");
    CHECK(make_escape("out/timeline-2024_v2.pdf") == "out/timeline-2024_v2.pdf");
    CHECK(make_escape("/abs/path/with.many.dots/x.yml") == "/abs/path/with.many.dots/x.yml");
    CHECK(make_escape("events (old)/a,b+c@d~e.yaml") == "events\\ (old)/a,b+c@d~e.yaml");
}

TEST_CASE("characters make reads specially are escaped") {
    CHECK(make_escape("my events/a b.yaml") == "my\\ events/a\\ b.yaml");
    CHECK(make_escape("a\tb") == "a\\\tb");
    CHECK(make_escape("issue#5.yaml") == "issue\\#5.yaml");
    CHECK(make_escape("cost$.yaml") == "cost$$.yaml");
    CHECK(make_escape("$$") == "$$$$");
    CHECK(make_escape("c:x.yaml") == "c\\:x.yaml");
    CHECK(make_escape("a|b.yaml") == "a\\|b.yaml");
    CHECK(make_escape("w*x?.yaml") == "w\\*x\\?.yaml");
    CHECK(make_escape("k[a].yaml") == "k\\[a].yaml");
    CHECK(make_escape("100%.yaml") == "100%.yaml");  // literal in a prerequisite
}

TEST_CASE("backslashes are doubled only where make would read them as escapes") {
    CHECK(make_escape("b\\x.yaml") == "b\\x.yaml");
    CHECK(make_escape("a\\\\b") == "a\\\\b");
    CHECK(make_escape("sp\\ x") == "sp\\\\\\ x");      // backslash, then a space
    CHECK(make_escape("q\\#x") == "q\\\\\\#x");        // backslash, then '#'
    CHECK(make_escape("q\\\\:x") == "q\\\\\\\\\\:x");  // two backslashes, then ':'
    CHECK(make_escape("q\\$x") == "q\\$$x");           // '$' is doubled, not backslashed
}

TEST_CASE("paths make cannot name are refused with the reason") {
    CHECK(make_name_problem("events/a.yaml", false).empty());
    CHECK(make_name_problem("a b#c$d:e|f.yaml", true).empty());
    CHECK(make_name_problem("100%.yaml", false).empty());
    CHECK(make_name_problem("100%.pdf", true).find("'%'") != std::string::npos);
    CHECK(make_name_problem("two\nlines.yaml", false).find("line break") != std::string::npos);
    CHECK_FALSE(make_name_problem("a=b.yaml", false).empty());
    CHECK_FALSE(make_name_problem("a;b.yaml", false).empty());
    CHECK_FALSE(make_name_problem("~x.yaml", false).empty());
    CHECK(make_name_problem("x~.yaml", false).empty());
    CHECK_FALSE(make_name_problem("trailing\\", false).empty());
    CHECK_FALSE(make_name_problem("lib(member)", false).empty());
    CHECK(make_name_problem("events (old)/", false).empty());  // folders end with '/'
    CHECK_FALSE(make_name_problem("w\\*x", false).empty());
    CHECK_FALSE(make_name_problem("", false).empty());
}

TEST_CASE("a depfile names the targets, the prerequisites and an empty rule for each") {
    const auto d = make_depfile({"out/a.pdf", "out/a b.svg"},
                                {"events/", "events/x.yaml", "templates/default.yaml"});
    CHECK(d.problem.empty());
    CHECK(d.text ==
          "out/a.pdf out/a\\ b.svg: \\\n"
          "  events/ \\\n"
          "  events/x.yaml \\\n"
          "  templates/default.yaml\n"
          "\n"
          "events/:\n"
          "\n"
          "events/x.yaml:\n"
          "\n"
          "templates/default.yaml:\n");
}

TEST_CASE("a depfile that cannot be written says which path and why") {
    const auto no_target = make_depfile({}, {"a.yaml"});
    CHECK(no_target.text.empty());
    CHECK_FALSE(no_target.problem.empty());

    const auto bad_input = make_depfile({"a.pdf"}, {"ok.yaml", "x=y.yaml"});
    CHECK(bad_input.text.empty());
    CHECK(bad_input.problem.find("'x=y.yaml'") != std::string::npos);

    const auto bad_output = make_depfile({"50%.pdf"}, {"ok.yaml"});
    CHECK(bad_output.problem.find("'50%.pdf'") != std::string::npos);
}
