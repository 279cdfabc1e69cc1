#pragma once

#include <string>
#include <vector>

#include "layout/citations.hpp"
#include "layout/page_writer.hpp"

namespace tl {

/// Lists the numbered sources at `y`, each URL a link of its own; returns the y below.
double draw_references(PageWriter& page, double y, const Citations& citations);

/// A label the chart had to shorten, in full, and the lane it is in.
struct ShortenedLabel {
    std::string text;
    std::string lane;
};

/// Lists the shortened labels in full under their callout numbers; returns the y below.
double draw_notes(PageWriter& page, double y, const std::vector<ShortenedLabel>& notes);

/// Events of one lane drawn as one mark: the group's label, its lane, and each member's id
/// and full label.
struct GroupNote {
    struct Member {
        std::string event;
        std::string text;
    };
    std::string label;
    std::string lane;
    std::vector<Member> members;
};

/// Lists each group under its label and lane, one member a line; returns the y below.
double draw_group_key(PageWriter& page, double y, const std::vector<GroupNote>& groups);

}  // namespace tl
