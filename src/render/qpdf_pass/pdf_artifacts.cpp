#include "render/qpdf_pass/pdf_artifacts.hpp"

#include <qpdf/Pl_String.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tl {
namespace {

using Handle = QPDFObjectHandle;
using Token = QPDFTokenizer::Token;

/// cairo nests a few levels (Document, L, LI, LBody); a deep tree is not cairo's.
constexpr int kMaxDepth = 32;

/// The structure type PdfStructure gives decorations: cairo 1.16 refuses "Artifact" as a
/// tag's name and takes only the standard types, of which this one is a producer's own.
constexpr const char* kDecoration = "/Private";

bool is_artifact(Handle element) {
    if (!element.isDictionary()) return false;
    Handle s = element.getKey("/S");
    return s.isName() && s.getName() == kDecoration;
}

/// The marked-content ids a decoration's element holds, by page: its /K is an id, an MCR
/// dictionary, or an array of them.
void collect_ids(Handle kids, Handle page, std::map<QPDFObjGen, std::set<int>>& ids) {
    const auto one = [&](Handle kid) {
        if (kid.isInteger()) {
            if (page.isIndirect()) ids[page.getObjGen()].insert(kid.getIntValueAsInt());
        } else if (kid.isDictionary() && kid.getKey("/MCID").isInteger()) {
            const Handle pg = kid.hasKey("/Pg") ? kid.getKey("/Pg") : page;
            if (pg.isIndirect()) ids[pg.getObjGen()].insert(kid.getKey("/MCID").getIntValueAsInt());
        }
    };
    if (!kids.isArray()) {
        one(kids);
        return;
    }
    for (int i = 0; i < kids.getArrayNItems(); ++i)
        one(kids.getArrayItem(i));
}

/// Takes the decorations' elements out of `element`'s kids, and theirs, noting their ids.
void drop_artifact_elements(Handle element, std::map<QPDFObjGen, std::set<int>>& ids,
                            int depth = 0) {
    if (depth > kMaxDepth || !element.isDictionary()) return;
    Handle kids = element.getKey("/K");
    if (is_artifact(kids)) {
        collect_ids(kids.getKey("/K"), kids.getKey("/Pg"), ids);
        element.replaceKey("/K", Handle::newArray());
        return;
    }
    if (kids.isDictionary()) {
        drop_artifact_elements(kids, ids, depth + 1);
        return;
    }
    if (!kids.isArray()) return;
    std::vector<Handle> kept;
    bool dropped = false;
    for (int i = 0; i < kids.getArrayNItems(); ++i) {
        Handle kid = kids.getArrayItem(i);
        if (is_artifact(kid)) {
            collect_ids(kid.getKey("/K"), kid.getKey("/Pg"), ids);
            dropped = true;
            continue;
        }
        drop_artifact_elements(kid, ids, depth + 1);
        kept.push_back(kid);
    }
    if (dropped) element.replaceKey("/K", Handle::newArray(kept));
}

/// Rewrites a page's content stream: cairo's `/Private <</MCID n>> BDC` becomes
/// `/Artifact BMC` (an artifact has no id), and each run of graphics objects outside every
/// marked-content sequence is wrapped in one `/Artifact BMC ... EMC`. The wrapper opens
/// right before a graphics object that shows something (a painted path, a text object, an
/// image or a shading), never inside one, and closes before the next marked content or at
/// the stream's end; so it never holds only a clipping path (ISO 32000-1 14.6.3 allows no
/// q or Q in such a sequence) and nests with BT and ET.
class ArtifactFilter : public Handle::TokenFilter {
  public:
    void handleToken(const Token& token) override {
        if (token.getType() != QPDFTokenizer::tt_word) {
            if (token.getType() == QPDFTokenizer::tt_name && tag_.empty() &&
                operands_.find_first_not_of(" \t\r\n") == std::string::npos)
                tag_ = token.getValue();
            operands_ += token.getRawValue();
            return;
        }
        operate(token.getValue());
        operands_.clear();
        tag_.clear();
    }

    void handleEOF() override {
        write(path_);
        write(operands_);
        if (wrapped_) write("\nEMC\n");
    }

  private:
    static bool in(std::string_view op, std::initializer_list<std::string_view> ops) {
        for (const std::string_view o : ops)
            if (op == o) return true;
        return false;
    }

    /// Opens the wrapper before something shown outside all marked content.
    void shown() {
        if (depth_ == 0 && text_ == 0 && !wrapped_) {
            write("\n/Artifact BMC\n");
            wrapped_ = true;
        }
    }

    void operate(const std::string& op) {
        const std::string statement = operands_ + op;
        if (op == "BDC" || op == "BMC") {
            if (depth_ == 0 && text_ == 0 && wrapped_) {
                write("\nEMC\n");
                wrapped_ = false;
            }
            ++depth_;
            if (tag_ == kDecoration) {
                write(operands_.substr(0, operands_.find('/')) + "/Artifact BMC");
            } else {
                write(statement);
            }
        } else if (op == "EMC") {
            if (depth_ > 0) --depth_;
            write(statement);
        } else if (in(op, {"m", "l", "c", "v", "y", "h", "re", "W", "W*"})) {
            path_ += statement;  // shown or not, its painting operator says
        } else if (in(op, {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"})) {
            if (op != "n") shown();
            write(path_);
            path_.clear();
            write(statement);
        } else if (op == "BT") {
            shown();
            ++text_;
            write(statement);
        } else if (op == "ET") {
            if (text_ > 0) --text_;
            write(statement);
        } else {
            if (in(op, {"Do", "sh", "BI"})) shown();
            write(statement);
        }
    }

    std::string operands_;  ///< what came since the last operator: operands and spaces
    std::string tag_;       ///< the first operand, when a name
    std::string path_;      ///< a path under construction, until it is painted
    int depth_ = 0;         ///< marked-content sequences open in the stream
    int text_ = 0;          ///< text objects open
    bool wrapped_ = false;  ///< our /Artifact BMC is open
};

}  // namespace

void mark_artifacts(QPDF& doc) {
    Handle tree = doc.getRoot().getKey("/StructTreeRoot");
    if (!tree.isDictionary()) return;
    std::map<QPDFObjGen, std::set<int>> ids;
    drop_artifact_elements(tree, ids);
    Handle parents = tree.getKey("/ParentTree");
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(doc).getAllPages()) {
        Handle object = page.getObjectHandle();
        // The parent tree maps each id on the page to its element: an artifact's has none.
        if (const auto it = ids.find(object.getObjGen());
            it != ids.end() && parents.isDictionary() &&
            object.getKey("/StructParents").isInteger()) {
            QPDFNumberTreeObjectHelper numbers(parents, doc);
            Handle elements;
            if (numbers.findObject(object.getKey("/StructParents").getIntValue(), elements) &&
                elements.isArray())
                for (const int id : it->second)
                    if (id >= 0 && id < elements.getArrayNItems())
                        elements.setArrayItem(id, Handle::newNull());
        }
        std::string content;
        Pl_String sink("artifact content", nullptr, content);
        ArtifactFilter filter;
        page.filterContents(&filter, &sink);
        object.replaceKey("/Contents", Handle::newStream(&doc, content));
    }
}

}  // namespace tl
