#include "Document/SectionEdits.h"
#include "Arrangement/SongLimits.h"
#include <algorithm>

namespace loopmind {

namespace {

/** A clip's part inside one section, relative to the section's first bar, and where it came from. */
struct Piece {
    ArrangementClip clip;
    int original = 0;      // index of the clip it is part of
    int originalStart = 0; // its bar before the edit
};

/** One section and, per track, the clips inside it (cut at its edges). */
struct SectionContent {
    ArrangementSection section;
    std::vector<std::vector<Piece>> clips; // per track
};

std::vector<SectionContent> slice(const Arrangement& a)
{
    std::vector<SectionContent> out;
    for (const auto& s : a.sections) {
        SectionContent content { s, {} };
        const int s0 = s.startBar, s1 = s.startBar + s.bars;
        for (const auto& t : a.tracks) {
            std::vector<Piece> inside;
            for (size_t index = 0; index < t.clips.size(); ++index) {
                const auto& c = t.clips[index];
                const int c0 = std::max(c.startBar, s0), c1 = std::min(c.startBar + c.bars, s1);
                if (c1 <= c0)
                    continue;
                auto piece = c;
                piece.startBar = c0 - s0;
                piece.bars = c1 - c0;
                if (c0 != c.startBar || c1 != c.startBar + c.bars)
                    piece.reason = {}; // cut by the edit
                inside.push_back({ piece, int(index), c0 });
            }
            content.clips.push_back(std::move(inside));
        }
        out.push_back(std::move(content));
    }
    return out;
}

/** Lays the sections end to end from bar 0 and puts their clips back. Pieces of one clip that are still next to
    each other, in their old order, join again (the loop plays on as before). */
void assemble(Arrangement& a, const Arrangement& before, const std::vector<SectionContent>& sections)
{
    a.sections.clear();
    std::vector<std::vector<Piece>> lanes(a.tracks.size());
    int bar = 0;
    for (const auto& content : sections) {
        auto s = content.section;
        s.startBar = bar;
        a.sections.push_back(s);
        for (size_t t = 0; t < lanes.size() && t < content.clips.size(); ++t)
            for (auto piece : content.clips[t]) {
                piece.clip.startBar += bar;
                auto& lane = lanes[t];
                if (!lane.empty()) {
                    auto& last = lane.back();
                    if (last.original == piece.original && last.clip.startBar + last.clip.bars == piece.clip.startBar
                        && last.originalStart + last.clip.bars == piece.originalStart) {
                        last.clip.bars += piece.clip.bars;
                        const auto& whole = before.tracks[t].clips[size_t(last.original)];
                        if (last.originalStart == whole.startBar && last.clip.bars == whole.bars)
                            last.clip.reason = whole.reason; // whole again
                        continue;
                    }
                }
                lane.push_back(piece);
            }
        bar += s.bars;
    }
    for (size_t t = 0; t < lanes.size(); ++t) {
        a.tracks[t].clips.clear();
        for (const auto& p : lanes[t])
            a.tracks[t].clips.push_back(p.clip);
    }
}

} // namespace

bool moveSection(Arrangement& a, int section, int newIndex)
{
    const int n = int(a.sections.size());
    if (section < 0 || section >= n || newIndex < 0 || newIndex >= n || newIndex == section)
        return false;
    const auto before = a;
    auto sections = slice(a);
    auto moving = std::move(sections[size_t(section)]);
    sections.erase(sections.begin() + section);
    sections.insert(sections.begin() + newIndex, std::move(moving));
    assemble(a, before, sections);
    return true;
}

bool duplicateSection(Arrangement& a, int section)
{
    if (section < 0 || section >= int(a.sections.size()))
        return false;
    const auto before = a;
    auto sections = slice(a);
    sections.insert(sections.begin() + section + 1, sections[size_t(section)]);
    assemble(a, before, sections);
    if (songLimitProblem(a)) { // the song would grow past what renders (Arrangement/SongLimits.h)
        a = before;
        return false;
    }
    return true;
}

bool deleteSection(Arrangement& a, int section)
{
    if (section < 0 || section >= int(a.sections.size()) || a.sections.size() < 2)
        return false;
    const auto before = a;
    auto sections = slice(a);
    sections.erase(sections.begin() + section);
    assemble(a, before, sections);
    return true;
}

bool renameSection(Arrangement& a, int section, const std::string& name)
{
    if (section < 0 || section >= int(a.sections.size()) || name.empty() || a.sections[size_t(section)].name == name)
        return false;
    a.sections[size_t(section)].name = name;
    return true;
}

} // namespace loopmind
