#include "load/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cstdio>
#include <istream>
#include <limits>
#include <stdexcept>
#include <streambuf>

namespace tl::yaml {

NodeType NodeRef::type() const {
    return tree_ ? tree_->items_[index_].type : NodeType::null;
}

std::string_view NodeRef::scalar() const {
    if (!tree_) return {};
    const Tree::Item& item = tree_->items_[index_];
    return std::string_view(tree_->text_).substr(item.text_begin, item.text_size);
}

bool NodeRef::is_quoted() const {
    return tree_ && tree_->items_[index_].quoted;
}

int NodeRef::line() const {
    return tree_ ? tree_->items_[index_].line : -1;
}

int NodeRef::column() const {
    return tree_ ? tree_->items_[index_].column : -1;
}

std::size_t NodeRef::size() const {
    if (!tree_) return 0;
    const Tree::Item& item = tree_->items_[index_];
    return item.type == NodeType::map ? item.child_count / 2 : item.child_count;
}

NodeRef::ChildIterator& NodeRef::ChildIterator::operator++() {
    if (index_ != kNone) index_ = tree_->items_[index_].next_sibling;
    return *this;
}

NodeRef::ChildIterator NodeRef::begin() const {
    if (!tree_) return end();
    return {tree_, tree_->items_[index_].first_child};
}

NodeRef NodeRef::find(std::string_view key) const {
    if (!is_map()) return {};
    for (auto it = begin(); it != end(); ++it) {
        const NodeRef k = *it;
        ++it;  // a mapping's children come in pairs
        if (k.is_scalar() && k.scalar() == key) return *it;
    }
    return {};
}

/// Where yaml-cpp's marks are in the text as written, when parse_yaml gave it a text with
/// surrogate pairs joined: each `\ud83d\ude80` became `\U0001F680`, two bytes shorter, so
/// columns after it on its line moved left by two. Lines never move.
class MarkMap {
  public:
    /// A joined pair on 0-based `line`, at 0-based `column` of the text yaml-cpp reads.
    void joined(int line, int column) { joins_.push_back({line, column}); }

    /// The 0-based column in the text as written.
    int column(int line, int column) const {
        // Joins come in text order, so those before the mark on its line are one range:
        // found by halving, since a file may hold millions of pairs and of nodes.
        const auto first = std::lower_bound(joins_.begin(), joins_.end(), Join{line, -1});
        const auto past = std::lower_bound(first, joins_.end(), Join{line, column});
        return column + 2 * static_cast<int>(past - first);
    }

  private:
    struct Join {
        int line;
        int column;
        friend auto operator<=>(const Join&, const Join&) = default;
    };
    std::vector<Join> joins_;
};

/// Builds a Tree from yaml-cpp's parser events. Refuses aliases (see loader.cpp) and tags
/// other than !!str (see parse_yaml), and notices yaml-cpp 0.7 starting a document where the last
/// one started: on a ',' outside any bracket at the top of a document it never moves on, and would
/// make empty documents until memory runs out (https://github.com/jbeder/yaml-cpp/issues/1040,
/// fixed upstream in 2024, after 0.8.0).
class TreeBuilder : public YAML::EventHandler {
  public:
    TreeBuilder(Tree& tree, std::string_view text, const MarkMap& marks)
        : tree_(tree), marks_(marks) {
        // About one node per line is what an event file holds; scalars hold less text than
        // the file.
        tree_.items_.reserve(1 +
                             static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
        tree_.text_.reserve(text.size());
    }

    struct Stop {
        YamlError::Kind kind;
        YAML::Mark mark;
        std::string tag = {};
    };

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (started_ && mark.pos == last_start_) throw Stop{YamlError::stall, mark};
        started_ = true;
        last_start_ = mark.pos;
        tree_.roots_.push_back(0);  // the null node, until the document's node arrives
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
        add(NodeType::null, mark);
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
        throw Stop{YamlError::alias, mark};
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                  const std::string& value) override {
        // yaml-cpp gives a plain scalar the tag "?", a quoted one "!".
        const bool text = tag == "!" || tag == kStringTag;
        if (!text) check_tag(mark, tag);
        const std::uint32_t index = add(NodeType::scalar, mark);
        if (tree_.text_.size() + value.size() > std::numeric_limits<std::uint32_t>::max())
            throw std::length_error("more than 4 GiB of text in one file");
        Tree::Item& item = tree_.items_[index];
        item.quoted = text;
        item.text_begin = static_cast<std::uint32_t>(tree_.text_.size());
        item.text_size = static_cast<std::uint32_t>(value.size());
        tree_.text_ += value;
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                         YAML::EmitterStyle::value /*style*/) override {
        check_tag(mark, tag);
        open_.push_back({add(NodeType::sequence, mark), NodeRef::kNone});
    }
    void OnSequenceEnd() override { open_.pop_back(); }
    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t /*anchor*/,
                    YAML::EmitterStyle::value /*style*/) override {
        check_tag(mark, tag);
        open_.push_back({add(NodeType::map, mark), NodeRef::kNone});
    }
    void OnMapEnd() override { open_.pop_back(); }

