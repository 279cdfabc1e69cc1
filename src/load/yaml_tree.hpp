#pragma once

// A compact tree of YAML documents, built from yaml-cpp's event parser.
//
// Why not YAML::LoadAll: its node tree costs about 11 KB per event in shared pointers,
// maps and one allocation per node, and building and freeing it is about a fifth of the
// parse. The loader only reads each tree once, in order, so a flat array of nodes with
// their text in one buffer does the same job: same marks, same order of keys (repeated
// keys kept, as yaml-cpp keeps them), same distinction between null, text, list and
// mapping. Internal to the load stage; nothing here includes yaml-cpp.

#include <cstdint>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tl::yaml {

enum class NodeType : std::uint8_t { null, scalar, sequence, map };

class Tree;

/// A node of a Tree, by index: cheap to copy, valid while its Tree lives. A default NodeRef
/// is "undefined" (a key that is not there) and reads as null.
class NodeRef {
  public:
    NodeRef() = default;
    NodeRef(const Tree* tree, std::uint32_t index) : tree_(tree), index_(index) {}

    bool defined() const { return tree_ != nullptr; }
    NodeType type() const;
    bool is_null() const { return type() == NodeType::null; }
    bool is_scalar() const { return type() == NodeType::scalar; }
    bool is_sequence() const { return type() == NodeType::sequence; }
    bool is_map() const { return type() == NodeType::map; }
    /// The text of a scalar (empty for any other node).
    std::string_view scalar() const;
    /// Whether a scalar was written in quotes: YAML then makes it text, never a number.
    bool is_quoted() const;
    /// yaml-cpp's 0-based position of the node; -1 when it has none.
    int line() const;
    int column() const;
    /// Items of a list, or key-value pairs of a mapping.
    std::size_t size() const;

    /// Walks the children in order: the items of a list; for a mapping, key, value, key, ...
    class ChildIterator {
      public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = NodeRef;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = NodeRef;

        ChildIterator() = default;
        ChildIterator(const Tree* tree, std::uint32_t index) : tree_(tree), index_(index) {}
        /// Past the end (a mapping's value read with `*++it`), an undefined node.
        NodeRef operator*() const { return index_ == kNone ? NodeRef() : NodeRef(tree_, index_); }
        ChildIterator& operator++();
        ChildIterator operator++(int) {
            ChildIterator before = *this;
            ++*this;
            return before;
        }
        bool operator==(const ChildIterator& other) const { return index_ == other.index_; }

      private:
        const Tree* tree_ = nullptr;
        std::uint32_t index_ = 0;
    };
    ChildIterator begin() const;
    ChildIterator end() const { return {tree_, kNone}; }

    /// The value of the first key of a mapping that is the scalar `key`; undefined if none.
    NodeRef find(std::string_view key) const;

    static constexpr std::uint32_t kNone = 0xffffffffu;

  private:
    const Tree* tree_ = nullptr;
    std::uint32_t index_ = 0;
};

/// Every document of one file, as parsed. Documents are in file order; an empty document
/// is a null node.
class Tree {
  public:
    std::size_t document_count() const { return roots_.size(); }
    NodeRef document(std::size_t i) const { return {this, roots_[i]}; }

  private:
    friend class NodeRef;
    friend class TreeBuilder;

    struct Item {
        NodeType type = NodeType::null;
        bool quoted = false;
        std::int32_t line = -1;
        std::int32_t column = -1;
        std::uint32_t text_begin = 0;  ///< a scalar's text, in text_
        std::uint32_t text_size = 0;
        std::uint32_t first_child = NodeRef::kNone;
        std::uint32_t next_sibling = NodeRef::kNone;
        std::uint32_t child_count = 0;
    };
    /// Item 0 is a null node without a position, for documents that have no node at all.
    std::vector<Item> items_{Item{}};
    std::string text_;
    std::vector<std::uint32_t> roots_;
};

/// Why a text could not be parsed: yaml-cpp's own syntax errors, an alias (event files
/// refuse them), a tag other than !!str, or a document that yaml-cpp 0.7 would repeat forever.
struct YamlError {
    enum Kind { syntax, alias, tag, stall } kind = syntax;
    std::string message;  ///< yaml-cpp's message; for a tag, the tag as written (`!!int`)
    int line = -1;        ///< 0-based, as yaml-cpp's marks; -1 when unknown
    int column = -1;
};

struct ParsedYaml {
    Tree tree;
    std::optional<YamlError> error;
};

/// Parses every document of `text` with yaml-cpp's parser. The text must have passed
/// prescan_checks (which bounds nesting and runs of text); the surrogate pair escapes it found
/// (`\ud83d\ude80`, at these byte offsets) are read as the one character they stand for,
/// which yaml-cpp cannot do. Stops at the first problem.
///
/// Tags: `!!str` makes a scalar text, as quotes do, and the non-specific `!` is kept as YAML
/// means it; any other tag is refused, since no field of the format takes what it asks for
/// (`!!int` adds nothing to a plain number, `!!binary` or a local `!tag` cannot be honoured).
ParsedYaml parse_yaml(std::string_view text, std::span<const std::size_t> surrogate_pairs = {});

}  // namespace tl::yaml
