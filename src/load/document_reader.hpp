#pragma once

#include "load/yaml_reader.hpp"

namespace tl::yaml {

/// Reads one YAML document (a mapping of actors, kinds, eras and events, or a single
/// event) into `into`, reporting every problem it finds.
void read_document(const NodeRef& doc, const Context& ctx, Model& into);

}  // namespace tl::yaml