  private:
    static constexpr std::string_view kCoreTags = "tag:yaml.org,2002:";
    static constexpr std::string_view kStringTag = "tag:yaml.org,2002:str";

    /// Refuses any tag but the "?" yaml-cpp gives a node written without one.
    static void check_tag(const YAML::Mark& mark, std::string_view tag) {
        if (tag == "?") return;
        std::string shown(tag);
        if (tag.starts_with(kCoreTags)) shown = "!!" + shown.substr(kCoreTags.size());
        throw Stop{YamlError::tag, mark, std::move(shown)};
    }

    /// Appends a node as the next child of the open collection, or as the document's root.
    std::uint32_t add(NodeType type, const YAML::Mark& mark) {
        if (tree_.items_.size() >= NodeRef::kNone) throw std::length_error("too many YAML nodes");
        const auto index = static_cast<std::uint32_t>(tree_.items_.size());
        Tree::Item& item = tree_.items_.emplace_back();
        item.type = type;
        item.line = mark.line;
        item.column = marks_.column(mark.line, mark.column);
        if (open_.empty()) {
            if (!tree_.roots_.empty()) tree_.roots_.back() = index;
            return index;
        }
        Open& parent = open_.back();
        if (parent.last_child == NodeRef::kNone)
            tree_.items_[parent.node].first_child = index;
        else
            tree_.items_[parent.last_child].next_sibling = index;
        parent.last_child = index;
        ++tree_.items_[parent.node].child_count;
        return index;
    }

    struct Open {
        std::uint32_t node;
        std::uint32_t last_child;
    };
    Tree& tree_;
    const MarkMap& marks_;
    std::vector<Open> open_;
    bool started_ = false;
    int last_start_ = 0;
};

namespace {

/// Lets yaml-cpp read the caller's text in place instead of from a copy in a stringstream.
class ViewBuffer : public std::streambuf {
  public:
    explicit ViewBuffer(std::string_view text) {
        char* begin = const_cast<char*>(text.data());  // read only: no put area is set
        setg(begin, begin, begin + text.size());
    }
};

/// The text with each surrogate pair escape at `pairs` written as the one `\U` escape of its
/// character, noting in `marks` where yaml-cpp's columns move.
std::string join_surrogate_pairs(std::string_view text, std::span<const std::size_t> pairs,
                                 MarkMap& marks) {
    const auto hex = [&](std::size_t at) {
        return static_cast<char32_t>(std::stoul(std::string(text.substr(at, 4)), nullptr, 16));
    };
    std::string out;
    out.reserve(text.size());
    std::size_t copied = 0;
    int line = 0;
    std::size_t line_start = 0;  // in `out`
    for (const std::size_t at : pairs) {
        for (std::size_t i = copied; i < at; ++i) {
            out += text[i];
            if (text[i] == '\n') {
                ++line;
                line_start = out.size();
            }
        }
        const char32_t c = 0x10000 + ((hex(at + 2) - 0xD800) << 10) + (hex(at + 8) - 0xDC00);
        char escape[11];
        std::snprintf(escape, sizeof escape, "\\U%08X", static_cast<unsigned>(c));
        marks.joined(line, static_cast<int>(out.size() - line_start));
        out += escape;
        copied = at + 12;
    }
    out.append(text.substr(copied));
    return out;
}

}  // namespace

ParsedYaml parse_yaml(std::string_view text, std::span<const std::size_t> surrogate_pairs) {
    ParsedYaml out;
    MarkMap marks;
    std::string joined;
    if (!surrogate_pairs.empty()) {
        joined = join_surrogate_pairs(text, surrogate_pairs, marks);
        text = joined;
    }
    const auto located = [&](YamlError::Kind kind, std::string message, const YAML::Mark& mark) {
        if (mark.is_null()) return YamlError{kind, std::move(message), -1, -1};
        return YamlError{kind, std::move(message), mark.line, marks.column(mark.line, mark.column)};
    };
    ViewBuffer buffer(text);
    std::istream in(&buffer);
    TreeBuilder builder(out.tree, text, marks);
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const TreeBuilder::Stop& stop) {
        out.error = located(stop.kind, stop.tag, stop.mark);
    } catch (const YAML::Exception& e) {
        out.error = located(YamlError::syntax, e.msg, e.mark);
    }
    return out;
}

}  // namespace tl::yaml
