#pragma once

#define POINTERHOLDER_TRANSITION 4  // qpdf: its shared_ptr API only
#include <qpdf/QPDF.hh>

namespace tl {

/// Marks a tagged PDF's decorations as artifacts, which screen readers skip and PDF/UA asks
/// for (content is either in the structure tree or an artifact, ISO 14289-1 7.1). Two kinds
/// of content are decoration: what PdfStructure tags "Private" (lanes, grid lines, the
/// axis's backdrop: cairo 1.16 has no artifacts, and writes them as structure elements like
/// any other), and what cairo draws outside every element (the page's background). The
/// Private elements leave the structure tree and the parent tree, and each page's content
/// stream is rewritten so that both are `/Artifact BMC ... EMC` sequences; nothing else in
/// the stream changes. Throws what qpdf throws.
void mark_artifacts(QPDF& doc);

}  // namespace tl
