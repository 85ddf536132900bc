#pragma once
// Editing the song's sections (the ruler) as pure functions of the arrangement: move one to another place in the
// order, duplicate, delete, rename. The bars of every track inside a section go with it (a clip that crosses a
// section's edge is cut there, and its loop starts again at the edge); the sections stay consecutive and the song's
// length follows. False, and no change, for an edit that cannot be made (the last section cannot go, a duplicate
// would grow the song past maxSongSeconds).
#include "Arrangement/Arrangement.h"

namespace loopmind {

bool moveSection(Arrangement& a, int section, int newIndex);
bool duplicateSection(Arrangement& a, int section);
bool deleteSection(Arrangement& a, int section);
bool renameSection(Arrangement& a, int section, const std::string& name);

} // namespace loopmind
